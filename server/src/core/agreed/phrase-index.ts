/**
 * The corpus phrase index: every corpus paragraph and footnote, concatenated into one UTF-16 text
 * with a suffix array over it ("what follows this text in the corpus", exact, in a few binary
 * searches) and a character-bigram inverted index ("which paragraphs are close to this text").
 */
import { similarQuery } from '../parse/paragraph-body';
import { chineseAgreed, type AgreedLanguageTables } from '../lang/zh-agreed';
import { corpusParagraphs, CORPUS_PARAGRAPH_KINDS, indexedText, type CorpusParagraph, type CorpusParagraphKind, type IndexedDocumentInput } from './corpus-paragraphs';
import { buildSuffixArray } from './suffix-array';
import { distanceWithin, levenshtein } from './edit-distance';
import type { Continuation, PhraseSource, PhraseSourceParagraph } from './types';
import { inlineContinuation, organOfSymbol, type ContinuationDocumentFacts, type ContinuationPlace, type InlineContinuation, type InlineOptions } from './inline-continuation';

/** Ends every passage in the concatenated text, so that no match runs from one passage into the next. */
const PARAGRAPH_END = 0x0a;

/**
 * One of the two large sections of a stored index (the suffix array, the bigram postings) as the
 * server holds it: read from the index file a page at a time (corpus/paged-section.ts), the
 * operating system's page cache doing the caching, so that a large corpus's index is not read
 * whole at the start nor held whole in memory.
 */
export interface PagedArray<T extends Int32Array | Uint16Array | Uint8Array> {
  readonly length: number;
  /** Element `i` (0 ≤ i < length). */
  get(i: number): number;
  /** Elements [from, to) in an array of their own. */
  subarray(from: number, to: number): T;
  /** The whole array, once it is in memory (a paged section read whole in the background). */
  readonly array?: T;
}

/** An array of the index in memory: itself, or a paged one read whole (to write or check it). */
export function wholeArray<T extends ArrayBufferView>(array: T | PagedArray<T & (Int32Array | Uint16Array | Uint8Array)>): T {
  return ArrayBuffer.isView(array) ? array : array.subarray(0, array.length);
}

/**
 * The arrays and tables the index consists of; what the store writes to disk and reads back.
 *
 * A corpus repeats itself: the same paragraph text stands in many documents (at 200 MB, 922,000
 * paragraphs have 175,000 distinct texts). Each distinct text, a *passage*, is kept once; the
 * suffix array and the bigram postings are over passages, and each passage lists the paragraphs
 * that have its text. Counts (occurrences, documents) are still of paragraphs: a passage counts
 * as many times as it has paragraphs.
 */
export interface PhraseIndexData {
  /** Every passage's text followed by a line feed (in memory, or read from the index file a page at a time). */
  text: Uint16Array | PagedArray<Uint16Array>;
  /** Start offsets of the suffixes of `text`, in sorted order (in memory, or read from the index file a page at a time). */
  suffixes: Int32Array | PagedArray<Int32Array>;
  /** Offset in `text` where each passage starts; one more entry, `text.length`, at the end. */
  passageStarts: Int32Array;
  /** Where each passage's paragraphs start in `passageParagraphs`; one more entry at the end. */
  passageParagraphStarts: Int32Array;
  /** For each passage, the paragraphs with its text, ascending. */
  passageParagraphs: Int32Array;
  /** The passage (text) of each paragraph. */
  paragraphPassage: Int32Array;
  paragraphDocument: Int32Array;
  paragraphLine: Int32Array;
  /** Index into CORPUS_PARAGRAPH_KINDS. */
  paragraphKind: Uint8Array;
  /** Index into `whereNames`. */
  paragraphWhere: Int32Array;
  /**
   * Paragraphs behind the suffixes before every WEIGHT_BLOCK-th one: entry b is the sum, over
   * `suffixes[0 .. b * WEIGHT_BLOCK)`, of the paragraph counts of their passages (so that the
   * paragraph occurrences of a large suffix range cost two short scans).
   */
  suffixWeights: Float64Array;
  /** Distinct bigrams (two code units, high << 16 | low), sorted, over the text without white space. */
  bigramKeys: Uint32Array;
  /** How many passages each bigram has before it: list b has bigramCounts[b + 1] - bigramCounts[b] passages. */
  bigramCounts: Int32Array;
  /** Where each bigram's list starts in `bigramPostings` (bytes); one more entry at the end. */
  bigramOffsets: Int32Array;
  /** For each bigram, the passages that contain it, ascending, as gaps in LEB128 varints (the first from -1); in memory or read from the index file a list at a time. */
  bigramPostings: Uint8Array | PagedArray<Uint8Array>;
  /** How many distinct bigrams each passage has. */
  passageBigrams: Int32Array;
  whereNames: string[];
  documents: { symbol: string; file?: string }[];
  /** How many documents, when `documents` may not be read yet (an index file's, read on their first use). */
  documentCount?: number;
}

/** Suffixes read for the passages that are a whole text (see `occurrenceParagraphs`). */
const WHOLE_SCAN = 4096;

/** A paged suffix array's range up to this many suffixes (64 KB) is read at once for its samples. */
const PREFETCH_SUFFIXES = 16_384;

/** See PhraseIndexData.suffixWeights. */
export const WEIGHT_BLOCK = 64;

