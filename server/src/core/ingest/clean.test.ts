// The cleaner on real fragments of the raw seeds (corpus/raw), each showing one kind of PDF damage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinese } from '../lang/zh';
import { chineseIngest } from '../lang/zh-ingest';
import { cleanRawText, hasResolutionStructure, joinLetterSpacedChinese, joinLetterSpacedDigits, learnOpeners } from './clean';
import { decodeRaw, ingestText } from '.';
import { detectLanguage } from './language';

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

// Every organ's shape (../shared/conventions.md "Other organs and kinds"), in test/fixtures/raw:
// each raw text is written as PDF extraction damages it (wrapped lines, page furniture, lost
// superscripts) and must clean into its published form beside it (<name>.unres), which in turn
// comes out of the cleaner unchanged.
const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'raw');
const SHAPES: [string, string][] = [
  ['sc-2446-2018', 'Security Council, new style: title and adoption lines, letter-spaced masthead, barcode; pdftotext lines without blank lines or indent'],
  ['sc-0347-1974', 'Security Council, old style: date first in Chinese numerals, organ without its comma, vote closing with a plain-digit footnote and no separator, running title'],
  ['ecosoc-2023-2', 'ECOSOC resolution: 联合国 masthead, 2023 年届会, section headings, annexed decision with its own organ line, running title'],
  ['hrc-52-1', 'Human Rights Council: collapsed masthead on one line, layout-preserving indent, a vote line over several lines'],
  ['hrc-7-12', 'Human Rights Council 2008: meeting before the date, [未经表决获得通过。]'],
  ['ga-dec-77-555', 'General Assembly decision: one unnumbered paragraph, no organ line'],
  ['ga-2159-xxi', 'General Assembly 1966: 二一五九(二十一)、 title, 覆按/复查, Chinese-numeral closing, running title'],
  ['ga-78-31', 'General Assembly with barcode page: collapsed masthead, 111223 121223*2324567*1/1, running title'],
];

for (const [name, what] of SHAPES) {
  test(`${name}: ${what}`, () => {
    const published = readFileSync(join(FIXTURES, `${name}.unres`), 'utf8');
    const damaged = readFileSync(join(FIXTURES, `${name}.txt`), 'utf8');
    assert.equal(cleanRawText(damaged).text, published, 'the damaged extraction cleans into the published form');
    assert.equal(cleanRawText(published).text, published, 'the published form comes out unchanged');
    const ingested = ingestText(damaged);
    assert.ok(ingested.ok, ingested.ok ? '' : ingested.problem);
    assert.deepEqual(ingested.draft.remarks, []);
  });
}

test('the GB18030 fixture (an ECOSOC decision) decodes and cleans into its published form', () => {
  const decoded = decodeRaw(readFileSync(join(FIXTURES, 'ecosoc-dec-2023-201.gb18030.txt')));
  assert.ok(decoded.ok && decoded.encoding === 'GB18030', JSON.stringify(decoded));
  assert.equal(cleanRawText(decoded.text).text, readFileSync(join(FIXTURES, 'ecosoc-dec-2023-201.unres'), 'utf8'));
});

test('the Security Council title and adoption lines stay two heading lines; the organ line follows', () => {
  const out = lines(['第 2446(2018)号决议', '2018 年 11 月 15 日安全理事会第 8401 次会议通过', '安全理事会，', '回顾其以往各项决议，', '1. 决定继续积极处理此案。'].join('\n'));
  assert.deepEqual(out.slice(0, 4), ['第 2446(2018)号决议', '2018 年 11 月 15 日安全理事会第 8401 次会议通过', '', '安全理事会，']);
});

