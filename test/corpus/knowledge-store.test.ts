// The corpus knowledge made draft by draft (KnowledgeBuilder), as plain data (worker → server,
// file on disk) and beside the phrase index: the same answers as buildKnowledge over the parsed corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildKnowledge, completeAt, hoverAt, KnowledgeAssembler, KnowledgeBuilder, knowledgeData, knowledgeFromData, knowledgeFromPacked, knowledgeParts, packKnowledge, parseDraft, type CorpusKnowledge, type KnowledgeData, type KnowledgePart, type PackedKnowledge } from '../../server/src/core';
import { bundledCorpusFolder, forEachCorpusDraft, loadCorpus, readCatalogues } from '../../server/src/corpus/load';
import { checkKnowledgeEntries, knowledgePaths, loadOrBuildIndexAndKnowledge } from '../../server/src/corpus/knowledge-store';
import { phraseIndexPaths } from '../../server/src/corpus/phrase-index-store';

const corpus = loadCorpus([bundledCorpusFolder()]);
const reference = buildKnowledge(corpus);

/** Everything the knowledge answers with, as JSON (undefined fields dropped, as in a file). */
function answers(k: CorpusKnowledge): unknown {
  const { openers, titleByName, symbols, preambularOpeners, operativeOpeners, titles, resolutions } = k;
  return JSON.parse(JSON.stringify({ lists: { preambularOpeners, operativeOpeners, titles, resolutions }, openers: [...openers], titles: [...titleByName], symbols: [...symbols] }));
}

test('KnowledgeBuilder fed draft by draft (no model kept) gives what buildKnowledge gives', () => {
  const builder = new KnowledgeBuilder();
  const { catalogue } = forEachCorpusDraft([bundledCorpusFolder()], (draft) => builder.add(draft));
  const k = builder.finish(catalogue);
  assert.deepEqual(answers(k), answers(reference));
  assert.ok(k.operativeOpeners.length > 5 && k.titles.length > 5 && k.resolutions.length > 5);
});

test('the knowledge as plain data (through JSON, as in a file or a worker message) answers the same', () => {
  const data = JSON.parse(JSON.stringify(knowledgeData(reference))) as KnowledgeData;
  const again = knowledgeFromData(data);
  assert.deepEqual(answers(again), answers(reference));
  // And the features built on it answer the same: a hover on a resolution, completion of operative verbs.
  const text = readFileSync(join(bundledCorpusFolder(), 'A-RES-76-54.unres'), 'utf8');
  const model = parseDraft(text);
  const at = text.indexOf('第 74/50 号') + 3;
  assert.deepEqual(hoverAt(model, at, again), hoverAt(model, at, reference));
  const draft = parseDraft('76/54. 标题\n\n大会，\n\n重申实现无核武器世界是国际社会的共同目标，\n\n1. ');
  const end = draft.text.length;
  assert.deepEqual(completeAt(draft, end, again).items.map((i) => i.label), completeAt(draft, end, reference).items.map((i) => i.label));
  assert.ok(completeAt(draft, end, again).items.length > 3);
});

test('the knowledge packed (each symbol, path and place once) and through JSON answers the same, with one string for each', () => {
  const packed = JSON.parse(JSON.stringify(packKnowledge(knowledgeData(reference)))) as PackedKnowledge;
  assert.equal(new Set(packed.strings).size, packed.strings.length);
  const again = knowledgeFromPacked(packed);
  assert.deepEqual(answers(again), answers(reference));
  // Every use of a document's symbol, of a citing file's path, is one of the listed strings.
  const uses = [...again.openers.values()].flatMap((o) => o.documents).concat(again.titles.flatMap((t) => t.documents));
  const places = [...again.symbols.values()].flatMap((f) => f.citedBy);
  assert.ok(uses.length > 100 && places.length > 50, `${uses.length} uses, ${places.length} places`);
  const table = new Map(packed.strings.map((s, i) => [s, i]));
  for (const s of [...uses, ...places.map((p) => p.symbol), ...places.flatMap((p) => (p.path ? [p.path] : []))]) assert.ok(table.has(s), s);
  // The file is smaller than the same knowledge written out in full.
  assert.ok(JSON.stringify(packed).length < JSON.stringify(knowledgeData(reference)).length);
});

test('packed knowledge that names a string it lacks is damaged, never misread', () => {
  const packed = packKnowledge(knowledgeData(reference));
  const broken = JSON.parse(JSON.stringify(packed)) as PackedKnowledge;
  broken.openers[0].documents[0] = packed.strings.length;
  assert.throws(() => knowledgeFromPacked(broken), /names no string/);
  // The worker's check of a file finds it first (the server thread then never meets it).
  assert.equal(checkKnowledgeEntries(broken), 'an opener');
  assert.equal(checkKnowledgeEntries(packed), undefined);
  const truncated = JSON.parse(JSON.stringify(packed)) as PackedKnowledge;
  const cited = truncated.symbols.find(([, f]) => f.citedBy.length > 0)!;
  cited[1].citedBy.pop();
  assert.throws(() => knowledgeFromPacked(truncated), /in fours/);
  assert.equal(checkKnowledgeEntries(truncated), 'a citing place');
  const pathless = JSON.parse(JSON.stringify(packed)) as PackedKnowledge;
  pathless.symbols.find(([, f]) => f.citedBy.length > 0)![1].citedBy[2] = -2;
  assert.equal(checkKnowledgeEntries(pathless), 'a citing place');
  assert.throws(() => knowledgeFromPacked(pathless), /names no string/);
});

