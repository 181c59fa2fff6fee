/**
 * The phrase index of a corpus that changed a little since its index was built: the base index,
 * the documents of the base that were changed or removed masked out, and a small segment index
 * over the added and changed documents. It answers what one index built over the corpus as it is
 * now would answer (continuations with their counts and documents, similar paragraphs, the
 * ghost text), without sorting the whole corpus again: building the segment takes milliseconds
 * for a few documents, where a full build of a large corpus takes minutes.
 *
 * Only the public methods of PhraseIndex are used. Counts are of paragraphs (an index keeps each
 * distinct paragraph text once, as a passage, and a passage counts once for each of its
 * paragraphs), put together by occurrence: occurrences in the base's paragraphs, less those in its
 * masked paragraphs (a third, small index built over the masked paragraphs' texts), plus those in
 * the segment's. A passage of the base shared by a masked and a live paragraph still counts (and
 * shows) the live one.
 */
import { chineseAgreed, type AgreedLanguageTables } from '../lang/zh-agreed';
import { indexedText, type CorpusParagraph } from './corpus-paragraphs';
import { buildPhraseIndexFromParagraphs, CONTINUATION_SAMPLE, COUNT_CAP, MAX_STRETCH, DOCUMENT_SAMPLE, MAX_CONTINUATION, MAX_MATCH, MIN_MATCH, PhraseIndex, type IndexedDocumentParagraphs, type SimilarOptions, type SimilarParagraph } from './phrase-index';
import type { ContinuationPlace, InlineContinuation, InlineOptions } from './inline-continuation';
import type { Continuation, PhraseSource, PhraseSourceParagraph } from './types';

function toCodes(s: string): Uint16Array {
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return codes;
}

/**
 * How many times `pattern` occurs in the index's paragraphs: each occurrence in a passage counts
 * once for every paragraph with that passage's text (as the index counts).
 */
function count(index: PhraseIndex | undefined, pattern: string): number {
  if (!index || pattern.length === 0) return 0;
  const [from, to] = index.range(toCodes(pattern));
  return index.paragraphOccurrences(from, to);
}

/** A base index with some of its documents masked out and a segment of added and changed documents. */
export class SegmentedIndex implements PhraseSource {
  private readonly masked: Set<number>;
  /** The masked paragraphs of the base, indexed on their own (their occurrences are taken off the base's). */
  private readonly minus?: PhraseIndex;
  private readonly maskedParagraphs: number;
  private readonly maskedFiles = new Set<string>();
  private readonly boundaries: Set<string>;
  readonly paragraphCount: number;
  readonly documentCount: number;

  constructor(
    readonly base: PhraseIndex,
    readonly segment: PhraseIndex | undefined,
    maskedDocuments: Iterable<number>,
    tables: AgreedLanguageTables = chineseAgreed,
  ) {
    this.boundaries = new Set(tables.clauseBoundaries);
    this.masked = new Set([...maskedDocuments].filter((d) => d >= 0 && d < base.documentCount));
    const byDocument = new Map<number, IndexedDocumentParagraphs>();
    let maskedParagraphs = 0;
    if (this.masked.size > 0) {
      for (let p = 0; p < base.paragraphCount; p++) {
        const d = base.documentOf(p);
        if (!this.masked.has(d)) continue;
        maskedParagraphs++;
        let doc = byDocument.get(d);
        if (!doc) {
          const { symbol, file } = base.document(d);
          doc = { symbol, file, paragraphs: [] };
          byDocument.set(d, doc);
        }
        const { text, where, line } = base.paragraph(p);
        doc.paragraphs.push({ text, where, line: line ?? 0, kind: base.kind(p) } satisfies CorpusParagraph);
      }
      this.minus = new PhraseIndex(buildPhraseIndexFromParagraphs([...byDocument.values()]), tables);
      for (const d of this.masked) {
        const file = base.document(d).file;
        if (file !== undefined) this.maskedFiles.add(file);
      }
    }
    this.maskedParagraphs = maskedParagraphs;
    this.paragraphCount = base.paragraphCount - maskedParagraphs + (segment?.paragraphCount ?? 0);
    this.documentCount = base.documentCount - this.masked.size + (segment?.documentCount ?? 0);
  }

  /** How many base documents are masked out. */
  get maskedDocumentCount(): number {
    return this.masked.size;
  }

