/**
 * Provenance of a draft's paragraphs: how much of each is agreed language (covered by stretches
 * of at least 8 characters that the corpus contains), which corpus paragraph is closest, which
 * documents use its wording, and where the new language is.
 *
 * A character is covered exactly when some 8-character window around it occurs in the corpus:
 * every 8-character part of a longer shared stretch occurs too. So coverage is the union of the
 * draft's 8-character windows that the suffix array finds, one binary search each.
 */
import { chineseAgreed } from '../lang/zh-agreed';
import type { ResolutionDocument } from '../model';
import { levenshtein } from './edit-distance';
import { similarityText, type PhraseIndex } from './phrase-index';
import type { PhraseSourceParagraph } from './types';

/** The shortest stretch that counts as agreed language. */
export const AGREED_STRETCH = 8;
/** Occurrences of one window mapped to paragraphs (evenly sampled beyond). */
const OCCURRENCE_SAMPLE = 32;
/** Occurrences of a whole paragraph looked at for the same text as a corpus paragraph. */
const EXACT_SAMPLE = 64;
/** Candidates scored by edit distance. */
const SCORED_CANDIDATES = 3;
/** The lowest score shown as the closest paragraph (as `search` shows matches). */
export const CLOSEST_MIN_SCORE = 50;
/** Sources listed per paragraph. */
const SOURCE_LIMIT = 5;

/** A corpus paragraph that uses some of a draft paragraph's wording. */
export interface ProvenanceSource extends PhraseSourceParagraph {
  /** Share (0–100) of the draft paragraph's characters in stretches this paragraph shares. */
  shared: number;
}

/** The closest corpus paragraph, with its match score (0–100, 100 = the same text). */
export interface ClosestParagraph extends PhraseSourceParagraph {
  score: number;
}

/** What is known of one paragraph's text, whatever line it stands on (kept per text, so a change recomputes only its paragraph). */
export interface TextProvenance {
  /** Characters of the text that count (markers, `**` and surrounding white space left out). */
  length: number;
  /** 0–100: share of those characters inside agreed stretches. */
  agreed: number;
  /** Ranges [start, end) of new language in the indexed text (see `indexedWithMap`). */
  newRanges: [number, number][];
  closest?: ClosestParagraph;
  /** Documents using the wording, one paragraph each, most shared first. */
  sources: ProvenanceSource[];
}

/** One paragraph of a draft and its provenance, placed in the draft. */
export interface ParagraphProvenance extends TextProvenance {
  /** 0-based line of the paragraph. */
  line: number;
  /** Character offset of the paragraph's body (after the label) in its line. */
  bodyStart: number;
  /** New-language ranges [start, end) as character offsets in the line. */
  newInLine: [number, number][];
}

/** Superscript digits: footnote markers. */
const MARKERS = new Set([...'⁰¹²³⁴⁵⁶⁷⁸⁹'].map((c) => c.charCodeAt(0)));

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3000 || code === 0xa0;
}

/**
 * The text as the index keeps it (no footnote markers and the space after them, no `**`, trimmed),
 * with the offset in `text` of each of its characters, so that ranges can be placed back.
 */
export function indexedWithMap(text: string): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (MARKERS.has(c)) {
      while (i + 1 < text.length && MARKERS.has(text.charCodeAt(i + 1))) i++;
      while (i + 1 < text.length && (text[i + 1] === ' ' || text[i + 1] === '\t')) i++;
      continue;
    }
    if (c === 0x2a && text.charCodeAt(i + 1) === 0x2a) {
      i++;
      continue;
    }
    out += c === 0x0d || c === 0x0a ? ' ' : text[i];
    map.push(i);
  }
  let start = 0;
  let end = out.length;
  while (start < end && isSpace(out.charCodeAt(start))) start++;
  while (end > start && isSpace(out.charCodeAt(end - 1))) end--;
  return start === 0 && end === out.length ? { text: out, map } : { text: out.slice(start, end), map: map.slice(start, end) };
}

function codes(s: string): Uint16Array {
  const a = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
  return a;
}

/** The session a symbol belongs to (A/RES/76/54 → 76), to prefer newer documents; 0 when it has none. */
function sessionOf(symbol: string): number {
  const m = /^A\/(?:RES\/)?(?:ES-\d+\/)?(\d{1,3})\//.exec(symbol) ?? /\/(\d{4})\//.exec(symbol);
  if (!m) return 0;
  const n = Number(m[1]);
  // A conference year (NPT/CONF.2020/…) is put on the session scale (the 75th session opened in 2020).
  return n > 1900 ? n - 1945 : n;
}

