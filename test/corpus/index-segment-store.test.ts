// Index segments on disk (segment-store.ts): a corpus changed a little since its index was built
// is answered from the base and a segment over the changes, as a full build would answer, and a
// second start reads the segment instead of building it; too many changes rebuild in full.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { corpusParagraphs } from '../../server/src/core/agreed/corpus-paragraphs';
import { CONTINUATION_SAMPLE, PhraseIndex } from '../../server/src/core/agreed/phrase-index';
import { SegmentedIndex } from '../../server/src/core/agreed/segmented-index';
import { buildKnowledge, knowledgeFromPacked, symbolFacts, updatedKnowledge, type CorpusKnowledge, type PackedKnowledge } from '../../server/src/core';
import { loadCorpus } from '../../server/src/corpus/load';
import { corpusFingerprint, phraseIndexPaths } from '../../server/src/corpus/phrase-index-store';
import { loadOrUpdateIndexAndKnowledge, loadOrUpdatePhraseIndex, maskedDocuments, manifestPath, openIndexAsBuilt, queryUpdatedPhraseIndex, readBaseManifest, rebuildIndexInFull, segmentedIndex } from '../../server/src/corpus/segment-store';

let dir: string;
let folder: string;
let storagePath: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-segment-store-'));
  folder = join(dir, 'corpus');
  storagePath = join(dir, 'storage');
  mkdirSync(folder);
  for (const name of readdirSync('corpus')) if (name.endsWith('.unres') || name === 'catalogue.json') copyFileSync(join('corpus', name), join(folder, name));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const NEW_PARAGRAPH = '欢迎各国就海底电缆的安全与韧性开展合作，并鼓励建立区域协调机制，';

/** A full build over the folder as it is now, to compare with. */
function fullBuild(): PhraseIndex {
  const { drafts } = loadCorpus([folder]);
  return PhraseIndex.build(drafts.map((d) => ({ symbol: d.symbol, file: d.path, model: d.model })));
}

const shown = (index: { continuations(before: string, limit?: number): { text: string; occurrences: number; documents: string[] }[] }, before: string) =>
  index.continuations(before, 5).map((c) => `${c.occurrences} ${c.text} ${[...c.documents].sort().join(',')}`);

/**
 * The composite's continuations against a full build's, where a full build reads every occurrence
 * of the ending (a common one it samples): the same, up to the ties at the end of the list.
 */
function sameAsFull(index: SegmentedIndex, full: PhraseIndex, before: string): void {
  const expected = full.continuations(before, 5);
  const got = index.continuations(before, 5);
  assert.equal(got.length, expected.length, before);
  if (expected.length === 0 || full.occurrences(expected[0].matched).length > CONTINUATION_SAMPLE) return;
  const last = expected[expected.length - 1].occurrences;
  const above = (cs: typeof got) => cs.filter((c) => c.occurrences > last).map((c) => `${c.occurrences} ${c.text} ${[...c.documents].sort().join(',')}`);
  assert.deepEqual(above(got), above(expected), before);
  assert.equal(got[got.length - 1].occurrences, last, before);
}

function prefixes(): string[] {
  const out: string[] = [];
  for (const d of loadCorpus([folder]).drafts) for (const p of corpusParagraphs(d.model)) if (p.text.length > 20) out.push(p.text.slice(0, 9), p.text.slice(0, 16));
  return out;
}

test('an index built in full records its corpus; one draft added makes a segment, read back on the next start', () => {
  const first = loadOrUpdatePhraseIndex([folder], { storagePath });
  assert.equal(first.source, 'built');
  assert.ok(first.path && existsSync(manifestPath(first.path)));
  assert.ok(first.index instanceof PhraseIndex);

  const text = readFileSync(join(folder, 'A-RES-59-76.unres'), 'utf8').replace('59/76. ', '99/999. ').replace(/^深信.*$/m, NEW_PARAGRAPH);
  writeFileSync(join(folder, 'A-RES-99-999.unres'), text);
  const second = loadOrUpdatePhraseIndex([folder], { storagePath });
  assert.ok(second.index instanceof SegmentedIndex, 'a segment');
  assert.equal(second.source, 'file');
  assert.equal(second.segmentSource, 'built');
  assert.equal(second.index.segment?.documentCount, 1);
  const full = fullBuild();
  assert.equal(second.index.documentCount, full.documentCount);
  assert.equal(second.index.paragraphCount, full.paragraphCount);
  assert.equal(second.index.continuations('欢迎各国就海底电缆的')[0]?.text, '安全与韧性开展合作，');
  for (const before of prefixes()) sameAsFull(second.index, full, before);

  const third = loadOrUpdatePhraseIndex([folder], { storagePath });
  assert.ok(third.index instanceof SegmentedIndex);
  assert.equal(third.segmentSource, 'file');
  assert.equal(third.index.continuations('欢迎各国就海底电缆的')[0]?.text, '安全与韧性开展合作，');
});

