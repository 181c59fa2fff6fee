import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHRASE_INDEX_FORMAT, corpusFingerprint, loadOrBuildPhraseIndex, openPhraseIndexForQuery, phraseIndexPaths, queryPhraseIndex, readPhraseIndex, verifyPhraseIndex } from '../../server/src/corpus/phrase-index-store';
import { PhraseIndex, wholeArray, type PagedArray } from '../../server/src/core/agreed/phrase-index';
import { ProvenanceFinder } from '../../server/src/core/agreed/provenance';
import { openPagedSections, readTextInBackground } from '../../server/src/corpus/paged-section';
import { deferredLength, readDeferredInBackground } from '../../server/src/corpus/deferred-sections';

let dir: string;
let folder: string;
let storage: string;
const load = () => loadOrBuildPhraseIndex([folder], { storagePath: storage });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'phrase-store-'));
  folder = join(dir, 'corpus');
  storage = join(dir, 'storage');
  cpSync('corpus', folder, { recursive: true, filter: (src) => !src.includes('raw') && !src.includes('.index') });
});
after(() => rmSync(dir, { recursive: true, force: true }));

const PHRASES = ['重申《不扩散核武器条约》', '审议大会', '决定在大会第', '核武器国家'];

/** An index file's header, and where its data starts. */
function fileHeader(bytes: Buffer): { header: Record<string, unknown> & { documents: { offset: number; bytes: number; count: number }; folderPaths: string[] }; length: number; start: number } {
  const length = bytes.readUInt32LE(4);
  return { header: JSON.parse(bytes.toString('utf8', 8, 8 + length)) as never, length, start: 8 + length };
}

/** The documents of an index file as it keeps them (format 5: a column per field, in the data after the arrays). */
function documentColumns(bytes: Buffer): { symbols: string[]; folders: number[]; names: (string | null)[] } {
  const { header, start } = fileHeader(bytes);
  return JSON.parse(bytes.toString('utf8', start + header.documents.offset, start + header.documents.offset + header.documents.bytes)) as never;
}

test('a loaded index file answers the same as a fresh build', () => {
  const built = load();
  assert.equal(built.source, 'built');
  assert.equal(built.path, phraseIndexPaths([folder], storage)[0]);
  assert.ok(built.path!.startsWith(join(storage, 'phrase-index')));
  assert.deepEqual(built.problems, []);
  // The file matches the corpus: it is read, no draft is parsed.
  const loaded = loadOrBuildPhraseIndex([folder], { storagePath: storage });
  assert.equal(loaded.source, 'file');
  for (const name of ['text', 'suffixes', 'passageStarts', 'passageParagraphs', 'paragraphPassage', 'suffixWeights', 'bigramKeys', 'bigramPostings'] as const) {
    assert.deepEqual([...wholeArray(loaded.index.data[name])], [...wholeArray(built.index.data[name])], name);
  }
  assert.deepEqual(loaded.index.data.documents, built.index.data.documents);
  for (const phrase of PHRASES) {
    assert.deepEqual(loaded.index.continuations(phrase, 20), built.index.continuations(phrase, 20));
    assert.ok(built.index.continuations(phrase, 20).length > 0, phrase);
    assert.deepEqual(loaded.index.occurrences(phrase), built.index.occurrences(phrase));
  }
  const paragraph = built.index.paragraph(10).text;
  assert.deepEqual(loaded.index.similar(paragraph), built.index.similar(paragraph));
  assert.equal(loaded.index.similar(paragraph)[0].score, 100);
});

