/**
 * Inline continuation (ghost text): the one continuation of agreed language most likely to follow
 * the text before the cursor. Where completion lists what may follow the last few characters,
 * this takes the longest ending of the paragraph that the corpus contains (whole clauses, not only
 * the last one), weighs each corpus paragraph that has it by how close it stands to the draft
 * (same part, same organ and agenda item, newer), and follows the paragraphs forward for as long
 * as most of that weight (60 %) agrees on the next character, across clause boundaries when at least
 * two sources still agree; it stops where they diverge, where a single source's clause ends, or at
 * the paragraph's end. (The benchmark's leave-one-out retyping chose these limits: following the
 * heaviest branch through disagreement, or a single source past its clause, saved fewer keys.)
 */
import { chineseAgreed, type AgreedLanguageTables } from '../lang/zh-agreed';
import type { CorpusParagraphKind } from './corpus-paragraphs';
import { decodeText, type PhraseIndex } from './phrase-index';
import type { PhraseSourceParagraph } from './types';

/** Where the drafter is typing, as the ranking of sources sees it. */
export interface ContinuationPlace {
  /** The kind of paragraph being typed. */
  kind: CorpusParagraphKind;
  /** The series of the draft's organ (`A` General Assembly, `S` Security Council, `E`, `A/HRC`), when known. */
  organ?: string;
  /** The draft's agenda item, e.g. `100 (z)`, when it has one. */
  agendaItem?: string;
}

/** What the ranking knows of one corpus document (from the catalogue); aligned with the index's documents. */
export interface ContinuationDocumentFacts {
  organ?: string;
  agendaItem?: string;
  /** ISO date. */
  date?: string;
}

/** The ghost text and where it comes from. */
export interface InlineContinuation {
  /** The text to insert at the cursor. */
  text: string;
  /** The ending of the text before the cursor that the corpus contains (the context used). */
  matched: string;
  /** Corpus paragraphs that write `matched + text` (exact; beyond the sample, occurrences). */
  occurrences: number;
  /** Distinct symbols of the documents among the sources, the best-placed first. */
  documents: string[];
  /** The best-placed source paragraph. */
  source: PhraseSourceParagraph;
}

/** Tuning of the choice; the defaults are what the benchmark measured best (npm run bench). */
export interface InlineOptions {
  /** The shortest ending of the text before the cursor used as context. */
  minContext?: number;
  /** The longest ending tried (characters). */
  maxContext?: number;
  /** The share of the sources' weight that must agree on the next character to go on past the first clause boundary. */
  agreement?: number;
  /** The same within the first clause (0 would follow the heaviest branch wherever the corpus knows the context). */
  firstClauseAgreement?: number;
  /** The longest ghost text. */
  maxLength?: number;
  /** Clause boundaries a single source is followed across (several sources: as far as they agree). */
  singleSourceClauses?: number;
  /**
   * Occurrences of the context followed forward (evenly sampled beyond): 64 chose as well as 256
   * on the benchmark's retyping and is eight times faster at the tail on the 200 MB corpus.
   */
  sample?: number;
}

const DEFAULTS: Required<InlineOptions> = { minContext: 2, maxContext: 400, agreement: 0.6, firstClauseAgreement: 0.6, maxLength: 400, singleSourceClauses: 0, sample: 64 };
const PARAGRAPH_END = 0x0a;

/** The series of a document's organ from its symbol: `A/RES/76/54` → `A`, `S/RES/2446 (2018)` → `S`, `A/HRC/RES/52/1` → `A/HRC`. */
export function organOfSymbol(symbol: string): string | undefined {
  const parts = symbol.toUpperCase().split('/');
  if (parts.length < 2 || !/^[A-Z]+$/.test(parts[0])) return undefined;
  if (parts[0] === 'A' && parts[1] === 'HRC') return 'A/HRC';
  return parts[0];
}

function toCodes(s: string): Uint16Array {
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return codes;
}

/** How much a source paragraph counts, by how close it stands to the draft. */
function weightOf(kind: CorpusParagraphKind, facts: ContinuationDocumentFacts | undefined, place: ContinuationPlace): number {
  let w = 1;
  // The same part: a preambular clause continues as preambular clauses do.
  if (kind === place.kind) w *= 3;
  else if ((kind === 'operative' || kind === 'subparagraph') && (place.kind === 'operative' || place.kind === 'subparagraph')) w *= 1.5;
  if (facts?.organ && place.organ && facts.organ === place.organ) w *= 2;
  if (facts?.agendaItem && place.agendaItem && facts.agendaItem.replace(/\s+/g, '') === place.agendaItem.replace(/\s+/g, '')) w *= 2;
  // Newer documents: the wording most recently agreed.
  const year = facts?.date ? Number(facts.date.slice(0, 4)) : NaN;
  if (Number.isFinite(year)) w *= 1 + Math.max(0, Math.min(60, year - 1980)) / 20;
  return w;
}

