import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Runs the built command line (npm run build first, as for the protocol tests).
const BIN = resolve('bin/resolution-drafter.js');
function lint(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [BIN, 'lint', ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A/RES/73/62 (2018) reuses footnote 1 — the older practice; the setting decides.
const REUSE_2021 = [
  '第七十六届会议',
  '2021 年 12 月 6 日大会决议',
  '76/54. 建立无核武器世界的联合行动和面向未来的对话',
  '大会，',
  '重申《不扩散核武器条约》¹ 作为国际核不扩散机制的基石具有至关重要的意义，',
  '1. **促请**所有缔约国遵守《不扩散核武器条约》¹ 序言中的设想；',
  '2. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。',
  '---',
  '¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。',
  '',
].join('\n');

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'validator-lint-'));
  mkdirSync(join(dir, 'drafts', 'deep'), { recursive: true });
  writeFileSync(join(dir, 'drafts', 'deep', 'reuse.unres'), REUSE_2021);
  writeFileSync(join(dir, 'drafts', 'broken.unres'), REUSE_2021.replace('2. **决定**', '3. **决定**'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('text format: file:line:column severity rule message; a warning alone exits 0', () => {
  const r = lint([join(dir, 'drafts', 'deep', 'reuse.unres')]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), `${join(dir, 'drafts', 'deep', 'reuse.unres')}:6:27 warning footnote-reuse Footnote 1 is used again. Current practice (documents dated from 2019 on; this one is 2021-12-06) gives a repeated reference a new footnote with the same text.`);
  assert.equal(r.stderr, '0 errors, 1 warning, 0 remarks in 1 file.\n');
});

test('json format, an error exits 1, and columns count UTF-16 units', () => {
  const r = lint(['--format', 'json', join(dir, 'drafts', 'broken.unres')]);
  assert.equal(r.code, 1);
  const records = JSON.parse(r.stdout) as Record<string, unknown>[];
  assert.deepEqual(records.find((x) => x.rule === 'operative-numbering'), {
    file: join(dir, 'drafts', 'broken.unres'), line: 7, column: 1, endLine: 7, endColumn: 3, severity: 'error', rule: 'operative-numbering',
    message: 'Paragraph 3 follows paragraph 1: number 2 is missing.',
  });
});

test('a .resolution-drafter.json above the draft sets the rules; --rule wins over it', () => {
  writeFileSync(join(dir, '.resolution-drafter.json'), JSON.stringify({ footnotes: { reuse: 'allow' }, rules: { 'operative-numbering': 'warning' } }));
  try {
    const r = lint(['--format', 'json', join(dir, 'drafts', 'broken.unres')]);
    assert.equal(r.code, 0, r.stdout);
    const records = JSON.parse(r.stdout) as { rule: string; severity: string }[];
    assert.deepEqual(records.map((x) => [x.rule, x.severity]), [['operative-numbering', 'warning']]);
    const flagged = lint(['--format', 'json', '--rule', 'operative-numbering=error', join(dir, 'drafts', 'broken.unres')]);
    assert.equal(flagged.code, 1);
    const off = lint(['--format', 'json', '--rule=operative-numbering=off', join(dir, 'drafts', 'broken.unres')]);
    assert.deepEqual(JSON.parse(off.stdout), []);
  } finally {
    rmSync(join(dir, '.resolution-drafter.json'));
  }
});

test('--config names the settings file', () => {
  const config = join(dir, 'strict.json');
  writeFileSync(config, JSON.stringify({ rules: { 'footnote-reuse': 'error' } }));
  const r = lint(['--config', config, '--format', 'json', join(dir, 'drafts', 'deep', 'reuse.unres')]);
  assert.equal(r.code, 1);
  assert.equal((JSON.parse(r.stdout) as { severity: string }[])[0].severity, 'error');
});

test('an unreadable file is reported and the others are still linted', () => {
  const r = lint([join(dir, 'missing.unres'), join(dir, 'drafts', 'deep', 'reuse.unres')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /missing\.unres: cannot be read \(ENOENT\)/);
  assert.match(r.stdout, /footnote-reuse/);
});

test('usage errors exit 2', () => {
  assert.equal(lint([]).code, 2);
  assert.equal(lint(['--format', 'xml', 'a.unres']).code, 2);
  assert.equal(lint(['--rule', 'no-such-rule=error', 'a.unres']).code, 2);
  assert.equal(lint(['--rule', 'footnote-reuse=loud', 'a.unres']).code, 2);
  assert.equal(lint(['--config', join(dir, 'none.json'), 'a.unres']).code, 2);
});

test('the README sample lints clean', () => {
  const r = lint(['--format', 'json', 'test/fixtures/sample.unres']);
  assert.deepEqual(JSON.parse(r.stdout), []);
  assert.equal(r.code, 0);
});
