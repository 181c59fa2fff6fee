/**
 * What the ingest tool needs to know about Chinese UN documents as they come out of a PDF: the
 * heading lines, the closing, section headings, page furniture, the words around numbers that
 * tell a lost footnote marker from an ordinary number, and the signs of another language. The
 * cleaning engine (core/ingest) reads these tables.
 */
export interface IngestTables {
  /** Lines of the heading block, each complete on its own (大 会, 第七十六届会议, the adoption line …). */
  headingLines: readonly RegExp[];
  /** Lines inside the text that are structure, each complete on its own: 附件, part letters A/B, an annexed decision's number. */
  structureLines: readonly RegExp[];
  /** Title lines: 76/54. …, 77/555. …, and the old compilations' 二一五九(二十一)、… and 四(一九四六). … */
  titleLines: readonly RegExp[];
  /** Title lines that are only the number of a resolution or decision (第 2446(2018)号决议, 第 77/555 号决定). */
  numberTitleLines: readonly RegExp[];
  /** An organ line (the enacting formula) beyond the profile's organs: 因此，安全理事会，. */
  organLine: RegExp;
  /** The organ line of an annexed text (欧洲经济委员会，), where a paragraph cannot go on. */
  annexOrganLine: RegExp;
  /** An organ's name alone (as the heading's masthead, or an organ line that lost its comma). */
  organName: RegExp;
  /** The closing date on a line of its own (also in Chinese numerals). */
  closingDate: RegExp;
  /** The closing meeting line (第 45 次全体会议; the Security Council's 第 1769 次会议以 13 票对 0 票通过。). */
  meeting: RegExp;
  /** A group of a recorded vote opening a line of the vote note (赞成：……；, 反对：……；, 弃权：……。]): a line of its own there. */
  voteGroup: RegExp;
  /** The start of a section heading (第一部分, 第五条, 一. 核裁军). */
  sectionStart: RegExp;
  /** What may follow a number that is not a footnote marker: a unit (2018 年, 第 3 段, 6 个国家). */
  unitAfterNumber: RegExp;
  /** What may stand before a number that is not a footnote marker (第 2, 附件 2, 行动 5). */
  wordBeforeNumber: RegExp;
  /** Character class (inside [...]) of the script whose letter-spacing is repaired. */
  letterSpacedScript: string;
  /** The United Nations masthead (联合国, also letter-spaced) that heads the first page: furniture. */
  masthead: RegExp;
  /** Parts of a masthead line worth keeping as heading lines (the organ, Distr.: General, the date, Original: …). */
  mastheadParts: readonly RegExp[];
  /**
   * Paragraph openers that the ingest tool knows beyond the profile's (older texts and other
   * organs). A hint only: paragraph boundaries come from layout, punctuation and the openers
   * learned from the corpus.
   */
  extraOpeners: readonly string[];
  /** Characters of the profile's script: a document with too few of them is in another language. */
  script: RegExp;
  /** Other languages a document may be in, each with its most common words (to name the language when refusing it). */
  otherLanguages: readonly { name: string; words: readonly string[] }[];
}

const CN_DIGIT = '〇零一二三四五六七八九';
const CN_NUMBER = `[${CN_DIGIT}十百千]`;
const ORGANS = '(?:大\\s*会|安\\s*全\\s*理\\s*事\\s*会|经\\s*济\\s*及\\s*社\\s*会\\s*理\\s*事\\s*会|人\\s*权\\s*理\\s*事\\s*会|托\\s*管\\s*理\\s*事\\s*会)';