test('an index file read on demand (as the command line searches) answers as the file read whole', () => {
  const whole = load();
  assert.equal(whole.source, 'file');
  const opened = openPhraseIndexForQuery(whole.path!, corpusFingerprint([folder]), [folder], 0);
  assert.ok('data' in opened, 'problem' in opened ? opened.problem : '');
  const paged = new PhraseIndex(opened.data);
  // Every section read on demand: none is a typed array of its own.
  assert.ok(!ArrayBuffer.isView(opened.data.text) && !ArrayBuffer.isView(opened.data.suffixes));
  assert.equal(paged.paragraphCount, whole.index.paragraphCount);
  for (const phrase of PHRASES) {
    assert.deepEqual(paged.continuations(phrase, 20), whole.index.continuations(phrase, 20));
    assert.deepEqual(paged.occurrences(phrase), whole.index.occurrences(phrase));
    assert.deepEqual(paged.similar(phrase), whole.index.similar(phrase));
  }
  for (const p of [0, 10, 200]) {
    const text = whole.index.paragraph(p).text;
    assert.deepEqual(paged.similar(text.slice(0, 30) + '某' + text.slice(31)), whole.index.similar(text.slice(0, 30) + '某' + text.slice(31)));
    assert.deepEqual(paged.paragraph(p), whole.index.paragraph(p));
  }
  assert.deepEqual(queryPhraseIndex([folder], (index) => index.similar(PHRASES[0]), { storagePath: storage }), { result: whole.index.similar(PHRASES[0]), problems: [] });
});

test('an index file with its text, suffix array and bigram postings left in the file (as the server starts on it) answers as the file read whole, before and after its text is read in', async () => {
  const whole = load();
  assert.equal(whole.source, 'file');
  const read = readPhraseIndex(whole.path!, corpusFingerprint([folder]), [folder], { verify: false, paged: true });
  assert.ok('data' in read, 'problem' in read ? read.problem : '');
  // Only those three are read a page at a time; the rest is in memory (the paragraphs' arrays once first asked for).
  assert.ok(!ArrayBuffer.isView(read.data.text) && !ArrayBuffer.isView(read.data.suffixes) && !ArrayBuffer.isView(read.data.bigramPostings));
  assert.ok(ArrayBuffer.isView(read.data.paragraphPassage));
  // As the server gets it from the index worker: a plain object after the message, opened in its thread.
  const paged = new PhraseIndex(openPagedSections(structuredClone(read.data)));
  assert.deepEqual(wholeArray(paged.data.suffixes), wholeArray(whole.index.data.suffixes));
  assert.deepEqual(wholeArray(paged.data.text), wholeArray(whole.index.data.text));
  for (let i = 0; i < whole.index.data.text.length; i += 331) assert.equal(paged.textAt(i), whole.index.textAt(i));
  for (let i = 0; i < whole.index.data.suffixes.length; i += 997) assert.equal(paged.suffixAt(i), whole.index.suffixAt(i));
  assert.throws(() => paged.suffixAt(whole.index.data.suffixes.length), RangeError);
  for (const phrase of PHRASES) {
    assert.deepEqual(paged.continuations(phrase, 20), whole.index.continuations(phrase, 20));
    assert.deepEqual(paged.occurrences(phrase), whole.index.occurrences(phrase));
    assert.deepEqual(paged.similar(phrase), whole.index.similar(phrase));
    const place = { kind: 'operative' as const, organ: 'A' };
    assert.deepEqual(paged.inline(phrase, place), whole.index.inline(phrase, place));
  }
  for (const p of [0, 10, 200]) {
    const text = whole.index.paragraph(p).text;
    const edited = text.slice(0, 30) + '某' + text.slice(31);
    assert.deepEqual(paged.similar(edited), whole.index.similar(edited));
    assert.deepEqual(new ProvenanceFinder(paged).ofText(edited), new ProvenanceFinder(whole.index).ofText(edited));
  }
  const same = (index: PhraseIndex) => {
    for (const phrase of PHRASES) {
      assert.deepEqual(index.continuations(phrase, 20), whole.index.continuations(phrase, 20));
      assert.deepEqual(index.similar(phrase), whole.index.similar(phrase));
      assert.deepEqual(index.inline(phrase, { kind: 'operative' as const, organ: 'A' }), whole.index.inline(phrase, { kind: 'operative' as const, organ: 'A' }));
    }
  };
  // The text read whole in the background (as the server does once the index is in use), in chunks smaller than it: the same answers, from memory.
  const later = new PhraseIndex(openPagedSections(structuredClone(read.data)));
  same(later);
  const text = later.data.text as PagedArray<Uint16Array> & { readWhole(chunkBytes?: number): Promise<boolean> };
  assert.equal(text.array, undefined);
  assert.equal(await text.readWhole(4096), true);
  assert.deepEqual(text.array, wholeArray(whole.index.data.text));
  assert.equal(await readTextInBackground(later.data), true);
  same(later);
  assert.deepEqual(text.subarray(5, 50), whole.index.data.text.subarray(5, 50));
  // Another file put in its place (an index is replaced by a rename) before the server opens it: refused, not misread.
  const clone = structuredClone(read.data);
  cpSync(whole.path!, `${whole.path!}.copy`);
  renameSync(`${whole.path!}.copy`, whole.path!);
  assert.throws(() => openPagedSections(clone), /was replaced since its index was read/);
  // The sections opened before it was replaced still read the file they opened.
  assert.deepEqual(paged.continuations(PHRASES[0], 20), whole.index.continuations(PHRASES[0], 20));
});