test('the knowledge cut into small parts (as the worker hands it over) and put together again answers the same', () => {
  const data = packKnowledge(knowledgeData(reference));
  const parts = knowledgeParts(data, 50);
  assert.ok(parts.length > 3, String(parts.length));
  const assembler = new KnowledgeAssembler();
  for (const part of parts) assembler.add(JSON.parse(JSON.stringify(part)) as KnowledgePart);
  assert.deepEqual(answers(assembler.finish()), answers(reference));
  assert.equal(knowledgeParts(data).length, 1);
});

test('a catalogue-only knowledge (before the drafts are digested) knows symbols, titles and files but no openers', () => {
  const builder = new KnowledgeBuilder();
  for (const d of corpus.drafts) builder.knowFile(d.path);
  const k = builder.finish(readCatalogues([bundledCorpusFolder()]).catalogue);
  assert.equal(k.openers.size, 0);
  const own = k.symbols.get('A/RES/76/54');
  assert.ok(own);
  assert.ok(own.draft?.path?.endsWith('A-RES-76-54.unres'), 'the draft of A/RES/76/54');
  assert.ok(own.titles.length > 0 && own.dates.includes('2021-12-06'));
  assert.ok(k.titles.some((t) => t.title === '不扩散核武器条约' && t.footnotes.length > 0));
});

test('the knowledge is made with the index, written beside it, read back on a cold start, made again when the corpus changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rd-knowledge-'));
  try {
    const folder = join(dir, 'corpus');
    cpSync(bundledCorpusFolder(), folder, { recursive: true, filter: (src) => !src.includes('.index') && !src.includes('raw') });
    const storagePath = join(dir, 'storage');
    const got: { source: string; data: PackedKnowledge }[] = [];
    const onKnowledge = (data: PackedKnowledge, source: string) => got.push({ source, data });
    const expected = answers(buildKnowledge(loadCorpus([folder])));

    const first = loadOrBuildIndexAndKnowledge([folder], { storagePath, onKnowledge });
    assert.equal(first.source, 'built');
    assert.deepEqual(got.map((g) => g.source), ['built']);
    assert.deepEqual(answers(knowledgeFromPacked(got[0].data)), expected);

    const second = loadOrBuildIndexAndKnowledge([folder], { storagePath, onKnowledge });
    assert.equal(second.source, 'file');
    assert.deepEqual(got.map((g) => g.source), ['built', 'file']);
    assert.deepEqual(answers(knowledgeFromPacked(got[1].data)), expected);

    // The index file is there but the knowledge file is gone: made again in a pass of its own.
    const written = knowledgePaths([folder], storagePath).find((p) => { try { readFileSync(p); return true; } catch { return false; } })!;
    unlinkSync(written);
    const third = loadOrBuildIndexAndKnowledge([folder], { storagePath, onKnowledge });
    assert.equal(third.source, 'file');
    assert.equal(got[2].source, 'built');
    assert.deepEqual(answers(knowledgeFromPacked(got[2].data)), expected);

    // A damaged file is said so and made again.
    writeFileSync(written, '{"fingerprint": ');
    const fourth = loadOrBuildIndexAndKnowledge([folder], { storagePath, onKnowledge });
    assert.equal(got[3].source, 'built');
    assert.ok(fourth.problems.some((p) => p.includes('damaged')), fourth.problems.join('; '));

    // A file of the format before (every symbol and path written out), for this very corpus: made
    // again, never read as this format; nor is one that says it is this format but has that shape.
    const { fingerprint } = JSON.parse(readFileSync(written, 'utf8')) as { fingerprint: string };
    const before = { ...knowledgeData(knowledgeFromPacked(got[3].data)), format: 2 };
    writeFileSync(written, JSON.stringify({ fingerprint, knowledge: before }));
    const old = loadOrBuildIndexAndKnowledge([folder], { storagePath, onKnowledge });
    assert.equal(got[4].source, 'built');
    assert.ok(old.problems.some((p) => p.includes('not knowledge of this format')), old.problems.join('; '));
    writeFileSync(written, JSON.stringify({ fingerprint, knowledge: { ...before, format: 3, strings: [] } }));
    const mislabelled = loadOrBuildIndexAndKnowledge([folder], { storagePath, onKnowledge });
    assert.equal(got[5].source, 'built');
    assert.ok(mislabelled.problems.some((p) => p.includes('damaged')), mislabelled.problems.join('; '));
    assert.deepEqual(answers(knowledgeFromPacked(got[5].data)), expected);
    got.splice(4, 2);

    // A new draft in the corpus: both are made again, and the knowledge knows its opener uses.
    const extra = '77/1. 新决议\n\n大会，\n\n深表关切地注意到新的情况，\n\n1. 郑重呼吁各方克制；\n\n2. 郑重呼吁各方对话。\n';
    writeFileSync(join(folder, 'A-RES-77-1.unres'), extra);
    const fifth = loadOrBuildIndexAndKnowledge([folder], { storagePath, onKnowledge });
    assert.equal(fifth.source, 'built');
    assert.equal(got[4].source, 'built');
    const k = knowledgeFromPacked(got[4].data);
    assert.deepEqual(answers(k), answers(buildKnowledge(loadCorpus([folder]))));
    assert.ok(k.symbols.has('A/RES/77/1'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the knowledge file lives beside the phrase index file, never in its place', () => {
  for (const folders of [[bundledCorpusFolder()], [bundledCorpusFolder(), '/elsewhere/corpus'], ['/elsewhere/corpus']]) {
    const indexes = phraseIndexPaths(folders, '/storage');
    const knowledge = knowledgePaths(folders, '/storage');
    assert.equal(knowledge.length, indexes.length);
    knowledge.forEach((k, i) => {
      assert.equal(dirname(k), dirname(indexes[i]));
      assert.notEqual(k, indexes[i]);
      assert.match(k, /knowledge[^/\\]*\.json$/);
    });
  }
});
