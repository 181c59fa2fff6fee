/**
 * Continuations of agreed language found in a handful of corpus paragraphs rather than in the
 * whole corpus's suffix array: what a corpus database answers with, after it has found the
 * paragraphs that contain the text before the cursor. Same rules as the phrase index: the
 * longest ending of the line that the corpus contains, what follows it up to the first, second
 * or third clause boundary (or the paragraph's end), counted by paragraph.
 */
import { chineseAgreed, type AgreedLanguageTables } from '../lang/zh-agreed';
import { indexedText } from './corpus-paragraphs';
import { MAX_CONTINUATION, MAX_MATCH, MAX_STRETCH, MIN_MATCH } from './phrase-index';
import type { Continuation, PhraseSourceParagraph } from './types';

/** The ending of the text before the cursor that is looked up: its last line as indexed, at most `MAX_MATCH` long. */
export function endingToLookUp(before: string): string {
  const line = before.slice(before.lastIndexOf('\n') + 1);
  return indexedText(line).slice(-MAX_MATCH);
}

/** The endings of `tail` the corpus may contain, shortest first (a longer one occurs only where a shorter one does). */
export function endingLengths(tail: string): number[] {
  const lengths: number[] = [];
  for (let n = MIN_MATCH; n <= tail.length; n++) lengths.push(n);
  return lengths;
}

interface Found {
  text: string;
  atEnd: boolean;
}

function stretchAt(text: string, start: number, stretch: number, boundaries: string): Found | undefined {
  let seen = 0;
  for (let i = start; i < text.length && i - start < MAX_CONTINUATION; i++) {
    if (boundaries.includes(text[i])) {
      if (seen === stretch) return { text: text.slice(start, i + 1), atEnd: false };
      seen++;
    }
  }
  if (text.length - start > MAX_CONTINUATION) {
    // No clause boundary in sight: cut, as the index does.
    return seen === stretch ? { text: text.slice(start, start + MAX_CONTINUATION), atEnd: false } : undefined;
  }
  // The paragraph ended before this stretch's last boundary (or right after the previous stretch's boundary).
  if (seen < stretch || start >= text.length || boundaries.includes(text[text.length - 1])) return undefined;
  return { text: text.slice(start), atEnd: true };
}

function positions(text: string, phrase: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) found.push(at);
  return found;
}

/**
 * The continuations of `matched` in `paragraphs` (each must contain it, in corpus order), most used
 * first: the same grouping, counting and order as `PhraseIndex.continuations`, over these
 * paragraphs only. An occurrence's place among the others is the text after it (as in the suffix
 * array), then the paragraph's order.
 */
export function continuationsInParagraphs(
  matched: string,
  paragraphs: readonly PhraseSourceParagraph[],
  limit = 10,
  tables: AgreedLanguageTables = chineseAgreed,
): Continuation[] {
  if (matched.length === 0 || paragraphs.length === 0) return [];
  const boundaries = tables.clauseBoundaries;
  const occurrences: { p: number; at: number }[] = [];
  paragraphs.forEach((paragraph, p) => {
    for (const at of positions(paragraph.text, matched)) occurrences.push({ p, at });
  });
  // In the index's order: by the text that follows (a suffix array), then by paragraph. Groups of
  // equal use keep that order when the best are picked.
  const rest = (o: { p: number; at: number }) => paragraphs[o.p].text.slice(o.at);
  occurrences.sort((a, b) => {
    const x = rest(a);
    const y = rest(b);
    return x < y ? -1 : x > y ? 1 : a.p - b.p;
  });
  const groups = new Map<string, { found: Found; stretch: number; hits: number }>();
  for (let stretch = 0; stretch <= MAX_STRETCH; stretch++) {
    for (const o of occurrences) {
      const found = stretchAt(paragraphs[o.p].text, o.at + matched.length, stretch, boundaries);
      if (!found) continue;
      const key = `${stretch}\u0000${found.text}${found.atEnd ? '\n' : ''}`;
      const group = groups.get(key);
      if (group) group.hits++;
      else groups.set(key, { found, stretch, hits: 1 });
    }
  }
  const best = [...groups.values()].sort((a, b) => b.hits - a.hits || a.stretch - b.stretch).slice(0, limit + 4);
  const items = best.map(({ found, stretch }): Continuation => {
    const pattern = matched + found.text;
    const using: { p: number; rest: string }[] = [];
    for (const o of occurrences) {
      const text = paragraphs[o.p].text;
      if (!text.startsWith(pattern, o.at)) continue;
      if (found.atEnd && o.at + pattern.length !== text.length) continue;
      using.push({ p: o.p, rest: text.slice(o.at) + '\n' });
    }
    using.sort((a, b) => (a.rest < b.rest ? -1 : a.rest > b.rest ? 1 : a.p - b.p));
    const used = [...new Set(using.map((u) => u.p))];
    return {
      matched,
      text: found.text,
      stretch,
      occurrences: used.length,
      documents: [...new Set(used.map((p) => paragraphs[p].symbol))],
      example: paragraphs[used[0] ?? 0],
    };
  });
  items.sort((a, b) => b.occurrences - a.occurrences || a.stretch - b.stretch || b.documents.length - a.documents.length || (a.text < b.text ? -1 : 1));
  return items.slice(0, limit);
}