const DEFERRED = ['passageParagraphs', 'paragraphPassage', 'paragraphDocument', 'paragraphLine', 'paragraphKind', 'paragraphWhere', 'suffixWeights'] as const;
const stillInFile = (data: object, name: string) => typeof Object.getOwnPropertyDescriptor(data, name)?.get === 'function';

test('the paragraphs\' arrays and the documents of an index file opened as the server starts on it are read on their first use or in the background, and answer as the file read whole', async () => {
  const whole = load();
  assert.equal(whole.source, 'file');
  const open = () => {
    const read = readPhraseIndex(whole.path!, corpusFingerprint([folder]), [folder], { verify: false, paged: true });
    assert.ok('data' in read, 'problem' in read ? read.problem : '');
    return read.data;
  };
  const data = open();
  // None of them read at the opening; their lengths known from the section table.
  for (const name of DEFERRED) {
    assert.ok(stillInFile(data, name), name);
    assert.equal(deferredLength(data, name), wholeArray(whole.index.data[name]).length, name);
  }
  assert.ok(stillInFile(data, 'documents'));
  assert.equal(deferredLength(data, 'documents'), whole.index.documentCount);
  // The counts of paragraphs and documents need none of them (the first corpus status at the start).
  const index = new PhraseIndex(openPagedSections(data));
  assert.equal(index.data, data, 'opened in this thread: the same data, its deferred sections kept');
  assert.equal(index.paragraphCount, whole.index.paragraphCount);
  assert.equal(index.documentCount, whole.index.documentCount);
  assert.ok([...DEFERRED, 'documents'].every((name) => stillInFile(data, name)));
  // A question before the background read: what it needs is read at once, and is the file's.
  assert.deepEqual(index.paragraph(10), whole.index.paragraph(10));
  for (const name of ['paragraphDocument', 'paragraphPassage', 'paragraphWhere', 'paragraphLine'] as const) {
    assert.ok(!stillInFile(data, name), name);
    assert.deepEqual(data[name], whole.index.data[name], name);
  }
  assert.ok(!stillInFile(data, 'documents'));
  assert.deepEqual(data.documents, whole.index.data.documents);
  for (const phrase of PHRASES) assert.deepEqual(index.similar(phrase), whole.index.similar(phrase));
  // The rest in the background: then every array is an ordinary one, equal to the file read whole.
  assert.equal(await readDeferredInBackground(data), true);
  for (const name of DEFERRED) {
    assert.ok(!stillInFile(data, name), name);
    assert.equal(deferredLength(data, name), undefined);
    assert.deepEqual(data[name], whole.index.data[name], name);
  }
  // The documents too, when nothing asked for them first.
  const quiet = open();
  assert.equal(await readDeferredInBackground(quiet), true);
  assert.ok(!stillInFile(quiet, 'documents'));
  assert.deepEqual(quiet.documents, whole.index.data.documents);
  for (const phrase of PHRASES) {
    assert.deepEqual(index.continuations(phrase, 20), whole.index.continuations(phrase, 20));
    assert.deepEqual(index.inline(phrase, { kind: 'operative', organ: 'A' }), whole.index.inline(phrase, { kind: 'operative', organ: 'A' }));
  }
  // Read in the background first, then asked for: the same arrays.
  const early = open();
  assert.equal(await readDeferredInBackground(early), true);
  for (const name of DEFERRED) assert.deepEqual(early[name], whole.index.data[name], name);
  // Sent to another thread (a structured clone, as the index worker sends its index): read then, whole.
  const sent = structuredClone(open());
  for (const name of DEFERRED) {
    assert.ok(!stillInFile(sent, name));
    assert.deepEqual(sent[name], whole.index.data[name], name);
  }
  assert.deepEqual(sent.documents, whole.index.data.documents);
  // The index file replaced by a rename after the opening: the sections still come from the file that was opened.
  const before = open();
  const bytes = readFileSync(whole.path!);
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + bytes.readUInt32LE(4))) as { sections: { name: string; offset: number; length: number }[] };
  const documents = header.sections.find((s) => s.name === 'paragraphDocument')!;
  bytes.fill(0xff, 8 + bytes.readUInt32LE(4) + documents.offset, 8 + bytes.readUInt32LE(4) + documents.offset + documents.length * 4);
  writeFileSync(`${whole.path!}.other`, bytes);
  renameSync(`${whole.path!}.other`, whole.path!);
  assert.deepEqual(before.paragraphDocument, whole.index.data.paragraphDocument);
  // The file in its place now (damaged) is another one: not taken for the one read before.
  const after = readPhraseIndex(whole.path!, corpusFingerprint([folder]), [folder], { verify: true });
  assert.match('problem' in after ? after.problem : '', /section paragraphDocument is corrupt/);
  rmSync(whole.path!);
});

