import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BANDS, bandKeys } from './text-signature';

const shared = (a: number[], b: number[]) => a.filter((k) => b.includes(k)).length;

test('a paragraph and a near copy of it share band keys; unrelated paragraphs share none', () => {
  const agreed = '重申《不扩散核武器条约》作为国际核不扩散机制的基石以及谋求实现核裁军、核不扩散及和平利用核能的关键基础，具有至关重要的意义，';
  // As a drafter edits it: one word changed, one clause dropped.
  const edited = '重申《不扩散核武器条约》作为国际核不扩散制度的基石以及谋求实现核裁军、核不扩散及和平利用核能的关键基础，';
  const other = '鼓励所有会员国在国家、区域和国际各级加强合作，促进可持续发展，并为此提供必要的资金和技术援助，';
  const keys = bandKeys(agreed);
  assert.equal(keys.length, BANDS);
  assert.ok(shared(keys, bandKeys(edited)) >= 2, 'the near copy shares keys');
  assert.equal(shared(keys, bandKeys(other)), 0);
  // The same keys every time, and white space does not count (as similar text measures it).
  assert.deepEqual(bandKeys(agreed), keys);
  assert.deepEqual(bandKeys(agreed.replace('核武器', '核 武器')), keys);
  for (const k of keys) assert.ok(Number.isInteger(k) && k >= -(2 ** 31) && k < 2 ** 31, 'a 32-bit key');
});

test('a text shorter than a shingle has no keys', () => {
  assert.deepEqual(bandKeys(''), []);
  assert.deepEqual(bandKeys('重申'), []);
  assert.equal(bandKeys('重申其').length, BANDS);
});
