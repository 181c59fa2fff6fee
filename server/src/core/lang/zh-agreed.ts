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
    /** A place in part `A`, `B` … of a resolution with parts: B 部分序言部分第 1 段. */
    inPart(letter: string, where: string): string;
    /** A place in an annex, after its heading line (附件, 附件一): 附件第 2 段, 附件序言部分第 1 段. */
    inAnnex(heading: string, where: string): string;
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
    inPart: (letter, where) => `${letter} 部分${where}`,
    inAnnex: (heading, where) => `${heading.replace(/\s+/g, '')}${where}`,
  },
  organSeries: { 大会: 'A', 安全理事会: 'S', 经济及社会理事会: 'E', 人权理事会: 'A/HRC' },
  agendaItemPrefix: /^议程项目\s*/,
};

/** A place as `chineseAgreed.where` names it, read back: what it is, the paragraph number, the labels below it. */
export interface PlaceParts {
  kind: 'preambular' | 'operative' | 'numbered' | 'subparagraph' | 'footnote';
  number: number;
  /** The labels down to a subparagraph, as written: `(b)㈠`. */
  labels?: string;
  /** The part of a resolution with parts: `B`. */
  part?: string;
  /** In an annex: what follows 附件 on its heading line (`一`, `A`), '' for a lone 附件. */
  annex?: string;
}

/** Reads a place name (`序言部分第 3 段`, `执行部分第 5 段`, `第 3 段(b)`, `脚注 1`, `B 部分序言部分第 1 段`, `附件第 2 段`) back into its parts. */
export function readPlace(where: string): PlaceParts | undefined {
  const part = /^([A-H]) 部分(.+)$/.exec(where);
  if (part) {
    const inner = readPlace(part[2]);
    return inner && { ...inner, part: part[1] };
  }
  const annex = /^附件([一二三四五六七八九十]{1,3}|[A-Z])?((?:序言部分)?第 .+)$/.exec(where);
  if (annex) {
    const inner = readPlace(annex[2]);
    return inner && { ...inner, annex: annex[1] ?? '' };
  }
  let m = /^序言部分第 (\d+) 段$/.exec(where);
  if (m) return { kind: 'preambular', number: Number(m[1]) };
  m = /^执行部分第 (\d+) 段$/.exec(where);
  if (m) return { kind: 'operative', number: Number(m[1]) };
  m = /^脚注 (\d+)$/.exec(where);
  if (m) return { kind: 'footnote', number: Number(m[1]) };
  m = /^第 (\d+) 段(.*)$/.exec(where);
  if (m) return m[2] ? { kind: 'subparagraph', number: Number(m[1]), labels: m[2] } : { kind: 'numbered', number: Number(m[1]) };
  return undefined;
}