/**
 * A place in a paragraph text (each distinct text once, used by `uses` paragraphs) right after an
 * occurrence of the ending looked up: what a corpus database keeps for every place of every text.
 */
export interface TextPlace {
  textId: number;
  text: string;
  /** Where the continuation starts, in UTF-16 code units. */
  at: number;
  uses: number;
}

/** A continuation counted over text places: the texts that use it, in the order the places came. */
export interface PlacedContinuation {
  matched: string;
  text: string;
  stretch: number;
  /** Paragraphs (not texts) that continue `matched` this way. */
  occurrences: number;
  textIds: number[];
}

/** How many characters before `at` in `text` are the last characters of `tail` (at most its length). */
export function endingMatched(text: string, at: number, tail: string): number {
  let n = 0;
  while (n < tail.length && n < at && text.charCodeAt(at - 1 - n) === tail.charCodeAt(tail.length - 1 - n)) n++;
  return n;
}

/**
 * The continuations of `matched` after `places` (each right after an occurrence of it), most used
 * first: the grouping and order of `continuationsInParagraphs`, with each text counted as often
 * as paragraphs use it.
 */
export function continuationsAtPlaces(matched: string, places: readonly TextPlace[], limit = 10, tables: AgreedLanguageTables = chineseAgreed): PlacedContinuation[] {
  if (matched.length === 0 || places.length === 0) return [];
  const boundaries = tables.clauseBoundaries;
  // In the index's order: by the text that follows, then by text.
  const ordered = places
    .map((place) => ({ place, rest: place.text.slice(place.at) }))
    .sort((a, b) => (a.rest < b.rest ? -1 : a.rest > b.rest ? 1 : a.place.textId - b.place.textId))
    .map((o) => o.place);
  const groups = new Map<string, { found: Found; stretch: number; hits: number }>();
  for (let stretch = 0; stretch <= MAX_STRETCH; stretch++) {
    for (const place of ordered) {
      const found = stretchAt(place.text, place.at, stretch, boundaries);
      if (!found) continue;
      const key = `${stretch}\u0000${found.text}${found.atEnd ? '\n' : ''}`;
      const group = groups.get(key);
      if (group) group.hits += place.uses;
      else groups.set(key, { found, stretch, hits: place.uses });
    }
  }
  const best = [...groups.values()].sort((a, b) => b.hits - a.hits || a.stretch - b.stretch).slice(0, limit + 4);
  const items = best.map(({ found, stretch }): PlacedContinuation => {
    const textIds: number[] = [];
    let occurrences = 0;
    for (const place of ordered) {
      if (!place.text.startsWith(found.text, place.at)) continue;
      if (found.atEnd && place.at + found.text.length !== place.text.length) continue;
      if (textIds.includes(place.textId)) continue;
      textIds.push(place.textId);
      occurrences += place.uses;
    }
    return { matched, text: found.text, stretch, occurrences, textIds };
  });
  items.sort((a, b) => b.occurrences - a.occurrences || a.stretch - b.stretch || b.textIds.length - a.textIds.length || (a.text < b.text ? -1 : 1));
  return items.slice(0, limit);
}