/**
 * Computes paragraph provenance against one phrase index, remembering results per text so that a
 * draft being edited recomputes only the paragraphs that changed.
 */
export class ProvenanceFinder {
  private readonly cache = new Map<string, TextProvenance>();
  /** Each corpus document's session (see `sessionOf`), worked out on first use. */
  private sessions?: Int32Array;

  constructor(readonly index: PhraseIndex, private readonly cacheLimit = 20_000) {}

  /** Provenance of one text (a paragraph's body as written: markers and `**` are left out here). */
  ofText(written: string): TextProvenance {
    return this.ofIndexed(indexedWithMap(written).text);
  }

  /** Provenance of a text already as the index keeps it. */
  private ofIndexed(text: string): TextProvenance {
    const cached = this.cache.get(text);
    if (cached) return cached;
    const result = this.compute(text);
    if (this.cache.size >= this.cacheLimit) this.cache.clear();
    this.cache.set(text, result);
    return result;
  }

  /** Whether `ofText` would answer from memory (no search). */
  known(written: string): boolean {
    return this.cache.has(indexedWithMap(written).text);
  }

  /** Provenance of every paragraph (subparagraphs included) of a parsed draft. */
  ofDraft(model: ResolutionDocument): ParagraphProvenance[] {
    return model.paragraphs.map((p) => this.ofParagraph(model, p.index)).filter((p): p is ParagraphProvenance => p !== undefined);
  }

  /** Provenance of the paragraph `model.paragraphs[i]`; undefined when its body is empty. */
  ofParagraph(model: ResolutionDocument, i: number): ParagraphProvenance | undefined {
    const p = model.paragraphs[i];
    const written = model.text.slice(p.body.start, p.body.end);
    const { text, map } = indexedWithMap(written);
    if (text.length === 0) return undefined;
    const known = this.ofIndexed(text);
    const lineStart = model.lines.offsetAt({ line: p.line, character: 0 });
    const bodyStart = p.body.start - lineStart;
    const newInLine: [number, number][] = known.newRanges.map(([s, e]) => [bodyStart + map[s], bodyStart + map[e - 1] + 1]);
    return { ...known, line: p.line, bodyStart, newInLine };
  }

