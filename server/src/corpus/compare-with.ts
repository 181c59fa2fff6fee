/**
 * The comparison of a draft with a corpus document: which one (the predecessor, or the one asked
 * for by symbol or file), read and parsed, and the paragraphs aligned. Shared by the command line
 * and the server.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseDraft, type ResolutionDocument } from '../core';
import type { ParagraphProvenance } from '../core/agreed/provenance';
import { compareDrafts, findPredecessor, symbolLookupKey, type CandidateDocument, type ParagraphComparison, type PredecessorRule } from '../core/compare';
import type { Locale } from '../core/rules';
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

/**
 * How many of the draft's paragraphs each corpus document has a close paragraph for (its closest
 * paragraph, or one that shares at least 30 % of its wording).
 */
export function paragraphOverlap(provenance: ParagraphProvenance[]): { counts: Map<string, number>; total: number } {
  const counts = new Map<string, number>();
  for (const p of provenance) {
    const symbols = new Set<string>();
    if (p.closest) symbols.add(symbolLookupKey(p.closest.symbol));
    for (const s of p.sources) if (s.shared >= 30) symbols.add(symbolLookupKey(s.symbol));
    for (const s of symbols) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return { counts, total: provenance.length };
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

function readDraft(file: string): ResolutionDocument {
  return parseDraft(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
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
  const documents = options.documents ?? corpusDocuments(folders);
  let chosen: ComparedWith | undefined;
  let recalledMissing: string | undefined;
  if (options.with !== undefined) {
    const asked = options.with;
    const bySymbol = documents.find((d) => symbolLookupKey(d.symbol) === symbolLookupKey(asked));
    if (bySymbol) chosen = { symbol: bySymbol.symbol, file: bySymbol.file, rule: 'given', reason: SAY[locale].given(bySymbol.symbol) };
    else if (existsSync(asked) && statSync(asked).isFile()) {
      const file = resolve(asked);
      const symbol = documents.find((d) => resolve(d.file) === file)?.symbol ?? basename(file).replace(/\.unres$/, '');
      chosen = { symbol, file, rule: 'given', reason: SAY[locale].given(symbol) };
    } else return { problem: SAY[locale].notFound(asked), paragraphs: [] };
  } else {
    const found = findPredecessor(draft, documents, options.overlap, locale);
    recalledMissing = found.recalledMissing;
    if (!found.predecessor) return { ...(recalledMissing ? { recalledMissing } : {}), problem: found.problem, paragraphs: [] };
    chosen = { symbol: found.predecessor.symbol, file: found.predecessor.file, rule: found.predecessor.rule, reason: found.predecessor.reason };
  }
  let earlier: ResolutionDocument;
  try {
    earlier = readDraft(chosen.file);
  } catch (err) {
    return { problem: SAY[locale].unreadable(chosen.file, (err as NodeJS.ErrnoException).code ?? String(err)), paragraphs: [] };
  }
  return { with: chosen, ...(recalledMissing ? { recalledMissing } : {}), paragraphs: compareDrafts(draft, earlier), earlier };
}
