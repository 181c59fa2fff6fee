/**
 * The comparison of a draft with a corpus document: which one (the predecessor, or the one asked
 * for by symbol or file), read and parsed, and the paragraphs aligned. Shared by the command line
 * and the server.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseDraft, type ResolutionDocument } from '../core';
import { indexedText } from '../core/agreed/corpus-paragraphs';
import type { PhraseIndex } from '../core/agreed/phrase-index';
import { compareDrafts, findPredecessor, symbolLookupKey, type CandidateDocument, type ParagraphComparison, type PredecessorRule } from '../core/compare';
import type { Locale } from '../core/rules';
import { readDraftFile } from './draft-file';
import { readCatalogue } from './load';

/** The corpus documents a draft can be compared with, from the catalogues (else the file names). Never throws. */
export function corpusDocuments(folders: string[]): CandidateDocument[] {
  const result: CandidateDocument[] = [];
  const seen = new Set<string>();
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(folder).filter((n) => n.endsWith('.unres')).sort();
    } catch {
      continue;
    }
    const entries = new Map((readCatalogue(folder).catalogue?.documents ?? []).map((d) => [d.file, d]));
    for (const name of names) {
      const entry = entries.get(name);
      const symbol = entry?.symbol ?? name.slice(0, -'.unres'.length).replace(/-/g, '/');
      const key = symbolLookupKey(symbol);
      if (seen.has(key)) continue;
      seen.add(key);
      const d: CandidateDocument = { symbol, file: join(folder, name) };
      if (entry?.title) d.title = entry.title;
      if (entry?.agendaItem) d.agendaItem = entry.agendaItem;
      if (entry?.session !== undefined) d.session = entry.session;
      result.push(d);
    }
  }
  return result;
}

/** The document compared with, as the JSON output names it. */
export interface ComparedWith {
  symbol: string;
  file: string;
  rule: PredecessorRule;
  reason: string;
}

export interface CompareOutcome {
  with?: ComparedWith;
  /** The newest resolution the draft recalls when the corpus does not have it. */
  recalledMissing?: string;
  /** Why there is nothing to compare with. */
  problem?: string;
  paragraphs: ParagraphComparison[];
  /** The parsed document compared with. */
  earlier?: ResolutionDocument;
}

/** The lowest match % at which a corpus paragraph counts as the draft's paragraph carried over. */
const OVERLAP_MIN_SCORE = 40;

/** The documents that have a paragraph close to `text` (lookup keys), from the similar-text search. */
export function documentsWithParagraphLike(index: PhraseIndex, text: string): Set<string> {
  return new Set(index.similar(text, { limit: 8, minScore: OVERLAP_MIN_SCORE, containing: false }).map((m) => symbolLookupKey(m.symbol)));
}

/** The draft's paragraph texts, as the overlap counts them. */
export function overlapTexts(draft: ResolutionDocument): string[] {
  return draft.paragraphs.map((p) => indexedText(draft.text.slice(p.body.start, p.body.end)).trim()).filter((t) => t.length >= 8);
}

/**
 * How many of the draft's paragraphs each corpus document has a close paragraph for (at least
 * 40 % by the similar-text score), for the last rule of the predecessor.
 */
export function paragraphOverlap(index: PhraseIndex, draft: ResolutionDocument): { counts: Map<string, number>; total: number } {
  const counts = new Map<string, number>();
  const texts = overlapTexts(draft);
  for (const text of texts) for (const s of documentsWithParagraphLike(index, text)) counts.set(s, (counts.get(s) ?? 0) + 1);
  return { counts, total: texts.length };
}

const SAY = {
  en: {
    given: (s: string) => `${s}, as asked`,
    notFound: (w: string) => `${w} is neither a file nor a document of the corpus`,
    unreadable: (f: string, why: string) => `${f} cannot be read (${why})`,
  },
  zh: {
    given: (s: string) => `${s}(指定)`,
    notFound: (w: string) => `${w} 既不是文件，也不是语料中的文件`,
    unreadable: (f: string, why: string) => `无法读取 ${f}(${why})`,
  },
} as const;

