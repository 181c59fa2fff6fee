// The cleaner on real fragments of the raw seeds (corpus/raw), each showing one kind of PDF damage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanRawText, joinLetterSpacedChinese, joinLetterSpacedDigits } from './clean';

const lines = (text: string) => cleanRawText(text).text.split('\n');

test('letter-spaced digits are joined; ordinary numbers next to words are not', () => {
  assert.equal(joinLetterSpacedDigits('2 0 0 4 年 1 2 月 3 日大会决议'), '2004 年 12 月 3 日大会决议');
  assert.equal(joinLetterSpacedDigits('2 0 0 7 年 1 2 月 5 日大会决议'), '2007 年 12 月 5 日大会决议');
  for (const keep of ['议和延期大会 2 以及 2000 年和 2010 年 4 审议大会', '《条约》附件 2 所列八个剩余国家', '2018 年 4 月 27 日、5 月 26 日', '(NPT/CONF.2010/50(Vol. III))']) {
    assert.equal(joinLetterSpacedDigits(keep), keep);
  }
});

test('letter-spaced Chinese is joined, keeping the spaces beside digits', () => {
  assert.equal(
    joinLetterSpacedChinese('《 不 扩 散 核 武 器 条 约 缔 约 国 2010 年 审 议 大 会 ， 最 后 文 件 》， 第 一 至 第 三 卷'),
    '《不扩散核武器条约缔约国 2010 年审议大会，最后文件》，第一至第三卷',
  );
  assert.equal(joinLetterSpacedChinese('大 会'), '大 会');
  assert.equal(joinLetterSpacedChinese('欢迎 2018 年 4 月 27 日、5 月 26 日和 9 月 18 日至 20 日举行的朝韩首脑会'), '欢迎 2018 年 4 月 27 日、5 月 26 日和 9 月 18 日至 20 日举行的朝韩首脑会');
});

test('lines broken mid-sentence and mid-symbol are joined (004)', () => {
  const raw = [
    '62/42. 核裁军 ',
    '',
    ' 大会， ',
    '',
    ' 回顾其关于逐步减少核威胁的 1994 年 12 月 15 日第 49/75 E 号决议以及关⏎',
    '',
    '1 日第 54/54 P 号、2000 年 11 月 20 日第 55/33 T 号、2001 年 11 月 29 日第 56/24 ',
    '',
    'R 号、2002 年 11 月 22 日第 57/79 号决议， ',
    '',
    ' 1. 认识到现在正是所有核武器国家采取有效裁军措施以便消除核武器的⏎',
    '',
    '合适时机。 ',
  ].join('\n').replace(/⏎/g, '');
  const out = lines(raw);
  assert.equal(out[4], '回顾其关于逐步减少核威胁的 1994 年 12 月 15 日第 49/75 E 号决议以及关1 日第 54/54 P 号、2000 年 11 月 20 日第 55/33 T 号、2001 年 11 月 29 日第 56/24 R 号、2002 年 11 月 22 日第 57/79 号决议，');
  assert.equal(out[6], '1. 认识到现在正是所有核武器国家采取有效裁军措施以便消除核武器的合适时机。');
});

test('a footnote symbol broken after its stop or before (Parts …) joins without a space (001, 004)', () => {
  const raw = [
    '62/42. 核裁军',
    '大会，',
    ' 重申《不扩散核武器条约》',
    '1',
    ' 缔约国坚信， ',
    '',
    ' 1. 要求全面、有效地实施。 ',
    '                                                           ',
    '1',
    ' 见《不扩散核武器条约缔约国 1995 年审议和延期大会，最后文件》，第一部分(NPT/CONF. ',
    '',
    '1995/32(Part I)和 Corr.2))，附件。 ',
  ].join('\n');
  const text = cleanRawText(raw).text;
  assert.ok(text.includes('重申《不扩散核武器条约》¹ 缔约国坚信，\n'), text);
  assert.ok(text.includes('---\n¹ 见《不扩散核武器条约缔约国 1995 年审议和延期大会，最后文件》，第一部分(NPT/CONF.1995/32(Part I)和 Corr.2))，附件。\n'), text);
});

test('a paragraph continues after the footnote block in the middle of it (000)', () => {
  const raw = [
    '76/54. 建立无核武器世界的联合行动和面向未来的对话',
    '',
    '大会，',
    '',
    '强调所有缔约国都必须履行《不扩散核武器条约》规定的各项核裁军和不扩散义务，并重申执行不扩散核武器条约缔约国 1995 年审议和延期大会² 以及',
    '',
    '¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。',
    '',
    '² 《不扩散核武器条约缔约国 1995 年审议和延期大会，最后文件，第一部分》(NPT/CONF.1995/32(Part I))。',
    '',
    '',
    '',
    '不扩散核武器条约缔约国 2000 年³ 和 2010 年审议大会⁴ 最后文件所载承诺十分重要，',
    '',
    '铭记实现无核武器世界有多种途径，对此所有国家之间建立信任至关重要，',
  ].join('\n');
  const out = lines(raw);
  assert.equal(out[4], '强调所有缔约国都必须履行《不扩散核武器条约》规定的各项核裁军和不扩散义务，并重申执行不扩散核武器条约缔约国 1995 年审议和延期大会² 以及不扩散核武器条约缔约国 2000 年³ 和 2010 年审议大会⁴ 最后文件所载承诺十分重要，');
  assert.equal(out[6], '铭记实现无核武器世界有多种途径，对此所有国家之间建立信任至关重要，');
  assert.equal(out[8], '---');
  assert.equal(out[9], '¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。');
});

