import { test } from 'node:test';
import assert from 'node:assert/strict';
import { continuationsAtPlaces, continuationsInParagraphs, endingMatched, type TextPlace } from './paragraph-continuations';

// Paragraphs as a corpus repeats them: one text word for word in three documents, others once.
const texts = [
  '重申实现无核武器世界是国际社会的共同目标，并强调必须彻底消除核武器，',
  '重申实现无核武器世界是所有国家的责任，',
  '又重申实现无核武器世界是国际社会的共同目标，',
  '重申实现无核武器世界是国际社会的共同目标',
];
const uses = [3, 1, 2, 1];
const paragraphs = texts.flatMap((text, t) => Array.from({ length: uses[t] }, (_, i) => ({ symbol: `A/RES/${t}/${i}`, where: '序言部分第 1 段', text, line: 3 })));

test('continuations counted at distinct texts weighted by their uses are those counted paragraph by paragraph', () => {
  const matched = '实现无核武器世界是';
  const places: TextPlace[] = texts.flatMap((text, t) => {
    const at = text.indexOf(matched);
    return at < 0 ? [] : [{ textId: t + 1, text, at: at + matched.length, uses: uses[t] }];
  });
  const byParagraph = continuationsInParagraphs(matched, paragraphs, 10);
  const byText = continuationsAtPlaces(matched, places, 10);
  assert.ok(byText.length > 0);
  assert.deepEqual(
    byText.map((c) => [c.text, c.stretch, c.occurrences]),
    byParagraph.map((c) => [c.text, c.stretch, c.occurrences]),
  );
  // The most used first: five paragraphs (two texts, three and two copies), its texts in the order of what follows.
  assert.equal(byText[0].text, '国际社会的共同目标，');
  assert.equal(byText[0].occurrences, 5);
  assert.deepEqual(byText[0].textIds, [3, 1]);
});

test('how much of a line ends right before a place', () => {
  const text = texts[0];
  const at = text.indexOf('国际');
  assert.equal(endingMatched(text, at, '又重申实现无核武器世界是'), '重申实现无核武器世界是'.length);
  assert.equal(endingMatched(text, at, '世界是'), 3);
  assert.equal(endingMatched(text, at, '世界不'), 0);
  assert.equal(endingMatched(text, 0, '世界是'), 0);
});
