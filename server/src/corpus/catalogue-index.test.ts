// The catalogue index answers what the catalogue read whole answers, for every key; it is made
// once, read after, and made again when the catalogue changes or the index is damaged or of
// another format; the problems reading the catalogue met are said the same way each time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogueFacts, type Catalogue } from '../core/catalogue';
import { bundledCorpusFolder, readCatalogue, readCatalogues } from './load';
import { CATALOGUE_INDEX_FORMAT, catalogueIndexPath, readCatalogueFacts, readFolderFacts, readIndexedCounts } from './catalogue-index';

let dir: string;
let indexFolder: string;
const bundled = () => JSON.parse(readFileSync(join(bundledCorpusFolder(), 'catalogue.json'), 'utf8')) as Catalogue;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-catalogue-index-'));
  indexFolder = join(dir, 'indexes');
});
after(() => rmSync(dir, { recursive: true, force: true }));

function folderWith(name: string, catalogue: unknown): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'catalogue.json'), JSON.stringify(catalogue, null, 2));
  return folder;
}

/** Every key of the catalogue, and some it does not have, answered by both. */
function assertSameFacts(catalogue: Catalogue, facts: ReturnType<typeof readFolderFacts>['facts']) {
  assert.ok(facts);
  const whole = catalogueFacts(catalogue);
  const symbols = [...catalogue.cited.map((c) => c.symbol), 'A/RES/1/1', '', 'A/RES/49/75 E'];
  const titles = [...catalogue.titles.map((t) => t.title), '没有的标题', ''];
  assert.ok(symbols.length > 50 && titles.length > 50);
  for (const s of symbols) assert.deepEqual(facts.citedDates(s), whole.citedDates(s), s);
  for (const t of titles) assert.deepEqual(facts.titleFootnotes(t), whole.titleFootnotes(t), t);
}

test('the index answers as the catalogue read whole, for every symbol and title; made once, then read', () => {
  const catalogue = bundled();
  const folder = folderWith('bundled-copy', catalogue);
  const made = readFolderFacts(folder, { indexFolder, indexAbove: 0 });
  assert.equal(made.source, 'index made');
  assert.equal(made.problem, undefined);
  assertSameFacts(catalogue, made.facts);
  const read = readFolderFacts(folder, { indexFolder, indexAbove: 0 });
  assert.equal(read.source, 'index');
  assertSameFacts(catalogue, read.facts);
  // A known date, through the index.
  assert.deepEqual(read.facts!.citedDates('A/RES/49/75E'), ['1994-12-15']);
  // Small catalogues are read whole.
  assert.equal(readFolderFacts(folder, { indexFolder }).source, 'catalogue');
});

test('the first entry of a symbol or title answers, also across folders, as in the merged catalogue', () => {
  const first: Catalogue = { version: 1, documents: [], cited: [{ symbol: 'A/RES/9/9', kind: 'resolution', titles: [], dates: ['2001-01-01'], citedBy: [], footnotes: [] }], titles: [{ title: 'T', footnotes: ['甲。'], citedBy: [] }] };
  const second: Catalogue = {
    version: 1,
    documents: [],
    cited: [
      { symbol: 'A/RES/9/9', kind: 'resolution', titles: [], dates: ['2002-02-02'], citedBy: [], footnotes: [] },
      { symbol: 'A/RES/8/8', kind: 'resolution', titles: [], dates: ['2003-03-03'], citedBy: [], footnotes: [] },
      { symbol: 'A/RES/8/8', kind: 'resolution', titles: [], dates: ['2004-04-04'], citedBy: [], footnotes: [] },
    ],
    titles: [{ title: 'T', footnotes: ['乙。'], citedBy: [] }],
  };
  const folders = [folderWith('first', first), folderWith('second', second)];
  const merged = catalogueFacts(readCatalogues(folders).catalogue);
  const indexed = readCatalogueFacts(folders, { indexFolder, indexAbove: 0 });
  assert.deepEqual(indexed.sources, ['index made', 'index made']);
  for (const s of ['A/RES/9/9', 'A/RES/8/8', 'A/RES/7/7']) assert.deepEqual(indexed.facts.citedDates(s), merged.citedDates(s), s);
  assert.deepEqual(indexed.facts.citedDates('A/RES/9/9'), ['2001-01-01']);
  assert.deepEqual(indexed.facts.citedDates('A/RES/8/8'), ['2003-03-03']);
  assert.deepEqual(indexed.facts.titleFootnotes('T'), ['甲。']);
});

