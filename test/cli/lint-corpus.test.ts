// lint with corpus folders configured reads only their catalogues (as the editor does), never
// their drafts: the findings that need corpus facts (a cited resolution's date, the footnote a
// title is cited with) are the same as when lint parsed every corpus draft, and a folder without
// a catalogue is said to give none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lintText, readConfig, type LintRecord } from '../../server/src/cli/commands/lint';
import { bundledCorpusFolder, loadCorpus } from '../../server/src/corpus/load';
import { setCliLocale } from '../../server/src/cli/locale';
import type { Catalogue } from '../../server/src/core';
import { CORPUS_FACTS_DRAFT } from '../corpus/helpers';

const BIN = resolve('bin/resolution-drafter.js');
function lint(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', ...args], { encoding: 'utf8', cwd, env: { ...process.env, LANG: 'C', LC_ALL: 'C', ...env } });
  return { code: r.status, stderr: r.stderr, records: r.stdout ? (JSON.parse(r.stdout) as LintRecord[]) : [] };
}

const DRAFT = CORPUS_FACTS_DRAFT;

let dir: string;
const corpus = () => join(dir, 'corpus');
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-lint-corpus-'));
  // A corpus folder as ingest leaves it: clean drafts and their catalogue.
  mkdirSync(corpus());
  for (const name of readdirSync(bundledCorpusFolder())) {
    const path = join(bundledCorpusFolder(), name);
    if (statSync(path).isFile()) copyFileSync(path, join(corpus(), name));
  }
  // The same drafts without a catalogue.
  mkdirSync(join(dir, 'drafts-only'));
  for (const name of readdirSync(corpus()).filter((n) => n.endsWith('.unres'))) copyFileSync(join(corpus(), name), join(dir, 'drafts-only', name));
  writeFileSync(join(dir, 'draft.unres'), DRAFT);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The findings as lint made them before it read catalogues only: every corpus draft parsed (loadCorpus), its catalogue given to the rules. */
function findingsWithParsedCorpus(config: string): LintRecord[] {
  setCliLocale('en');
  const { settings, folder } = readConfig(config);
  const folders = [...(settings.corpus.useBundled ? [bundledCorpusFolder()] : []), ...settings.corpus.folders.map((f) => resolve(folder, f))];
  return lintText('draft.unres', DRAFT, settings, loadCorpus(folders).catalogue);
}

const rulesOf = (records: LintRecord[]) => records.map((r) => r.rule).sort();

test('a corpus folder with a catalogue: the same findings as with every corpus draft parsed, corpus facts included', () => {
  const config = join(dir, '.resolution-drafter.json');
  writeFileSync(config, JSON.stringify({ corpus: { folders: ['corpus'], useBundled: false }, footnotes: { reuse: 'allow' } }));
  const r = lint(['draft.unres'], dir);
  assert.equal(r.stderr, '');
  assert.deepEqual(r.records, findingsWithParsedCorpus(config));
  const date = r.records.find((x) => x.rule === 'citation-date');
  assert.ok(date, JSON.stringify(r.records));
  assert.match(date.message, /1994-12-15/);
  assert.equal(date.line, 5);
  const reuse = r.records.find((x) => x.rule === 'footnote-reuse');
  assert.ok(reuse, JSON.stringify(r.records));
  assert.equal(reuse.line, 7);
  assert.match(reuse.message, /全面禁止核试验条约/);
});

test('the bundled corpus by default: the same corpus findings', () => {
  const config = join(dir, '.resolution-drafter.json');
  writeFileSync(config, JSON.stringify({ footnotes: { reuse: 'allow' } }));
  const r = lint(['draft.unres'], dir);
  assert.deepEqual(r.records, findingsWithParsedCorpus(config));
  assert.deepEqual(rulesOf(r.records.filter((x) => x.rule === 'citation-date' || x.rule === 'footnote-reuse')), ['citation-date', 'footnote-reuse']);
});

test('no corpus: neither corpus finding (what the two above owe to the catalogue)', () => {
  writeFileSync(join(dir, '.resolution-drafter.json'), JSON.stringify({ corpus: { useBundled: false }, footnotes: { reuse: 'allow' } }));
  const r = lint(['draft.unres'], dir);
  assert.deepEqual(r.records.filter((x) => x.rule === 'citation-date' || x.rule === 'footnote-reuse'), []);
});