  /** Occurrences of `pattern` in the base's live paragraphs. */
  private baseCount(pattern: string): number {
    return count(this.base, pattern) - count(this.minus, pattern);
  }

  /** Occurrences of `pattern` in the corpus as it is now. */
  private liveCount(pattern: string): number {
    return this.baseCount(pattern) + count(this.segment, pattern);
  }

  private maskedParagraph(p: number): boolean {
    return this.masked.has(this.base.documentOf(p));
  }

  /** Gives the documents of both indexes their dates and agenda items (see PhraseIndex.setDocumentFacts). */
  setDocumentFacts(bySymbol: (symbol: string) => { date?: string; agendaItem?: string } | undefined): void {
    this.base.setDocumentFacts(bySymbol);
    this.segment?.setDocumentFacts(bySymbol);
  }

  /** The longest ending of `before` (its last line, as indexed) that the corpus as it is now contains. */
  longestEnding(before: string): string | undefined {
    const line = before.slice(before.lastIndexOf('\n') + 1);
    const tail = indexedText(line).slice(-MAX_MATCH);
    let best: string | undefined;
    for (let length = MIN_MATCH; length <= tail.length; length++) {
      const matched = tail.slice(tail.length - length);
      if (this.liveCount(matched) <= 0) break;
      best = matched;
    }
    return best;
  }

  /** A continuation that runs to its paragraph's end is counted with the end (as PhraseIndex counts it). */
  private atEnd(c: Continuation): boolean {
    return c.text.length > 0 && c.text.length < MAX_CONTINUATION && !this.boundaries.has(c.text[c.text.length - 1]);
  }

  continuations(before: string, limit = 10): Continuation[] {
    const matched = this.longestEnding(before);
    if (!matched) return [];
    // Each index's own best continuations of the same ending are the candidates; the base is asked
    // for a few more when some of its paragraphs are masked (their continuations may drop out).
    const extra = this.minus ? Math.min(16, count(this.minus, matched)) : 0;
    const candidates = new Map<string, { c: Continuation; base?: Continuation }>();
    // A continuation below the limit in both may be above it in the sum: when the ending is rare
    // enough that a full build reads every occurrence, every continuation of it is a candidate;
    // else twice the limit from each.
    const inBase = this.baseCount(matched);
    const inSegment = count(this.segment, matched);
    const asked = inBase + inSegment <= CONTINUATION_SAMPLE ? (MAX_STRETCH + 1) * (inBase + inSegment + extra) + limit : 2 * limit + extra;
    const fromBase = inBase > 0 ? this.base.continuations(matched, asked) : [];
    const fromSegment = this.segment && inSegment > 0 ? this.segment.continuations(matched, asked) : [];
    for (const c of fromBase) if (c.matched === matched) candidates.set(`${c.stretch}\u0000${c.text}`, { c, base: c });
    for (const c of fromSegment) {
      const key = `${c.stretch}\u0000${c.text}`;
      if (c.matched === matched && !candidates.has(key)) candidates.set(key, { c });
    }
    const items: Continuation[] = [];
    for (const { c, base } of candidates.values()) {
      const counted = this.counted(matched, c, base);
      if (counted) items.push(counted);
    }
    items.sort((a, b) => b.occurrences - a.occurrences || a.stretch - b.stretch || b.documents.length - a.documents.length || (a.text < b.text ? -1 : 1));
    return items.slice(0, limit);
  }

  /** The live paragraphs of `index` (base: not masked) that contain `pattern`, every one of them, in suffix order. */
  private paragraphsWith(index: PhraseIndex, pattern: string, skipMasked: boolean): number[] {
    const [from, to] = index.range(toCodes(pattern));
    const all = index.occurrenceParagraphs(from, to, Math.max(1, index.paragraphOccurrences(from, to)));
    return skipMasked ? all.filter((p) => !this.maskedParagraph(p)) : all;
  }

