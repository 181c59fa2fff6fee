/**
 * What completion and hovers need to know about Chinese resolution text: how a typed line starts
 * (labels), where a citation of a resolution or a title is being typed, and how the standard
 * forms are written (`2017 年 12 月 4 日第 72/50 号决议`). The assist engine (core/assist) reads
 * these tables; no Chinese word is written into the engine itself.
 */
export interface AssistTables {
  /** A paragraph label at the start of a line and the white space after it: `2. `, `2．`, `(a) `, `㈠ `. */
  label: RegExp;
  /** A label still without the space the corpus writes after it (`2.` → `2. 促请`). */
  labelWantsSpace: RegExp;
  /** An opener being typed: nothing yet, or only the letters of a word (no punctuation). */
  openerTyped: RegExp;
  /** Brackets of a title: 《不扩散核武器条约》. */
  titleOpen: string;
  titleClose: string;
  /** `第` and the digits of a resolution number typed so far, at the end of the text before the cursor. */
  citationTyped: RegExp;
  /** Words before 第 that make it a paragraph reference (`上文第 15 段`), not a resolution. */
  paragraphReferenceBefore: RegExp;
  /** A date written right before the citation (`2017 年 12 月 4 日`), at the end of a text. */
  dateBefore: RegExp;
  /** What may follow the number and would be written twice (` 号决议`, `号`). */
  citationTail: RegExp;
  /** The ASCII caret asks for a footnote marker where superscript digits are hard to type. */
  footnoteTrigger: string;
  /** The repeat prefixes in the order of use: 又 (the second use), 还 (the third). */
  repeatOrder: readonly string[];
  /** A resolution citation in its standard form, with its adoption date before 第 when known. */
  citeResolution(number: string, date?: { year: number; month: number; day: number }): string;
  /** The number as a citation writes it: `72/50`, `49/75 E`, `1540(2004)`, `S-10/2`. */
  citationNumber(symbol: string): { number: string; organ: 'GA' | 'SC' } | undefined;
  /** How a count of documents reads in a completion's detail: `3 份文件`. */
  documents(n: number): string;
  /** How a count of uses reads: `12 次`. */
  uses(n: number): string;
  /** Where a paragraph stands: `序言部分`, `执行部分`. */
  partName: { preamble: string; operative: string };
}

export const chineseAssist: AssistTables = {
  label: /^\s*(?:\d{1,3}[.．]|[(（][a-z]{1,4}[)）]|[㈠-㈩])\s*/,
  labelWantsSpace: /^\s*(?:\d{1,3}\.|[(（][a-z]{1,4}[)）])$/,
  openerTyped: /^(?:\*\*)?[\u3400-\u9fff]{0,8}$/,
  titleOpen: '《',
  titleClose: '》',
  citationTyped: /第\s*(\d{1,5}(?:\s*\/\s*\d{0,4}(?:\s*[A-Z])?|\s*[(（]\d{0,4}[)）]?)?)$/,
  paragraphReferenceBefore: /(?:上文|下文|本决议|上述|该决议)\s*$/,
  dateBefore: /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/,
  citationTail: /^\s*号(?:决议)?/,
  footnoteTrigger: '^',
  repeatOrder: ['又', '还'],
  citeResolution(number, date) {
    const when = date ? `${date.year} 年 ${date.month} 月 ${date.day} 日` : '';
    // `第 72/50 号决议`, but `第 1540(2004)号决议`: no space after a closing parenthesis, as the corpus writes it.
    const tail = number.endsWith(')') ? '号决议' : ' 号决议';
    return `${when}第 ${number}${tail}`;
  },
  citationNumber(symbol) {
    let m = /^A\/RES\/(\d{1,4})\/(\d{1,4})(?:\s?([A-Z]))?$/.exec(symbol);
    if (m) return { number: `${m[1]}/${m[2]}${m[3] ? ` ${m[3]}` : ''}`, organ: 'GA' };
    m = /^S\/RES\/(\d{1,5})\s?\((\d{4})\)$/.exec(symbol);
    if (m) return { number: `${m[1]}(${m[2]})`, organ: 'SC' };
    return undefined;
  },
  documents: (n) => `${n} 份文件`,
  uses: (n) => `${n} 次`,
  partName: { preamble: '序言部分', operative: '执行部分' },
};