test('a damaged section is found by the check after the start (verifyPhraseIndex), not when the file is opened without it', () => {
  const good = load();
  const path = good.path!;
  assert.equal(verifyPhraseIndex(path), undefined);
  const bytes = readFileSync(path);
  const header = JSON.parse(bytes.toString('utf8', 8, 8 + bytes.readUInt32LE(4))) as { sections: { name: string; offset: number; length: number }[] };
  const text = header.sections.find((s) => s.name === 'text')!;
  bytes[8 + bytes.readUInt32LE(4) + text.offset + text.length] ^= 0x01;
  writeFileSync(path, bytes);
  const fingerprint = corpusFingerprint([folder]);
  assert.ok('data' in readPhraseIndex(path, fingerprint, [folder], { verify: false }), 'opened without the check');
  assert.equal(loadOrBuildPhraseIndex([folder], { storagePath: storage, verifyLater: true }).source, 'file');
  assert.match(verifyPhraseIndex(path) ?? '', /section text is corrupt \(checksum mismatch\)/);
  // Opened with every check, it is rebuilt.
  const rebuilt = load();
  assert.equal(rebuilt.source, 'built');
  assert.match(rebuilt.problems.join('\n'), /section text is corrupt \(checksum mismatch\); rebuilding it/);
  assert.equal(verifyPhraseIndex(path), undefined);
  // The documents likewise (they are in the data, after the arrays): a symbol changed is found by the check.
  const again = readFileSync(path);
  const { header: h, start } = fileHeader(again);
  const at = again.indexOf('A-RES', start + h.documents.offset);
  assert.ok(at > 0 && at < start + h.documents.offset + h.documents.bytes);
  again[at] = 'B'.charCodeAt(0);
  writeFileSync(path, again);
  assert.match(verifyPhraseIndex(path) ?? '', /section documents is corrupt \(checksum mismatch\)/);
  assert.match((readPhraseIndex(path, fingerprint, [folder], { verify: true }) as { problem: string }).problem, /section documents is corrupt/);
  load();
});

