import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { levenshtein } from './edit-distance';
import { editDistance } from './phrase-index';

test('the bit-vector distance equals the table on short and long texts (across 32-character blocks)', () => {
  const text = (max: number) => fc.array(fc.constantFrom('重', '申', '条', '约', '，', 'a', ' '), { maxLength: max }).map((a) => a.join(''));
  fc.assert(fc.property(text(100), text(100), (a, b) => assert.equal(levenshtein(a, b), editDistance(a, b))), { numRuns: 2000 });
  fc.assert(fc.property(text(300), text(40), (a, b) => assert.equal(levenshtein(a, b), editDistance(a, b))), { numRuns: 300 });
});

test('the bit-vector distance on real paragraphs and edge cases', () => {
  const a = '重申《不扩散核武器条约》作为国际核不扩散机制的基石以及谋求实现核裁军、核不扩散及和平利用核能的关键基础，具有至关重要的意义，';
  const b = '又重申《不扩散核武器条约》是国际核不扩散制度和追求实现相辅相成的核裁军、核不扩散及和平利用核能的基石，';
  assert.equal(levenshtein(a, b), editDistance(a, b));
  assert.equal(levenshtein('', '重申'), 2);
  assert.equal(levenshtein('重申', ''), 2);
  assert.equal(levenshtein(a, a), 0);
  assert.equal(levenshtein(a.repeat(3), b.repeat(2)), editDistance(a.repeat(3), b.repeat(2)));
});
