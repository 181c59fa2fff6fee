import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFirstFix, check, places, problems, resolution } from './testing';

// A/RES/76/54, operative paragraph 4 and its subparagraphs.
const OP = '1. 为促进面向未来的对话以推进核裁军，**又鼓励：**';
const A = '(a) 核武器国家在不扩散核武器条约审议大会和筹备委员会、裁军谈判会议、大会第一委员会及裁军审议委员会等国际论坛上明确阐述其核政策与核理论，所有国家就这些核政策与核理论进行互动讨论；';
const B = '(b) 所有国家就科学技术发展对军备控制、裁军和不扩散的可能影响进行对话；';
const C = '(c) 所有国家就核裁军与安全的关系进行坦诚对话；';
const LAST = '2. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';

test('(a), (b), (c): quiet', () => {
  assert.deepEqual(check('subparagraph-order', resolution([OP, A, B, C, LAST])), []);
});

test('a skipped letter is reported on the label', () => {
  const found = check('subparagraph-order', resolution([OP, A, B, C.replace('(c)', '(d)'), LAST]));
  assert.deepEqual(places(found), [[13, 0, 3]]);
  assert.match(found[0].message, /should be \(c\)/);
});

test('a restarted list is reported', () => {
  assert.deepEqual(places(check('subparagraph-order', resolution([OP, A, B, C.replace('(c)', '(a)'), LAST]))), [[13, 0, 3]]);
});

test('third level ㈠ ㈡ under (a): quiet; ㈠ directly under a paragraph: reported', () => {
  const sub1 = '㈠ 所有国家就科学技术发展对军备控制的可能影响进行对话；';
  const sub2 = '㈡ 所有国家就核裁军与安全的关系进行坦诚对话；';
  const introducing = A.replace(/；$/, '：');
  assert.deepEqual(check('subparagraph-order', resolution([OP, introducing, sub1, sub2, B, LAST])), []);
  const found = check('subparagraph-order', resolution([OP, sub1, sub2, LAST]));
  assert.deepEqual(places(found), [[11, 0, 1], [12, 0, 1]]);
  assert.match(found[0].message, /third-level/);
});

test('reletter fix: the order is mended and nothing new appears', () => {
  const text = resolution([OP, A, C.replace('(c)', '(c)'), B.replace('(b)', '(d)'), LAST]);
  const fixed = applyFirstFix('subparagraph-order', text);
  assert.deepEqual(check('subparagraph-order', fixed), []);
  assert.ok(fixed.includes('(b) 所有国家就核裁军与安全的关系'));
  assert.ok(fixed.includes('(c) 所有国家就科学技术发展'));
  assert.deepEqual(problems(fixed).filter((p) => p.rule !== 'repeated-opener'), []);
});
