import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFirstFix, check, draft, places, problems, resolution } from './testing';

// A/RES/76/54.
const PRE1 = '重申实现无核武器世界是国际社会的共同目标，';
const PRE2 = '铭记实现无核武器世界有多种途径，对此所有国家之间建立信任至关重要，';
const OP1 = '1. **促请**《不扩散核武器条约》所有缔约国确定具体措施，落实对第十次审议大会及其后的承诺；';
const OP2 = '2. 为促进面向未来的对话以推进核裁军，**又鼓励：**';
const B = '(a) 所有国家就科学技术发展对军备控制、裁军和不扩散的可能影响进行对话；';
const C = '(b) 所有国家就核裁军与安全的关系进行坦诚对话；';
const LAST = '3. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';

test('the published endings are quiet', () => {
  assert.deepEqual(check('paragraph-ending', resolution([PRE1, PRE2, OP1, OP2, B, C, LAST])), []);
});

test('a preambular paragraph ending with ； and an operative one ending with ， are reported on the mark', () => {
  const found = check('paragraph-ending', resolution([PRE1.replace(/，$/, '；'), PRE2, OP1.replace(/；$/, '，'), LAST]));
  assert.deepEqual(places(found), [[10, 20, 21], [12, 47, 48]]);
  assert.match(found[0].message, /preambular paragraph ends with “，”/);
});

test('the last paragraph must end with 。, one that introduces subparagraphs with ：', () => {
  const found = check('paragraph-ending', resolution([PRE1, OP1, OP2.replace('**又鼓励：**', '**又鼓励**；'), B, C, LAST.replace(/。$/, '；')]));
  assert.deepEqual(found.map((f) => f.message.split(';')[0]), ['A paragraph that introduces subparagraphs ends with “：”', 'The last operative paragraph ends with “。”']);
});

test('a missing mark: the fix adds it after the last character, losing nothing', () => {
  const text = resolution([PRE1.replace(/，$/, ''), OP1, LAST.replace(/^3\./, '2.')]);
  const found = check('paragraph-ending', text);
  assert.deepEqual(places(found), [[10, 19, 20]]);
  const fixed = applyFirstFix('paragraph-ending', text);
  assert.ok(fixed.includes(PRE1 + '\n'));
  assert.deepEqual(problems(fixed), []);
});

test('numbered texts (working papers) end sentences with 。 and are not checked', () => {
  const text = draft('1. 审议大会重申《不扩散核武器条约》缔约国对条约的承诺。', '2. 审议大会回顾以往审议大会的成果。');
  assert.deepEqual(check('paragraph-ending', text), []);
});
