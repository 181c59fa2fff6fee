import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFirstFix, check, places, problems, resolution } from './testing';

// A/RES/59/76 mixes （） with (); A/RES/76/54 writes () throughout.
const FIRST = '重申实现无核武器世界是国际社会的共同目标，';
const D = '1. **鼓励**所有国家，包括《全面禁止核试验条约》附件2中所列尚未签署和(或)批准《条约》的剩余八个国家，不要等待任何其他国家而予以签署和(或)批准；';
const SYMBOL = '注意到秘书长的报告(A/76/444)，';
const LAST = '2. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';

test('the published punctuation: quiet', () => {
  assert.deepEqual(check('punctuation-width', resolution([FIRST, SYMBOL, D, LAST])), []);
});

test('a half-width comma between Chinese characters is reported, and the fix writes ，', () => {
  const text = resolution([FIRST.replace('世界是', '世界,是'), SYMBOL, D, LAST]);
  const found = check('punctuation-width', text);
  assert.deepEqual(places(found), [[10, 10, 11]]);
  const fixed = applyFirstFix('punctuation-width', text);
  assert.deepEqual(check('punctuation-width', fixed), []);
  assert.deepEqual(problems(fixed), []);
});

test('the comma in (A/76/444, 第 93 段) stays half-width', () => {
  assert.deepEqual(check('punctuation-width', resolution([FIRST, '注意到第一委员会的报告(A/76/444, 第 93 段)，', D, LAST])), []);
});

test('consistent: the minority style is reported, with the majority example', () => {
  const mixed = D.replace('和(或)批准；', '和（或）批准；');
  const found = check('punctuation-width', resolution([FIRST, SYMBOL, mixed, LAST]));
  assert.deepEqual(places(found), [[12, 71, 72]]);
  assert.match(found[0].message, /mostly uses “\(\)”/);
});

test('the setting picks the style; parentheses around symbols are neutral', () => {
  const text = resolution([FIRST, SYMBOL, D, LAST]);
  assert.equal(check('punctuation-width', text, { parentheses: 'full-width' }).length, 2);
  assert.equal(check('punctuation-width', text, { parentheses: 'half-width' }).length, 0);
  const fixed = applyFirstFix('punctuation-width', text, { parentheses: 'full-width' });
  assert.ok(fixed.includes('签署和（或）批准《条约》'));
  assert.ok(fixed.includes('(A/76/444)'));
});

test('parentheses inside a title keep the title’s form (A/RES/62/42)', () => {
  const bwc = '铭记 1972 年《禁止细菌（生物）及毒素武器的发展、生产和储存以及销毁这类武器的公约》已建立了彻底禁止生物武器的法律制度，';
  assert.deepEqual(check('punctuation-width', resolution([FIRST, bwc, D, LAST])), []);
});