/** A corpus paragraph close to a text: the fields of the `resolutionDrafter/similar` answer. */
export interface SimilarParagraph {
  /** 0–100, as translation memories show fuzzy matches; 100 is the same text. */
  score: number;
  symbol: string;
  where: string;
  text: string;
  file?: string;
  line?: number;
  /** True when the paragraph contains the searched text word for word (shown even below the minimum score). */
  contains?: boolean;
  /**
   * For a text shorter than the paragraph: how closely a stretch of the paragraph matches it,
   * 0–100 (`签署和批准《全面禁止核试验条约》` inside a long paragraph, for `签署并批准《…》`).
   * Paragraphs with a close stretch come first, whatever their score.
   */
  within?: number;
  /** True when nothing reached the minimum score and this is one of the closest shown instead. */
  closest?: boolean;
}

/** Options of a similar-text search. */
export interface SimilarOptions {
  limit?: number;
  /** The lowest score returned (default 50). */
  minScore?: number;
  /** Also return paragraphs that contain the text word for word, whatever their score (default true). */
  containing?: boolean;
  /** When nothing reaches `minScore`: return this many of the closest anyway, marked `closest` (default 0). */
  closest?: number;
}

/** A stretch of a paragraph this close to a shorter text (0–100) lists the paragraph as containing it. */
export const WITHIN_MINIMUM = 60;

/** Limits that keep one query fast whatever the corpus size. */
export const MIN_MATCH = 2;
export const MAX_MATCH = 40;
/** Occurrences looked at to find the different continuations of a very common phrase (all of them below this). */
export const CONTINUATION_SAMPLE = 256;
const SAMPLE = CONTINUATION_SAMPLE;
/** Occurrences mapped to paragraphs and documents for one continuation (evenly sampled beyond). */
export const COUNT_CAP = 256;
/** Occurrences of a very common continuation looked at for the documents that use it. */
export const DOCUMENT_SAMPLE = 48;
export const MAX_STRETCH = 2;
/** A continuation longer than this (no clause boundary in sight) is cut. */
export const MAX_CONTINUATION = 2000;
/** Bigram postings (passages) read per similar query, rarest bigrams first. */
const POSTING_BUDGET = 250_000;
/** Candidates compared character by character after the bigram count. */
export const EDIT_CANDIDATES = 60;
/** Paragraphs containing the searched text word for word that are scored. */
export const CONTAINING_CAP = 100;

function toCodes(s: string): Uint16Array {
  const codes = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return codes;
}

/**
 * The index's text from `start` to `end` as a string: in memory, or read from the index file (one
 * read for the stretch, not one per page).
 */
export function decodeText(text: PhraseIndexData['text'], start: number, end: number): string {
  return ArrayBuffer.isView(text) ? decode(text, start, end) : decode(text.subarray(start, end), 0, Math.max(0, end - start));
}

/** A reader of the index's text code by code, in memory or paged (`get` keeps the page of the last read). */
export function textReader(text: PhraseIndexData['text']): (i: number) => number {
  if (ArrayBuffer.isView(text)) return (i) => text[i];
  return (i) => {
    const whole = text.array;
    return whole !== undefined ? whole[i] : text.get(i);
  };
}

/** The index's text as an array when it is in memory (always, or a paged one once read whole). */
function textArray(text: PhraseIndexData['text']): Uint16Array | undefined {
  return ArrayBuffer.isView(text) ? text : text.array;
}

function decode(codes: Uint16Array, start: number, end: number): string {
  let out = '';
  // String.fromCharCode with many arguments is fast; chunk to stay within argument limits.
  for (let i = start; i < end; i += 4096) out += String.fromCharCode(...codes.subarray(i, Math.min(end, i + 4096)));
  return out;
}

/** The text without white space, on which similarity is measured (spaces around digits are PDF artefacts). */
export function similarityText(text: string): string {
  return indexedText(text).replace(/\s+/g, '');
}

function distinctBigrams(s: string): number[] {
  const keys: number[] = [];
  for (let i = 0; i + 1 < s.length; i++) keys.push(((s.charCodeAt(i) << 16) | s.charCodeAt(i + 1)) >>> 0);
  keys.sort((a, b) => a - b);
  return keys.filter((k, i) => i === 0 || keys[i - 1] !== k);
}