test('closing lines of other organs stay lines of their own, in order', () => {
  for (const closing of ['第 2833 次会议一致通过。', '第 1769 次会议以 13 票对 0 票通过。', '第一七六九次会议以十三票对零票通过。']) {
    const out = lines(['第 347(1974)号决议', '安全理事会，', '回顾其各项决议，', '1. 谴责一切暴力行为；', '2. 决定继续积极处理此案。', closing].join('\n'));
    assert.equal(out[out.length - 2], closing, out.join('|'));
    assert.equal(out[out.length - 4], '2. 决定继续积极处理此案。');
  }
  const hrc = lines(['52/1. 标题', '人权理事会，', '1. 决定继续处理此问题。', '2023 年 4 月 3 日', '第 54 次会议', '[未经表决获得通过。]'].join('\n'));
  assert.deepEqual(hrc.slice(-4, -1), ['2023 年 4 月 3 日', '第 54 次会议', '[未经表决获得通过。]']);
});

test('part letters, 附件 and the old titles are structure lines, never glued to a paragraph', () => {
  const raw = [
    '63/80. 对外层空间的和平利用',
    'A',
    '大会，',
    '回顾其以往关于外层空间的各项决议，',
    '1. 决定继续审议此项目。',
    '2008 年 12 月 2 日',
    '第 61 次全体会议',
    'B',
    '大会，',
    '重申其以往各项决议，',
    '1. 请秘书长提交报告。',
    '附件',
    '二一五九(二十一)、维持国际和平与安全',
  ].join('\n');
  const out = lines(raw).filter((l) => l.length > 0);
  assert.deepEqual(out, [
    '63/80. 对外层空间的和平利用',
    'A',
    '大会，',
    '回顾其以往关于外层空间的各项决议，',
    '1. 决定继续审议此项目。',
    '2008 年 12 月 2 日',
    '第 61 次全体会议',
    'B',
    '大会，',
    '重申其以往各项决议，',
    '1. 请秘书长提交报告。',
    '附件',
    '二一五九(二十一)、维持国际和平与安全',
  ]);
});

// Two preambular paragraphs in pdftotext's shape (no blank lines, no indent); the second opens with
// `opener`, which may be in no table.
function twoParagraphs(opener: string, firstLineFull: boolean): string {
  const first = firstLineFull
    ? ['回顾其以往关于该问题的各项决议和主席声明，特别是关于保护平民和人道主义准入的决', '议，并重申对该国主权、独立、统一和领土完整的坚定承诺和对和平进程的支持，']
    : ['回顾其以往关于该问题的各项决议和主席声明，特别是关于保护平民和人道主义准入的决', '议，'];
  return ['第 2446(2018)号决议', '安全理事会，', ...first, `${opener}该国境内的人道主义局势持续恶化，包括持续干旱和冲突造成的粮食不安全和大规`, '模流离失所，', '1. 决定继续积极处理此案。'].join('\n');
}

test('a paragraph opening with an opener no table knows starts its own line: a short last line ends the paragraph before', () => {
  const bare = { ...chineseIngest, extraOpeners: [] };
  for (const opener of ['深为关切', '深感不安地注意到', '审议了', '听取了', '认定', '表示注意到', '痛心地获悉']) {
    const out = cleanRawText(twoParagraphs(opener, false), chinese, bare).text.split('\n');
    assert.equal(out[4], '回顾其以往关于该问题的各项决议和主席声明，特别是关于保护平民和人道主义准入的决议，', opener);
    assert.ok(out[6].startsWith(opener), `${opener}: ${out.join('|')}`);
  }
});

