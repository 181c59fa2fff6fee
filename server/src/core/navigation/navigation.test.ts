import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDraft } from '../parse/parser';
import {
  continueNumbering,
  crossReferenceAt,
  documentLinks,
  footnoteAt,
  footnoteReferences,
  footnoteText,
  foldingRegions,
  insertFootnote,
  readFootnoteNumber,
  referencedParagraph,
  renameFootnote,
  sameSymbol,
  symbolAt,
  type TextEdit,
} from './index';

const sample = readFileSync('test/fixtures/sample.unres', 'utf8');

// Lines from A/RES/76/54 (corpus/raw/000), markers as the clean corpus writes them.
const resolution7654 = [
  '76/54. 建立无核武器世界的联合行动和面向未来的对话',
  '',
  '大会，',
  '',
  '又重申《不扩散核武器条约》¹ 是国际核不扩散制度和追求实现相辅相成的核裁军、核不扩散及和平利用核能的基石，并重申决心进一步加强《条约》的普遍性，',
  '',
  '强调所有缔约国都必须履行《不扩散核武器条约》规定的各项核裁军和不扩散义务，并重申执行不扩散核武器条约缔约国 1995 年审议和延期大会² 以及不扩散核武器条约缔约国 2000 年³ 和 2010 年审议大会⁴ 最后文件所载承诺十分重要，',
  '',
  '1. **重申**《不扩散核武器条约》¹ 所有缔约国致力于实现消除核武器的最终目标；',
  '',
  '---',
  '¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。',
  '² 《不扩散核武器条约缔约国 1995 年审议和延期大会，最后文件，第一部分》(NPT/CONF.1995/32(Part I))。',
  '³ 《2000 年不扩散核武器条约缔约国审议大会，最后文件》，第一卷(NPT/CONF.2000/28(Parts I and II))。',
  '⁴ 《2010 年不扩散核武器条约缔约国审议大会，最后文件》，第一卷(NPT/CONF.2010/50 (Vol.I))。',
  '',
].join('\n');

function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

test('a marker leads to its footnote text, and the text number back to every marker', () => {
  const doc = parseDraft(resolution7654);
  const at = resolution7654.indexOf('¹ 是');
  const hit = footnoteAt(doc, at);
  assert.deepEqual(hit && { number: hit.number, where: hit.where }, { number: 1, where: 'marker' });
  const text = footnoteText(doc, 1);
  assert.ok(text);
  assert.equal(resolution7654.slice(text.textSpan.start, text.textSpan.end), '联合国，《条约汇编》，第 729 卷，第 10485 号。');
  const fromText = footnoteAt(doc, text.numberSpan.start);
  assert.equal(fromText?.where, 'text');
  const refs = footnoteReferences(doc, 1);
  assert.equal(refs.length, 3, 'two markers (preamble and paragraph 1) and the footnote text');
  assert.ok(refs.every((s) => resolution7654.slice(s.start, s.end) === '¹'));
  assert.equal(footnoteAt(doc, resolution7654.indexOf('核裁军')), undefined);
});

test('renaming a footnote renumbers its markers and its text together', () => {
  const doc = parseDraft(resolution7654);
  const result = renameFootnote(doc, 1, 7);
  assert.ok('edits' in result);
  const renamed = parseDraft(apply(resolution7654, result.edits));
  assert.deepEqual(renamed.markers.map((m) => m.number), [7, 2, 3, 4, 7]);
  assert.deepEqual(renamed.footnotes.map((f) => f.number), [7, 2, 3, 4]);
  assert.ok(renamed.text.includes('《不扩散核武器条约》⁷ 是'));
});

test('renaming a footnote to a number already used is refused with a reason', () => {
  const doc = parseDraft(resolution7654);
  const result = renameFootnote(doc, 1, 3);
  assert.ok('error' in result);
  assert.match(result.error, /Footnote 3 already exists/);
  assert.ok('error' in renameFootnote(doc, 1, 0));
  assert.equal(readFootnoteNumber('¹²'), 12);
  assert.equal(readFootnoteNumber('12'), 12);
  assert.ok(Number.isNaN(readFootnoteNumber('十二')));
});

