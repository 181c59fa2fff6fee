import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPhraseIndexFromParagraphs, PhraseIndex } from './phrase-index';
import { ProvenanceFinder } from './provenance';
import type { CorpusParagraph } from './corpus-paragraphs';

// A corpus that repeats itself: one text in five documents, a variant in two, and many
// paragraphs that end with a short text that is itself a paragraph once.
const SHARED = '重申实现无核武器世界是国际社会的共同目标，';
const VARIANT = '重申实现无核武器世界是所有国家的共同责任，';
const SHORT = '决定继续审议这个问题。';
const paragraph = (text: string, kind: CorpusParagraph['kind'] = 'preambular', line = 3): CorpusParagraph => ({ kind, where: '序言部分第 1 段', line, text });
const documents = [
  ...Array.from({ length: 5 }, (_, i) => ({ symbol: `A/RES/7${i}/1`, paragraphs: [paragraph(SHARED), paragraph(`又回顾第 ${i} 号决议${SHORT}`, 'operative', 5)] })),
  { symbol: 'A/RES/40/9', paragraphs: [paragraph(SHORT, 'operative', 7)] },
  ...Array.from({ length: 2 }, (_, i) => ({ symbol: `A/RES/6${i}/2`, paragraphs: [paragraph(VARIANT)] })),
  ...Array.from({ length: 300 }, (_, i) => ({ symbol: `A/RES/78/${i + 100}`, paragraphs: [paragraph(`请秘书长第 ${i} 次报告并${SHORT}`, 'operative')] })),
];
const index = new PhraseIndex(buildPhraseIndexFromParagraphs(documents));

test('each distinct text is kept once; paragraphs, counts and documents are still of paragraphs', () => {
  const paragraphs = documents.reduce((n, d) => n + d.paragraphs.length, 0);
  assert.equal(index.paragraphCount, paragraphs);
  assert.equal(index.passageCount, new Set(documents.flatMap((d) => d.paragraphs.map((p) => p.text))).size);
  const sharedText = index.paragraph(0).text;
  assert.equal(sharedText, SHARED);
  // The five copies of SHARED are five paragraphs of five documents, each with its own symbol.
  const copies = Array.from({ length: paragraphs }, (_, p) => index.paragraph(p)).filter((p) => p.text === SHARED);
  assert.deepEqual(copies.map((p) => p.symbol), ['A/RES/70/1', 'A/RES/71/1', 'A/RES/72/1', 'A/RES/73/1', 'A/RES/74/1']);
  const [first] = index.continuations('重申实现无核武器世界是');
  assert.equal(first.text, '国际社会的共同目标，');
  assert.equal(first.occurrences, 5);
  assert.deepEqual(first.documents, ['A/RES/70/1', 'A/RES/71/1', 'A/RES/72/1', 'A/RES/73/1', 'A/RES/74/1']);
  const second = index.continuations('重申实现无核武器世界是')[1];
  assert.equal(second.occurrences, 2);
  const [from, to] = index.range(Uint16Array.from(SHARED, (c) => c.charCodeAt(0)));
  assert.equal(to - from, 1, 'one suffix for the five copies');
  assert.equal(index.paragraphOccurrences(from, to), 5);
});

test('similar text lists every paragraph of a matching text, in corpus order, as many as asked', () => {
  const found = index.similar(SHARED, { limit: 10 });
  assert.deepEqual(found.slice(0, 5).map((m) => [m.score, m.symbol]), [100, 100, 100, 100, 100].map((s, i) => [s, `A/RES/7${i}/1`]));
  assert.ok(found.slice(5).every((m) => m.score < 100 && m.text === VARIANT), JSON.stringify(found.slice(5)));
  assert.equal(index.similar(SHARED, { limit: 3 }).length, 3);
});

test('provenance: a text that is a whole paragraph once and the ending of many finds that paragraph as the closest', () => {
  const finder = new ProvenanceFinder(index);
  const known = finder.ofText(SHORT);
  assert.equal(known.agreed, 100);
  assert.deepEqual([known.closest?.symbol, known.closest?.score, known.closest?.line], ['A/RES/40/9', 100, 7]);
  // The shared text: its newest document first among the sources, one paragraph each.
  const shared = finder.ofText(SHARED);
  assert.equal(shared.closest?.score, 100);
  assert.equal(shared.closest?.symbol, 'A/RES/74/1');
  assert.deepEqual(shared.sources.map((s) => s.symbol).slice(0, 5), ['A/RES/74/1', 'A/RES/73/1', 'A/RES/72/1', 'A/RES/71/1', 'A/RES/70/1']);
});
