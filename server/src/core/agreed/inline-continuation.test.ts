// The ghost-text choice on corpus sentences (A/RES/73/62, 59/76, 76/54 and the Security Council
// texts of test/fixtures/security-council), each case a small index of the paragraphs it needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CorpusParagraphKind } from './corpus-paragraphs';
import { organOfSymbol } from './inline-continuation';
import { buildPhraseIndexFromParagraphs, PhraseIndex } from './phrase-index';

const P7362 = '重申《不扩散核武器条约》作为国际核不扩散机制的基石以及谋求实现核裁军、核不扩散及和平利用核能的关键基础，具有至关重要的意义，';
const P5976 = '重申《不扩散核武器条约》作为国际核不扩散制度的基石和作为进行核裁军的必要基础的关键重要地位，';
const SC_THREAT = '重申核武器、化学武器和生物武器及其运载工具的扩散对国际和平与安全构成威胁，';
const SC_RESOLVE = '再次申明决心在《联合国宪章》规定的首要责任范围内采取适当、有效行动，对付核武器、化学武器和生物武器及其运载工具的扩散对国际和平与安全造成的任何威胁，';

function indexOf(docs: { symbol: string; date?: string; paragraphs: { kind: CorpusParagraphKind; text: string }[] }[]): PhraseIndex {
  const index = new PhraseIndex(
    buildPhraseIndexFromParagraphs(docs.map((d) => ({ symbol: d.symbol, paragraphs: d.paragraphs.map((p, i) => ({ ...p, where: `序言部分第 ${i + 1} 段`, line: i })) }))),
  );
  const dates = new Map(docs.map((d) => [d.symbol, d.date]));
  index.setDocumentFacts((s) => ({ date: dates.get(s) }));
  return index;
}

test('the continuation stops where the sources diverge (73/62 机制, 59/76 制度)', () => {
  const index = indexOf([
    { symbol: 'A/RES/73/62', date: '2018-12-05', paragraphs: [{ kind: 'preambular', text: P7362 }] },
    { symbol: 'A/RES/59/76', date: '2004-12-03', paragraphs: [{ kind: 'preambular', text: P5976 }] },
  ]);
  const found = index.inline('重申《不扩散核武器条约》作为', { kind: 'preambular', organ: 'A' });
  assert.equal(found?.text, '国际核不扩散');
  assert.deepEqual(found?.documents, ['A/RES/73/62', 'A/RES/59/76']);
  assert.equal(found?.occurrences, 2);
});

test('the longest context decides: after …作为国际核不扩散机制 only 73/62 goes on, to the end of its clause', () => {
  const index = indexOf([
    { symbol: 'A/RES/73/62', date: '2018-12-05', paragraphs: [{ kind: 'preambular', text: P7362 }] },
    { symbol: 'A/RES/59/76', date: '2004-12-03', paragraphs: [{ kind: 'preambular', text: P5976 }] },
  ]);
  const found = index.inline('重申《不扩散核武器条约》作为国际核不扩散机制', { kind: 'preambular' });
  // One source: up to its first clause boundary, not on into 具有至关重要的意义，.
  assert.equal(found?.text, '的基石以及谋求实现核裁军、核不扩散及和平利用核能的关键基础，');
  assert.equal(found?.source.symbol, 'A/RES/73/62');
});

test('sources that agree carry it past a clause boundary (the Security Council preamble of 1810, 1977, 2663)', () => {
  const sc = (symbol: string, date: string) => ({ symbol, date, paragraphs: [{ kind: 'preambular' as const, text: SC_THREAT }, { kind: 'preambular' as const, text: SC_RESOLVE }] });
  const index = indexOf([sc('S/RES/1810 (2008)', '2008-04-25'), sc('S/RES/1977 (2011)', '2011-04-20'), sc('S/RES/2663 (2022)', '2022-11-30')]);
  const typed = '再次申明决心在《联合国宪章》规定的首要责任范围内';
  const found = index.inline(typed, { kind: 'preambular', organ: 'S' });
  // Past the ，after 有效行动 to the paragraph's end: every source writes the same.
  assert.equal(found?.text, SC_RESOLVE.slice(typed.length));
  assert.ok(found?.text.indexOf('，') < found!.text.length - 1);
  // The newest first.
  assert.deepEqual(found?.documents, ['S/RES/2663 (2022)', 'S/RES/1977 (2011)', 'S/RES/1810 (2008)']);
});

test('the same part wins over another part that writes otherwise (a preambular paragraph being typed)', () => {
  const index = indexOf([
    { symbol: 'A/RES/73/62', date: '2018-12-05', paragraphs: [{ kind: 'preambular', text: P7362 }] },
    { symbol: 'A/RES/59/76', date: '2004-12-03', paragraphs: [{ kind: 'operative', text: P5976 }] },
  ]);
  assert.equal(index.inline('重申《不扩散核武器条约》作为', { kind: 'preambular' })?.text, '国际核不扩散机制的基石以及谋求实现核裁军、核不扩散及和平利用核能的关键基础，');
  assert.equal(index.inline('重申《不扩散核武器条约》作为', { kind: 'operative' })?.text, '国际核不扩散制度的基石和作为进行核裁军的必要基础的关键重要地位，');
});

test('nothing when the corpus has no ending of the text, or only a clause mark would follow', () => {
  const index = indexOf([{ symbol: 'A/RES/73/62', paragraphs: [{ kind: 'preambular', text: P7362 }] }]);
  assert.equal(index.inline('安全理事会定期审查', { kind: 'preambular' }), undefined);
  assert.equal(index.inline('具有至关重要的意义', { kind: 'preambular' }), undefined);
});

test('the organ of a symbol', () => {
  assert.equal(organOfSymbol('A/RES/76/54'), 'A');
  assert.equal(organOfSymbol('S/RES/2446 (2018)'), 'S');
  assert.equal(organOfSymbol('A/HRC/RES/52/1'), 'A/HRC');
  assert.equal(organOfSymbol('E/RES/2023/2'), 'E');
  assert.equal(organOfSymbol('76/54'), undefined);
});
