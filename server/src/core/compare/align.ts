/**
 * Aligns the paragraphs of a draft with those of an earlier text (last year's resolution), and
 * marks each `unchanged`, `changed`, `new`, `deleted` or `moved`. Paragraphs are compared on their
 * text after the label, so renumbered operative paragraphs still align; dates, symbols and the
 * numbers of cited resolutions are set aside when pairing, so a paragraph whose only change is a
 * date or a symbol pairs with its old self (and is shown as changed, with that date).
 */
import { corpusParagraphs, indexedText } from '../agreed/corpus-paragraphs';
import type { Paragraph, ResolutionDocument, Span } from '../model';
import { diffText, type DiffPiece } from './diff';

export type ParagraphStatus = 'unchanged' | 'changed' | 'new' | 'deleted' | 'moved';

/** One paragraph of the comparison. Lines are 0-based. */
export interface ParagraphComparison {
  status: ParagraphStatus;
  /** The draft's line (absent for a deleted paragraph). */
  line?: number;
  /** The earlier text's line (absent for a new paragraph). */
  withLine?: number;
  /** `执行部分第 3 段` in the draft and in the earlier text. */
  where?: string;
  withWhere?: string;
  /** The paragraph's text in the draft and in the earlier text (after the label, markers and `**` left out). */
  text?: string;
  withText?: string;
  /** Of a changed or moved paragraph: what the draft adds and what it takes out, piece by piece. */
  inserted: string[];
  deleted: string[];
  /** The whole difference, in order (for reports). */
  pieces?: DiffPiece[];
}

/**
 * The lowest similarity (0–1, bigram Dice on the text without dates and symbols) at which two
 * paragraphs pair: a paragraph carried over from one year to the next and reworded keeps about half
 * of its character pairs (76/54 and 73/62: 0.4–0.9), unrelated paragraphs on the subject share 0.1–0.3.
 */
export const PAIR_THRESHOLD = 0.4;

interface Unit {
  paragraph: Paragraph;
  where: string;
  /** The text as compared for sameness (markers and `**` left out, white space removed). */
  same: string;
  /** As shown in reports and diffs. */
  text: string;
  /** Without dates, symbols and citation numbers, for pairing. */
  key: string;
  /** Distinct character pairs of `key` (two code units as one number), ascending. */
  bigrams: Uint32Array;
}

const SET_ASIDE = '\u0000';

function units(model: ResolutionDocument): Unit[] {
  const where = new Map(corpusParagraphs(model).map((p) => [p.line, p.where]));
  const setAside: Span[] = [...model.dates.map((d) => d.span), ...model.symbols.map((s) => s.span), ...model.citations.map((c) => c.numberSpan)];
  const result: Unit[] = [];
  for (const p of model.paragraphs) {
    const written = model.text.slice(p.body.start, p.body.end);
    const text = indexedText(written).trim();
    if (text.length === 0) continue;
    let keyed = '';
    let at = p.body.start;
    for (const s of setAside.filter((s) => s.start >= p.body.start && s.end <= p.body.end).sort((x, y) => x.start - y.start)) {
      if (s.start < at) continue;
      keyed += model.text.slice(at, s.start) + SET_ASIDE;
      at = s.end;
    }
    keyed += model.text.slice(at, p.body.end);
    const key = indexedText(keyed).replace(/\s+/g, '');
    const pairs = new Uint32Array(Math.max(0, key.length - 1));
    for (let i = 0; i + 1 < key.length; i++) pairs[i] = ((key.charCodeAt(i) << 16) | key.charCodeAt(i + 1)) >>> 0;
    pairs.sort();
    let distinct = 0;
    for (let i = 0; i < pairs.length; i++) if (i === 0 || pairs[i] !== pairs[i - 1]) pairs[distinct++] = pairs[i];
    const bigrams = pairs.slice(0, distinct);
    result.push({ paragraph: p, where: where.get(p.line) ?? '', same: text.replace(/\s+/g, ''), text, key, bigrams });
  }
  return result;
}

function similarity(a: Unit, b: Unit): number {
  if (a.key === b.key) return 1;
  const x = a.bigrams;
  const y = b.bigrams;
  if (x.length === 0 || y.length === 0) return 0;
  // Both lists are sorted: one merge counts the pairs they share.
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) {
      shared++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return (2 * shared) / (x.length + y.length);
}

function pairRecord(status: ParagraphStatus, before: Unit, after: Unit): ParagraphComparison {
  const record: ParagraphComparison = {
    status,
    line: after.paragraph.line,
    withLine: before.paragraph.line,
    where: after.where,
    withWhere: before.where,
    text: after.text,
    withText: before.text,
    inserted: [],
    deleted: [],
  };
  if (before.same !== after.same) {
    const pieces = diffText(before.text, after.text);
    record.pieces = pieces;
    record.inserted = pieces.filter((p) => p.kind === 'inserted').map((p) => p.text);
    record.deleted = pieces.filter((p) => p.kind === 'deleted').map((p) => p.text);
  }
  return record;
}

