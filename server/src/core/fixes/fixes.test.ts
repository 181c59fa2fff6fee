import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDraft } from '../parse/parser';
import { applyEdits, footnoteStub, removeFootnote, renumberFootnotes, renumberParagraphs } from './index';
import { problems, resolution } from '../rules/testing';

// A/RES/76/54: markers ¹ ² and their texts.
const FIRST = '重申实现无核武器世界是国际社会的共同目标，';
const PRE1 = '又重申《不扩散核武器条约》¹ 是国际核不扩散制度的基石，';
const PRE2 = '强调所有缔约国都必须履行各项义务，并重申执行不扩散核武器条约缔约国 1995 年审议和延期大会² 所载承诺十分重要，';
const LAST = '1. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';
const N1 = '¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。';
const N2 = '² 《不扩散核武器条约缔约国 1995 年审议和延期大会，最后文件，第一部分》(NPT/CONF.1995/32(Part I))。';

const fix = (text: string, edits: ReturnType<typeof renumberParagraphs>) => applyEdits(text, edits);

test('renumbering footnotes moves a comment line with the footnote text right below it', () => {
  const text = resolution([FIRST, PRE1.replace('¹', '²'), PRE2.replace('²', '¹')], [N2.replace('²', '¹'), '%% drafter-disable footnote-unused', N1.replace('¹', '²')]).replace(LAST, '');
  const fixed = fix(text, renumberFootnotes(parseDraft(text)));
  assert.ok(fixed.includes(PRE1) && fixed.includes(PRE2));
  assert.ok(fixed.endsWith(`%% drafter-disable footnote-unused\n${N1}\n${N2}\n`), fixed.slice(-160));
});

test('renumbering footnotes renumbers a marker inside a footnote text, and keeps blank lines in place', () => {
  const text = '大会，\n\n1. 重申《条约》²和《公约》¹；\n\n---\n¹ 见上文脚注²。\n\n² 联合国。\n';
  const fixed = fix(text, renumberFootnotes(parseDraft(text)));
  assert.equal(fixed, '大会，\n\n1. 重申《条约》¹和《公约》²；\n\n---\n¹ 联合国。\n\n² 见上文脚注¹。\n');
  assert.deepEqual(renumberFootnotes(parseDraft(fixed)), []);
});

test('giving each repeated footnote its own number: every copy is cited, and again changes nothing', () => {
  const text = '大会，\n\n1. 重申《条约》¹；\n\n2. 又重申《条约》¹。\n\n---\n¹ 联合国，《条约汇编》。\n';
  const fixed = fix(text, renumberFootnotes(parseDraft(text), { separateReuses: true }));
  assert.equal(fixed, '大会，\n\n1. 重申《条约》¹；\n\n2. 又重申《条约》²。\n\n---\n¹ 联合国，《条约汇编》。\n² 联合国，《条约汇编》。\n');
  assert.deepEqual(renumberFootnotes(parseDraft(fixed), { separateReuses: true }), []);
});

test('an uncited footnote text keeps its place after the cited ones, renumbered', () => {
  const text = resolution([FIRST, PRE1.replace('¹', '²'), LAST], [N1, N2]);
  const fixed = fix(text, renumberFootnotes(parseDraft(text)));
  assert.ok(fixed.includes(PRE1));
  assert.ok(fixed.endsWith(`${N2.replace('²', '¹')}\n${N1.replace('¹', '²')}\n`), fixed.slice(-120));
});

test('CRLF drafts keep their line ends', () => {
  const text = resolution([FIRST, PRE1.replace('¹', '²'), PRE2.replace('²', '¹'), LAST], [N2.replace('²', '¹'), N1.replace('¹', '²')]).replace(/\n/g, '\r\n');
  const fixed = fix(text, renumberFootnotes(parseDraft(text)));
  assert.ok(fixed.endsWith(`${N1}\r\n${N2}\r\n`), JSON.stringify(fixed.slice(-60)));
  assert.ok(!/[^\r]\n/.test(fixed));
});

test('a stub goes in number order; removing the last footnote leaves no trailing line', () => {
  const text = resolution([FIRST, PRE1, PRE2, LAST], [N2]);
  const stubbed = fix(text, footnoteStub(parseDraft(text), 1));
  assert.ok(stubbed.endsWith(`---\n¹ ……。\n${N2}\n`));
  assert.deepEqual(problems(stubbed), []);
  const noTrailing = resolution([FIRST, LAST], [N1]).replace(/\n$/, '');
  const removed = fix(noTrailing, removeFootnote(parseDraft(noTrailing), parseDraft(noTrailing).footnotes[0].line));
  assert.ok(removed.endsWith('---'));
});

test('renumbering paragraphs of a correct draft changes nothing', () => {
  const text = resolution([FIRST, PRE1, LAST], [N1]);
  assert.deepEqual(renumberParagraphs(parseDraft(text)), []);
  assert.deepEqual(renumberFootnotes(parseDraft(text)), []);
});
