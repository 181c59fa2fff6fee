/**
 * The comparison with a predecessor when a corpus database is used as well: the documents to choose
 * from are the local corpus's and the database's (the local one first when both have a symbol), the
 * last rule (most paragraphs shared) counts the close paragraphs of both, and a database document
 * is read from the database. Shared by the server and the command line.
 */
import type { ResolutionDocument } from '../../core';
import type { PhraseIndex } from '../../core/agreed/phrase-index';
import { symbolLookupKey, type CandidateDocument } from '../../core/compare';
import type { Locale } from '../../core/rules';
import { chooseComparison, compareWithText, corpusDocuments, documentsWithParagraphLike, overlapTexts, readComparedText, unreadableProblem, type CompareOutcome } from '../compare-with';
import { symbolOfDatabaseUri, type RemoteParagraphs } from './remote-paragraphs';

/** The lowest similar-text score at which a database paragraph counts for the overlap rule (as compare-with.ts counts). */
const OVERLAP_MIN_SCORE = 40;

export interface DatabaseComparisonOptions {
  folders: string[];
  /** A symbol, a file, or a database document's URI; absent: the predecessor. */
  with?: string;
  /** The local phrase index, for the last rule. */
  index?: PhraseIndex;
  /** The corpus database's questions, when it answers. */
  database?: RemoteParagraphs;
  /** Waits for one of the database's answers; undefined when it fails or does not come in time. */
  within: <T>(work: Promise<T>) => Promise<T | undefined>;
  locale?: Locale;
}

/** The local corpus's documents, then the database's that the local corpus does not have (by symbol). */
export async function documentsWithDatabase(folders: string[], database: RemoteParagraphs | undefined, within: DatabaseComparisonOptions['within']): Promise<CandidateDocument[]> {
  const local = corpusDocuments(folders);
  const remote = database ? await within(database.documents()) : undefined;
  if (!remote) return local;
  const have = new Set(local.map((d) => symbolLookupKey(d.symbol)));
  return [...local, ...remote.filter((d) => !have.has(symbolLookupKey(d.symbol)))];
}

/** Compares `draft` with `options.with` or its predecessor among the local corpus's and the database's documents. */
export async function compareWithDatabase(draft: ResolutionDocument, options: DatabaseComparisonOptions): Promise<CompareOutcome> {
  const { database, index, within } = options;
  const locale = options.locale ?? 'en';
  const documents = await documentsWithDatabase(options.folders, database, within);
  const asked = options.with !== undefined ? (symbolOfDatabaseUri(options.with) ?? options.with) : undefined;
  let choice = chooseComparison(draft, documents, { with: asked, locale });
  if (!choice.with && asked === undefined && (index || database)) {
    // The last rule: the document with a close paragraph for most of the draft's, one paragraph per turn of the event loop.
    const counts = new Map<string, number>();
    const texts = overlapTexts(draft);
    for (const text of texts) {
      const symbols = index ? documentsWithParagraphLike(index, text) : new Set<string>();
      const remote = database ? await within(database.remote.similar(text, { limit: 16, minScore: OVERLAP_MIN_SCORE })) : undefined;
      for (const m of (remote ?? []).filter((p) => !p.contains).slice(0, 8)) symbols.add(symbolLookupKey(m.symbol));
      for (const s of symbols) counts.set(s, (counts.get(s) ?? 0) + 1);
      await new Promise((next) => setImmediate(next));
    }
    choice = chooseComparison(draft, documents, { overlap: { counts, total: texts.length }, locale });
  }
  if (!choice.with) return { ...(choice.recalledMissing ? { recalledMissing: choice.recalledMissing } : {}), problem: choice.problem, paragraphs: [] };
  const file = choice.with.file;
  const symbol = symbolOfDatabaseUri(file);
  if (symbol === undefined) {
    const read = readComparedText(file, locale);
    if (!('text' in read)) return { problem: read.problem, paragraphs: [] };
    return compareWithText(draft, choice, read.text);
  }
  const text = database ? await within(database.text(symbol)) : undefined;
  if (text === undefined) return { problem: unreadableProblem(symbol, 'the corpus database did not answer', locale), paragraphs: [] };
  return compareWithText(draft, choice, text);
}