test('inserting a footnote puts the next marker at the cursor and a stub after the last footnote', () => {
  const doc = parseDraft(resolution7654);
  const at = resolution7654.indexOf('所有缔约国致力于') ;
  const { number, edits, stubOffset } = insertFootnote(doc, at);
  assert.equal(number, 5);
  const after = apply(resolution7654, edits);
  assert.ok(after.includes('《不扩散核武器条约》¹ ⁵所有缔约国'));
  assert.ok(after.endsWith('(NPT/CONF.2010/50 (Vol.I))。\n⁵ \n'), JSON.stringify(after.slice(-40)));
  assert.equal(after.slice(stubOffset - 2, stubOffset), '⁵ ');
  const typed = after.slice(0, stubOffset) + 'A/70/81。' + after.slice(stubOffset);
  const reparsed = parseDraft(typed);
  assert.deepEqual(reparsed.footnotes.map((f) => f.number), [1, 2, 3, 4, 5]);
});

test('inserting the first footnote creates the separator', () => {
  const text = '大会，\n\n重申实现无核武器世界是国际社会的共同目标，\n';
  const doc = parseDraft(text);
  const { edits } = insertFootnote(doc, text.indexOf('是国际'));
  const after = apply(text, edits);
  assert.equal(after, '大会，\n\n重申实现无核武器世界¹是国际社会的共同目标，\n\n---\n¹ ');
  assert.equal(parseDraft(after).footnoteSeparator !== undefined, true);
  const noNewline = '大会，\n\n重申实现无核武器世界是国际社会的共同目标，';
  const atEnd = apply(noNewline, insertFootnote(parseDraft(noNewline), noNewline.length).edits);
  assert.equal(atEnd, '大会，\n\n重申实现无核武器世界是国际社会的共同目标，¹\n\n---\n¹ ');
});

test('上文第 15 段 leads to operative paragraph 15 (NPT/CONF.2020/WP.77)', () => {
  const lines = ['15. 缔约国承诺进一步努力，减少并最终消除所有类型的核武器。'];
  for (let n = 16; n <= 24; n++) lines.push(`${n}. 缔约国承诺协助全面禁止核试验条约组织筹备委员会为《条约》生效进行筹备工作。`);
  lines.push('25. 根据上文第 15 段，核武器国家承诺在不损害国家安全的情况下，加强与其核武库、政策和能力等有关的透明度措施，并努力建立相互信任。');
  const text = lines.join('\n\n');
  const doc = parseDraft(text);
  const ref = crossReferenceAt(doc, text.indexOf('第 15 段') + 2);
  assert.ok(ref);
  const target = referencedParagraph(doc, ref);
  assert.equal(target?.label?.value, 15);
  assert.equal(target?.line, 0);
  assert.equal(crossReferenceAt(doc, 0), undefined);
});