test('markers that lost their superscript become superscript digits; numbers in dates and 附件 2 do not (001)', () => {
  const raw = [
    '  73/62. 继续坚决采取联合行动彻底消除核武器 ',
    '',
    ' 大会， ',
    '',
    ' 重申《不扩散核武器条约》1 作为国际核不扩散机制的基石， ',
    '',
    ' 1. 促请执行不扩散核武器条约缔约国 1995 年审议和延期大会 2 以及 2000 年和 2010 年 3 审议大会《最后文件》所商定的步骤，特别是《条约》附件 2 所列八个剩余国家；2 ',
    '',
    ' 2. 鼓励所有国家执行秘书长关于联合国裁军和不扩散教育问题研究报告⏎',
    '',
    '10 中的建议，并于 2018 年 4 月 27 日举行会议。 ',
    '',
    '__________________ ',
    '',
    ' 1 联合国，《条约汇编》，第 729 卷，第 10485 号。 ',
    ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ` ${n} A/57/12${n}。 `),
    'https://undocs.org/ch/A/57/124',
  ].join('\n').replace(/⏎/g, '');
  const out = lines(raw);
  assert.equal(out[4], '重申《不扩散核武器条约》¹ 作为国际核不扩散机制的基石，');
  assert.equal(out[6], '1. 促请执行不扩散核武器条约缔约国 1995 年审议和延期大会² 以及 2000 年和 2010 年³ 审议大会《最后文件》所商定的步骤，特别是《条约》附件 2 所列八个剩余国家；²');
  // 10 is not the next new number here (4 is), so it stays a plain number.
  assert.equal(out[8], '2. 鼓励所有国家执行秘书长关于联合国裁军和不扩散教育问题研究报告10 中的建议，并于 2018 年 4 月 27 日举行会议。');
  assert.ok(!out.some((l) => l.includes('undocs')));
  assert.equal(out.filter((l) => /^[¹²³⁴⁵⁶⁷⁸⁹]/.test(l)).length, 10);
});

test('a working paper: running heads and page numbers go, its symbol heads the draft, sentences after 。 stay in their paragraph (003)', () => {
  const raw = [
    ' 2022 年 8 月 1 日至 26 日，纽约 ',
    '',
    '  主席关于最后文件的工作文件 ',
    '',
    '  第三条和序言部分第四和第五段，特别是这些条款与第四条和序言部分第六和⏎',
    '',
    '第七段的关系 ',
    '',
    '43. 审议大会重申，核安保有助于实现《条约》各项目标。⏎',
    '',
    '审议大会确认了现有和新出现的核安保威胁。 ',
    '',
    ' NPT/CONF.2020/WP.77 ',
    '',
    ' ',
    '',
    '11/30 22-13460 ',
    '',
    '44. 审议大会强调所有核材料必须得到有效的实物保护。审议大会促⏎',
    'https://undocs.org/ch/CD/1299',
    ' 请所有国家在其职责范围内实现核安保。 ',
    '',
    '   一. 核裁军 ',
    '',
    '22-13460 28/30 ',
    'NPT/CONF.2020/WP.77  ',
  ].join('\n').replace(/⏎/g, '');
  const clean = cleanRawText(raw);
  assert.equal(clean.symbol, 'NPT/CONF.2020/WP.77');
  assert.equal(clean.headingTitle, '主席关于最后文件的工作文件');
  assert.equal(
    clean.text,
    [
      'NPT/CONF.2020/WP.77',
      '2022 年 8 月 1 日至 26 日，纽约',
      '主席关于最后文件的工作文件',
      '',
      '第三条和序言部分第四和第五段，特别是这些条款与第四条和序言部分第六和第七段的关系',
      '',
      '43. 审议大会重申，核安保有助于实现《条约》各项目标。审议大会确认了现有和新出现的核安保威胁。',
      '',
      '44. 审议大会强调所有核材料必须得到有效的实物保护。审议大会促请所有国家在其职责范围内实现核安保。',
      '',
      '一. 核裁军',
      '',
    ].join('\n'),
  );
});

test('empty and odd input never throws and always ends with a newline', () => {
  for (const raw of ['', '\n\n', '\ufeff', '1', '¹', '______', '\r\n\r\n大会，\r\n', '\ud800\udc00\ud800']) {
    assert.ok(cleanRawText(raw).text.endsWith('\n'));
  }
});
