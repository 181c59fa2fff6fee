/**
 * A small corpus of chosen paragraphs, indexed like the whole corpus: the paragraphs that share a
 * stretch of wording with one draft paragraph, or that contain the text before the cursor. Whoever
 * chose them (the local phrase index, the corpus database, or both together), provenance and inline
 * continuation are then computed on it by the same code as on the whole corpus, and give the same
 * answer wherever every stretch they look up is among the chosen paragraphs.
 */
import type { ResolutionDocument } from '../model';
import type { CorpusParagraph } from './corpus-paragraphs';
import { buildPhraseIndexFromParagraphs, PhraseIndex } from './phrase-index';
import { AGREED_STRETCH, indexedWithMap, ProvenanceFinder, type ParagraphProvenance, type TextProvenance } from './provenance';

/** One corpus document with some of its paragraphs (in the document's order) and the catalogue facts ranking uses. */
export interface SampledDocument {
  symbol: string;
  file?: string;
  /** ISO date. */
  date?: string;
  agendaItem?: string;
  paragraphs: CorpusParagraph[];
}

/** Paragraphs looked at for each stretch of a text (as provenance samples a stretch's occurrences). */
export const PER_STRETCH = 32;
/** Paragraphs looked at that are the whole text (as provenance samples them). */
export const SAME_TEXT = 64;

/** The phrase index of the chosen paragraphs, with the documents' dates and agenda items. */
export function sampledIndex(documents: SampledDocument[]): PhraseIndex {
  const index = new PhraseIndex(buildPhraseIndexFromParagraphs(documents.map((d) => ({ symbol: d.symbol, ...(d.file !== undefined ? { file: d.file } : {}), paragraphs: d.paragraphs }))));
  const facts = new Map(documents.map((d) => [d.symbol, { ...(d.date ? { date: d.date } : {}), ...(d.agendaItem ? { agendaItem: d.agendaItem } : {}) }]));
  index.setDocumentFacts((symbol) => facts.get(symbol));
  return index;
}

/**
 * The documents of two samples together (the first's order first), each paragraph once: a document
 * is the same in both when its symbol is, a paragraph when its place and text are.
 */
export function mergeSamples(first: SampledDocument[], second: SampledDocument[]): SampledDocument[] {
  const bySymbol = new Map<string, SampledDocument>();
  const out: SampledDocument[] = [];
  for (const d of [...first, ...second]) {
    const have = bySymbol.get(d.symbol);
    if (!have) {
      const copy = { ...d, paragraphs: [...d.paragraphs] };
      bySymbol.set(d.symbol, copy);
      out.push(copy);
      continue;
    }
    const known = new Set(have.paragraphs.map((p) => `${p.where}\u0000${p.text}`));
    for (const p of d.paragraphs) if (!known.has(`${p.where}\u0000${p.text}`)) have.paragraphs.push(p);
    have.paragraphs.sort((a, b) => a.line - b.line);
    have.date ??= d.date;
    have.agendaItem ??= d.agendaItem;
  }
  return out;
}

function codes(s: string): Uint16Array {
  const a = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
  return a;
}

/** The distinct stretches of AGREED_STRETCH characters of `text` (as indexed), which a corpus is asked for. */
export function stretchesOf(text: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + AGREED_STRETCH <= text.length; i++) out.add(text.slice(i, i + AGREED_STRETCH));
  return [...out];
}

/**
 * The paragraphs of a local phrase index that share a stretch with `text` (as indexed), up to
 * PER_STRETCH for each stretch (evenly sampled), and those that are `text` itself.
 */
export function sharingParagraphs(index: PhraseIndex, text: string): SampledDocument[] {
  const chosen = new Set<number>();
  const take = ([from, to]: [number, number], limit: number, whole: boolean) => {
    for (const p of index.occurrenceParagraphs(from, to, limit, whole)) chosen.add(p);
  };
  for (const stretch of stretchesOf(text)) take(index.range(codes(stretch)), PER_STRETCH, false);
  if (text.length >= AGREED_STRETCH) take(index.range(codes(text + '\n')), SAME_TEXT, true);
  const byDocument = new Map<number, SampledDocument>();
  for (const p of [...chosen].sort((a, b) => a - b)) {
    const d = index.data.paragraphDocument[p];
    const { symbol, file, where, line, text: t } = index.paragraph(p);
    let doc = byDocument.get(d);
    if (!doc) byDocument.set(d, (doc = { symbol, ...(file !== undefined ? { file } : {}), paragraphs: [] }));
    doc.paragraphs.push({ kind: index.kind(p), where, line: line ?? 0, text: t });
  }
  return [...byDocument.values()];
}

/** A text's provenance placed on paragraph `model.paragraphs[i]` (whose body is that text); undefined when the body is empty. */
export function placeProvenance(model: ResolutionDocument, i: number, known: TextProvenance): ParagraphProvenance | undefined {
  const p = model.paragraphs[i];
  const { text, map } = indexedWithMap(model.text.slice(p.body.start, p.body.end));
  if (text.length === 0) return undefined;
  const lineStart = model.lines.offsetAt({ line: p.line, character: 0 });
  const bodyStart = p.body.start - lineStart;
  const newInLine: [number, number][] = known.newRanges.map(([s, e]) => [bodyStart + map[s], bodyStart + map[e - 1] + 1]);
  return { ...known, line: p.line, bodyStart, newInLine };
}

/**
 * The provenance of `text` (as indexed) over the local index and `more` paragraphs together (from
 * the corpus database), each paragraph once; undefined when `more` is empty (the local answer stands).
 */
export function provenanceWith(index: PhraseIndex, text: string, more: SampledDocument[]): TextProvenance | undefined {
  if (more.length === 0) return undefined;
  return new ProvenanceFinder(sampledIndex(mergeSamples(sharingParagraphs(index, text), more)), 1).ofText(text);
}