test('a changed and a removed draft are masked out: their old paragraphs are no longer offered', () => {
  const changedFile = join(folder, 'A-RES-62-42.unres');
  const old = readFileSync(changedFile, 'utf8');
  const oldLine = old.split('\n').find((l) => l.startsWith('认识到'))!;
  writeFileSync(changedFile, old.replace(oldLine, '认识到海底电缆对全球通信的重要作用，'));
  const removed = readFileSync(join(folder, 'A-RES-73-62.unres'), 'utf8');
  unlinkSync(join(folder, 'A-RES-73-62.unres'));
  try {
    // Three changes in a corpus of five: more than the default share, allowed here.
    const loaded = loadOrUpdatePhraseIndex([folder], { storagePath, segmentShare: 1 });
    assert.ok(loaded.index instanceof SegmentedIndex, `a segment: ${loaded.source} ${loaded.problems.join('; ')}`);
    assert.equal(loaded.segmentSource, 'built');
    assert.equal(loaded.index.maskedDocumentCount, 2);
    assert.equal(loaded.index.segment?.documentCount, 2);
    const full = fullBuild();
    assert.equal(loaded.index.paragraphCount, full.paragraphCount);
    for (const before of prefixes()) sameAsFull(loaded.index, full, before);
    // The old line of the changed draft and the removed draft's paragraphs: as a full build answers them.
    const olds = [oldLine.slice(0, 12), ...removed.split('\n').filter((l) => l.length > 20).map((l) => l.slice(0, 12))];
    for (const before of olds) sameAsFull(loaded.index, full, before);
    // What only the old line had is offered no more.
    assert.deepEqual(shown(loaded.index, oldLine.slice(0, 14)), shown(full, oldLine.slice(0, 14)));
    assert.ok(!loaded.index.similar(oldLine, { limit: 20 }).some((r) => r.file === changedFile && r.score === 100), 'the old line is not found');
    assert.equal(loaded.index.continuations('认识到海底电缆对')[0]?.text, '全球通信的重要作用，');
  } finally {
    writeFileSync(changedFile, old);
    writeFileSync(join(folder, 'A-RES-73-62.unres'), removed);
  }
});

test('the knowledge of the base with the segment’s merged in is a full digest’s for an added draft', () => {
  // The base's knowledge: made (once) for the corpus without the added draft, as the server makes it.
  const added = join(folder, 'A-RES-99-999.unres');
  const text = readFileSync(added, 'utf8');
  unlinkSync(added);
  const plain = loadOrUpdateIndexAndKnowledge([folder], { storagePath, rebuild: true, onKnowledge: () => undefined });
  assert.equal(plain.kind === 'base' && plain.segment, undefined);
  writeFileSync(added, text);
  let base: PackedKnowledge | undefined;
  const result = loadOrUpdateIndexAndKnowledge([folder], { storagePath, onKnowledge: (data) => (base = data) });
  assert.equal(result.kind, 'base');
  assert.ok(base && result.kind === 'base' && result.segment, `the base and a segment: ${result.kind === 'base' ? `${result.loaded.source} ${result.loaded.problems.join('; ')}` : 'segment'}`);
  const merged = updatedKnowledge(knowledgeFromPacked(base), knowledgeFromPacked(result.segment.knowledge), maskedDocuments(result.loaded.index, result.segment));
  const corpus = loadCorpus([folder]);
  const full = buildKnowledge(corpus);
  const openers = (k: CorpusKnowledge) => [...k.openers.values()].map((o) => `${o.base} ${o.preambular} ${o.operative} ${[...o.documents].sort().join(',')}`).sort();
  const titles = (k: CorpusKnowledge) => k.titles.map((t) => `${t.title} ${t.uses} ${[...t.documents].sort().join(',')}`).sort();
  assert.deepEqual(openers(merged), openers(full));
  assert.deepEqual(titles(merged), titles(full));
  const symbol = corpus.drafts.find((d) => d.path.endsWith('A-RES-99-999.unres'))!.symbol;
  assert.equal(symbolFacts(merged, symbol)?.draft?.path, join(folder, 'A-RES-99-999.unres'));
  assert.deepEqual(symbolFacts(merged, symbol)?.titles, symbolFacts(full, symbol)?.titles);
  // And as the server holds it: only the segment, the base not read again.
  const kept = loadOrUpdateIndexAndKnowledge([folder], { storagePath, haveBase: result.baseFingerprint, onKnowledge: () => assert.fail('the base knowledge is read again') });
  assert.equal(kept.kind, 'segment');
  assert.equal(kept.kind === 'segment' && kept.segmentSource, 'file');
  assert.ok(segmentedIndex(result.loaded.index, kept.kind === 'segment' ? kept.segment : undefined) instanceof SegmentedIndex);
});