  /**
   * About `limit` live paragraphs of `index` that contain `pattern`, sampled evenly over its
   * occurrences (as `occurrenceParagraphs` samples them); of each sampled passage, its live paragraphs.
   */
  private sampledWith(index: PhraseIndex, pattern: string, limit: number, skipMasked: boolean): number[] {
    const [from, to] = index.range(toCodes(pattern));
    if (!skipMasked) return index.occurrenceParagraphs(from, to, limit);
    const step = Math.max(1, (to - from) / limit);
    const passages: Int32Array[] = [];
    let total = 0;
    for (const at of index.sampledSuffixes(from, to, step)) {
      const live = index.passageParagraphs(index.passageAt(at)).filter((p) => !this.maskedParagraph(p));
      passages.push(live);
      total += live.length;
    }
    // Each sampled passage gives its share of the limit, evenly spread over its live paragraphs.
    const share = total <= limit ? Infinity : Math.max(1, Math.floor(limit / Math.max(1, passages.length)));
    const out = new Set<number>();
    for (const list of passages) {
      if (list.length <= share) for (const p of list) out.add(p);
      else for (let k = 0; k < share; k++) out.add(list[Math.floor((k * list.length) / share)]);
    }
    return [...out];
  }

  /** Counts `matched + c.text` over the corpus as it is now, as PhraseIndex counts a continuation; undefined when no live paragraph has it. */
  private counted(matched: string, c: Continuation, base: Continuation | undefined): Continuation | undefined {
    const pattern = matched + c.text + (this.atEnd(c) ? '\n' : '');
    const inBase = this.baseCount(pattern);
    const inSegment = count(this.segment, pattern);
    const total = inBase + inSegment;
    if (total <= 0) return undefined;
    const documents = new Set<string>();
    let occurrences: number;
    let example: PhraseSourceParagraph | undefined;
    if (total <= COUNT_CAP) {
      // Few: every paragraph is looked at (an exact count of paragraphs, as a full build's).
      const baseParagraphs = inBase > 0 ? this.paragraphsWith(this.base, pattern, true) : [];
      const segmentParagraphs = inSegment > 0 && this.segment ? this.paragraphsWith(this.segment, pattern, false) : [];
      occurrences = baseParagraphs.length + segmentParagraphs.length;
      for (const p of baseParagraphs) documents.add(this.base.document(this.base.documentOf(p)).symbol);
      for (const p of segmentParagraphs) documents.add(this.segment!.document(this.segment!.documentOf(p)).symbol);
      if (occurrences === 0) return undefined;
      if (base && !this.maskedExample(base.example)) example = base.example;
      else example = baseParagraphs.length > 0 ? this.base.paragraph(baseParagraphs[0]) : this.segment!.paragraph(segmentParagraphs[0]);
    } else {
      // Many: the count is of occurrences, the documents a sample (as a full build's).
      occurrences = total;
      if (inBase > 0) {
        if (base) {
          for (const s of base.documents) documents.add(s);
          if (this.masked.size > 0) for (const d of this.masked) documents.delete(this.base.document(d).symbol);
          if (!this.maskedExample(base.example)) example = base.example;
        }
        if (!example || documents.size === 0) {
          for (const p of this.sampledWith(this.base, pattern, DOCUMENT_SAMPLE, true)) {
            documents.add(this.base.document(this.base.documentOf(p)).symbol);
            example ??= this.base.paragraph(p);
          }
        }
      }
      if (inSegment > 0 && this.segment) {
        for (const p of this.sampledWith(this.segment, pattern, DOCUMENT_SAMPLE, false)) {
          documents.add(this.segment.document(this.segment.documentOf(p)).symbol);
          example ??= this.segment.paragraph(p);
        }
      }
      if (!example) return undefined;
    }
    return { matched, text: c.text, stretch: c.stretch, occurrences, documents: [...documents], example };
  }

  private maskedExample(p: PhraseSourceParagraph): boolean {
    return p.file !== undefined && this.maskedFiles.has(p.file);
  }

