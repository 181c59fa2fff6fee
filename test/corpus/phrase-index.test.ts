import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { corpusParagraphs, indexedText } from '../../server/src/core/agreed/corpus-paragraphs';
import { CONTINUATION_SAMPLE, PhraseIndex, wholeArray } from '../../server/src/core/agreed/phrase-index';
import { bundledCorpusFolder, loadCorpus } from '../../server/src/corpus/load';

const corpus = loadCorpus([bundledCorpusFolder()]);
const inputs = corpus.drafts.map((d) => ({ symbol: d.symbol, file: d.path, model: d.model }));
const index = PhraseIndex.build(inputs);
// The paragraphs as an independent reading of the drafts gives them, in the index's order.
const paragraphs = inputs.flatMap((doc) => corpusParagraphs(doc.model).map((p) => ({ ...p, symbol: doc.symbol })));

/** Every (paragraph, offset) where `phrase` occurs, by a linear scan. */
function scan(phrase: string): string[] {
  const found: string[] = [];
  paragraphs.forEach((p, i) => {
    for (let at = p.text.indexOf(phrase); at >= 0; at = p.text.indexOf(phrase, at + 1)) found.push(`${i}:${at}`);
  });
  return found;
}

function viaIndex(phrase: string): string[] {
  // An offset is in a passage (a distinct text): it occurs in every paragraph with that text.
  return index.occurrences(phrase).flatMap((offset) => {
    const q = index.passageAt(offset);
    return [...index.passageParagraphs(q)].map((p) => `${p}:${offset - index.data.passageStarts[q]}`);
  });
}

/** What follows `phrase` up to and including the first clause boundary or the paragraph's end, counted per paragraph. */
function bruteContinuations(phrase: string): Map<string, Set<number>> {
  const result = new Map<string, Set<number>>();
  paragraphs.forEach((p, i) => {
    for (let at = p.text.indexOf(phrase); at >= 0; at = p.text.indexOf(phrase, at + 1)) {
      const rest = p.text.slice(at + phrase.length);
      const m = /^[^，；。：]*[，；。：]/.exec(rest);
      const text = m ? m[0] : rest;
      if (text.length === 0) continue;
      if (!result.has(text)) result.set(text, new Set());
      result.get(text)!.add(i);
    }
  });
  return result;
}

/** A random piece of a random corpus paragraph. */
const substring = (min: number, max: number) =>
  fc
    .tuple(fc.nat(paragraphs.length - 1), fc.nat(), fc.integer({ min, max }))
    .map(([p, start, length]) => {
      const text = paragraphs[p].text;
      const from = start % Math.max(1, text.length - 1);
      return text.slice(from, from + length);
    })
    .filter((s) => s.length >= min);

test('every paragraph and footnote of the corpus is indexed, markers and emphasis stripped', () => {
  assert.ok(corpus.drafts.length >= 5);
  assert.equal(index.paragraphCount, paragraphs.length);
  const text = Array.from(wholeArray(index.data.text), (c) => String.fromCharCode(c)).join('');
  assert.doesNotMatch(text, /[¹²³⁴⁵⁶⁷⁸⁹⁰]|\*\*/);
  const all = paragraphs.map((p) => `${p.symbol} ${p.where}`);
  for (const expected of ['A/RES/76/54 序言部分第 1 段', 'A/RES/76/54 执行部分第 1 段', 'A/RES/76/54 第 3 段(b)', 'A/RES/76/54 脚注 1', 'A/RES/59/76 第 3 段(g)㈡', 'NPT/CONF.2020/WP.77 第 1 段']) {
    assert.ok(all.includes(expected), expected);
  }
  const first = index.paragraph(paragraphs.findIndex((p) => p.symbol === 'A/RES/76/54' && p.where === '执行部分第 1 段'));
  assert.equal(index.kind(paragraphs.findIndex((p) => p.symbol === 'A/RES/76/54' && p.where === '执行部分第 1 段')), 'operative');
  assert.match(first.text, /^重申《不扩散核武器条约》所有缔约国致力于/);
  assert.equal(first.line, corpus.drafts.find((d) => d.symbol === 'A/RES/76/54')!.text.split('\n').findIndex((l) => l.startsWith('1. **重申**')));
  assert.equal(indexedText('《不扩散核武器条约》¹ 是**基石**，'), '《不扩散核武器条约》是基石，');
});