test('a search whose index file is damaged past its header (the query fails) checks the file, rebuilds it and answers', () => {
  const good = load();
  const path = good.path!;
  const expected = good.index.similar(PHRASES[0]);
  const bytes = readFileSync(path);
  const { header, length, start } = fileHeader(bytes);
  // No documents: the header still parses, the paragraphs name documents that are not there.
  const empty = Buffer.from(JSON.stringify({ symbols: [], folders: [], names: [] }));
  bytes.fill(0x20, start + header.documents.offset, start + header.documents.offset + header.documents.bytes);
  empty.copy(bytes, start + header.documents.offset);
  header.documents.count = 0;
  const json = Buffer.from(JSON.stringify(header));
  writeFileSync(path, Buffer.concat([bytes.subarray(0, 8), json, Buffer.alloc(length - json.length, 0x20), bytes.subarray(start)]));
  const searched = queryPhraseIndex([folder], (index) => index.similar(PHRASES[0]), { storagePath: storage });
  assert.deepEqual(searched.result, expected);
  assert.match(searched.problems.join('\n'), /could not be used .*; checking it/);
  assert.match(searched.problems.join('\n'), /section documents is corrupt \(checksum mismatch\); rebuilding it/);
  assert.equal(load().source, 'file');
});

test('the index is rebuilt when the corpus changes', () => {
  load();
  const added = '1. 重申一句此前任何语料都没有出现过的商定措辞；';
  const file = join(folder, 'A-RES-76-54.unres');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, original.replace('1. **重申**', `${added}\n\n1. **重申**`));
  const changed = load();
  assert.equal(changed.source, 'built');
  assert.match(changed.problems.join('\n'), /another state of the corpus; rebuilding it/);
  assert.equal(changed.index.continuations('重申一句此前任何')[0].text, '语料都没有出现过的商定措辞；');
  // A new draft in the folder changes it too.
  writeFileSync(join(folder, 'A-RES-99-1.unres'), '大会，\n\n1. 请秘书长提交一份前所未闻的报告。\n');
  const more = load();
  assert.equal(more.source, 'built');
  assert.equal(more.index.continuations('请秘书长提交一份前所')[0].text, '未闻的报告。');
  assert.equal(load().source, 'file');
});

test('a corrupt or truncated index file is detected and rebuilt, with a message', () => {
  const good = load();
  const path = good.path!;
  const bytes = readFileSync(path);
  // Flip one byte in the array data (the last one: the bigram counts).
  bytes[bytes.length - 5] ^= 0xff;
  writeFileSync(path, bytes);
  assert.match((readPhraseIndex(path, corpusFingerprint([folder])) as { problem: string }).problem, /corrupt \(checksum mismatch\)/);
  const rebuilt = load();
  assert.equal(rebuilt.source, 'built');
  assert.match(rebuilt.problems.join('\n'), /corrupt \(checksum mismatch\); rebuilding it/);
  assert.deepEqual(rebuilt.index.continuations(PHRASES[0]), good.index.continuations(PHRASES[0]));
  assert.equal(load().source, 'file');

  truncateSync(path, statSync(path).size - 100);
  const again = load();
  assert.equal(again.source, 'built');
  assert.match(again.problems.join('\n'), /truncated/);
  appendFileSync(path, 'x');
  assert.match(load().problems.join('\n'), /truncated or has extra bytes/);
  writeFileSync(path, 'not an index');
  assert.match(load().problems.join('\n'), /not a phrase index file/);
  assert.equal(load().source, 'file');
});

test('an unwritable place is skipped for the next one', () => {
  // A file where the storage folder should be: nothing can be written under it.
  const blocked = join(dir, 'blocked');
  writeFileSync(blocked, '');
  const r = loadOrBuildPhraseIndex([folder], { storagePath: blocked, rebuild: true });
  assert.equal(r.source, 'built');
  assert.match(r.problems[0], /cannot write the phrase index to .*blocked/);
  assert.ok(r.path && r.path.startsWith(tmpdir()) && existsSync(r.path));
  rmSync(r.path);
});