test('a folder of drafts without a catalogue gives the rules nothing, and lint says so once', () => {
  const config = join(dir, '.resolution-drafter.json');
  writeFileSync(config, JSON.stringify({ corpus: { folders: ['drafts-only'], useBundled: false }, footnotes: { reuse: 'allow' } }));
  const r = lint(['draft.unres', 'draft.unres'], dir);
  assert.equal(r.stderr, `corpus: ${join(dir, 'drafts-only')} has no catalogue.json, so the checks know no dates or footnotes of its documents (ingest writes one)\n`);
  // As before: the drafts were parsed, but their catalogue, the only thing the rules read, is empty.
  assert.deepEqual(r.records, [...findingsWithParsedCorpus(config), ...findingsWithParsedCorpus(config)]);
  assert.deepEqual(r.records.filter((x) => x.rule === 'citation-date' || x.rule === 'footnote-reuse'), []);
});

test('a large catalogue is read through its index (made on the first lint, made again when the catalogue changes): the same findings', () => {
  // The bundled catalogue with 20,000 more cited documents (3 MB): above the size that is read whole.
  const large = join(dir, 'large');
  mkdirSync(large, { recursive: true });
  for (const name of readdirSync(corpus()).filter((n) => n.endsWith('.unres'))) copyFileSync(join(corpus(), name), join(large, name));
  const catalogue = JSON.parse(readFileSync(join(corpus(), 'catalogue.json'), 'utf8')) as Catalogue;
  for (let i = 0; i < 20_000; i++) catalogue.cited.push({ symbol: `A/RES/PAD/${i}`, kind: 'resolution', titles: [], dates: ['2000-01-01'], citedBy: [{ symbol: 'A/RES/1/1', file: 'x.unres', line: i }], footnotes: [] });
  writeFileSync(join(large, 'catalogue.json'), JSON.stringify(catalogue, null, 2));
  assert.ok(statSync(join(large, 'catalogue.json')).size > 2 * 1024 * 1024);
  const config = join(dir, '.resolution-drafter.json');
  writeFileSync(config, JSON.stringify({ corpus: { folders: ['large'], useBundled: false }, footnotes: { reuse: 'allow' } }));
  // The index goes to the per-user cache of the system temporary folder: here, one of the test's own.
  const temp = join(dir, 'tmp');
  mkdirSync(temp, { recursive: true });
  const env = { TMPDIR: temp, TMP: temp, TEMP: temp };
  const indexes = () => readdirSync(temp, { recursive: true }).map(String).filter((n) => /catalogue-[0-9a-f]+\.bin$/.test(n));
  const expected = findingsWithParsedCorpus(config);
  assert.ok(expected.some((x) => x.rule === 'citation-date'));
  const first = lint(['draft.unres'], dir, env);
  assert.equal(first.stderr, '');
  assert.deepEqual(first.records, expected);
  assert.equal(indexes().length, 1);
  const second = lint(['draft.unres'], dir, env);
  assert.deepEqual(second.records, expected);
  // The catalogue now gives 49/75 E the draft's date: the index made before no longer holds.
  catalogue.cited.find((c) => c.symbol === 'A/RES/49/75E')!.dates = ['1994-12-16'];
  writeFileSync(join(large, 'catalogue.json'), JSON.stringify(catalogue, null, 2));
  const changed = lint(['draft.unres'], dir, env);
  assert.deepEqual(changed.records, findingsWithParsedCorpus(config));
  assert.deepEqual(changed.records.filter((x) => x.rule === 'citation-date'), []);
  assert.equal(indexes().length, 1);
});

test('lint has its own small bundle, and answers as the whole command line does', () => {
  const own = statSync('dist/cli-lint.js').size;
  // A third of the whole command line at most (which holds neither pdfjs nor the Word libraries:
  // dist/pdfjs.js and dist/word.js, loaded on the first PDF or Word document).
  const whole = statSync('dist/cli.js').size;
  assert.ok(own < whole / 3, `dist/cli-lint.js is ${own} bytes, dist/cli.js ${whole}`);
  writeFileSync(join(dir, '.resolution-drafter.json'), JSON.stringify({ footnotes: { reuse: 'allow' } }));
  for (const args of [['--locale', 'zh', 'lint', 'draft.unres'], ['lint', '--format', 'json', 'draft.unres'], ['lint', '--help'], ['lint'], ['lint', '--rule', 'nope=error', 'draft.unres']]) {
    const viaBin = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
    const whole = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(resolve('dist/cli.js'))}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`, '--', ...args], { encoding: 'utf8', cwd: dir });
    assert.deepEqual([viaBin.status, viaBin.stdout, viaBin.stderr], [whole.status, whole.stdout, whole.stderr], args.join(' '));
  }
});
