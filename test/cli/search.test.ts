import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SearchRecord } from '../../server/src/cli/commands/search';

// Runs the built command line (npm run build first, as for the protocol tests).
const BIN = resolve('bin/resolution-drafter.js');
function search(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, 'search', ...args], { encoding: 'utf8', input, env: { ...process.env, TMPDIR: dir } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
const lines = readFileSync('corpus/A-RES-73-62.unres', 'utf8').split('\n');
const line = lines.findIndex((l) => l.startsWith('重申《不扩散核武器条约》¹ 作为国际核不扩散机制的基石'));
const paragraph = lines[line];

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-search-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('text format: percentage, symbol and place, the paragraph below; the exact paragraph first at 100%', () => {
  const r = search([paragraph.replace('¹ ', '')]);
  assert.equal(r.code, 0, r.stderr);
  const out = r.stdout.split('\n');
  assert.equal(out[0], '100%  A/RES/73/62  序言部分第 3 段');
  assert.equal(out[1], `      ${paragraph.replace('¹ ', '')}`);
  const scores = out.filter((l) => /^\s*\d+%/.test(l)).map((l) => parseInt(l, 10));
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
});

test('json format with --limit: score, symbol, where, text, file and 1-based line; a modified text scores below 100', () => {
  const r = search(['--format', 'json', '--limit', '1', paragraph.replace('至关重要', '十分重要')]);
  assert.equal(r.code, 0, r.stderr);
  const records = JSON.parse(r.stdout) as SearchRecord[];
  assert.equal(records.length, 1);
  assert.equal(records[0].symbol, 'A/RES/73/62');
  assert.equal(records[0].where, '序言部分第 3 段');
  assert.equal(records[0].file, resolve('corpus/A-RES-73-62.unres'));
  assert.equal(records[0].line, line + 1);
  assert.ok(records[0].score > 90 && records[0].score < 100);
});

test('a phrase lists the paragraphs that use it word for word; the text may come from standard input', () => {
  const r = search(['--limit', '50', '-'], '审议大会重申，\n');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /NPT\/CONF\.2020\/WP\.77 {2}第 171 段 {2}\(uses the text word for word\)\n {6}审议大会重申，必须推动全面执行该 1995 年决议。/);
});

test('--corpus adds a folder; --no-bundled searches only it', () => {
  const folder = join(dir, 'my-corpus');
  mkdirSync(folder);
  writeFileSync(join(folder, 'A-RES-99-1.unres'), '大会，\n\n1. 请秘书长就本决议的执行情况提交一份从未有过的报告。\n');
  const r = search(['--corpus', folder, '--no-bundled', '--format', 'json', '请秘书长就本决议的执行情况提交一份从未有过的报告。']);
  assert.equal(r.code, 0, r.stderr);
  const records = JSON.parse(r.stdout) as SearchRecord[];
  assert.deepEqual(records.map((x) => [x.score, x.where, x.file]), [[100, '执行部分第 1 段', join(folder, 'A-RES-99-1.unres')]]);
  const none = search(['--corpus', folder, '--no-bundled', '重申《不扩散核武器条约》']);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /No corpus paragraph is 50% close/);
});

test('usage errors exit 2 with a message', () => {
  for (const [args, message] of [
    [[], /give the text to look for/],
    [['--limit', '0', '重申'], /--limit takes a whole number/],
    [['--format', 'xml', '重申'], /--format takes text or json/],
    [['--corpus', join(dir, 'nowhere'), '重申'], /no such folder/],
    [['--frobnicate', '重申'], /unknown option/],
    [['核'], /at least two characters/],
  ] as const) {
    const r = search([...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
  }
});
