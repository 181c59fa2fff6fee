import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildSuffixArray } from './suffix-array';

function naive(text: Uint16Array): number[] {
  const s = String.fromCharCode(...text);
  return [...Array(text.length).keys()].sort((a, b) => {
    const x = s.slice(a);
    const y = s.slice(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

test('the suffix array equals a brute-force sort of all suffixes (small alphabets, repeats)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 200 }), (codes) => {
      const text = Uint16Array.from(codes.map((c) => 0x4e00 + c));
      assert.deepEqual([...buildSuffixArray(text)], naive(text));
    }),
    { numRuns: 300 },
  );
});

test('the suffix array equals a brute-force sort on the whole UTF-16 range and on real Chinese text', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 0xfffe }), { maxLength: 100 }), (codes) => {
      const text = Uint16Array.from(codes);
      assert.deepEqual([...buildSuffixArray(text)], naive(text));
    }),
  );
  const chinese = '重申《不扩散核武器条约》是国际核不扩散制度的基石，又重申《不扩散核武器条约》的重要性，重申重申重申。';
  const text = Uint16Array.from(chinese, (c) => c.charCodeAt(0));
  assert.deepEqual([...buildSuffixArray(text)], naive(text));
  assert.deepEqual([...buildSuffixArray(new Uint16Array(0))], []);
  assert.deepEqual([...buildSuffixArray(Uint16Array.from([7, 7, 7, 7, 7]))], [4, 3, 2, 1, 0]);
});