test('symbols and citations link to the Chinese text on undocs.org', () => {
  const text = '回顾其 2017 年 12 月 4 日第 72/50 号决议和安全理事会第1540(2004)号决议，以及 A/60/1002-S/2006/718 和 NPT/CONF.1995/32(Part I)，通过GC(53)/DEC/13号，';
  const doc = parseDraft(`大会，\n\n${text}\n`);
  const links = documentLinks(doc);
  const urls = links.map((l) => l.url);
  assert.deepEqual(urls, [
    'https://undocs.org/ch/A/RES/72/50',
    'https://undocs.org/ch/S/RES/1540(2004)',
    'https://undocs.org/ch/A/60/1002',
    'https://undocs.org/ch/S/2006/718',
    'https://undocs.org/ch/NPT/CONF.1995/32(PartI)',
    'https://undocs.org/ch/GC(53)/DEC/13',
  ]);
  // From a 2007 footnote: the Chinese part of the symbol is left out of the address.
  const parts = documentLinks(parseDraft('大会，\n\n回顾 NPT/CONF.2000/28 (Parts I 和 II)，\n'));
  assert.deepEqual(parts.map((l) => l.url), ['https://undocs.org/ch/NPT/CONF.2000/28']);
  const joint = links.filter((l) => l.symbol === 'A/60/1002' || l.symbol === 'S/2006/718');
  assert.deepEqual(joint.map((l) => doc.text.slice(l.span.start, l.span.end)), ['A/60/1002', 'S/2006/718']);
  assert.equal(doc.text.slice(links[0].span.start, links[0].span.end), '2017 年 12 月 4 日第 72/50 号决议');
  assert.equal(symbolAt(doc, doc.text.indexOf('72/50'))?.symbol, 'A/RES/72/50');
  assert.ok(sameSymbol('a/res/72/50', 'A/RES/72/50'));
  assert.ok(!sameSymbol('A/RES/72/5', 'A/RES/72/50'));
});

test('folding: heading block, preamble, a paragraph with its subparagraphs, footnotes', () => {
  const doc = parseDraft(sample);
  const regions = foldingRegions(doc).map((r) => `${r.what} ${r.startLine}-${r.endLine}`);
  const lineOf = (s: string) => sample.split('\n').findIndex((l) => l.startsWith(s));
  assert.deepEqual(regions, [
    `heading 0-${lineOf('76/54.')}`,
    `preamble ${lineOf('大会，')}-${lineOf('回顾其')}`,
    `paragraph ${lineOf('2. ')}-${lineOf('(b)')}`,
    `footnotes ${lineOf('---')}-${lineOf('¹')}`,
  ]);
});

test('Enter after operative paragraph N starts paragraph N+1, and after (a) starts (b)', () => {
  const withNewLine = (after: string) => {
    const i = sample.indexOf(after) + after.length;
    const text = sample.slice(0, i) + '\n' + sample.slice(i);
    const doc = parseDraft(text);
    return continueNumbering(doc, doc.lines.positionAt(i + 1).line);
  };
  assert.deepEqual(withNewLine('致力于实现消除核武器的最终目标；'), { insert: '2. ' });
  assert.deepEqual(withNewLine('**鼓励：**'), { insert: '(a) ' });
  assert.deepEqual(withNewLine('进行互动讨论；'), { insert: '(b) ' });
  assert.deepEqual(withNewLine('重申实现无核武器世界是国际社会的共同目标，'), undefined);
  const old = parseDraft('大会，\n\n1．重申其第 58/59 号决议；\n\n');
  assert.deepEqual(continueNumbering(old, 3), { insert: '2． ' });
  const circled = parseDraft('1. 呼吁：\n(a) 所有核武器国家采取步骤，实现核裁军：\n㈠ 所有核武器国家进一步努力，单方面继续裁减其核武库；\n');
  assert.deepEqual(continueNumbering(circled, 3), { insert: '㈡ ' });
  assert.deepEqual(continueNumbering(parseDraft('1. 呼吁：\n(a) 所有核武器国家采取步骤，实现核裁军：\n'), 2), { insert: '㈠ ' });
  // Enter on an empty label right under its paragraph moves it down: a blank line between paragraphs, as the drafts are written.
  assert.deepEqual(continueNumbering(parseDraft('1. 重申；\n2. \n'), 2), { removeLabelOnLine: 1, insert: '2. ' });
  assert.deepEqual(continueNumbering(parseDraft('1. 呼吁：\n(a) \n'), 2), { removeLabelOnLine: 1, insert: '(a) ' });
  // Enter on an empty label after a blank line ends the list, as in a word processor.
  assert.deepEqual(continueNumbering(parseDraft('1. 重申；\n\n2. \n'), 3), { removeLabelOnLine: 2 });
});
