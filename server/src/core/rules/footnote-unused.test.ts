import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFirstFix, check, lineStarting, organFixture, places, problems, resolution } from './testing';

// A/RES/76/54.
const FIRST = '重申实现无核武器世界是国际社会的共同目标，';
const PRE = '又重申《不扩散核武器条约》¹ 是国际核不扩散制度和追求实现相辅相成的核裁军、核不扩散及和平利用核能的基石，';
const NOTE1 = '¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。';
const NOTE2 = '² 《不扩散核武器条约缔约国 1995 年审议和延期大会，最后文件，第一部分》(NPT/CONF.1995/32(Part I))。';
const LAST = '1. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';

test('every footnote cited: quiet', () => {
  assert.deepEqual(check('footnote-unused', resolution([FIRST, PRE, LAST], [NOTE1])), []);
});

test('an uncited footnote text is reported on its number', () => {
  const found = check('footnote-unused', resolution([FIRST, PRE, LAST], [NOTE1, NOTE2]));
  assert.deepEqual(places(found), [[19, 0, 1]]);
});

test('the fix removes the uncited text and nothing else', () => {
  const text = resolution([FIRST, PRE, LAST], [NOTE1, NOTE2]);
  const fixed = applyFirstFix('footnote-unused', text);
  assert.equal(fixed, resolution([FIRST, PRE, LAST], [NOTE1]));
  assert.deepEqual(problems(fixed), []);
});

test('a plain-digit vote footnote under a Security Council text is cited by its marker; another one nobody cites is caught', () => {
  const sc = organFixture('S-RES-347-1974.unres');
  assert.deepEqual(check('footnote-unused', sc), []);
  const broken = sc.replace('1 二理事国未参加表决。\n', '1 二理事国未参加表决。\n² 中国未参加表决。\n');
  assert.deepEqual(check('footnote-unused', broken).map((f) => f.line), [lineStarting(broken, '² 中国')]);
});

test('a footnote numbered beyond any count of markers is cited by its marker, or reported when nothing cites it', () => {
  const huge = '又重申《不扩散核武器条约》¹ 和¹²³⁴⁵⁶⁷⁸⁹⁰¹² 是国际核不扩散制度的基石，';
  const note = '¹²³⁴⁵⁶⁷⁸⁹⁰¹² 联合国，《条约汇编》，第 729 卷。';
  assert.deepEqual(check('footnote-unused', resolution([FIRST, huge, LAST], [NOTE1, note])), []);
  const found = check('footnote-unused', resolution([FIRST, PRE, LAST], [NOTE1, note]));
  assert.equal(found.length, 1);
  assert.match(found[0].message, /Footnote 123456789012 is never cited/);
});
