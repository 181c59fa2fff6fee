/**
 * What the ingest tool needs to know about Chinese UN documents as they come out of a PDF: the
 * heading lines, the closing, section headings, and the words around numbers that tell a lost
 * footnote marker from an ordinary number. The cleaning engine (core/ingest) reads these tables.
 */
export interface IngestTables {
  /** Lines of the heading block, each complete on its own (大 会, 第七十六届会议, the adoption line …). */
  headingLines: readonly RegExp[];
  /** The closing date on a line of its own. */
  closingDate: RegExp;
  /** The closing meeting line. */
  meeting: RegExp;
  /** The start of a section heading (第一部分, 第五条, 一. 核裁军). */
  sectionStart: RegExp;
  /** What may follow a number that is not a footnote marker: a unit (2018 年, 第 3 段, 6 个国家). */
  unitAfterNumber: RegExp;
  /** What may stand before a number that is not a footnote marker (第 2, 附件 2, 行动 5). */
  wordBeforeNumber: RegExp;
  /** Character class (inside [...]) of the script whose letter-spacing is repaired. */
  letterSpacedScript: string;
}

export const chineseIngest: IngestTables = {
  headingLines: [
    /^(?:大\s*会|安\s*全\s*理\s*事\s*会|经济及社会理事会|人权理事会)$/,
    /^Distr\.?\s*:/i,
    /^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$/,
    /^第[零〇一二三四五六七八九十百]+届.*会议$/,
    /^议程项目/,
    /^\d{4}\s*年.*决议$/,
    /^[[［].*[\]］]$/,
    /^Original\s*:/i,
    // A conference's dates and place: 2022 年 8 月 1 日至 26 日，纽约
    /^\d{4}\s*年[\d\s年月日至和-]*日[，,]\s*\S{1,12}$/,
  ],
  closingDate: /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/,
  meeting: /^第\s*\d{1,4}\s*次(?:全体)?会议$/,
  sectionStart: /^(?:[一二三四五六七八九十]{1,3}[.．、]\s*\S|第[一二三四五六七八九十百]+(?:条|部分|章|节))/,
  unitAfterNumber: /^[年月日号段卷条款次届个项名国周岁时分页章节点倍%％亿万千百十人票部册期]/,
  wordBeforeNumber: /(?:第|附件|附录|行动|目标|群组|编号|卷|段|至|-|—|~|～)$/,
  letterSpacedScript: '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef《》“”',
};
