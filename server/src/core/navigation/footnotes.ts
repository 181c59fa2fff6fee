/** Footnotes as a drafter moves through them: from marker to text and back, renaming, inserting. */
import type { FootnoteText, ResolutionDocument } from '../model';
import { toSuperscript } from '../parse/superscript';
import type { Span } from '../text';

/** A replacement of the text at `span` (an insertion when the span is empty). */
export interface TextEdit {
  span: Span;
  newText: string;
}

/** The footnote number under the cursor: on a marker in the text, or on a footnote text's own number. */
export interface FootnoteHit {
  number: number;
  /** The marker or the footnote text's number under the cursor. */
  span: Span;
  where: 'marker' | 'text';
}

/** The footnote number at `offset` (touching the number from either side counts). */
export function footnoteAt(doc: ResolutionDocument, offset: number): FootnoteHit | undefined {
  const marker = doc.markers.find((m) => offset >= m.span.start && offset <= m.span.end);
  if (marker) return { number: marker.number, span: marker.span, where: 'marker' };
  const text = doc.footnotes.find((f) => offset >= f.numberSpan.start && offset <= f.numberSpan.end);
  if (text) return { number: text.number, span: text.numberSpan, where: 'text' };
  return undefined;
}

/** The footnote text with this number (the first one, should a number be repeated). */
export function footnoteText(doc: ResolutionDocument, number: number): FootnoteText | undefined {
  return doc.footnotes.find((f) => f.number === number);
}

/** Every place that uses a footnote number: its markers in text order, then its footnote text(s). */
export function footnoteReferences(doc: ResolutionDocument, number: number, includeText = true): Span[] {
  const spans = doc.markers.filter((m) => m.number === number).map((m) => m.span);
  if (includeText) spans.push(...doc.footnotes.filter((f) => f.number === number).map((f) => f.numberSpan));
  return spans;
}

/** Numbers in use, as markers or as footnote texts. */
export function footnoteNumbersInUse(doc: ResolutionDocument): Set<number> {
  return new Set([...doc.markers.map((m) => m.number), ...doc.footnotes.map((f) => f.number)]);
}

export type RenameResult = { edits: TextEdit[] } | { error: string };

/** Reads a new footnote number as a drafter may type it: `7` or `⁷`. */
export function readFootnoteNumber(written: string): number {
  const s = written.trim();
  if (/^\d{1,3}$/.test(s)) return Number(s);
  if (/^[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}$/.test(s)) return Number([...s].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)).join(''));
  return NaN;
}

/**
 * Renames footnote `from` to `to`: every marker and the footnote text change together. Refuses a
 * number that another footnote already uses, since the two would merge.
 */
export function renameFootnote(doc: ResolutionDocument, from: number, to: number): RenameResult {
  if (!Number.isInteger(to) || to < 1) return { error: 'A footnote number is a whole number from 1 up, e.g. 3 or ³.' };
  if (to === from) return { edits: [] };
  if (footnoteNumbersInUse(doc).has(to)) {
    return { error: `Footnote ${to} already exists; renaming footnote ${from} to ${to} would merge the two. Choose an unused number.` };
  }
  const newText = toSuperscript(to);
  return { edits: footnoteReferences(doc, from).map((span) => ({ span, newText })) };
}

/** The number a new footnote gets: one more than the highest in use (a marker inside `ignore`, being typed over, does not count). */
export function nextFootnoteNumber(doc: ResolutionDocument, ignore?: Span): number {
  let max = 0;
  const inUse = ignore
    ? [...doc.markers.filter((m) => m.span.end <= ignore.start || m.span.start >= ignore.end).map((m) => m.number), ...doc.footnotes.map((f) => f.number)]
    : footnoteNumbersInUse(doc);
  for (const n of inUse) if (Number.isFinite(n) && n > max) max = n;
  return max + 1;
}

/** How `insertFootnote` places the new footnote. */
export interface InsertFootnoteOptions {
  /** Text the marker replaces (what was typed to ask for it: `⁵`, `^`); at `offset` when absent. */
  replace?: Span;
  /** The footnote's text, when it is known (a title's standard footnote); the stub is left empty otherwise. */
  text?: string;
}

/**
 * Inserts a new footnote: a superscript marker at `offset` and a stub line `ⁿ ` for its text at the
 * end, after the `---` separator (which is created when the draft has none).
 */
export function insertFootnote(
  doc: ResolutionDocument,
  offset: number,
  options: InsertFootnoteOptions = {},
): { number: number; edits: TextEdit[]; stubOffset: number } {
  const text = doc.text;
  const at = Math.max(0, Math.min(options.replace?.start ?? offset, text.length));
  const replaced = options.replace ? Math.max(at, Math.min(options.replace.end, text.length)) : at;
  const number = nextFootnoteNumber(doc, options.replace);
  const marker = toSuperscript(number);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let stubAt: number;
  let stub: string;
  const lastFootnote = doc.footnotes[doc.footnotes.length - 1];
  if (lastFootnote && doc.footnoteSeparator && lastFootnote.span.start > doc.footnoteSeparator.start) {
    stubAt = doc.lines.lineEnd(lastFootnote.line);
    stub = `${eol}${marker} `;
  } else if (doc.footnoteSeparator) {
    stubAt = doc.lines.lineEnd(doc.lines.positionAt(doc.footnoteSeparator.start).line);
    stub = `${eol}${marker} `;
  } else {
    stubAt = text.length;
    const trailing = /(?:\r?\n)*$/.exec(text)?.[0] ?? '';
    const lead = text.length === 0 ? '' : trailing.length === 0 ? eol + eol : trailing === eol ? eol : '';
    stub = `${lead}---${eol}${marker} `;
  }
  const stubEnd = stub.length;
  stub += options.text ?? '';
  if (stubAt === replaced) {
    // One edit, so that the marker comes before the stub whatever order a client applies edits in.
    return { number, edits: [{ span: { start: at, end: replaced }, newText: marker + stub }], stubOffset: at + marker.length + stubEnd };
  }
  const edits = [{ span: { start: at, end: replaced }, newText: marker }, { span: { start: stubAt, end: stubAt }, newText: stub }];
  // Where the cursor should go to type the footnote text, in the text after both edits.
  const stubOffset = stubAt + stubEnd + (at < stubAt ? marker.length - (replaced - at) : 0);
  return { number, edits, stubOffset };
}