test('after a full line ending with ，, the tables, the corpus or the document itself tell a new paragraph', () => {
  const bare = { ...chineseIngest, extraOpeners: [] };
  // 痛心地获悉 is in no table: a full line ending with ， does not end the paragraph by itself.
  const merged = cleanRawText(twoParagraphs('痛心地获悉', true), chinese, bare).text.split('\n');
  assert.ok(merged[4].includes('的支持，痛心地获悉'), merged.join('|'));
  // Learned from the corpus: drafts whose paragraphs open with it.
  const corpus = ['大会，', '痛心地获悉甲，', '痛心地获悉乙，', '痛心地获悉丙，', '1. 决定。'].join('\n\n');
  const learned = learnOpeners([corpus]);
  assert.ok(learned.includes('痛心地获'), learned.join(','));
  const split = cleanRawText(twoParagraphs('痛心地获悉', true), chinese, bare, { openers: learned }).text.split('\n');
  assert.ok(split[6].startsWith('痛心地获悉'), split.join('|'));
  // The tables' hints (深为关切) and the profile's openers need nothing learned.
  assert.ok(cleanRawText(twoParagraphs('深为关切', true)).text.split('\n')[6].startsWith('深为关切'));
  // The document's own frequent paragraph starts: 痛心地获悉 twice after a line ending ；/short line.
  const own = [twoParagraphs('痛心地获悉', true).replace('1. 决定继续积极处理此案。', ''), '痛心地获悉甲地发生的袭击，', '痛心地获悉乙地发生的袭击，', '1. 决定继续积极处理此案。'].join('\n');
  const ownOut = cleanRawText(own, chinese, bare).text.split('\n');
  assert.ok(ownOut[6].startsWith('痛心地获悉该国'), ownOut.join('|'));
});

test('page furniture goes: barcode and job lines, mastheads, 联合国, page counts, running titles', () => {
  const raw = [
    '联 合 国 A/RES/78/31 大 会 Distr.: General 11 December 2023',
    '23-12345 (C)',
    '111223 121223*2324567*1/1',
    '78/31. 减少核危险',
    '大会，',
    '深知使用核武器对人类构成最大威胁，对人类文明的生存构成最大威胁，对人类的未来构成最',
    '23-12345 2/3',
    'A/RES/78/31',
    '减少核危险',
    '大威胁，',
    '1. 呼吁审查核理论；',
    '- 3 -',
    '联合国',
    '减少核危险',
    '2. 决定继续审议此项目。',
  ].join('\n');
  assert.equal(
    cleanRawText(raw).text,
    [
      'A/RES/78/31',
      '大 会',
      'Distr.: General',
      '11 December 2023',
      '',
      '78/31. 减少核危险',
      '',
      '大会，',
      '',
      '深知使用核武器对人类构成最大威胁，对人类文明的生存构成最大威胁，对人类的未来构成最大威胁，',
      '',
      '1. 呼吁审查核理论；',
      '',
      '2. 决定继续审议此项目。',
      '',
    ].join('\n'),
  );
  assert.equal(cleanRawText(raw).symbol, 'A/RES/78/31');
  // The organ's masthead at the head of a later page goes; the one in the heading stays.
  const ecosoc = cleanRawText(['经济及社会理事会', '2023/2. 标题', '经济及社会理事会，', '回顾其以往各项决议，', '22-28788 2/3', '经济及社会理事会', '1. 决定继续审议。'].join('\n')).text;
  assert.deepEqual(ecosoc.split('\n').filter((l) => l), ['经济及社会理事会', '2023/2. 标题', '经济及社会理事会，', '回顾其以往各项决议，', '1. 决定继续审议。']);
  // A letter-spaced masthead over two lines, as a layout-preserving extraction gives it.
  const split = cleanRawText(['联 合 国                              S/RES/2446 (2018)', '安 全 理 事 会                        Distr.: General', '第 2446(2018)号决议', '安全理事会，', '1. 决定继续积极处理此案。'].join('\n'));
  assert.equal(split.symbol, 'S/RES/2446 (2018)');
  assert.deepEqual(split.text.split('\n').slice(0, 4), ['S/RES/2446 (2018)', '安 全 理 事 会', 'Distr.: General', '第 2446(2018)号决议']);
});

