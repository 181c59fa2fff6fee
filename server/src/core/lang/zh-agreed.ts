/**
 * What the agreed-language index needs to know about Chinese: where a clause ends, and how a
 * drafter names a place in a resolution (序言部分第 3 段, 执行部分第 5 段, 第 3 段(b), 脚注 1).
 */
export interface AgreedLanguageTables {
  /** Characters that end a clause: a continuation runs up to and including one of them. */
  clauseBoundaries: string;
  /** Names of places in a document, for a drafter. */
  where: {
    preambular(number: number): string;
    operative(number: number): string;
    /** A paragraph of a numbered text (a working paper), which has no preamble. */
    numbered(number: number): string;
    /** A subparagraph: the top paragraph's name and the labels down to it, e.g. 第 3 段(b)㈠. */
    subparagraph(topNumber: number, labels: string[]): string;
    footnote(number: number): string;
  };
  /** The organ line's name (`大会，`) → the series its symbols start with, for preferring sources of the same organ. */
  organSeries: Record<string, string>;
  /** What an agenda-item heading line starts with before the item itself (`议程项目 100 (z)`). */
  agendaItemPrefix: RegExp;
}

export const chineseAgreed: AgreedLanguageTables = {
  clauseBoundaries: '，；。：',
  where: {
    preambular: (n) => `序言部分第 ${n} 段`,
    operative: (n) => `执行部分第 ${n} 段`,
    numbered: (n) => `第 ${n} 段`,
    subparagraph: (n, labels) => `第 ${n} 段${labels.join('')}`,
    footnote: (n) => `脚注 ${n}`,
  },
  organSeries: { 大会: 'A', 安全理事会: 'S', 经济及社会理事会: 'E', 人权理事会: 'A/HRC' },
  agendaItemPrefix: /^议程项目\s*/,
};