test('the index finds exactly the occurrences a linear scan finds (random corpus substrings)', () => {
  fc.assert(
    fc.property(substring(1, 30), (phrase) => {
      assert.deepEqual(viaIndex(phrase).sort(), scan(phrase).sort());
    }),
    { numRuns: 400 },
  );
  for (const absent of ['不扩散核武器条约条约', 'zzz', '重申《不扩散核武器条约》，']) assert.deepEqual(viaIndex(absent), scan(absent));
});

test('重申《不扩散核武器条约》: the continuations are what the corpus has after those words', () => {
  const phrase = '重申《不扩散核武器条约》';
  const items = index.continuations('2. **重申**《不扩散核武器条约》', 100);
  const expected = bruteContinuations(phrase);
  assert.ok(expected.size >= 4);
  const first = items.filter((c) => c.stretch === 0);
  assert.ok(first.every((c) => c.matched === phrase));
  assert.deepEqual(new Map(first.map((c) => [c.text, c.occurrences])), new Map([...expected].map(([t, ps]) => [t, ps.size])));
  const affirmed = first.find((c) => c.text === '作为国际核不扩散机制的基石以及谋求实现核裁军、核不扩散及和平利用核能的关键基础，')!;
  assert.deepEqual(affirmed.documents, ['A/RES/73/62']);
  assert.equal(affirmed.example.symbol, 'A/RES/73/62');
  assert.equal(affirmed.example.where, '序言部分第 3 段');
  assert.ok(affirmed.example.text.startsWith(phrase + affirmed.text));
  // Longer stretches run to the second boundary.
  assert.ok(items.some((c) => c.stretch === 1 && c.text === '作为国际核不扩散机制的基石以及谋求实现核裁军、核不扩散及和平利用核能的关键基础，具有至关重要的意义，'));
  // Ranked by use.
  for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].occurrences >= items[i].occurrences);
});

test('continuations agree with a linear scan for random endings of corpus text', () => {
  fc.assert(
    fc.property(substring(3, 12), fc.string({ maxLength: 3 }), (phrase, typedBefore) => {
      const before = `${typedBefore}${phrase}`;
      const items = index.continuations(before, 1000);
      const ending = index.longestEnding(before)!;
      assert.ok(before.endsWith(ending.matched) && ending.matched.length >= Math.min(phrase.length, 40));
      const expected = bruteContinuations(ending.matched);
      if (scan(ending.matched).length > CONTINUATION_SAMPLE) return; // a sampled range: not every continuation is listed
      const stretch0 = items.filter((c) => c.stretch === 0);
      assert.deepEqual(new Map(stretch0.map((c) => [c.text, c.occurrences])), new Map([...expected].map(([t, ps]) => [t, ps.size])));
      for (const c of stretch0) {
        const symbols = [...new Set([...expected.get(c.text)!].map((p) => paragraphs[p].symbol))];
        assert.deepEqual([...c.documents].sort(), symbols.sort());
      }
    }),
    { numRuns: 300 },
  );
  assert.deepEqual(index.continuations('一句语料里没有的话𠀀𠀀'), []);
  assert.deepEqual(index.continuations(''), []);
});

/** The order similar() promises: the same text first, then a close stretch (within), by how close; then by score. */
function assertRanked(found: { score: number; within?: number }[]): void {
  const rank = (m: { score: number; within?: number }) => (m.score === 100 ? 2000 : m.within !== undefined ? 1000 + m.within : m.score);
  for (let i = 1; i < found.length; i++) assert.ok(rank(found[i - 1]) >= rank(found[i]), `${found[i - 1].score}/${found[i - 1].within} before ${found[i].score}/${found[i].within}`);
}