/** The document a comparison is made with, or why there is none (see `compareWithCorpus`). */
export type ComparisonChoice = { with: ComparedWith; recalledMissing?: string } | { with?: undefined; recalledMissing?: string; problem: string };

/**
 * Chooses what `draft` is compared with: `withWhat` (a symbol of `documents` or a file) or, when
 * absent, its predecessor among `documents`. `overlap` (from the draft's provenance) lets the last
 * rule choose. Reads no document.
 */
export function chooseComparison(
  draft: ResolutionDocument,
  documents: CandidateDocument[],
  options: { with?: string; overlap?: { counts: Map<string, number>; total: number }; locale?: Locale } = {},
): ComparisonChoice {
  const locale = options.locale ?? 'en';
  if (options.with !== undefined) {
    const asked = options.with;
    const bySymbol = documents.find((d) => symbolLookupKey(d.symbol) === symbolLookupKey(asked));
    if (bySymbol) return { with: { symbol: bySymbol.symbol, file: bySymbol.file, rule: 'given', reason: SAY[locale].given(bySymbol.symbol) } };
    if (existsSync(asked) && statSync(asked).isFile()) {
      const file = resolve(asked);
      const symbol = documents.find((d) => resolve(d.file) === file)?.symbol ?? basename(file).replace(/\.unres$/, '');
      return { with: { symbol, file, rule: 'given', reason: SAY[locale].given(symbol) } };
    }
    return { problem: SAY[locale].notFound(asked) };
  }
  const found = findPredecessor(draft, documents, options.overlap, locale);
  const recalledMissing = found.recalledMissing ? { recalledMissing: found.recalledMissing } : {};
  if (!found.predecessor) return { ...recalledMissing, problem: found.problem ?? '' };
  return { with: { symbol: found.predecessor.symbol, file: found.predecessor.file, rule: found.predecessor.rule, reason: found.predecessor.reason }, ...recalledMissing };
}

/**
 * The text of the document a draft is compared with, read as drafts are (a file given with
 * `--with` may be in UTF-16 or GB18030); or the problem, as the outcome says it.
 */
export function readComparedText(file: string, locale: Locale = 'en'): { text: string } | { problem: string } {
  const read = readDraftFile(file, 'compare with it', locale);
  if (read.ok) return { text: read.text };
  return { problem: read.code ? SAY[locale].unreadable(file, read.code) : `${file}: ${read.problem}` };
}

/** The comparison with a chosen document whose text is at hand (`earlierText`). */
export function compareWithText(draft: ResolutionDocument, choice: { with: ComparedWith; recalledMissing?: string }, earlierText: string): CompareOutcome {
  const earlier = parseDraft(earlierText.replace(/^\uFEFF/, ''));
  return { with: choice.with, ...(choice.recalledMissing ? { recalledMissing: choice.recalledMissing } : {}), paragraphs: compareDrafts(draft, earlier), earlier };
}

/** Why a document to compare with could not be read, as the outcome says it. */
export function unreadableProblem(file: string, why: string, locale: Locale = 'en'): string {
  return SAY[locale].unreadable(file, why);
}

/**
 * Compares `draft` with `withWhat` (a symbol of the corpus or a file) or, when absent, with its
 * predecessor in the corpus. `overlap` (from the draft's provenance) lets the last rule choose.
 */
export function compareWithCorpus(
  draft: ResolutionDocument,
  folders: string[],
  options: { with?: string; overlap?: { counts: Map<string, number>; total: number }; locale?: Locale; documents?: CandidateDocument[] } = {},
): CompareOutcome {
  const locale = options.locale ?? 'en';
  const choice = chooseComparison(draft, options.documents ?? corpusDocuments(folders), options);
  if (!choice.with) return { ...(choice.recalledMissing ? { recalledMissing: choice.recalledMissing } : {}), problem: choice.problem, paragraphs: [] };
  const read = readComparedText(choice.with.file, locale);
  if (!('text' in read)) return { problem: read.problem, paragraphs: [] };
  return compareWithText(draft, choice, read.text);
}
