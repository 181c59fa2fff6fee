import type { ParseNoteKind } from './parse/notes';
import type { LineIndex, Span } from './text';

export type { Span } from './text';

/** Which of the two main parts of a resolution a paragraph belongs to. */
export type Part = 'preamble' | 'operative';

/** How a paragraph or subparagraph is labelled. */
export type LabelStyle =
  | 'arabic' // 1.
  | 'arabic-fullwidth' // 1．
  | 'latin' // (a)
  | 'roman' // (i)
  | 'circled' // ㈠
  | 'chinese-parenthesized'; // (一)

export interface Label {
  /** The label as written, e.g. `1.`, `(a)`, `㈠`. */
  text: string;
  /** Its ordinal value: 1 for `1.`, `(a)`, `(i)` and `㈠`. */
  value: number;
  style: LabelStyle;
  span: Span;
}

export interface Opener {
  /** The opener as written, e.g. `又重申`. */
  text: string;
  /** Without its repeat prefix, e.g. `重申`. */
  base: string;
  /** `又` or `还` when the opener is marked as repeated. */
  repeatPrefix?: string;
  span: Span;
  /** True when the opener was found in the language's table; false when taken from bold text. */
  known: boolean;
}

export interface Ending {
  /** The final punctuation character of the paragraph (before trailing markers and emphasis). */
  char: string;
  span: Span;
}

export type ParagraphKind = 'preambular' | 'operative' | 'subparagraph' | 'unnumbered';

export interface Paragraph {
  kind: ParagraphKind;
  part: Part;
  /** 0 for preambular/operative, 1 for (a), 2 for ㈠ / (i). */
  level: number;
  /** Zero-based line of the paragraph. */
  line: number;
  /** The whole line, without surrounding white space. */
  span: Span;
  label?: Label;
  /** The text after the label. */
  body: Span;
  opener?: Opener;
  ending?: Ending;
  /** For operative paragraphs: which numbered list (0, then 1 after a restart such as `审议大会核可以下内容：`). */
  sequence: number;
  /** Index in `document.paragraphs`. */
  index: number;
  /** Which part of the resolution (0, then 1 for part `B`, …); 0 in a text without parts. */
  division: number;
  parent?: Paragraph;
  children: Paragraph[];
}

export interface FootnoteMarker {
  number: number;
  span: Span;
  /** The paragraph (or heading/title line) it stands in, if any. */
  paragraph?: Paragraph;
  line: number;
}

export interface FootnoteText {
  number: number;
  /** The superscript number at the start of the line. */
  numberSpan: Span;
  /** The footnote's text after its number. */
  textSpan: Span;
  span: Span;
  line: number;
  /** True when the text begins with 同上 (Ibid.). */
  ibid: boolean;
}

/** A document symbol such as `A/RES/76/54` or `NPT/CONF.2000/28(Part I)`, as written. */
export interface SymbolMention {
  text: string;
  span: Span;
  line: number;
}

export type CitationOrgan = 'GA' | 'SC' | 'other';

/** A citation of a resolution or decision in running text: `2017 年 12 月 4 日第 72/50 号决议`. */
export interface ResolutionCitation {
  /** The number as written, e.g. `72/50`, `49/75 H`, `1540(2004)`, `S-10/2`. */
  number: string;
  /** The number normalised: `72/50`, `49/75 H`, `1540 (2004)`, `S-10/2`. */
  key: string;
  kind: 'resolution' | 'decision' | 'unknown';
  organ: CitationOrgan;
  /** The document symbol it stands for, when it can be built (`A/RES/72/50`, `S/RES/1540(2004)`). */
  symbol?: string;
  /** The adoption date written with the citation, if any. */
  date?: DateMention;
  /** The number's span. */
  numberSpan: Span;
  /** From the date (or 第) to 号 and the following 决议/决定 where present. */
  span: Span;
  line: number;
}

export interface DateMention {
  year: number;
  month: number;
  day: number;
  /** False for dates that do not exist, e.g. 2 月 30 日. */
  valid: boolean;
  /** ISO form `2021-12-06` (only meaningful when valid). */
  iso: string;
  span: Span;
  line: number;
}

/** A title in 《》. */
export interface TitleMention {
  /** The title without its brackets. */
  title: string;
  span: Span;
  innerSpan: Span;
  line: number;
}

/** `上文第 15 段`, `下文第 3 段`, `本决议第 2 段`. */
export interface CrossReference {
  direction: 'above' | 'below' | 'this';
  paragraphNumber: number;
  numberSpan: Span;
  span: Span;
  line: number;
  /** The paragraph that contains the reference. */
  from?: Paragraph;
}

export interface Emphasis {
  span: Span;
  innerSpan: Span;
}

export type HeadingField =
  | 'organ-heading' // 大 会
  | 'distribution' // Distr.: General
  | 'date' // 13 December 2021
  | 'session' // 第七十六届会议
  | 'agenda-item' // 议程项目 100 (z)
  | 'adoption' // 2021 年 12 月 6 日大会决议
  | 'report' // [根据第一委员会的报告(A/76/444, 第 93 段)通过]
  | 'symbol' // A/RES/76/54 or NPT/CONF.2020/WP.77 on a line of its own
  | 'job-number' // 07-46628
  | 'other';

export interface HeadingLine {
  field: HeadingField;
  span: Span;
  line: number;
  text: string;
}