  /** The length of the longest ending of `tail` (at least `min` long) with a live occurrence in the base or the segment; 0 when none. */
  private longestLive(tail: string, min: number, occurs: (pattern: string) => boolean): number {
    if (tail.length < min || !occurs(tail.slice(tail.length - min))) return 0;
    let lo = min;
    let hi = tail.length;
    // A longer ending occurs only where a shorter one does: a binary search on the length.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (occurs(tail.slice(tail.length - mid))) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The ghost text. A full build follows the longest ending of the text that the corpus contains,
   * from every place that has it: when only the base (live paragraphs) or only the segment has
   * the longest, that one's answer; when both have it, their sources are put together: they go on
   * as far as they agree (past where each alone would stop), or the heavier one when it has the
   * agreement a full build asks for (60 %).
   */
  inline(before: string, place: ContinuationPlace, options?: InlineOptions): InlineContinuation | undefined {
    const min = options?.minContext ?? 2;
    const tail = before.slice(before.lastIndexOf('\n') + 1).slice(-(options?.maxContext ?? 400));
    const inBase = this.longestLive(tail, min, (p) => this.baseCount(p) > 0);
    const inSegment = this.segment ? this.longestLive(tail, min, (p) => count(this.segment, p) > 0) : 0;
    if (inBase === 0 && inSegment === 0) return undefined;
    const fromBase = () => {
      const found = this.base.inline(before, place, options);
      // Its ending or its text only in masked paragraphs: not what the corpus has now.
      if (!found || found.matched.length !== inBase || (this.minus && this.baseCount(found.matched + found.text) <= 0)) return undefined;
      if (this.masked.size > 0 && this.maskedExample(found.source)) {
        const maskedSymbols = new Set([...this.masked].map((d) => this.base.document(d).symbol));
        const live = found.documents.filter((s) => !maskedSymbols.has(s));
        return { ...found, documents: live.length > 0 ? live : found.documents };
      }
      return found;
    };
    if (inBase > inSegment) return fromBase();
    if (inSegment > inBase) return this.segment!.inline(before, place, options);
    const b = fromBase();
    const s = this.segment!.inline(before, place, options);
    if (!b || !s) return b ?? s;
    const total = b.occurrences + s.occurrences;
    const documents = [...new Set([...b.documents, ...s.documents])];
    const [heavy, light] = s.occurrences > b.occurrences ? [s, b] : [b, s];
    if (heavy.text !== light.text && !heavy.text.startsWith(light.text) && !light.text.startsWith(heavy.text) && heavy.occurrences >= 0.6 * total) return heavy;
    // Together: as far as both go on alike, each followed past where it stopped alone.
    const far = { ...options, singleSourceClauses: 1000 };
    const bFar = this.base.inline(before, place, far)?.text ?? b.text;
    const sFar = this.segment!.inline(before, place, far)?.text ?? s.text;
    let same = 0;
    while (same < bFar.length && bFar[same] === sFar[same]) same++;
    const text = bFar.slice(0, same);
    if (!/[\p{L}\p{N}]/u.test(text)) return undefined;
    return { ...heavy, text, occurrences: total, documents };
  }

  /** Similar paragraphs of both indexes, the base's masked ones left out, merged by rank as PhraseIndex ranks them. */
  similar(query: string, options: SimilarOptions = {}): SimilarParagraph[] {
    const limit = options.limit ?? 10;
    if (limit <= 0) return [];
    const extra = this.maskedParagraphs > 0 ? Math.min(this.maskedParagraphs, 50) : 0;
    const closest = options.closest ?? 0;
    let fromBase = this.base.similar(query, { ...options, limit: limit + extra, closest: closest > 0 ? closest + extra : 0 }).filter((r) => !this.maskedExample(r));
    const fromSegment = this.segment?.similar(query, options) ?? [];
    const rank = (r: SimilarParagraph) => (r.score === 100 ? 2000 : r.within !== undefined ? 1000 + r.within : r.score);
    const found = [...fromBase.filter((r) => !r.closest), ...fromSegment.filter((r) => !r.closest)];
    if (found.length > 0) {
      // A stable sort: on a tie the base's paragraph (numbered first in a full build) stays first.
      return found.sort((a, b) => rank(b) - rank(a) || b.score - a.score).slice(0, limit);
    }
    if (closest === 0) return [];
    if (extra > 0 && !fromBase.some((r) => r.closest)) {
      // Only masked paragraphs of the base reached the minimum: its closest live ones, asked for as such.
      fromBase = this.base
        .similar(query, { ...options, minScore: 101, containing: false, limit: limit + extra, closest: closest + extra })
        .filter((r) => !this.maskedExample(r))
        .map((r) => ({ ...r, closest: true }));
    }
    return [...fromBase, ...fromSegment.filter((r) => r.closest)].sort((a, b) => b.score - a.score).slice(0, Math.min(closest, limit));
  }
}

/** What answers phrase queries: one index, or a base index with a segment. */
export type CorpusPhraseIndex = PhraseIndex | SegmentedIndex;

/** The index that holds the whole base (provenance and comparisons still read one index). */
export function baseIndexOf(index: CorpusPhraseIndex): PhraseIndex {
  return index instanceof SegmentedIndex ? index.base : index;
}