/**
 * The inline continuation after `before` (the paragraph's text before the cursor, as indexed: no
 * footnote markers, no `**`), or undefined when the corpus knows no ending of it or its sources
 * disagree at once. `facts[d]` describes the index's document `d`.
 */
export function inlineContinuation(
  index: PhraseIndex,
  before: string,
  place: ContinuationPlace,
  facts: readonly (ContinuationDocumentFacts | undefined)[] = [],
  options: InlineOptions = {},
  tables: AgreedLanguageTables = chineseAgreed,
): InlineContinuation | undefined {
  const o = { ...DEFAULTS, ...options };
  const data = index.data;
  const text = data.text;
  const code = index.textAt;
  const tail = before.slice(before.lastIndexOf('\n') + 1).slice(-o.maxContext);
  if (tail.length < o.minContext) return undefined;
  // The longest ending that occurs: a longer ending occurs only where a shorter one does, so a
  // binary search on its length finds it.
  let lo = o.minContext;
  let hi = tail.length;
  let found: [number, number] | undefined;
  let length = 0;
  {
    const r = index.range(toCodes(tail.slice(tail.length - lo)));
    if (r[0] === r[1]) return undefined;
    found = r;
    length = lo;
  }
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    // A longer ending starts earlier: its range is elsewhere in the suffix array, searched whole.
    const r = index.range(toCodes(tail.slice(tail.length - mid)));
    if (r[0] < r[1]) {
      lo = mid;
      found = r;
      length = mid;
    } else hi = mid - 1;
  }
  const matched = tail.slice(tail.length - length);
  const [from, to] = found;
  // Read whole when its paragraphs are few enough (then the count is exact), else sampled.
  const exactly = index.paragraphOccurrences(from, to) <= o.sample;
  const step = Math.max(1, (to - from) / o.sample);
  // The sources: where each occurrence goes on, and its weight. An occurrence stands for each
  // paragraph with its text; a sampled one for a few of them, weighted for the rest.
  const positions: number[] = [];
  const weights: number[] = [];
  const paragraphs: number[] = [];
  const sampled = Math.ceil((to - from) / step);
  const share = exactly ? Infinity : Math.max(1, Math.floor(o.sample / sampled));
  for (const start of index.sampledSuffixes(from, to, step)) {
    const list = index.passageParagraphs(index.passageAt(start));
    const taken = Math.min(list.length, share);
    for (let k = 0; k < taken; k++) {
      const p = list[Math.floor((k * list.length) / taken)];
      positions.push(start + length);
      paragraphs.push(p);
      weights.push((weightOf(index.kind(p), facts[data.paragraphDocument[p]], place) * list.length) / taken);
    }
  }
  const boundaries = new Set([...tables.clauseBoundaries].map((c) => c.charCodeAt(0)));
  let live = positions.map((_, i) => i);
  let out = 0;
  let clausesCrossed = 0;
  const distinctParagraphs = (ids: number[]) => new Set(ids.map((i) => paragraphs[i])).size;
  for (; out < o.maxLength; out++) {
    // The next character of each live source, with the weight behind it.
    const byChar = new Map<number, number>();
    let total = 0;
    for (const i of live) {
      const c = code(positions[i] + out);
      byChar.set(c, (byChar.get(c) ?? 0) + weights[i]);
      total += weights[i];
    }
    let best = -1;
    let bestWeight = 0;
    for (const [c, w] of byChar) if (w > bestWeight || (w === bestWeight && c < best)) [best, bestWeight] = [c, w];
    // The sources diverge (no character has the agreement), or the paragraph ends.
    if (best === PARAGRAPH_END || bestWeight < (clausesCrossed === 0 ? o.firstClauseAgreement : o.agreement) * total) break;
    live = live.filter((i) => code(positions[i] + out) === best);
    if (boundaries.has(best)) {
      // A clause is complete here. Several sources that still agree go on; a single source goes on
      // for a set number of clauses (its next clause is likely, but less sure, agreed language).
      const single = distinctParagraphs(live) < 2;
      if (single && clausesCrossed >= o.singleSourceClauses) {
        out++;
        break;
      }
      clausesCrossed++;
    }
  }
  if (out === 0) return undefined;
  const first = live[0];
  const continuation = decodeText(text, positions[first], positions[first] + out);
  // A bare clause mark is no language to offer.
  if (!/[\p{L}\p{N}]/u.test(continuation)) return undefined;
  // The best-placed source first; documents in that order.
  live.sort((a, b) => weights[b] - weights[a] || paragraphs[a] - paragraphs[b]);
  const symbols: string[] = [];
  for (const i of live) {
    const symbol = data.documents[data.paragraphDocument[paragraphs[i]]].symbol;
    if (!symbols.includes(symbol)) symbols.push(symbol);
  }
  const exact = exactly ? distinctParagraphs(live) : (() => {
    const r = index.range(toCodes(matched + continuation), from, to);
    return index.paragraphOccurrences(r[0], r[1]);
  })();
  return { text: continuation, matched, occurrences: exact, documents: symbols, source: index.paragraph(paragraphs[live[0]]) };
}

