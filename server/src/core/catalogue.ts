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

/**
 * What the rules read of the corpus catalogues, looked up by key: the dates a cited symbol is
 * given, the footnotes a title takes. A large catalogue need not be read whole for it (the CLI and
 * the server read a compact index of it, `corpus/catalogue-index.ts`); a catalogue in memory
 * answers through `catalogueFacts`.
 */
export interface CatalogueFacts {
  /** The adoption dates of the first `cited` entry with this symbol; undefined when there is none. */
  citedDates(symbol: string): readonly string[] | undefined;
  /** The footnote texts of the first `titles` entry with this title; undefined when there is none. */
  titleFootnotes(title: string): readonly string[] | undefined;
}

/** Per catalogue, its lookups, made once (again if its lists grew). */
const factsOf = new WeakMap<Catalogue, { cited: number; titles: number; facts: CatalogueFacts }>();

/** The facts of a catalogue in memory: each list read into a map once, on the first lookup. */
export function catalogueFacts(catalogue: Catalogue): CatalogueFacts {
  const known = factsOf.get(catalogue);
  if (known && known.cited === catalogue.cited.length && known.titles === catalogue.titles.length) return known.facts;
  let cited: Map<string, readonly string[]> | undefined;
  let titles: Map<string, readonly string[]> | undefined;
  const facts: CatalogueFacts = {
    citedDates(symbol) {
      if (!cited) {
        cited = new Map();
        for (const d of catalogue.cited) if (!cited.has(d.symbol)) cited.set(d.symbol, d.dates);
      }
      return cited.get(symbol);
    },
    titleFootnotes(title) {
      if (!titles) {
        titles = new Map();
        for (const t of catalogue.titles) if (!titles.has(t.title)) titles.set(t.title, t.footnotes);
      }
      return titles.get(title);
    },
  };
  factsOf.set(catalogue, { cited: catalogue.cited.length, titles: catalogue.titles.length, facts });
  return facts;
}

/** The facts of several catalogues in order, as if merged: the first that knows a key answers (as the first entry of a merged list). */
export function chainedFacts(sources: readonly CatalogueFacts[]): CatalogueFacts {
  if (sources.length === 1) return sources[0];
  return {
    citedDates(symbol) {
      for (const s of sources) {
        const found = s.citedDates(symbol);
        if (found !== undefined) return found;
      }
      return undefined;
    },
    titleFootnotes(title) {
      for (const s of sources) {
        const found = s.titleFootnotes(title);
        if (found !== undefined) return found;
      }
      return undefined;
    },
  };
}
