// The provenance and compare commands of the built command line, on a draft with known edits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ProvenanceFileRecord } from '../../server/src/cli/commands/provenance';
import type { CompareJson } from '../../server/src/cli/commands/compare';
import { DELETED_START, EARLIER_FILE, INSERTED, knownEdits, MOVED_START, RECALL_AFTER, REWORDED_START } from '../compare/known-edits';

const BIN = resolve('bin/resolution-drafter.js');
let dir: string;
let corpus: string;
let draftFile: string;
const k = knownEdits();

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TMPDIR: dir } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-provenance-'));
  // A corpus of 73/62 alone (no catalogue: the symbol comes from the file name).
  corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  copyFileSync(EARLIER_FILE, join(corpus, 'A-RES-73-62.unres'));
  draftFile = join(dir, 'draft.unres');
  writeFileSync(draftFile, k.draft.replace('73/62. ', '74/__. '));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('provenance --format json: one { file, paragraphs } per draft, lines 1-based, agreed 0–100, new ranges and the closest paragraph', () => {
  const other = join(dir, 'other.unres');
  writeFileSync(other, `大会，\n\n${INSERTED}\n`);
  const r = run(['provenance', '--format', 'json', '--no-bundled', '--corpus', corpus, draftFile, other]);
  assert.equal(r.code, 0, r.stderr);
  const records = JSON.parse(r.stdout) as ProvenanceFileRecord[];
  assert.deepEqual(records.map((x) => x.file), [draftFile, other]);
  const byLine = new Map(records[0].paragraphs.map((p) => [p.line, p]));
  const inserted = byLine.get(k.draftLine(INSERTED) + 1);
  assert.deepEqual({ agreed: inserted?.agreed, new: inserted?.new, closest: inserted?.closest }, { agreed: 0, new: [[0, INSERTED.length]], closest: null });
  const moved = byLine.get(k.draftLine(MOVED_START) + 1);
  assert.equal(moved?.agreed, 100);
  assert.deepEqual(moved?.closest, { symbol: 'A/RES/73/62', where: '序言部分第 10 段', score: 100, file: join(corpus, 'A-RES-73-62.unres'), line: k.earlierLine(MOVED_START) + 1 });
  assert.equal(records[1].paragraphs.length, 1);
  assert.equal(records[1].paragraphs[0].agreed, 0);
});

test('provenance text format: the lens line per paragraph, the new words below', () => {
  const r = run(['provenance', '--no-bundled', '--corpus', corpus, draftFile]);
  assert.equal(r.code, 0, r.stderr);
  const out = r.stdout.split('\n');
  assert.equal(out[0], draftFile);
  assert.ok(out.includes(`${String(k.draftLine(MOVED_START) + 1).padStart(5)}  100 %  A/RES/73/62 序言部分第 10 段`), r.stdout);
  const at = out.findIndex((l) => l.startsWith(String(k.draftLine(REWORDED_START) + 1).padStart(5)));
  assert.match(out[at], /agreed 9\d % · new \d+ % {2}closest 9\d % A\/RES\/73\/62 执行部分第 2 段/);
  assert.equal(out[at + 1], '       new: 全面、切实');
});

test('provenance: a draft that cannot be read is named (exit 1), usage errors exit 2', () => {
  const r = run(['provenance', '--no-bundled', '--corpus', corpus, join(dir, 'missing.unres')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /missing\.unres: cannot be read \(ENOENT\)/);
  assert.equal(run(['provenance', '--format', 'xml', draftFile]).code, 2);
  assert.equal(run(['provenance']).code, 2);
});

test('compare --format json: the predecessor the draft recalls, and exactly the known edits', () => {
  const r = run(['compare', '--format', 'json', '--no-bundled', '--corpus', corpus, draftFile]);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout) as CompareJson;
  assert.deepEqual(json.with, { symbol: 'A/RES/73/62', file: join(corpus, 'A-RES-73-62.unres'), reason: 'the draft recalls A/RES/73/62', rule: 'recalled' });
  const edits = json.paragraphs.filter((p) => p.status !== 'unchanged');
  assert.deepEqual(edits.map((p) => [p.status, p.line, p.withLine]), [
    ['changed', k.draftLine(RECALL_AFTER) + 1, k.earlierLine('回顾其 2017 年') + 1],
    ['new', k.draftLine(INSERTED) + 1, undefined],
    ['moved', k.draftLine(MOVED_START) + 1, k.earlierLine(MOVED_START) + 1],
    ['changed', k.draftLine(REWORDED_START) + 1, k.earlierLine(REWORDED_START) + 1],
    ['deleted', undefined, k.earlierLine(DELETED_START) + 1],
  ]);
  assert.ok(!('line' in edits[4]) && !('withLine' in edits[1]));
  assert.deepEqual(edits[3].inserted, ['全面、切实']);
});

test('compare: --with a symbol or a file; html to a file; a predecessor missing from the corpus is named', () => {
  const html = join(dir, 'report.html');
  const r = run(['compare', '--with', join(corpus, 'A-RES-73-62.unres'), '--format', 'html', '--out', html, '--no-bundled', '--corpus', corpus, draftFile]);
  assert.equal(r.code, 0, r.stderr);
  const page = readFileSync(html, 'utf8');
  assert.match(page, /^<!DOCTYPE html>/);
  assert.ok(page.includes('<ins>全面、切实</ins>'));
  const text = run(['compare', '--with', 'A/RES/73/62', '--no-bundled', '--corpus', corpus, draftFile]);
  assert.equal(text.code, 0, text.stderr);
  assert.ok(text.stdout.includes('[-充分-]{+全面、切实+}执行'), text.stdout);
  assert.match(text.stdout, /unchanged \d+ · changed 2 · new 1 · deleted 1 · moved 1/);
  // 73/62 itself recalls 72/50: not in a corpus of 73/62 alone, and nothing else is there.
  const missing = run(['compare', '--no-bundled', '--corpus', corpus, EARLIER_FILE]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /A\/RES\/72\/50, which is not in the corpus/);
  const unknown = run(['compare', '--with', 'A/RES/1/1', '--no-bundled', '--corpus', corpus, draftFile]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /A\/RES\/1\/1 is neither a file nor a document of the corpus/);
});

test('compare on the bundled corpus: 76/54 finds 73/62 and says that 74/50, which it recalls, is not in the corpus', () => {
  const r = run(['compare', '--format', 'json', 'corpus/A-RES-76-54.unres']);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout) as CompareJson;
  assert.equal(json.with?.symbol, 'A/RES/73/62');
  assert.equal(json.with?.rule, 'overlap');
  assert.equal(json.recalledMissing, 'A/RES/74/50');
  assert.match(r.stderr, /A\/RES\/74\/50, which is not in the corpus/);
});
