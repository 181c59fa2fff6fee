import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFirstFix, check, places, resolution } from './testing';

// A/RES/76/54 preamble: 重申 … 又重申.
const REAFFIRM = '重申实现无核武器世界是国际社会的共同目标，';
const ALSO = '又重申国际社会应立即采取共同行动，开展面向未来的对话，通过建立信任进一步促进具体核裁军措施的实施，';
const MINDFUL = '铭记实现无核武器世界有多种途径，对此所有国家之间建立信任至关重要，';
const LAST = '1. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';

test('重申 … 又重申: quiet', () => {
  assert.deepEqual(check('repeated-opener', resolution([REAFFIRM, MINDFUL, ALSO, LAST])), []);
});

test('又重申 with no earlier 重申 is an error on the opener', () => {
  const found = check('repeated-opener', resolution([MINDFUL, ALSO, LAST]));
  assert.deepEqual(places(found), [[11, 0, 3]]);
  assert.equal(found[0].severity, 'error');
});

test('an earlier 重申 in the operative part does not count for the preamble', () => {
  const op = '1. **重申**《不扩散核武器条约》所有缔约国致力于实现消除核武器的最终目标；';
  const found = check('repeated-opener', resolution([MINDFUL, ALSO, op, LAST.replace(/^1\./, '2.')]));
  assert.deepEqual(places(found), [[11, 0, 3]]);
  const inOperative = '2. **又重申**国际社会应立即采取共同行动；';
  assert.deepEqual(check('repeated-opener', resolution([MINDFUL, op, inOperative, LAST.replace(/^1\./, '3.')])), []);
});

test('重申 used again without 又 is a style remark (hint), and the fix adds 又', () => {
  const text = resolution([REAFFIRM, MINDFUL, ALSO.replace(/^又/, ''), LAST]);
  const found = check('repeated-opener', text);
  assert.deepEqual(places(found), [[12, 0, 2]]);
  assert.equal(found[0].severity, 'hint');
  assert.equal(applyFirstFix('repeated-opener', text), resolution([REAFFIRM, MINDFUL, ALSO, LAST]));
  assert.equal(check('repeated-opener', text, { rules: { 'repeated-opener': 'warning' } })[0].severity, 'warning');
});

test('the fix for an orphan 又重申 writes 重申; a third use takes 还, not a second 又', () => {
  const orphan = resolution([MINDFUL, ALSO, LAST]);
  assert.equal(applyFirstFix('repeated-opener', orphan), resolution([MINDFUL, ALSO.replace(/^又/, ''), LAST]));
  const third = resolution([REAFFIRM, ALSO, MINDFUL, ALSO.replace(/^又/, ''), LAST]);
  assert.equal(applyFirstFix('repeated-opener', third), resolution([REAFFIRM, ALSO, MINDFUL, ALSO.replace(/^又/, '还'), LAST]));
});