test('similar text: a short phrase close to a stretch of a long paragraph is found and ranked first (59/76 3(a))', () => {
  const found = index.similar('吁请所有国家签署并批准《全面禁止核试验条约》');
  assert.ok(found.length > 0, 'nothing found');
  assert.equal(found[0].symbol, 'A/RES/59/76');
  assert.equal(found[0].where, '第 3 段(a)');
  assert.ok(found[0].text.includes('签署和批准《全面禁止核试验条约》'));
  assert.ok(found[0].score < 50 && (found[0].within ?? 0) >= 60, `${found[0].score} / ${found[0].within}`);
  assertRanked(found);
});

test('similar text: when nothing reaches the minimum, the closest few come with their scores if asked', () => {
  const text = '请秘书长就本决议的执行情况提出报告并列入议程';
  const none = index.similar(text, { minScore: 95, containing: false });
  assert.deepEqual(none, []);
  const closest = index.similar(text, { minScore: 95, containing: false, closest: 3 });
  assert.ok(closest.length > 0 && closest.length <= 3);
  assert.ok(closest.every((m) => m.closest && m.score < 95));
  for (let i = 1; i < closest.length; i++) assert.ok(closest[i - 1].score >= closest[i].score);
});

test('similar text: an exact paragraph scores 100 and comes first; a modified one scores lower', () => {
  const p = paragraphs.find((x) => x.symbol === 'A/RES/73/62' && x.where === '序言部分第 3 段')!;
  const exact = index.similar(p.text);
  assert.equal(exact[0].score, 100);
  assert.equal(exact[0].symbol, 'A/RES/73/62');
  assert.equal(exact[0].where, '序言部分第 3 段');
  assert.equal(exact[0].text, p.text);
  const modified = p.text.replace('至关重要', '十分重要').replace('关键基础', '基础');
  const near = index.similar(modified);
  assert.equal(near[0].where, '序言部分第 3 段');
  assert.ok(near[0].score < 100 && near[0].score >= 85, String(near[0].score));
  // Paragraphs with a stretch close to the text first (by how close), then the others by score.
  assertRanked(near);
  // Markers, emphasis and the spaces around digits do not count against a match.
  const withMarker = paragraphs.find((x) => x.symbol === 'A/RES/76/54' && x.where === '执行部分第 1 段')!;
  assert.equal(index.similar(`**${withMarker.text.replace('《条约》', '《条约》¹ ')}`)[0].score, 100);
  assert.deepEqual(index.similar('核'), []);
  assert.deepEqual(index.similar('完全无关的文字内容ABC', { minScore: 90 }), []);
});

test('similar text: paragraphs that use a short phrase word for word are listed whatever their score', () => {
  const phrase = '审议大会重申，';
  const found = index.similar(phrase, { limit: 1000 });
  const users = new Set(scan(phrase).map((x) => Number(x.split(':')[0])));
  assert.ok(users.size >= 3);
  assert.equal(found.filter((m) => m.contains).length, users.size);
  for (const m of found.filter((x) => x.contains)) assert.ok(m.text.includes(phrase) && m.score < 50);
  assertRanked(found);
  // Word for word comes before anything else.
  assert.ok(found.slice(0, users.size).every((m) => m.contains), found.slice(0, users.size + 1).map((m) => `${m.score} ${m.within} ${m.contains}`).join(' | '));
  assert.deepEqual(index.similar(phrase, { containing: false }), []);
});

test('continuations of a very common ending: the most used ones, counted exactly', () => {
  // 审议大会 occurs in hundreds of paragraphs: more than are sampled.
  assert.ok(scan('审议大会').length > CONTINUATION_SAMPLE);
  const items = index.continuations('审议大会', 5);
  assert.equal(items.length, 5);
  const expected = [...bruteContinuations('审议大会')].map(([t, ps]) => [t, ps.size] as const).sort((a, b) => b[1] - a[1]);
  const stretch0 = items.filter((c) => c.stretch === 0);
  // The most used continuations, with their exact counts (ties may come in any order).
  assert.deepEqual(stretch0.map((c) => c.occurrences), expected.slice(0, stretch0.length).map((e) => e[1]));
  for (const c of stretch0) assert.equal(c.occurrences, new Map(expected).get(c.text));
});