test('the search of the command line reads the base on demand with the segment', () => {
  // The corpus has the added draft since its base was built (the test above): a segment applies.
  const { result, problems } = queryUpdatedPhraseIndex([folder], (index) => ({ segmented: index instanceof SegmentedIndex, found: index.similar(NEW_PARAGRAPH, { limit: 3 }) }), { storagePath });
  assert.deepEqual(problems, []);
  assert.ok(result.segmented, 'the base with its segment');
  assert.ok(result.found.some((r) => r.file === join(folder, 'A-RES-99-999.unres') && r.score === 100), JSON.stringify(result.found));
  const read = loadOrUpdatePhraseIndex([folder], { storagePath });
  assert.deepEqual(result.found, read.index.similar(NEW_PARAGRAPH, { limit: 3 }));
});

test('a base found damaged is built again in full over the corpus as it is now: the segment is dropped', () => {
  const path = phraseIndexPaths([folder], storagePath)[0];
  assert.ok(existsSync(`${path}.segment.json`), 'a segment before');
  let knowledge: PackedKnowledge | undefined;
  const rebuilt = rebuildIndexInFull([folder], { storagePath, onKnowledge: (data) => (knowledge = data) });
  assert.equal(rebuilt.loaded.source, 'built');
  assert.equal(rebuilt.baseFingerprint, corpusFingerprint([folder]));
  assert.equal(readBaseManifest(path)?.fingerprint, rebuilt.baseFingerprint);
  assert.ok(!existsSync(`${path}.segment.json`), 'the segment is gone');
  assert.equal(rebuilt.loaded.index.documentCount, fullBuild().documentCount);
  assert.ok(knowledge, 'the knowledge made again');
  const symbol = loadCorpus([folder]).drafts.find((d) => d.path.endsWith('A-RES-99-999.unres'))!.symbol;
  assert.equal(symbolFacts(knowledgeFromPacked(knowledge), symbol)?.draft?.path, join(folder, 'A-RES-99-999.unres'));
  // The server holding the new base: nothing to do.
  const kept = loadOrUpdateIndexAndKnowledge([folder], { storagePath, haveBase: rebuilt.baseFingerprint, onKnowledge: () => assert.fail('the knowledge is read again') });
  assert.equal(kept.kind, 'segment');
  assert.equal(kept.kind === 'segment' && kept.segment, undefined);
});

test('more changes than a segment takes: the index is built again in full', () => {
  const names = readdirSync(folder).filter((n) => n.endsWith('.unres'));
  const moved = join(dir, 'moved');
  mkdirSync(moved);
  for (const n of names.slice(0, 3)) copyFileSync(join(folder, n), join(moved, n));
  for (const n of names.slice(0, 3)) unlinkSync(join(folder, n));
  const loaded = loadOrUpdatePhraseIndex([folder], { storagePath });
  assert.equal(loaded.source, 'built');
  assert.ok(loaded.index instanceof PhraseIndex);
  assert.equal(loaded.index.documentCount, names.length - 3);
  for (const n of names.slice(0, 3)) copyFileSync(join(moved, n), join(folder, n));
});

