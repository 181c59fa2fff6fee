import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFirstFix, check, places, problems, resolution } from './testing';
import { citedNumberOf, latestSession } from './symbol-format';

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

test('a resolution cited by its symbol (第 A/RES/74/50 号决议) is a warning; the fix writes its number, and the citation is then checked as one', () => {
  const good = '回顾其 2019 年 12 月 12 日第 74/50 号决议和安全理事会 2004 年 4 月 28 日第 1540(2004)号决议，';
  assert.deepEqual(check('symbol-format', resolution([good, LAST])), []);
  const broken = good.replace('第 74/50 号', '第 A/RES/74/50 号').replace('第 1540(2004)号', '第 S/RES/1540 (2004)号');
  const found = check('symbol-format', resolution([broken, LAST]));
  assert.deepEqual(found.map((f) => f.text), ['A/RES/74/50', 'S/RES/1540 (2004)']);
  assert.match(found[0].message, /cited by its number, not its symbol: 74\/50, not A\/RES\/74\/50/);
  assert.equal(applyFirstFix('symbol-format', applyFirstFix('symbol-format', resolution([broken, LAST]))), resolution([good, LAST]));
  // Written in lower case too: one finding, whose fix writes the number (not the capitals first).
  const lower = check('symbol-format', resolution([good.replace('第 74/50 号', '第 a/res/74/50 号'), LAST]));
  assert.deepEqual(lower.map((f) => f.message.slice(0, 30)), ['A resolution is cited by its n']);
  // A decision, and a symbol standing as a document (not between 第 and 号决议) are left alone.
  assert.match(check('symbol-format', resolution(['回顾其第 A/DEC/77/555 号决定，', LAST]))[0].message, /A decision is cited/);
  assert.deepEqual(check('symbol-format', resolution(['注意到秘书长的报告(A/76/444)，', LAST])), []);
});

test('citedNumberOf gives the number each organ cites by', () => {
  assert.deepEqual(citedNumberOf('A/RES/74/50'), { number: '74/50', decision: false });
  assert.deepEqual(citedNumberOf('S/RES/1540 (2004)'), { number: '1540(2004)', decision: false });
  assert.deepEqual(citedNumberOf('E/DEC/2023/201'), { number: '2023/201', decision: true });
  assert.deepEqual(citedNumberOf('A/HRC/RES/52/1'), { number: '52/1', decision: false });
  assert.deepEqual(citedNumberOf('A/RES/2159 (XXI)'), { number: '2159(XXI)', decision: false });
  assert.equal(citedNumberOf('A/76/444'), undefined);
});