/** Levenshtein distance in code units, one row of memory. */
export function editDistance(a: string, b: string): number {
  if (a.length < b.length) [a, b] = [b, a];
  const row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(above + 1, row[j - 1] + 1, diagonal + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** Progress of a build, for a progress bar: a stage name and a fraction done. */
export type BuildProgress = (stage: string, fraction: number) => void;

/** One corpus document with its paragraphs already extracted (see `corpusParagraphs`). */
export interface IndexedDocumentParagraphs {
  symbol: string;
  file?: string;
  paragraphs: CorpusParagraph[];
}

/** Builds the index data from parsed corpus documents. */
export function buildPhraseIndexData(documents: IndexedDocumentInput[], progress: BuildProgress = () => undefined, tables: AgreedLanguageTables = chineseAgreed): PhraseIndexData {
  return buildPhraseIndexFromParagraphs(
    documents.map((d) => ({ symbol: d.symbol, file: d.file, paragraphs: corpusParagraphs(d.model, tables) })),
    progress,
  );
}

/** Builds the index data from documents whose paragraphs are already extracted (their models may be gone). */
export function buildPhraseIndexFromParagraphs(documents: IndexedDocumentParagraphs[], progress: BuildProgress = () => undefined): PhraseIndexData {
  let paragraphs = 0;
  for (const doc of documents) paragraphs += doc.paragraphs.length;
  // Each distinct text once: a passage.
  const passageOf = new Map<string, number>();
  const texts: string[] = [];
  const paragraphPassage = new Int32Array(paragraphs);
  const paragraphDocument = new Int32Array(paragraphs);
  const paragraphLine = new Int32Array(paragraphs);
  const paragraphKind = new Uint8Array(paragraphs);
  const paragraphWhere = new Int32Array(paragraphs);
  const whereIds = new Map<string, number>();
  let length = 0;
  let p = 0;
  documents.forEach((doc, d) => {
    for (const paragraph of doc.paragraphs) {
      let q = passageOf.get(paragraph.text);
      if (q === undefined) {
        passageOf.set(paragraph.text, (q = texts.length));
        texts.push(paragraph.text);
        length += paragraph.text.length + 1;
      }
      paragraphPassage[p] = q;
      paragraphLine[p] = paragraph.line;
      paragraphKind[p] = CORPUS_PARAGRAPH_KINDS.indexOf(paragraph.kind);
      let w = whereIds.get(paragraph.where);
      if (w === undefined) whereIds.set(paragraph.where, (w = whereIds.size));
      paragraphWhere[p] = w;
      paragraphDocument[p] = d;
      p++;
    }
  });
  passageOf.clear();
  progress('paragraphs', 1);
  const passages = texts.length;
  // Each passage's paragraphs (ascending, as paragraphs are numbered in order).
  const passageParagraphStarts = new Int32Array(passages + 1);
  for (let i = 0; i < paragraphs; i++) passageParagraphStarts[paragraphPassage[i] + 1]++;
  for (let q = 0; q < passages; q++) passageParagraphStarts[q + 1] += passageParagraphStarts[q];
  const passageParagraphs = new Int32Array(paragraphs);
  {
    const fill = passageParagraphStarts.slice(0, passages);
    for (let i = 0; i < paragraphs; i++) passageParagraphs[fill[paragraphPassage[i]]++] = i;
  }
  const text = new Uint16Array(length);
  const passageStarts = new Int32Array(passages + 1);
  let at = 0;
  texts.forEach((t, q) => {
    passageStarts[q] = at;
    for (let j = 0; j < t.length; j++) text[at + j] = t.charCodeAt(j);
    at += t.length;
    text[at++] = PARAGRAPH_END;
  });
  passageStarts[passages] = at;
  const bigrams = buildBigrams(texts, progress);
  // The texts are in `text` now: let them go before the sort, which needs most memory.
  texts.length = 0;
  progress('suffixes', 0);
  const suffixes = buildSuffixArray(text);
  progress('suffixes', 1);
  const suffixWeights = new Float64Array(Math.floor(suffixes.length / WEIGHT_BLOCK) + 1);
  {
    // The passage of each offset, found by walking the passages in text order.
    let sum = 0;
    const passageAtOffset = (offset: number): number => {
      let lo = 0;
      let hi = passages - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (passageStarts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    for (let i = 0; i < suffixes.length; i++) {
      if (i % WEIGHT_BLOCK === 0) suffixWeights[i / WEIGHT_BLOCK] = sum;
      const q = passageAtOffset(suffixes[i]);
      sum += passageParagraphStarts[q + 1] - passageParagraphStarts[q];
    }
    if (suffixes.length % WEIGHT_BLOCK === 0) suffixWeights[suffixes.length / WEIGHT_BLOCK] = sum;
  }
  return {
    text,
    suffixes,
    passageStarts,
    passageParagraphStarts,
    passageParagraphs,
    paragraphPassage,
    paragraphDocument,
    paragraphLine,
    paragraphKind,
    paragraphWhere,
    suffixWeights,
    ...bigrams,
    whereNames: [...whereIds.keys()],
    documents: documents.map((d) => (d.file === undefined ? { symbol: d.symbol } : { symbol: d.symbol, file: d.file })),
  };
}

/** Appends `value` (≥ 0) as an LEB128 varint at `at`; returns the next offset. */
function writeVarint(out: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  out[at++] = value;
  return at;
}

function varintBytes(value: number): number {
  let n = 1;
  while (value >= 0x80) {
    value >>>= 7;
    n++;
  }
  return n;
}

function buildBigrams(texts: string[], progress: BuildProgress) {
  // Pass 1: each passage's distinct bigrams, as provisional ids in first-seen order.
  const idOf = new Map<number, number>();
  const keysById: number[] = [];
  let total = 0;
  for (const t of texts) total += Math.max(0, t.length - 1);
  let ids = new Int32Array(total);
  const passageBigrams = new Int32Array(texts.length);
  let at = 0;
  let scratch = new Uint32Array(1024);
  for (let q = 0; q < texts.length; q++) {
    const s = texts[q].replace(/\s+/g, '');
    if (scratch.length < s.length) scratch = new Uint32Array(s.length * 2);
    let count = 0;
    for (let i = 0; i + 1 < s.length; i++) scratch[count++] = ((s.charCodeAt(i) << 16) | s.charCodeAt(i + 1)) >>> 0;
    const sorted = scratch.subarray(0, count).sort();
    let distinct = 0;
    for (let i = 0; i < count; i++) {
      if (i > 0 && sorted[i] === sorted[i - 1]) continue;
      let id = idOf.get(sorted[i]);
      if (id === undefined) {
        id = keysById.length;
        idOf.set(sorted[i], id);
        keysById.push(sorted[i]);
      }
      ids[at + distinct++] = id;
    }
    passageBigrams[q] = distinct;
    at += distinct;
    if ((q & 0xffff) === 0) progress('bigrams', q / texts.length);
  }
  idOf.clear();
  ids = ids.subarray(0, at);
  // Renumber the ids in key order, so that a query finds a bigram by binary search.
  const order = Int32Array.from(keysById.keys()).sort((a, b) => keysById[a] - keysById[b]);
  const rank = new Int32Array(keysById.length);
  const bigramKeys = new Uint32Array(keysById.length);
  order.forEach((id, r) => {
    rank[id] = r;
    bigramKeys[r] = keysById[id];
  });
  const keys = keysById.length;
  for (let i = 0; i < at; i++) ids[i] = rank[ids[i]];
  // Pass 2: the size of each list in bytes (passages ascending: each gap from the bigram's previous passage).
  const bigramCounts = new Int32Array(keys + 1);
  const bigramOffsets = new Int32Array(keys + 1);
  const last = new Int32Array(keys).fill(-1);
  for (let q = 0, i = 0; q < texts.length; q++) {
    for (let k = 0; k < passageBigrams[q]; k++, i++) {
      const r = ids[i];
      bigramCounts[r + 1]++;
      bigramOffsets[r + 1] += varintBytes(q - last[r]);
      last[r] = q;
    }
  }
  for (let r = 0; r < keys; r++) {
    bigramCounts[r + 1] += bigramCounts[r];
    bigramOffsets[r + 1] += bigramOffsets[r];
  }
  // Pass 3: the lists.
  const bigramPostings = new Uint8Array(bigramOffsets[keys]);
  const fill = bigramOffsets.slice(0, keys);
  last.fill(-1);
  for (let q = 0, i = 0; q < texts.length; q++) {
    for (let k = 0; k < passageBigrams[q]; k++, i++) {
      const r = ids[i];
      fill[r] = writeVarint(bigramPostings, fill[r], q - last[r]);
      last[r] = q;
    }
  }
  progress('bigrams', 1);
  return { bigramKeys, bigramCounts, bigramOffsets, bigramPostings, passageBigrams };
}

/** A continuation candidate before it is counted. */
interface Stretch {
  text: string;
  /** True when the stretch runs to the paragraph's end with no boundary (so the search pattern includes the end). */
  atEnd: boolean;
}

/** The corpus phrase index: continuations (agreed language) and similar paragraphs. */
export class PhraseIndex implements PhraseSource {
  private readonly boundaries: Set<number>;
  /** Per-paragraph counters reused by every similar query (reset after each). */
  private sharedCounts?: Int32Array;
  /** The passages a similar query touched, in the order first touched (reused like `sharedCounts`). */
  private touchedPassages?: Int32Array;
  /** Bigram postings read per similar query (POSTING_BUDGET; the bench tries others). */
  postingBudget = POSTING_BUDGET;
  /** What the catalogue says of each document (date, agenda item), for ranking inline continuations; aligned with `data.documents`. */
  private documentFacts?: ContinuationDocumentFacts[];
  /** Where the documents' dates and agenda items come from (`setDocumentFacts`). */
  private factsBySymbol?: (symbol: string) => { date?: string; agendaItem?: string } | undefined;

  /** The start offset of the `i`-th suffix in sorted order (the suffix array in memory or paged). */
  readonly suffixAt: (i: number) => number;
  /** The code unit at offset `i` of the index's text (in memory or paged). */
  readonly textAt: (i: number) => number;

  constructor(readonly data: PhraseIndexData, tables: AgreedLanguageTables = chineseAgreed) {
    const sa = data.suffixes;
    this.suffixAt = ArrayBuffer.isView(sa) ? (i) => sa[i] : (i) => sa.get(i);
    this.textAt = textReader(data.text);
    this.boundaries = new Set([...tables.clauseBoundaries].map((c) => c.charCodeAt(0)));
  }

  /**
   * Each document's organ, date and agenda item, made on the first ghost text (22,783 documents
   * took 5-12 ms of the server's start, before the index could answer anything).
   */
  private get facts(): ContinuationDocumentFacts[] {
    const bySymbol = this.factsBySymbol;
    return (this.documentFacts ??= this.data.documents.map((d) => ({ organ: organOfSymbol(d.symbol), ...bySymbol?.(d.symbol) })));
  }

  /** Gives the documents their dates and agenda items (from the catalogue), by symbol. */
  setDocumentFacts(bySymbol: (symbol: string) => { date?: string; agendaItem?: string } | undefined): void {
    this.factsBySymbol = bySymbol;
    this.documentFacts = undefined;
  }

  /** The ghost-text continuation after `before` (inline-continuation.ts). */
  inline(before: string, place: ContinuationPlace, options?: InlineOptions): InlineContinuation | undefined {
    return inlineContinuation(this, before, place, this.facts, options);
  }

  /** Builds the index from parsed corpus documents. */
  static build(documents: IndexedDocumentInput[], progress?: BuildProgress): PhraseIndex {
    return new PhraseIndex(buildPhraseIndexData(documents, progress));
  }

  get paragraphCount(): number {
    // The passages' paragraph starts end at the count (the paragraphs' own arrays may not be read yet).
    const starts = this.data.passageParagraphStarts;
    return starts[starts.length - 1];
  }

  get documentCount(): number {
    return this.data.documentCount ?? this.data.documents.length;
  }

  /** How many distinct paragraph texts the index keeps. */
  get passageCount(): number {
    return this.data.passageStarts.length - 1;
  }

  /** The paragraph with this number, for a drafter. */
  paragraph(p: number): PhraseSourceParagraph {
    const d = this.data;
    const doc = d.documents[d.paragraphDocument[p]];
    const q = d.paragraphPassage[p];
    const result: PhraseSourceParagraph = {
      symbol: doc.symbol,
      where: d.whereNames[d.paragraphWhere[p]],
      text: decodeText(d.text, d.passageStarts[q], d.passageStarts[q + 1] - 1),
      line: d.paragraphLine[p],
    };
    if (doc.file !== undefined) result.file = doc.file;
    return result;
  }

  /** The number of the document paragraph `p` belongs to (0 … documentCount − 1). */
  documentOf(p: number): number {
    return this.data.paragraphDocument[p];
  }

  /** Document `d`: its symbol and its clean draft. */
  document(d: number): { symbol: string; file?: string } {
    return this.data.documents[d];
  }

  /** Whether paragraph `p` is preambular, operative, a subparagraph or a footnote. */
  kind(p: number): CorpusParagraphKind {
    return CORPUS_PARAGRAPH_KINDS[this.data.paragraphKind[p]];
  }

  /** The passage (distinct paragraph text) that contains text offset `offset`. */
  passageAt(offset: number): number {
    const starts = this.data.passageStarts;
    let lo = 0;
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The paragraphs whose text is passage `q`, ascending (a view: do not change it). */
  passageParagraphs(q: number): Int32Array {
    const d = this.data;
    return d.passageParagraphs.subarray(d.passageParagraphStarts[q], d.passageParagraphStarts[q + 1]);
  }

  /** How many paragraphs have the text of passage `q`. */
  passageWeight(q: number): number {
    const starts = this.data.passageParagraphStarts;
    return starts[q + 1] - starts[q];
  }

  /** The paragraph occurrences behind the suffixes [from, to): each suffix counts its passage's paragraphs. */
  paragraphOccurrences(from: number, to: number): number {
    if (to - from <= 2 * WEIGHT_BLOCK) return this.scanWeights(from, to);
    return this.weightBefore(to) - this.weightBefore(from);
  }

  private scanWeights(from: number, to: number): number {
    let sum = 0;
    for (let x = from; x < to; x++) sum += this.passageWeight(this.passageAt(this.suffixAt(x)));
    return sum;
  }

  private weightBefore(x: number): number {
    const block = Math.floor(x / WEIGHT_BLOCK);
    return this.data.suffixWeights[block] + this.scanWeights(block * WEIGHT_BLOCK, x);
  }

  /**
   * The paragraphs that hold the occurrences [from, to) of the suffix array (with `whole`, only
   * occurrences at a passage's start): all of them when they are at most `limit`, else about
   * `limit` of them, evenly sampled over the occurrences and over each sampled passage's paragraphs.
   * Distinct, in suffix order.
   */
  occurrenceParagraphs(from: number, to: number, limit: number, whole = false): number[] {
    const d = this.data;
    const passages: number[] = [];
    let total = 0;
    // Whole passages are each in the range once, among the passages that end with the same text:
    // the range is read whole (up to WHOLE_SCAN suffixes), not sampled, so that none is missed.
    const step = whole && to - from <= WHOLE_SCAN ? 1 : Math.max(1, (to - from) / limit);
    for (const at of this.sampledSuffixes(from, to, step)) {
      const q = this.passageAt(at);
      if (whole && d.passageStarts[q] !== at) continue;
      passages.push(q);
      total += this.passageWeight(q);
    }
    const out = new Set<number>();
    // Each sampled passage gives its share of the limit, evenly spread over its paragraphs.
    const share = total <= limit ? Infinity : Math.max(1, Math.floor(limit / Math.max(1, passages.length)));
    for (const q of passages) {
      const list = this.passageParagraphs(q);
      if (list.length <= share) for (const p of list) out.add(p);
      else for (let k = 0; k < share; k++) out.add(list[Math.floor((k * list.length) / share)]);
    }
    return [...out];
  }

  /**
   * The starts of the suffixes lo, lo + step, lo + 2·step … below hi (each index rounded down). A
   * paged suffix array's range is read at once when it is small (one read, not one per page).
   */
  sampledSuffixes(lo: number, hi: number, step: number): number[] {
    const out: number[] = [];
    const sa = this.data.suffixes;
    if (!ArrayBuffer.isView(sa) && hi - lo <= PREFETCH_SUFFIXES) {
      const range = sa.subarray(lo, hi);
      for (let x = lo; x < hi; x += step) out.push(range[Math.floor(x) - lo]);
    } else for (let x = lo; x < hi; x += step) out.push(this.suffixAt(Math.floor(x)));
    return out;
  }

  /** Compares the suffix at `start` with `pattern`: 0 when the pattern is a prefix of it. */
  private compare(start: number, pattern: Uint16Array): number {
    const text = this.data.text;
    const n = text.length;
    // The array itself when it is in memory (the binary searches' inner loop), else page by page.
    const codes = textArray(text);
    if (codes !== undefined) {
      for (let i = 0; i < pattern.length; i++) {
        if (start + i >= n) return -1;
        const diff = codes[start + i] - pattern[i];
        if (diff !== 0) return diff;
      }
      return 0;
    }
    const at = this.textAt;
    for (let i = 0; i < pattern.length; i++) {
      if (start + i >= n) return -1;
      const diff = at(start + i) - pattern[i];
      if (diff !== 0) return diff;
    }
    return 0;
  }

  /** The suffix-array range [from, to) of suffixes that start with `pattern`, searched within [lo, hi). */
  range(pattern: Uint16Array, lo = 0, hi = this.data.suffixes.length): [number, number] {
    const sa = this.suffixAt;
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.compare(sa(mid), pattern) < 0) a = mid + 1;
      else b = mid;
    }
    const from = a;
    b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.compare(sa(mid), pattern) <= 0) a = mid + 1;
      else b = mid;
    }
    return [from, a];
  }

  /**
   * Every offset in the index's text where `phrase` occurs (as indexed: no markers, no emphasis),
   * ascending. The text holds each distinct paragraph text once (see `passageAt`).
   */
  occurrences(phrase: string): number[] {
    if (phrase.length === 0) return [];
    const [from, to] = this.range(toCodes(phrase));
    return [...this.data.suffixes.subarray(from, to)].sort((a, b) => a - b);
  }

  /** The stretch of text from `start` up to and including the (stretch+1)-th clause boundary, or the paragraph's end. */
  private stretchAt(start: number, stretch: number): Stretch | undefined {
    const text = this.data.text;
    const at = this.textAt;
    let seen = 0;
    for (let i = start; i < text.length && i - start < MAX_CONTINUATION; i++) {
      const c = at(i);
      if (c === PARAGRAPH_END) {
        // The paragraph ended before this stretch's last boundary (or right after the previous
        // stretch's boundary): a shorter stretch already says it.
        if (seen < stretch || i === start || this.boundaries.has(at(i - 1))) return undefined;
        return { text: decodeText(text, start, i), atEnd: true };
      }
      if (this.boundaries.has(c)) {
        if (seen === stretch) {
          // The boundary itself delimits the stretch: the same words end a clause mid-paragraph or at its end.
          return { text: decodeText(text, start, i + 1), atEnd: false };
        }
        seen++;
      }
    }
    return seen === stretch && at(start) !== PARAGRAPH_END ? { text: decodeText(text, start, Math.min(text.length, start + MAX_CONTINUATION)), atEnd: false } : undefined;
  }

  /** The longest ending of `before` (its last line, as indexed) that the corpus contains, with its suffix-array range. */
  longestEnding(before: string): { matched: string; range: [number, number] } | undefined {
    const line = before.slice(before.lastIndexOf('\n') + 1);
    const tail = indexedText(line).slice(-MAX_MATCH);
    if (tail.length < MIN_MATCH) return undefined;
    const rangeOf = (length: number) => this.range(toCodes(tail.slice(tail.length - length)));
    let best = rangeOf(MIN_MATCH);
    if (best[0] === best[1]) return undefined;
    // A longer ending occurs only where a shorter one does: the longest one by binary search on its
    // length (six searches of the suffix array for 40 characters, not one per length).
    let lo = MIN_MATCH;
    let hi = tail.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const found = rangeOf(mid);
      if (found[0] < found[1]) {
        lo = mid;
        best = found;
      } else hi = mid - 1;
    }
    return { matched: tail.slice(tail.length - lo), range: best };
  }

  continuations(before: string, limit = 10): Continuation[] {
    const ending = this.longestEnding(before);
    if (!ending) return [];
    const { matched } = ending;
    const [lo, hi] = ending.range;
    const step = Math.max(1, (hi - lo) / SAMPLE);
    // Group the sampled occurrences by what follows them; a group's share of the sample ranks it
    // (exactly, when the range is small enough to be read whole). An occurrence counts once for
    // each paragraph with its text.
    const groups = new Map<string, { found: Stretch; stretch: number; hits: number }>();
    const starts = this.sampledSuffixes(lo, hi, step);
    const weights = starts.map((at) => this.passageWeight(this.passageAt(at)));
    for (let stretch = 0; stretch <= MAX_STRETCH; stretch++) {
      for (let k = 0; k < starts.length; k++) {
        const found = this.stretchAt(starts[k] + matched.length, stretch);
        if (!found) continue;
        const key = `${stretch}\u0000${found.text}${found.atEnd ? '\n' : ''}`;
        const group = groups.get(key);
        if (group) group.hits += weights[k];
        else groups.set(key, { found, stretch, hits: weights[k] });
      }
    }
    // Only the best groups are counted exactly (two binary searches each) and given their documents.
    const best = [...groups.values()].sort((a, b) => b.hits - a.hits || a.stretch - b.stretch).slice(0, limit + 4);
    const items = best.map((g) => this.counted(matched, g.found, g.stretch, lo, hi));
    items.sort((a, b) => b.occurrences - a.occurrences || a.stretch - b.stretch || b.documents.length - a.documents.length || (a.text < b.text ? -1 : 1));
    return items.slice(0, limit);
  }

  /** Counts the paragraphs and documents that use `matched + found.text`. */
  private counted(matched: string, found: Stretch, stretch: number, lo: number, hi: number): Continuation {
    const pattern = toCodes(matched + found.text + (found.atEnd ? '\n' : ''));
    const [from, to] = this.range(pattern, lo, hi);
    const total = this.paragraphOccurrences(from, to);
    // A small count is exact (each paragraph once); a large one is sampled evenly for its documents.
    const exact = total <= COUNT_CAP;
    const paragraphs = this.occurrenceParagraphs(from, to, exact ? COUNT_CAP : DOCUMENT_SAMPLE);
    const documents = new Set<number>();
    for (const p of paragraphs) documents.add(this.data.paragraphDocument[p]);
    // Beyond the cap the count is of occurrences (a paragraph rarely repeats a phrase).
    const occurrences = exact ? paragraphs.length : total;
    const first = paragraphs[0] ?? this.passageParagraphs(this.passageAt(this.suffixAt(from)))[0];
    return {
      matched,
      text: found.text,
      stretch,
      occurrences,
      documents: [...new Set([...documents].map((d) => this.data.documents[d].symbol))],
      example: this.paragraph(first),
    };
  }

  /** The passages whose bigram lists are read for `q`'s bigrams, with how many each shares (rarest lists first, within a budget). */
  private sharedBigrams(queryBigrams: number[], shared: Int32Array, touched: Int32Array): number {
    const d = this.data;
    const lists: [number, number, number][] = [];
    for (const key of queryBigrams) {
      let a = 0;
      let b = d.bigramKeys.length;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (d.bigramKeys[mid] < key) a = mid + 1;
        else b = mid;
      }
      if (a < d.bigramKeys.length && d.bigramKeys[a] === key) lists.push([d.bigramCounts[a + 1] - d.bigramCounts[a], d.bigramOffsets[a], d.bigramOffsets[a + 1]]);
    }
    // Rarest bigrams first; the most common ones add little and cost most, so they may be skipped.
    lists.sort((x, y) => x[0] - y[0]);
    const postings = d.bigramPostings;
    let budget = this.postingBudget;
    let touchedCount = 0;
    for (const [n, [count, from, to]] of lists.entries()) {
      // The rarest few lists are always read: a passage much like the query shares most of them.
      if (count > budget && n >= 3) break;
      budget -= count;
      let q = -1;
      // The list's bytes at once (a view in memory; one read when the index is read on demand).
      const list = postings.subarray(from, to);
      for (let i = 0; i < list.length; ) {
        let gap = 0;
        let shift = 0;
        let byte: number;
        do {
          byte = list[i++];
          gap |= (byte & 0x7f) << shift;
          shift += 7;
        } while (byte & 0x80);
        q += gap;
        if (shared[q]++ === 0) touched[touchedCount++] = q;
      }
    }
    return touchedCount;
  }

  /** Corpus paragraphs close to `query`, best first; the same text scores 100. */
  similar(query: string, options: SimilarOptions = {}): SimilarParagraph[] {
    const limit = options.limit ?? 10;
    const minScore = options.minScore ?? 50;
    const q = similarityText(similarQuery(query));
    if (q.length < 2 || limit <= 0) return [];
    const d = this.data;
    const queryBigrams = distinctBigrams(q);
    const shared = this.sharedCounts ?? (this.sharedCounts = new Int32Array(this.passageCount));
    const touched = this.touchedPassages ?? (this.touchedPassages = new Int32Array(this.passageCount));
    const touchedCount = this.sharedBigrams(queryBigrams, shared, touched);
    const n = queryBigrams.length;
    const passageBigrams = d.passageBigrams;
    // Dice coefficient on bigrams picks the candidate passages; edit distance gives the final score.
    const top: { p: number; dice: number }[] = [];
    // Also the passages that hold most of the text's bigrams, however long (a phrase inside a long paragraph).
    const cover: { p: number; shared: number }[] = [];
    for (let k = 0; k < touchedCount; k++) {
      const p = touched[k];
      const count = shared[p];
      shared[p] = 0;
      // Kept to the best EDIT_CANDIDATES as they come (most shared, then first in the corpus): a short
      // text shares half its bigrams with a great many passages.
      if (count * 2 >= n) {
        const last = cover.length < EDIT_CANDIDATES ? undefined : cover[cover.length - 1];
        // `last` is worse than this passage: fewer shared, or as many and later in the corpus.
        if (last === undefined || last.shared < count || (last.shared === count && last.p > p)) {
          let i = cover.length < EDIT_CANDIDATES ? cover.length : cover.length - 1;
          while (i > 0 && (cover[i - 1].shared < count || (cover[i - 1].shared === count && cover[i - 1].p > p))) {
            if (i < EDIT_CANDIDATES) cover[i] = cover[i - 1];
            i--;
          }
          cover[i] = { p, shared: count };
        }
      }
      if (top.length === EDIT_CANDIDATES) {
        // A passage has at least as many bigrams as it shares, so its Dice is at most this: often
        // enough to pass it by without reading its bigram count.
        const least = top[top.length - 1].dice;
        if ((2 * count) / (n + count) <= least) continue;
      }
      const dice = (2 * count) / (n + passageBigrams[p]);
      if (top.length === EDIT_CANDIDATES && dice <= top[top.length - 1].dice) continue;
      let i = top.length === EDIT_CANDIDATES ? top.length - 1 : top.length;
      while (i > 0 && top[i - 1].dice < dice) {
        if (i < EDIT_CANDIDATES) top[i] = top[i - 1];
        i--;
      }
      top[i] = { p, dice };
    }
    /** A scored passage; `tier` ranks it (see below). */
    type Scored = { found: SimilarParagraph; passage: number; tier: number };
    const results: Scored[] = [];
    // Passages that use the text word for word are shown whatever their score (a phrase is short, its paragraph long).
    const containing = new Set<number>();
    const verbatim = indexedText(query).trim();
    if (options.containing !== false && verbatim.length >= 2) {
      const [from, to] = this.range(toCodes(verbatim));
      for (let i = from; i < Math.min(to, from + CONTAINING_CAP); i++) containing.add(this.passageAt(this.suffixAt(i)));
    }
    const seen = new Set<number>();
    const closest = options.closest ?? 0;
    /** Below the minimum, kept in case nothing reaches it (`closest`). */
    const weak: Scored[] = [];
    for (const passage of [...containing, ...top.map((c) => c.p), ...cover.slice(0, EDIT_CANDIDATES).map((c) => c.p)]) {
      if (seen.has(passage)) continue;
      seen.add(passage);
      let contains = containing.has(passage);
      const paragraph = this.paragraph(this.passageParagraphs(passage)[0]);
      const t = similarityText(paragraph.text);
      const longer = Math.max(t.length, q.length);
      // A text shorter than the paragraph: how close its best stretch comes.
      const within = contains ? 100 : options.containing !== false && q.length < t.length ? Math.floor(100 * (1 - distanceWithin(q, t) / q.length)) : undefined;
      const inside = within !== undefined && within >= WITHIN_MINIMUM;
      // Edit distance is at least the difference in length: skip what cannot reach the minimum.
      if (!contains && !inside && closest === 0 && 100 * (1 - Math.abs(t.length - q.length) / longer) < minScore) continue;
      const distance = t === q ? 0 : levenshtein(t, q);
      // Only the same text scores 100; a near miss on a long paragraph shows 99 at most.
      const score = distance === 0 ? 100 : Math.min(99, Math.floor(100 * (1 - distance / longer)));
      // The same text is no news as "contains".
      if (distance === 0) contains = false;
      const found: SimilarParagraph = { score, ...paragraph };
      if (contains) found.contains = true;
      if (inside && distance !== 0) found.within = Math.min(within, contains ? 100 : 99);
      // The same text first; then a stretch of a paragraph close to the text, by how close (a
      // paragraph no longer than the text is such a stretch of itself, as close as its score);
      // then the rest by score.
      const tier = score === 100 ? 2000 : found.within !== undefined ? 1000 + found.within : t.length <= q.length && score >= WITHIN_MINIMUM ? 1000 + score : score;
      if (!contains && !inside && score < minScore) {
        if (closest > 0) weak.push({ found, passage, tier: score });
        continue;
      }
      results.push({ found, passage, tier });
    }
    const ranked = this.expanded(results.length > 0 ? results : weak, limit);
    if (results.length === 0) return ranked.map((r) => ({ ...r, closest: true })).slice(0, Math.min(closest, limit));
    return ranked;
  }

  /**
   * Scored passages as paragraphs, best first: each passage stands for its paragraphs, which
   * rank alike and in corpus order among those of other passages of the same rank.
   */
  private expanded(scored: { found: SimilarParagraph; passage: number; tier: number }[], limit: number): SimilarParagraph[] {
    scored.sort((a, b) => b.tier - a.tier || b.found.score - a.found.score);
    const out: SimilarParagraph[] = [];
    for (let i = 0; i < scored.length && out.length < limit; ) {
      let j = i + 1;
      while (j < scored.length && scored[j].tier === scored[i].tier && scored[j].found.score === scored[i].found.score) j++;
      // One rank: the first paragraphs of each passage (as many as may be shown), in corpus order.
      const rank: { p: number; at: number }[] = [];
      for (let k = i; k < j; k++) {
        const list = this.passageParagraphs(scored[k].passage);
        for (let n = 0; n < Math.min(list.length, limit - out.length); n++) rank.push({ p: list[n], at: k });
      }
      rank.sort((a, b) => a.p - b.p);
      for (const { p, at } of rank.slice(0, limit - out.length)) {
        const { found, passage } = scored[at];
        if (p === this.passageParagraphs(passage)[0]) {
          out.push(found);
          continue;
        }
        const other: SimilarParagraph = { score: found.score, ...this.paragraph(p) };
        if (found.contains) other.contains = true;
        if (found.within !== undefined) other.within = found.within;
        out.push(other);
      }
      i = j;
    }
    return out;
  }
}
