/**
 * The corpus catalogue (`corpus/catalogue.json`), written by the ingest tool: what each corpus
 * document is, and everything the corpus cites. Shared by the validator (dates of cited
 * resolutions), hovers and completion.
 */
export interface Catalogue {
  version: 1;
  documents: CatalogueDocument[];
  /** Every document cited by a corpus document (by symbol or by resolution number). */
  cited: CitedDocument[];
  /** Every title in 《》 cited in the corpus, with its standard footnote where one is given. */
  titles: CitedTitle[];
}

export type DocumentKind =
  | 'resolution'
  | 'decision'
  | 'report'
  | 'working-paper'
  | 'draft'
  | 'record'
  | 'conference-document'
  | 'other';

export interface CatalogueDocument {
  /** The clean draft, relative to the catalogue's folder, e.g. `A-RES-76-54.unres`. */
  file: string;
  /** The raw input it was made from, relative to the catalogue's folder, e.g. `raw/000_3b5d42778cc89935.txt`. */
  source: string;
  symbol: string;
  kind: DocumentKind;
  /** The organ that adopted it: `大会`, `安全理事会`, `经济及社会理事会`, `人权理事会`, …; absent when nothing tells it. */
  organ?: string;
  title: string;
  /** Adoption (or issue) date, ISO `2021-12-06`. */
  date?: string;
  session?: number;
  /** `100 (z)` */
  agendaItem?: string;
  /** The report it was adopted on, e.g. `A/76/444`. */
  report?: string;
  /** Meeting number: from the closing (第 45 次全体会议), the adoption line or the Security Council's closing line. */
  meeting?: number;
  counts: { preambular: number; operative: number; subparagraphs: number; footnotes: number };
}

/** Where a cited document is cited: which corpus document, and which (1-based) line of its clean draft. */
export interface CitationSite {
  symbol: string;
  file: string;
  line: number;
}

export interface CitedDocument {
  /** Normalised symbol, e.g. `A/RES/72/50`, `S/RES/1540(2004)`, `NPT/CONF.2000/28(Part I)`. */
  symbol: string;
  kind: DocumentKind;
  /** Titles seen with it, e.g. from a footnote `《大会正式记录，……》(A/54/42)`. */
  titles: string[];
  /** Adoption dates seen with it (ISO); more than one means the corpus disagrees with itself. */
  dates: string[];
  citedBy: CitationSite[];
  /** Footnote texts in which it appears. */
  footnotes: string[];
}

export interface CitedTitle {
  /** The title without 《》. */
  title: string;
  /** Footnote texts attached to it in the corpus (e.g. `联合国，《条约汇编》，第 729 卷，第 10485 号。`), most used first. */
  footnotes: string[];
  citedBy: CitationSite[];
}