test('a catalogue written since is read again and its index made again', () => {
  const catalogue = bundled();
  const folder = folderWith('changing', catalogue);
  assert.equal(readFolderFacts(folder, { indexFolder, indexAbove: 0 }).source, 'index made');
  const entry = catalogue.cited.find((c) => c.symbol === 'A/RES/49/75E')!;
  entry.dates = ['1994-12-16'];
  folderWith('changing', catalogue);
  const again = readFolderFacts(folder, { indexFolder, indexAbove: 0 });
  assert.equal(again.source, 'index made');
  assert.deepEqual(again.facts!.citedDates('A/RES/49/75E'), ['1994-12-16']);
  assertSameFacts(catalogue, again.facts);
  assert.equal(readFolderFacts(folder, { indexFolder, indexAbove: 0 }).source, 'index');
});

test('a damaged index, or one of another format, is made again, never misread', () => {
  const catalogue = bundled();
  const folder = folderWith('damaged', catalogue);
  readFolderFacts(folder, { indexFolder, indexAbove: 0 });
  const path = catalogueIndexPath(join(folder, 'catalogue.json'), indexFolder);
  const bytes = readFileSync(path);
  // One byte of an entry changed (a date's digit): the checksum catches it.
  const damaged = Buffer.from(bytes);
  const at = damaged.indexOf('1994-12-15');
  assert.ok(at > 0);
  damaged[at + 3] = '5'.charCodeAt(0);
  writeFileSync(path, damaged);
  const afterDamage = readFolderFacts(folder, { indexFolder, indexAbove: 0 });
  assert.equal(afterDamage.source, 'index made');
  assertSameFacts(catalogue, afterDamage.facts);
  // Another format number.
  const other = Buffer.from(readFileSync(path));
  other.writeUInt32LE(CATALOGUE_INDEX_FORMAT + 1, 8);
  writeFileSync(path, other);
  assert.equal(readFolderFacts(folder, { indexFolder, indexAbove: 0 }).source, 'index made');
  // Cut short, and not an index at all.
  writeFileSync(path, readFileSync(path).subarray(0, 40));
  assert.equal(readFolderFacts(folder, { indexFolder, indexAbove: 0 }).source, 'index made');
  writeFileSync(path, '{}');
  assert.equal(readFolderFacts(folder, { indexFolder, indexAbove: 0 }).source, 'index made');
  assert.equal(readFolderFacts(folder, { indexFolder, indexAbove: 0 }).source, 'index');
});

test('what reading the catalogue reported is said again when its index answers; an unusable catalogue makes no index', () => {
  const catalogue = bundled() as unknown as { cited: unknown[] };
  catalogue.cited.push({ kind: 'resolution' }, 42);
  const folder = folderWith('malformed', catalogue);
  const expected = readCatalogue(folder).problem;
  assert.match(expected ?? '', /2 malformed cited entries dropped; the rest is used/);
  assert.equal(readFolderFacts(folder, { indexFolder, indexAbove: 0 }).problem, expected);
  const read = readFolderFacts(folder, { indexFolder, indexAbove: 0 });
  assert.equal(read.source, 'index');
  assert.equal(read.problem, expected);
  const broken = join(dir, 'broken');
  mkdirSync(broken);
  writeFileSync(join(broken, 'catalogue.json'), '{ not json');
  const none = readFolderFacts(broken, { indexFolder, indexAbove: 0 });
  assert.equal(none.facts, undefined);
  assert.equal(none.problem, readCatalogue(broken).problem);
  assert.match(none.problem ?? '', /not a valid catalogue/);
  assert.equal(readFolderFacts(join(dir, 'no-such-folder'), { indexFolder, indexAbove: 0 }).source, 'none');
});

test('the index header says the catalogue\'s counts; read alone only when the index is up to date', () => {
  const catalogue = bundled();
  const folder = folderWith('counts', catalogue);
  const options = { indexFolder: join(dir, 'count-indexes'), indexAbove: 0 };
  const want = { documents: catalogue.documents.length, cited: catalogue.cited.length, titles: catalogue.titles.length };
  assert.ok(want.cited > 50);
  assert.equal(readIndexedCounts(folder, options), undefined, 'no index yet');
  const made = readFolderFacts(folder, options);
  assert.equal(made.source, 'index made');
  assert.deepEqual(made.counts, want);
  assert.deepEqual(readIndexedCounts(folder, options)?.counts, want);
  assert.deepEqual(readFolderFacts(folder, options).counts, want);
  // Both folders counted, as the merged catalogue's lists.
  assert.equal(readCatalogueFacts([folder, folder], options).counts.cited, readCatalogues([folder, folder]).catalogue.cited.length);
  // A rewritten catalogue: its old index's counts are not said.
  writeFileSync(join(folder, 'catalogue.json'), JSON.stringify({ ...catalogue, cited: catalogue.cited.slice(1) }));
  assert.equal(readIndexedCounts(folder, options), undefined);
  assert.equal(readFolderFacts(folder, options).counts?.cited, want.cited - 1);
  assert.equal(readIndexedCounts(folder, options)?.counts.cited, want.cited - 1);
});