/** Pairs of paragraphs whose text (dates and symbols aside) occurs once in each, the longest run of them in the same order. */
function anchorPairs(a: Unit[], b: Unit[]): [number, number][] {
  const count = (units: Unit[]) => {
    const c = new Map<string, number>();
    for (const u of units) c.set(u.key, (c.get(u.key) ?? 0) + 1);
    return c;
  };
  const inA = count(a);
  const inB = count(b);
  const whereA = new Map(a.map((u, i) => [u.key, i]));
  const candidates: [number, number][] = [];
  b.forEach((u, j) => {
    if (inA.get(u.key) === 1 && inB.get(u.key) === 1) candidates.push([whereA.get(u.key) as number, j]);
  });
  // Longest increasing run of the earlier positions (patience sorting), in the draft's order.
  const tails: number[] = [];
  const previous = new Int32Array(candidates.length).fill(-1);
  candidates.forEach(([i], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[tails[mid]][0] < i) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1];
    tails[lo] = k;
  });
  const run: [number, number][] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) run.push(candidates[k]);
  return run.reverse();
}

/** Pairs, in order, the paragraphs a[i0, i1) with b[j0, j1) that carry most similarity (a weighted longest common subsequence). */
function alignGap(a: Unit[], b: Unit[], i0: number, i1: number, j0: number, j1: number, pairOfA: Int32Array, pairOfB: Int32Array): void {
  const n = i1 - i0;
  const m = j1 - j0;
  if (n <= 0 || m <= 0) return;
  const sim = new Float32Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) sim[i * m + j] = similarity(a[i0 + i], b[j0 + j]);
  const W = m + 1;
  const best = new Float64Array((n + 1) * W);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      let v = Math.max(best[(i + 1) * W + j], best[i * W + j + 1]);
      const s = sim[i * m + j];
      if (s >= PAIR_THRESHOLD) v = Math.max(v, s + best[(i + 1) * W + j + 1]);
      best[i * W + j] = v;
    }
  }
  for (let i = 0, j = 0; i < n && j < m; ) {
    const s = sim[i * m + j];
    if (s >= PAIR_THRESHOLD && best[i * W + j] === s + best[(i + 1) * W + j + 1]) {
      pairOfA[i0 + i] = j0 + j;
      pairOfB[j0 + j] = i0 + i;
      i++;
      j++;
    } else if (best[i * W + j] === best[(i + 1) * W + j]) i++;
    else j++;
  }
}

/**
 * Every paragraph of `draft` against `earlier`, in the draft's order; a deleted paragraph stands
 * where it stood in the earlier text, after the paragraphs that preceded it there.
 */
export function compareDrafts(draft: ResolutionDocument, earlier: ResolutionDocument): ParagraphComparison[] {
  const a = units(earlier);
  const b = units(draft);
  const n = a.length;
  const m = b.length;
  const pairOfA = new Int32Array(n).fill(-1);
  const pairOfB = new Int32Array(m).fill(-1);
  const moved = new Uint8Array(m);
  // Anchors first: texts (dates and symbols aside) found once in each, in the same order (the
  // longest such run). Most paragraphs carry over, so the table below is only built in the gaps.
  const anchors = anchorPairs(a, b);
  let i0 = 0;
  let j0 = 0;
  for (const [ia, jb] of [...anchors, [n, m] as [number, number]]) {
    alignGap(a, b, i0, ia, j0, jb, pairOfA, pairOfB);
    if (ia < n) {
      pairOfA[ia] = jb;
      pairOfB[jb] = ia;
    }
    i0 = ia + 1;
    j0 = jb + 1;
  }
  // What is left pairs out of order: moved paragraphs, most similar first.
  const left: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < n; i++) {
    if (pairOfA[i] >= 0) continue;
    for (let j = 0; j < m; j++) {
      if (pairOfB[j] >= 0) continue;
      const s = similarity(a[i], b[j]);
      if (s >= PAIR_THRESHOLD) left.push({ i, j, s });
    }
  }
  left.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  for (const { i, j } of left) {
    if (pairOfA[i] >= 0 || pairOfB[j] >= 0) continue;
    pairOfA[i] = j;
    pairOfB[j] = i;
    moved[j] = 1;
  }
  const result: ParagraphComparison[] = [];
  let nextA = 0;
  const deletedUpTo = (limit: number) => {
    for (; nextA < limit; nextA++) {
      if (pairOfA[nextA] >= 0) continue;
      const u = a[nextA];
      result.push({ status: 'deleted', withLine: u.paragraph.line, withWhere: u.where, withText: u.text, inserted: [], deleted: [u.text] });
    }
  };
  for (let j = 0; j < m; j++) {
    const i = pairOfB[j];
    const u = b[j];
    if (i < 0) {
      result.push({ status: 'new', line: u.paragraph.line, where: u.where, text: u.text, inserted: [u.text], deleted: [] });
      continue;
    }
    if (moved[j]) {
      result.push(pairRecord('moved', a[i], u));
      continue;
    }
    deletedUpTo(i);
    nextA = Math.max(nextA, i + 1);
    const record = pairRecord(a[i].same === u.same ? 'unchanged' : 'changed', a[i], u);
    result.push(record);
  }
  deletedUpTo(n);
  return result;
}

/** How many paragraphs of each status. */
export function comparisonCounts(paragraphs: ParagraphComparison[]): Record<ParagraphStatus, number> {
  const counts: Record<ParagraphStatus, number> = { unchanged: 0, changed: 0, new: 0, deleted: 0, moved: 0 };
  for (const p of paragraphs) counts[p.status]++;
  return counts;
}
