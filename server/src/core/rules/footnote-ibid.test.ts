import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, places, resolution } from './testing';

// A/RES/62/42, footnotes 1 and 2.
const PRE = '回顾《关于在拉丁美洲和加勒比禁止核武器的条约》¹ 和《东南亚无核武器区条约》² 的规定，';
const LAST = '1. **决定**将题为“核裁军”的项目列入大会第七十七届会议临时议程。';
const N1 = '¹ 联合国，《条约汇编》，第 1015 卷，第 14860 号。';
const N2 = '² 同上，第 1974 卷，第 33757 号。';

test('同上 after a footnote: quiet', () => {
  assert.deepEqual(check('footnote-ibid', resolution([PRE, LAST], [N1, N2])), []);
});

test('同上 as the first footnote is reported on 同上', () => {
  const found = check('footnote-ibid', resolution([PRE, LAST], [N2.replace('²', '¹'), N1.replace('¹', '²')]));
  assert.deepEqual(places(found), [[17, 2, 4]]);
});
