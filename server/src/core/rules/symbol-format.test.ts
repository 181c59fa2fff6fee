import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFirstFix, check, places, problems, resolution } from './testing';
import { latestSession } from './symbol-format';

// A/RES/76/54, preambular paragraph on the fissile material treaty, with CD/1299.
const FIRST = '重申实现无核武器世界是国际社会的共同目标，';
const PRE = '强调指出裁军谈判会议必须立即开始谈判禁止生产用于核武器或其他核爆炸装置的裂变材料的条约，支持根据 CD/1299 号文件及其所载任务授权开始谈判，';
const WITH_REPORT = '注意到秘书长的报告(A/76/444)，';
const LAST = '1. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';
const N2 = '¹ 《不扩散核武器条约缔约国 1995 年审议和延期大会，最后文件，第一部分》(NPT/CONF.1995/32(Part I))。';

test('symbols as the corpus writes them: quiet', () => {
  assert.deepEqual(check('symbol-format', resolution([FIRST, PRE, WITH_REPORT + '¹', LAST], [N2])), []);
});

test('lower case, full-width slash and a space inside are reported on the symbol', () => {
  const found = check('symbol-format', resolution([FIRST, WITH_REPORT.replace('A/76/444', 'a/76/444'), WITH_REPORT.replace('A/76/444', 'A／76／444'), WITH_REPORT.replace('A/76/444', 'A/ 76/444'), LAST]));
  assert.deepEqual(places(found), [[11, 10, 18], [12, 10, 18], [13, 10, 19]]);
  assert.match(found[0].message, /capitals: A\/76\/444/);
  assert.match(found[1].message, /half-width/);
  assert.match(found[2].message, /no spaces/);
});

test('an unknown modifier and a session still to come', () => {
  const found = check('symbol-format', resolution([FIRST, WITH_REPORT.replace('A/76/444', 'A/73/510/Corr1'), WITH_REPORT.replace('A/76/444', 'A/99/444'), LAST]));
  assert.deepEqual(found.map((f) => f.message.slice(0, 40)), ['“A/73/510/Corr1” has a modifier the UN d', '“A/99/444” names a General Assembly sess']);
  assert.equal(latestSession(new Date('2026-11-21')), 81);
  assert.equal(latestSession(new Date('2026-05-01')), 80);
});

test('the fix writes the normal form', () => {
  const fixed = applyFirstFix('symbol-format', resolution([FIRST, WITH_REPORT.replace('A/76/444', 'a/76/444'), LAST]));
  assert.ok(fixed.includes('注意到秘书长的报告(A/76/444)，'));
  assert.deepEqual(problems(fixed), []);
});
