import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { distanceWithin, levenshtein } from './edit-distance';
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

/** The full table of a free-start, free-end match (the former `distanceWithin`), as the reference. */
function tableWithin(short: string, long: string): number {
  let row = new Int32Array(long.length + 1);
  let next = new Int32Array(long.length + 1);
  for (let i = 1; i <= short.length; i++) {
    next[0] = i;
    const c = short.charCodeAt(i - 1);
    for (let j = 1; j <= long.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (c === long.charCodeAt(j - 1) ? 0 : 1));
    [row, next] = [next, row];
  }
  let best = short.length;
  for (let j = 0; j <= long.length; j++) if (row[j] < best) best = row[j];
  return best;
}

test('the bit-vector distance to the closest stretch equals the table (across 32-character blocks)', () => {
  const text = (max: number) => fc.array(fc.constantFrom('重', '申', '条', '约', '，', 'a'), { maxLength: max }).map((a) => a.join(''));
  fc.assert(fc.property(text(80), text(200), (a, b) => assert.equal(distanceWithin(a, b), tableWithin(a, b))), { numRuns: 2000 });
  const long = '又重申《不扩散核武器条约》是国际核不扩散制度和追求实现相辅相成的核裁军、核不扩散及和平利用核能的基石，';
  assert.equal(distanceWithin('《不扩散核武器条约》', long), 0);
  assert.equal(distanceWithin('《不扩散核武器公约》', long), 1);
  assert.equal(distanceWithin('', long), 0);
  assert.equal(distanceWithin('核武器', ''), 3);
  assert.equal(distanceWithin(long.slice(3, 60), long.repeat(2)), tableWithin(long.slice(3, 60), long.repeat(2)));
});