test('an index file with no record (an older version or the bench wrote it), read by its own fingerprint, gets its record: the next start opens it as built', () => {
  const own = join(dir, 'unrecorded');
  const ownStorage = join(dir, 'unrecorded-storage');
  mkdirSync(own);
  for (const name of readdirSync('corpus')) if (name.endsWith('.unres')) copyFileSync(join('corpus', name), join(own, name));
  const first = loadOrUpdateIndexAndKnowledge([own], { storagePath: ownStorage, onKnowledge: () => undefined });
  assert.equal(first.kind === 'base' && first.loaded.source, 'built');
  const path = phraseIndexPaths([own], ownStorage)[0];
  unlinkSync(manifestPath(path));
  assert.equal(openIndexAsBuilt([own], ownStorage), undefined, 'no record: not opened as built');
  const again = loadOrUpdateIndexAndKnowledge([own], { storagePath: ownStorage, onKnowledge: () => undefined });
  assert.equal(again.kind === 'base' && again.loaded.source, 'file', 'read, not built again');
  assert.equal(readBaseManifest(path)?.fingerprint, corpusFingerprint([own]));
  const asBuilt = openIndexAsBuilt([own], ownStorage);
  assert.equal(asBuilt?.path, path);
  assert.equal(asBuilt?.fingerprint, corpusFingerprint([own]));
  assert.equal(asBuilt?.readManifest()?.fingerprint, corpusFingerprint([own]));
});

test('an index the command line built in the user folder, its knowledge written by a server with a storage folder: the next start opens it as built', () => {
  const own = join(dir, 'built-by-the-command-line');
  const ownStorage = join(dir, 'built-by-the-command-line-storage');
  mkdirSync(own);
  for (const name of readdirSync('corpus')) if (name.endsWith('.unres')) copyFileSync(join('corpus', name), join(own, name));
  // `resolution-drafter search` has no storage folder: its index goes to the user folder.
  const inUserFolder = phraseIndexPaths([own]).at(-1)!;
  try {
    assert.equal(loadOrUpdatePhraseIndex([own]).source, 'built');
    assert.ok(existsSync(inUserFolder));
    // The editor's server reads that index by its fingerprint and writes the knowledge to its own storage folder.
    const first = loadOrUpdateIndexAndKnowledge([own], { storagePath: ownStorage, onKnowledge: () => undefined });
    assert.equal(first.kind === 'base' && first.loaded.source, 'file');
    assert.ok(existsSync(join(ownStorage, 'phrase-index')), 'the knowledge is in the storage folder');
    assert.ok(!existsSync(phraseIndexPaths([own], ownStorage)[0]), 'the index was not written again there');
    const asBuilt = openIndexAsBuilt([own], ownStorage);
    assert.equal(asBuilt?.path, inUserFolder, 'opened as built, from the user folder');
    assert.ok(asBuilt.knowledgePath.startsWith(join(ownStorage, 'phrase-index')), asBuilt.knowledgePath);
    assert.equal(asBuilt.readManifest()?.fingerprint, corpusFingerprint([own]));
    // An earlier version's index and record left in the storage folder (the first place looked
    // at): passed over for the good one in the user folder, not taken as a reason to read the long way.
    const inStorage = phraseIndexPaths([own], ownStorage)[0];
    const bytes = readFileSync(inUserFolder);
    const length = bytes.readUInt32LE(4);
    const header = JSON.parse(bytes.toString('utf8', 8, 8 + length)) as { format: number };
    const older = Buffer.from(JSON.stringify({ ...header, format: 3 }));
    writeFileSync(inStorage, Buffer.concat([bytes.subarray(0, 8), older, Buffer.alloc(length - older.length, 0x20), bytes.subarray(8 + length)]));
    copyFileSync(manifestPath(inUserFolder), manifestPath(inStorage));
    assert.equal(openIndexAsBuilt([own], ownStorage)?.path, inUserFolder, 'the older file passed over');
  } finally {
    for (const name of readdirSync(join(inUserFolder, '..'))) if (name.startsWith(basename(inUserFolder).replace(/\.bin$/, '')) || name === basename(inUserFolder).replace(/^phrases/, 'knowledge').replace(/\.bin$/, '.json')) rmSync(join(inUserFolder, '..', name), { force: true });
  }
});