export interface TitleLine {
  /**
   * `76/54` when numbered; `2446 (2018)` for the Security Council, `2159 (XXI)` before the 31st
   * session; undefined in a draft without a number.
   */
  number?: string;
  /** How the number is built: `session/number` (also `year/number` in ECOSOC), Security Council `number (year)`, old General Assembly `number (ROMAN)`. */
  scheme?: 'slash' | 'council' | 'old-session';
  /** True when the title block itself says decision (`第 77/555 号决定`). */
  decision?: boolean;
  numberSpan?: Span;
  /** True when the number is a placeholder such as `76/__` or `XX/XX`. */
  placeholder: boolean;
  title: string;
  titleSpan: Span;
  span: Span;
  line: number;
}

export interface OrganLine {
  organ: string;
  span: Span;
  line: number;
}

/** A part of one resolution: `A`, `B`, each with its preamble, operative paragraphs and closing. */
export interface ResolutionPart {
  letter: string;
  span: Span;
  line: number;
  /** The `division` its paragraphs carry. */
  division: number;
  organ?: OrganLine;
  closing: Closing;
}

/** A line of an annex: its title lines, organ line, paragraphs, headings. */
export interface AnnexLine {
  kind: 'title' | 'organ' | 'section' | 'paragraph' | 'numbered' | 'subparagraph' | 'closing';
  text: string;
  span: Span;
  line: number;
}

/** An annex (`附件`) with the text it carries: a declaration, a programme, a decision of a commission. */
export interface Annex {
  /** The `附件` line. */
  heading: { text: string; span: Span; line: number };
  /** Its own title (`G (70)号决定` …), joined when on several lines. */
  title?: string;
  organ?: OrganLine;
  lines: AnnexLine[];
  /** From the `附件` line to the annex's last line. */
  span: Span;
}

export interface SectionHeading {
  text: string;
  span: Span;
  line: number;
}

export interface Closing {
  date?: DateMention;
  dateLine?: Span;
  /** The meeting line; `number` is absent for a placeholder (第 XX 次全体会议). */
  meeting?: { number?: number; span: Span; line: number };
  /** The Security Council's closing line, `第 2833 次会议一致通过。` / `第 1769 次会议以 13 票对 0 票通过。`. */
  adoption?: { meeting?: number; span: Span; line: number };
  /** Vote lines after the meeting: `[未经表决获得通过。]`, `[以 28 票赞成……通过。]`. */
  vote: { span: Span; line: number }[];
}

export interface ParseNote {
  /** What the note is about (its sentence in each language: `noteMessage` in parse/notes.ts). */
  kind: ParseNoteKind;
  /** The sentence in English. */
  message: string;
  /** On the last note of its kind: how many more lines are like it, not marked. */
  more?: number;
  span: Span;
  line: number;
}

/** The shape of the text: a resolution, or a numbered text such as a conference working paper. */
export type DocumentShape = 'resolution' | 'numbered-text';

/** What the document is: a resolution, a decision, a numbered text (working paper), or something else. */
export type TextKind = 'resolution' | 'decision' | 'numbered-text' | 'other';

/**
 * Everything the parser recognised in a draft. Every list is in text order (paragraphs,
 * preamble, operative, footnotes, markers, symbols, citations, dates, titles, cross-references,
 * emphasis, comments): the paragraph-local checks cut them by binary search (rules/by-paragraph.ts).
 */
export interface ResolutionDocument {
  text: string;
  lines: LineIndex;
  shape: DocumentShape;
  heading: HeadingLine[];
  title?: TitleLine;
  organ?: OrganLine;
  /** Every paragraph in text order, subparagraphs included. */
  paragraphs: Paragraph[];
  /** Top-level preambular paragraphs. */
  preamble: Paragraph[];
  /** Top-level operative (numbered or unnumbered) paragraphs, with their subparagraphs as children. */
  operative: Paragraph[];
  sections: SectionHeading[];
  /** Parts `A`, `B` of one resolution, when it has them (the first part's closing is also `closing`). */
  parts: ResolutionPart[];
  /** Annexes: structure, not paragraphs of the resolution. */
  annexes: Annex[];
  closing: Closing;
  footnoteSeparator?: Span;
  footnotes: FootnoteText[];
  markers: FootnoteMarker[];
  symbols: SymbolMention[];
  citations: ResolutionCitation[];
  dates: DateMention[];
  titles: TitleMention[];
  crossReferences: CrossReference[];
  emphasis: Emphasis[];
  /** Facts about the document itself, from its heading, title and closing. */
  facts: DocumentFacts;
  /** Lines the parser could not place, and other structural remarks. */
  notes: ParseNote[];
  /** `%%` comment lines: the drafter's remarks and rule switches (`%% drafter-disable footnote-reuse`). */
  comments: Comment[];
}

/** A `%%` comment line; `text` is what follows the `%%`, trimmed. */
export interface Comment {
  text: string;
  span: Span;
  line: number;
}

export interface DocumentFacts {
  /** Session number, from `第七十六届会议` or the title number `76/54`. */
  session?: number;
  /** The document's own symbol (`A/RES/76/54`) when known. */
  symbol?: string;
  /** Adoption date from the adoption line or the closing. */
  date?: DateMention;
  /** The organ that adopted it, in normal form: `大会`, `安全理事会`, `经济及社会理事会`, `人权理事会`, … */
  organ?: string;
  kind: TextKind;
  /** The meeting it was adopted at: from the closing, the adoption line or the Security Council's closing line. */
  meeting?: number;
}