export const chineseIngest: IngestTables = {
  headingLines: [
    new RegExp(`^${ORGANS}$`),
    /^Distr\.?\s*:/i,
    /^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$/,
    /^第[零〇一二三四五六七八九十百]+届.*会议$/,
    // ECOSOC sessions are years: 2023 年届会, 2023 年实质性会议.
    /^\d{4}\s*年(?:届会|.{0,6}会议)$/,
    /^议程项目/,
    // Adoption lines: 2021 年 12 月 6 日大会决议, 2023 年 4 月 3 日人权理事会通过的决议, and the
    // Security Council's 2018 年 11 月 15 日安全理事会第 8401 次会议通过.
    /^\d{4}\s*年.*(?:决议|决定)$/,
    /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,12}第\s*\d{1,5}\s*次(?:全体)?会议(?:上)?通过$/,
    new RegExp(`^${CN_NUMBER}{4}年${CN_NUMBER}{1,3}月${CN_NUMBER}{1,3}日.{0,12}第${CN_NUMBER}{1,6}次(?:全体)?会议(?:上)?通过$`),
    /^[[［].*[\]］]$/,
    /^Original\s*:/i,
    // A conference's dates and place: 2022 年 8 月 1 日至 26 日，纽约; a session's dates: 2023 年 2 月 27 日至 4 月 4 日.
    /^\d{4}\s*年[\d\s年月日至和-]*日[，,]\s*\S{1,12}$/,
    /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*至\s*(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日$/,
  ],
  structureLines: [
    /^附件[一二三四五六七八九十]*$/,
    /^[A-H]$/,
    // An annexed decision of a regional commission: G (70)号决定; a numbered decision: 第 77/555 号决定.
    /^[A-Z]\s*[(（]\s*[IVXLC\d]+\s*[)）]\s*号决定$/,
  ],
  titleLines: [
    /^(?:\d{1,4}|[Xx_＿]+)\/(?:\d{1,4}(?:\s?[A-Z](?![A-Za-z]))?|[Xx_＿]+)\s*[.．]\s*\S/,
    // 二一五九(二十一)、…: a GA resolution before 1976 in the old compilations.
    new RegExp(`^[${CN_DIGIT}]{2,4}\\s*[(（][一二三四五六七八九十]{1,5}[)）]\\s*[、.．]\\s*\\S`),
    /^\d{1,4}\s*[(（][IVXLC]{1,7}[)）]\s*[、.．]\s*\S/,
    // 四(一九四六).: the Security Council's first years.
    new RegExp(`^${CN_NUMBER}{1,4}\\s*[(（][${CN_DIGIT}]{4}[)）]\\s*[、.．]`),
  ],
  numberTitleLines: [
    new RegExp(`^第\\s*(?:\\d{1,5}|${CN_NUMBER}{1,6})\\s*[(（]\\s*(?:\\d{4}|[${CN_DIGIT}]{4})\\s*[)）]\\s*号决议$`),
    /^第\s*\d{1,4}\s*\/\s*\d{1,4}\s*(?:[A-Z]\s*)?号(?:决议|决定)$/,
    new RegExp(`^第\\s*[${CN_DIGIT}]{2,4}\\s*[(（][一二三四五六七八九十]{1,5}[)）]\\s*号决议$`),
  ],
  organLine: /^(?:因此[，,]\s*)?(?:大会|安全理事会|经济及社会理事会|人权理事会|托管理事会)[，,]$/,
  annexOrganLine: /^[\u4e00-\u9fff]{2,12}(?:委员会|理事会)[，,]$/,
  organName: new RegExp(`^${ORGANS}$`),
  closingDate: new RegExp(`^(?:\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|[${CN_DIGIT}]{4}年${CN_NUMBER}{1,3}月${CN_NUMBER}{1,3}日)$`),
  // 第 45 次全体会议; 第一四八一次全体会议; 第 2833 次会议一致通过。; 第 1769 次会议以 13 票对 0 票通过。 1
  meeting: new RegExp(`^第\\s*(?:\\d{1,5}|${CN_NUMBER}{1,6})\\s*次(?:全体)?会议(?:[^，。；]{0,40}通过。?(?:\\s*(?:\\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+))?)?$`),
  voteGroup: /^(?:赞成|反对|弃权)\s*[:：]/,
  sectionStart: /^(?:[一二三四五六七八九十]{1,3}[.．、]\s*\S|第[一二三四五六七八九十百]+(?:条|部分|章|节))/,
  unitAfterNumber: /^[年月日号段卷条款次届个项名国周岁时分页章节点倍%％亿万千百十人票部册期]/,
  wordBeforeNumber: /(?:第|附件|附录|行动|目标|群组|编号|卷|段|至|-|—|~|～|以|对)$/,
  letterSpacedScript: '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef《》“”',
  masthead: /^联\s*合\s*国(?=\s|$)/,
  mastheadParts: [
    new RegExp(`^${ORGANS}$`),
    /^Distr\.?\s*:\s*[A-Za-z]+$/i,
    /^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$/,
    /^Original\s*:\s*[A-Za-z]+$/i,
  ],
  extraOpeners: [
    '深为关切', '深感不安地注意到', '审议了', '听取了', '认定', '表示注意到', '覆按', '复查', '兹决定',
    '痛惜', '震惊地注意到', '关注', '满意地', '根据《联合国宪章》',
  ],
  script: /[\u3400-\u4dbf\u4e00-\u9fff]/g,
  otherLanguages: [
    { name: 'English', words: ['the', 'and', 'of', 'to', 'in', 'that', 'its', 'with', 'for', 'on', 'by', 'all', 'resolution', 'council', 'assembly'] },
    { name: 'French', words: ['le', 'la', 'les', 'des', 'et', 'de', 'du', 'que', 'pour', 'dans', 'résolution', 'conseil'] },
    { name: 'Spanish', words: ['el', 'la', 'los', 'las', 'y', 'de', 'del', 'que', 'para', 'en', 'resolución', 'consejo'] },
  ],
};