test('a text without 大会， (a decision, an old text) is ingested, not refused', () => {
  for (const raw of [
    '77/555. 联合国系统的信息和通信技术\n在 2023 年 6 月 1 日第 82 次全体会议上，大会决定推迟审议该分项。\n',
    '第 347(1974)号决议\n安全理事会\n回顾其各项决议，\n1. 谴责一切暴力行为。\n第 1769 次会议以 13 票对 0 票通过。\n',
    '二一五九(二十一)、维持国际和平与安全\n覆按其各项决议，\n一九六六年十一月二十九日\n第一四八一次全体会议\n',
  ]) {
    const result = ingestText(raw);
    assert.ok(result.ok, result.ok ? '' : result.problem);
    assert.ok(hasResolutionStructure(result.draft.text), result.draft.text);
  }
});

test('an English text is refused with its reason; French too; Chinese with English symbols is not', () => {
  const english = ingestText(readFileSync(join(FIXTURES, 'sc-2446-2018-en.txt'), 'utf8'));
  assert.ok(!english.ok && /in English, not Chinese/.test(english.problem), JSON.stringify(english));
  const french = detectLanguage("Le Conseil de sécurité,\nRappelant ses résolutions antérieures sur la situation en Somalie et les déclarations de son président,\nDécide de rester saisi de la question.");
  assert.ok(!french.ok && french.language === 'French', JSON.stringify(french));
  assert.ok(detectLanguage(readFileSync(join(FIXTURES, 'hrc-52-1.txt'), 'utf8')).ok);
});

test('the first years of the Security Council: 四(一九四六). titles and 因此，安全理事会， stay lines of their own', () => {
  const raw = ['四(一九四六). 西班牙问题', '安全理事会，', '鉴于该问题已提交安理会，', '因此，安全理事会，', '兹决定设立一个小组委员会。'].join('\n');
  assert.deepEqual(lines(raw).filter((l) => l), ['四(一九四六). 西班牙问题', '安全理事会，', '鉴于该问题已提交安理会，', '因此，安全理事会，', '兹决定设立一个小组委员会。']);
  assert.ok(ingestText(raw).ok);
});

test('a recorded vote laid out a group a line (赞成：……；) keeps its lines; the same note wrapped is joined', () => {
  const head = ['52/1. 标题', '人权理事会，', '1. 决定继续处理此问题。', '2023 年 4 月 3 日', '第 54 次会议'];
  const note = ['[以 28 票赞成、6 票反对、13 票弃权，经记录表决通过。表决情况如下：', '赞成：阿根廷、比利时、智利；', '反对：中国、古巴、厄立特里亚；', '弃权：印度、尼泊尔、南非。]'];
  assert.deepEqual(lines([...head, ...note].join('\n')).filter(Boolean).slice(-4), note);
  // Wrapped as a PDF wraps it: the groups begin mid-line, and a list runs on over its line's end.
  const wrapped = ['[以 28 票赞成、6 票反对、13 票弃权，经记录表决通过。表决情况如下：赞成：阿根', '廷、比利时、智利；反对：中国、古巴、厄立特里亚；弃权：印度、尼泊尔、南非。]'];
  assert.deepEqual(lines([...head, ...wrapped].join('\n')).filter(Boolean).slice(-1), ['[以 28 票赞成、6 票反对、13 票弃权，经记录表决通过。表决情况如下：赞成：阿根廷、比利时、智利；反对：中国、古巴、厄立特里亚；弃权：印度、尼泊尔、南非。]']);
  // A group's long list of countries wrapped onto the next line goes on in the group.
  const long = [note[0], '赞成：阿根廷、比利时、智利、捷克、芬兰、法国、德国、卢森堡、黑山、荷兰、罗马尼亚、美利坚', '合众国；', note[2], note[3]];
  assert.deepEqual(lines([...head, ...long].join('\n')).filter(Boolean).slice(-4), [note[0], '赞成：阿根廷、比利时、智利、捷克、芬兰、法国、德国、卢森堡、黑山、荷兰、罗马尼亚、美利坚合众国；', note[2], note[3]]);
});