  /**
   * The longest stretch of `q` from `i` that the corpus contains (at least AGREED_STRETCH code
   * units, else length 0), with the suffix-array range of the suffixes that begin with it. The
   * range narrows one character at a time, so a long stretch costs little more than a short one.
   */
  private longestAt(q: Uint16Array, i: number): { length: number; range: [number, number] } {
    const index = this.index;
    let [lo, hi] = index.range(q.subarray(i, i + AGREED_STRETCH));
    if (lo === hi) return { length: 0, range: [lo, hi] };
    const sa = index.suffixAt;
    const t = index.data.text;
    const code = index.textAt;
    let length = AGREED_STRETCH;
    while (i + length < q.length) {
      const c = q[i + length];
      if (hi - lo === 1) {
        // One suffix left: read on along the corpus text.
        const at = sa(lo);
        while (i + length < q.length && at + length < t.length && code(at + length) === q[i + length]) length++;
        break;
      }
      // The suffixes in [lo, hi) share `length` characters and are sorted: those with c next form a run.
      let a = lo;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (code(sa(mid) + length) < c) a = mid + 1;
        else b = mid;
      }
      let e = a;
      b = hi;
      while (e < b) {
        const mid = (e + b) >>> 1;
        if (code(sa(mid) + length) <= c) e = mid + 1;
        else b = mid;
      }
      if (a === e) break;
      lo = a;
      hi = e;
      length++;
    }
    return { length, range: [lo, hi] };
  }

  private compute(text: string): TextProvenance {
    const index = this.index;
    const n = text.length;
    const covered = new Uint8Array(n);
    const q = codes(text);
    // Stretches of at least 8 characters: from each position the longest one the corpus has, then
    // on from just before its end (a window inside a found stretch occurs too, no search needed).
    const stretches: { at: number; length: number; range: [number, number] }[] = [];
    const whole = n >= AGREED_STRETCH ? index.range(q) : ([0, 0] as [number, number]);
    if (whole[0] < whole[1]) {
      covered.fill(1);
      stretches.push({ at: 0, length: n, range: whole });
    } else {
      for (let i = 0; i + AGREED_STRETCH <= n; ) {
        const found = this.longestAt(q, i);
        if (found.length === 0) {
          i++;
          continue;
        }
        covered.fill(1, i, i + found.length);
        stretches.push({ at: i, ...found });
        if (i + found.length >= n) break;
        i = Math.max(i + 1, i + found.length - AGREED_STRETCH + 1);
      }
    }
    // Each stretch counts its length for each paragraph that has it (a sample of them when it is common).
    const votes = new Map<number, number>();
    for (const w of stretches) {
      const [from, to] = w.range;
      for (const p of index.occurrenceParagraphs(from, to, OCCURRENCE_SAMPLE)) {
        if (index.kind(p) === 'footnote') continue;
        votes.set(p, (votes.get(p) ?? 0) + w.length);
      }
    }
    let agreedCount = 0;
    const newRanges: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      if (covered[i]) {
        agreedCount++;
        continue;
      }
      // White space between two agreed stretches is not new language by itself; it joins a new range only inside one.
      if (newRanges.length > 0 && newRanges[newRanges.length - 1][1] === i) newRanges[newRanges.length - 1][1] = i + 1;
      else newRanges.push([i, i + 1]);
    }
    // Nor is the paragraph's closing mark alone, after agreed text: a preambular paragraph taken
    // word for word into the operative part ends in ； or 。 instead of ，, its words unchanged.
    const spaceOnly = (r: [number, number]) => {
      const stretch = text.slice(r[0], r[1]).trim();
      return stretch.length === 0 || (r[1] === n && r[0] > 0 && covered[r[0] - 1] === 1 && [...stretch].every((ch) => chineseAgreed.clauseBoundaries.includes(ch)));
    };
    const cleanRanges = newRanges.filter((r) => !spaceOnly(r));
    const counted = n - newRanges.filter(spaceOnly).reduce((s, r) => s + r[1] - r[0], 0);
    const agreed = counted === 0 ? 0 : Math.round((100 * (agreedCount)) / Math.max(1, counted));
    const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1] || this.newer(a[0], b[0]));
    const closest = this.closest(text, whole, ranked);
    const sources: ProvenanceSource[] = [];
    const documents = new Set<number>();
    for (const [p, v] of ranked) {
      const d = index.data.paragraphDocument[p];
      if (documents.has(d)) continue;
      documents.add(d);
      sources.push({ ...index.paragraph(p), shared: Math.min(100, Math.round((100 * v) / Math.max(1, n))) });
      if (sources.length === SOURCE_LIMIT) break;
    }
    return { length: counted, agreed: Math.min(100, agreed), newRanges: cleanRanges, ...(closest ? { closest } : {}), sources };
  }

  /** Orders two corpus paragraphs newest document first, then in corpus order. */
  private newer(a: number, b: number): number {
    const docs = this.index.data.documents;
    const sessions = (this.sessions ??= Int32Array.from(docs, (d) => sessionOf(d.symbol)));
    const owner = this.index.data.paragraphDocument;
    return sessions[owner[b]] - sessions[owner[a]] || a - b;
  }

  private closest(text: string, whole: [number, number], ranked: [number, number][]): ClosestParagraph | undefined {
    const index = this.index;
    // The same text as a whole corpus paragraph: the newest such paragraph.
    if (whole[0] < whole[1]) {
      const [from, to] = index.range(codes(text + '\n'), whole[0], whole[1]);
      // A text repeated across a large corpus: an even sample of its paragraphs.
      const exact = index.occurrenceParagraphs(from, to, EXACT_SAMPLE, true);
      const body = exact.filter((p) => index.kind(p) !== 'footnote');
      if (body.length > 0) return { ...index.paragraph(body.sort((a, b) => this.newer(a, b))[0]), score: 100 };
    }
    const q = similarityText(text);
    let best: ClosestParagraph | undefined;
    const top = ranked[0]?.[1] ?? 0;
    for (const [p, shared] of ranked.slice(0, SCORED_CANDIDATES)) {
      // A candidate sharing much less wording than the first is not closer.
      if (shared < top / 2) break;
      const paragraph = index.paragraph(p);
      const t = similarityText(paragraph.text);
      const longer = Math.max(t.length, q.length);
      if (longer === 0) continue;
      // The distance is at least the difference in length: skip what cannot beat the best so far.
      const bound = Math.floor(100 * (1 - Math.abs(t.length - q.length) / longer));
      if (bound < CLOSEST_MIN_SCORE || (best && bound <= best.score)) continue;
      const distance = t === q ? 0 : levenshtein(t, q);
      const score = distance === 0 ? 100 : Math.min(99, Math.floor(100 * (1 - distance / longer)));
      if (score >= CLOSEST_MIN_SCORE && (!best || score > best.score)) best = { ...paragraph, score };
    }
    return best;
  }
}