test('a draft that cannot be read is skipped and named, also when the index comes from its file', () => {
  writeFileSync(join(folder, 'A-RES-99-2.unres'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
  const built = load();
  assert.equal(built.source, 'built');
  assert.match(built.corpusProblems.join('\n'), /A-RES-99-2\.unres: not UTF-8 text; skipped/);
  const loaded = load();
  assert.equal(loaded.source, 'file');
  assert.deepEqual(loaded.corpusProblems, built.corpusProblems);
  rmSync(join(folder, 'A-RES-99-2.unres'));
  assert.deepEqual(load().corpusProblems, []);
});


test('an index copied with its corpus (as the extension installs it) is used where the content matches', () => {
  const built = load();
  const moved = join(dir, 'installed', 'corpus');
  cpSync(folder, moved, { recursive: true });
  // Another path and other file times: the quick fingerprint differs, the content does not.
  assert.notEqual(corpusFingerprint([moved]), corpusFingerprint([folder]));
  const read = readPhraseIndex(built.path!, corpusFingerprint([moved]), [moved]);
  assert.ok('data' in read, 'problem' in read ? read.problem : '');
  // The drafts are found in their new place.
  assert.ok(read.data.documents.every((d) => d.file?.startsWith(moved)), JSON.stringify(read.data.documents[0]));
  // Without the folders, or with other content, the file is not for this corpus.
  assert.match((readPhraseIndex(built.path!, corpusFingerprint([moved])) as { problem: string }).problem, /another state of the corpus/);
  appendFileSync(join(moved, 'A-RES-76-54.unres'), '\n%% 一处改动\n');
  assert.match((readPhraseIndex(built.path!, corpusFingerprint([moved]), [moved]) as { problem: string }).problem, /another state of the corpus/);
});

test('the bundled corpus alone keeps its index beside it under a fixed name (shipped with the extension)', () => {
  assert.equal(phraseIndexPaths(['corpus'])[0], join(process.cwd(), 'corpus', '.index', 'phrases.bin'));
  assert.match(phraseIndexPaths(['corpus', folder])[0], /phrases-[0-9a-f]{16}\.bin$/);
});

test('the documents of an index file: each draft named by its folder and name, found where the folder is; without folders, where it was built', () => {
  const good = load();
  const built = good.index.data.documents;
  assert.ok(built.length > 0 && built.every((d) => d.file !== undefined && d.file.startsWith(folder)));
  const bytes = readFileSync(good.path!);
  const { header } = fileHeader(bytes);
  const columns = documentColumns(bytes);
  assert.equal(header.documents.count, built.length);
  assert.deepEqual(columns.symbols, built.map((d) => d.symbol));
  assert.ok(columns.folders.every((f) => f === 0), 'every draft in the one folder');
  assert.ok(columns.names.every((n) => n !== null && !n.includes('/')), 'plain names, not paths');
  assert.deepEqual(header.folderPaths, [folder]);
  const fingerprint = corpusFingerprint([folder]);
  const withFolders = readPhraseIndex(good.path!, fingerprint, [folder], { verify: true });
  const without = readPhraseIndex(good.path!, fingerprint, undefined, { verify: true });
  assert.ok('data' in withFolders && 'data' in without);
  assert.deepEqual(withFolders.data.documents, built);
  assert.deepEqual(without.data.documents, built);
});

test('an index file of an earlier format is named as such (not as damaged) and rebuilt', () => {
  const good = load();
  const bytes = readFileSync(good.path!);
  // Format 4 kept the documents in the header (read before the index could answer anything).
  const { header, length } = fileHeader(bytes);
  const older = { ...header, format: 4, documents: documentColumns(bytes) };
  const json = Buffer.from(JSON.stringify(older));
  const start = Math.ceil((8 + json.length) / 8) * 8;
  const prefix = Buffer.from(bytes.subarray(0, 8));
  prefix.writeUInt32LE(start - 8, 4);
  writeFileSync(good.path!, Buffer.concat([prefix, json, Buffer.alloc(start - 8 - json.length, 0x20), bytes.subarray(8 + length)]));
  const read = readPhraseIndex(good.path!, corpusFingerprint([folder]), [folder]);
  assert.ok('problem' in read && read.problem.endsWith(`has format 4, not ${PHRASE_INDEX_FORMAT}`), JSON.stringify(read));
  const rebuilt = load();
  assert.equal(rebuilt.source, 'built');
  assert.match(rebuilt.problems.join('\n'), new RegExp(`has format 4, not ${PHRASE_INDEX_FORMAT}; rebuilding it`));
  assert.equal(load().source, 'file');
});
