import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFirstFix, check, places, problems, resolution } from './testing';

// A/RES/76/54: markers 1–3 and their texts.
const FIRST = '重申实现无核武器世界是国际社会的共同目标，';
const PRE1 = '又重申《不扩散核武器条约》¹ 是国际核不扩散制度和追求实现相辅相成的核裁军、核不扩散及和平利用核能的基石，';
const PRE2 = '强调所有缔约国都必须履行《不扩散核武器条约》规定的各项核裁军和不扩散义务，并重申执行不扩散核武器条约缔约国 1995 年审议和延期大会² 以及不扩散核武器条约缔约国 2000 年³ 和 2010 年审议大会最后文件所载承诺十分重要，';
const LAST = '1. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';
const N1 = '¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。';
const N2 = '² 《不扩散核武器条约缔约国 1995 年审议和延期大会，最后文件，第一部分》(NPT/CONF.1995/32(Part I))。';
const N3 = '³ 《不扩散核武器条约缔约国 2000 年审议大会，最后文件》，第一卷(NPT/CONF.2000/28(Parts I 和 II))。';

test('1, 2, 3 in order of appearance: quiet', () => {
  assert.deepEqual(check('footnote-order', resolution([FIRST, PRE1, PRE2, LAST], [N1, N2, N3])), []);
});

test('a number introduced early is reported at its marker', () => {
  const swapped = PRE2.replace('大会²', '大会³').replace('2000 年³', '2000 年²');
  const found = check('footnote-order', resolution([FIRST, PRE1, swapped, LAST], [N1, N2, N3]));
  assert.equal(found.length, 1);
  assert.equal(found[0].line, 12);
  assert.equal(found[0].text, '³');
  assert.match(found[0].message, /introduced before footnote 2/);
});

test('footnote texts out of number order are reported', () => {
  const found = check('footnote-order', resolution([FIRST, PRE1, PRE2, LAST], [N1, N3, N2]));
  assert.deepEqual(places(found), [[21, 0, 1]]);
});

test('renumbering puts markers and texts in order, texts moving with their numbers', () => {
  const swapped = PRE2.replace('大会²', '大会³').replace('2000 年³', '2000 年²');
  const text = resolution([FIRST, PRE1, swapped, LAST], [N1, N3.replace('³', '²'), N2.replace('²', '³')]);
  const fixed = applyFirstFix('footnote-order', text);
  assert.equal(fixed, resolution([FIRST, PRE1, PRE2, LAST], [N1, N2, N3]));
  assert.deepEqual(problems(fixed), []);
});

test('a huge number used again is a reuse, not a second order fault; the first use of it is the one reported', () => {
  const huge = PRE2.replace('大会²', '大会¹²³⁴⁵⁶⁷⁸⁹⁰¹²').replace('2000 年³', '2000 年¹²³⁴⁵⁶⁷⁸⁹⁰¹²');
  const found = check('footnote-order', resolution([FIRST, PRE1, huge, LAST], [N1]));
  assert.equal(found.length, 1);
  assert.equal(found[0].text, '¹²³⁴⁵⁶⁷⁸⁹⁰¹²');
  assert.match(found[0].message, /Footnote 123456789012 is introduced before footnote 2/);
});
