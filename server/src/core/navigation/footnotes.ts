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

/**
 * The edits that give footnotes new numbers: every marker (in the text and inside footnote texts)
 * and every footnote text's own number, by one mapping old → new. Rename and renumbering share it.
 */
export function footnoteNumberEdits(doc: ResolutionDocument, mapping: ReadonlyMap<number, number>): TextEdit[] {
  const edits: TextEdit[] = [];
  const edit = (span: Span, number: number) => {
    const to = mapping.get(number);
    if (to === undefined) return;
    const newText = toSuperscript(to);
    if (doc.text.slice(span.start, span.end) !== newText) edits.push({ span, newText });
  };
  for (const m of doc.markers) edit(m.span, m.number);
  for (const f of doc.footnotes) edit(f.numberSpan, f.number);
  return edits;
}

/** The footnote text whose line holds this offset (a marker inside a footnote text). */
function footnoteHolding(doc: ResolutionDocument, offset: number): FootnoteText | undefined {
  return doc.footnotes.find((f) => offset >= f.span.start && offset < f.span.end);
}

function isComment(line: string): boolean {
  return line.trimStart().startsWith('%%');
}

/**
 * Renumbers footnotes in order of first appearance, markers and texts together, and puts the texts
 * in number order. What it keeps:
 * - every marker keeps pointing at the same text, also a marker inside a footnote text (`见上文脚注 2²`);
 * - a `%%` comment line right above a footnote text (a suppression) moves with it, a continuation
 *   line right below it too; blank lines and other comments stay where they are;
 * - numbers are given to the markers in the text first, then to those inside the footnote texts
 *   (in the new order of the texts), then to texts nothing cites, in their order: so that applying
 *   it again changes nothing.
 * With `separateReuses`, every repeated marker in the text (not inside a footnote) gets a number of
 * its own and a copy of its footnote text, placed in number order.
 */
export function renumberFootnoteEdits(doc: ResolutionDocument, options: { separateReuses?: boolean } = {}): TextEdit[] {
  const text = doc.text;
  const textOf = new Map<number, FootnoteText>();
  for (const f of doc.footnotes) if (!textOf.has(f.number)) textOf.set(f.number, f);
  const inner = new Map<FootnoteText, FootnoteMarkerLike[]>();
  const body: FootnoteMarkerLike[] = [];
  for (const m of doc.markers) {
    const holder = footnoteHolding(doc, m.span.start);
    if (holder) {
      let list = inner.get(holder);
      if (!list) inner.set(holder, (list = []));
      list.push(m);
    } else body.push(m);
  }
  const lines = doc.lines;
  // Footnote texts below the separator and below the last paragraph are put in number order; one
  // above either (a stray line that reads as a footnote, or a footnote text with a paragraph the
  // parser reads after it) keeps its place and gets its new number there: moving a line of
  // the footnotes under a paragraph could make the paragraph read it as its own.
  let separatorLine = -1;
  if (doc.footnoteSeparator) separatorLine = lines.positionAt(doc.footnoteSeparator.start).line;
  for (const p of doc.paragraphs) separatorLine = Math.max(separatorLine, lines.positionAt(p.span.end).line);
  const markersOnLine = new Map<number, FootnoteMarkerLike[]>();
  for (const m of doc.markers) {
    let list = markersOnLine.get(m.line);
    if (!list) markersOnLine.set(m.line, (list = []));
    list.push(m);
  }
  const footnoteOnLine = new Map(doc.footnotes.map((f) => [f.line, f]));
  // Each movable footnote text as a unit of lines: the comment lines right above it, and its line.
  const units = new Map<FootnoteText, { first: number; last: number }>();
  for (const f of doc.footnotes) {
    if (f.line <= separatorLine) continue;
    let first = f.line;
    while (first - 1 > separatorLine && !footnoteOnLine.has(first - 1) && isComment(lines.lineText(first - 1))) first--;
    // A footnote text the parser reads over more than one line moves whole, and so do the lines
    // right below it that are neither blank, nor a comment, nor another footnote (its continuation).
    let last = Math.max(f.line, lines.positionAt(f.span.end).line);
    while (last + 1 < lines.lineCount && !footnoteOnLine.has(last + 1) && lines.lineText(last + 1).trim() !== '' && !isComment(lines.lineText(last + 1))) last++;
    units.set(f, { first, last });
  }
  // A unit holding a marker the parser does not read as one of the text's (on a continuation
  // line it does not count to the footnote): moving it would change the order the markers are
  // read in, and so which text they get. Such a draft is too ambiguous to put in order: every
  // text keeps its place, like one above the separator, and only the numbers change. (Keeping
  // just that text in place would not do: the texts nothing cites, numbered in their order,
  // would come out in another order, and a second renumbering would change them again.)
  const stray = [...units.values()].some((u) => {
    for (let l = u.first; l <= u.last; l++) if ((markersOnLine.get(l) ?? []).some((m) => !footnoteHolding(doc, m.span.start))) return true;
    return false;
  });
  if (stray) units.clear();
  const movable = new Set(units.keys());
  const markerNumber = new Map<FootnoteMarkerLike, number>();
  const mapping = new Map<number, number>();
  /** The footnote texts in their new order (a copy repeats its source). */
  const order: { number: number; source: FootnoteText; copy: boolean }[] = [];
  const placed = new Set<FootnoteText>();
  const queue: FootnoteText[] = [];
  let next = 1;
  const assign = (old: number): number => {
    let n = mapping.get(old);
    if (n === undefined) {
      n = next++;
      mapping.set(old, n);
      const source = textOf.get(old);
      if (source && !placed.has(source)) {
        placed.add(source);
        order.push({ number: n, source, copy: false });
        queue.push(source);
      }
    }
    return n;
  };
  let done = 0;
  const drain = () => {
    for (; done < queue.length; done++) for (const m of inner.get(queue[done]) ?? []) markerNumber.set(m, assign(m.number));
  };
  for (const m of body) {
    const source = textOf.get(m.number);
    if (options.separateReuses && mapping.has(m.number) && source && movable.has(source)) {
      const n = next++;
      order.push({ number: n, source, copy: true });
      markerNumber.set(m, n);
    } else markerNumber.set(m, assign(m.number));
  }
  drain();
  for (const f of doc.footnotes) {
    if (placed.has(f)) continue;
    const n = next++;
    if (!mapping.has(f.number)) mapping.set(f.number, n);
    placed.add(f);
    order.push({ number: n, source: f, copy: false });
    queue.push(f);
    drain();
  }

  if (doc.footnotes.length === 0) {
    const edits: TextEdit[] = [];
    for (const m of body) {
      const newText = toSuperscript(markerNumber.get(m) ?? m.number);
      if (text.slice(m.span.start, m.span.end) !== newText) edits.push({ span: m.span, newText });
    }
    return edits;
  }
  const numberOf = new Map<FootnoteText, number>();
  for (const e of order) if (!e.copy) numberOf.set(e.source, e.number);
  const fixedFootnoteOnLine = new Map(doc.footnotes.filter((f) => !movable.has(f)).map((f) => [f.line, f]));
  /** A line with its markers given their new numbers; `from` skips the text's own number. */
  const render = (line: number, from = lines.lineStarts[line]): string => {
    const end = lines.lineEnd(line);
    let out = '';
    let at = from;
    const fixed = from === lines.lineStarts[line] ? fixedFootnoteOnLine.get(line) : undefined;
    if (fixed) {
      out = text.slice(at, fixed.numberSpan.start) + toSuperscript(numberOf.get(fixed) ?? fixed.number);
      at = fixed.numberSpan.end;
    }
    for (const m of markersOnLine.get(line) ?? []) {
      if (m.span.start < at || m.span.end > end) continue;
      out += text.slice(at, m.span.start) + toSuperscript(markerNumber.get(m) ?? m.number);
      at = m.span.end;
    }
    return out + text.slice(at, end);
  };
  const unitAt = new Map<number, FootnoteText>();
  let regionFirst = Infinity;
  let regionLast = -1;
  for (const [f, u] of units) {
    unitAt.set(u.first, f);
    regionFirst = Math.min(regionFirst, u.first);
    regionLast = Math.max(regionLast, u.last);
  }
  const emitted = order.filter((e) => e.copy || movable.has(e.source));
  const renderUnit = (entry: (typeof order)[number]): string[] => {
    const f = entry.source;
    const u = units.get(f) ?? { first: f.line, last: Math.max(f.line, lines.positionAt(f.span.end).line) };
    const out: string[] = [];
    if (!entry.copy) for (let l = u.first; l < f.line; l++) out.push(render(l));
    out.push(toSuperscript(entry.number) + render(f.line, f.numberSpan.end));
    const last = entry.copy ? Math.max(f.line, lines.positionAt(f.span.end).line) : u.last;
    for (let l = f.line + 1; l <= last; l++) out.push(render(l));
    return out;
  };
  const out: string[] = [];
  if (units.size === 0) {
    // Nothing to put in order; copies (separate reuses) go after the last footnote text.
    const last = doc.footnotes[doc.footnotes.length - 1].line;
    regionFirst = regionLast = last;
    out.push(render(last));
    for (const entry of emitted) out.push(...renderUnit(entry));
  } else {
    let slot = 0;
    for (let line = regionFirst; line <= regionLast; line++) {
      const f = unitAt.get(line);
      if (f) {
        const entries = slot === units.size - 1 ? emitted.slice(slot) : [emitted[slot]];
        for (const entry of entries) for (const l of renderUnit(entry)) out.push(l);
        slot++;
        line = units.get(f)!.last;
      } else out.push(render(line));
    }
  }
  const region = { start: lines.lineStarts[regionFirst], end: lines.lineEnd(regionLast) };
  const replacement = out.join(text.includes('\r\n') ? '\r\n' : '\n');
  const edits: TextEdit[] = [];
  const change = (span: Span, number: number) => {
    if (span.start >= region.start && span.end <= region.end) return;
    const newText = toSuperscript(number);
    if (text.slice(span.start, span.end) !== newText) edits.push({ span, newText });
  };
  for (const m of doc.markers) change(m.span, markerNumber.get(m) ?? m.number);
  for (const [line, f] of fixedFootnoteOnLine) if (line < regionFirst || line > regionLast) change(f.numberSpan, numberOf.get(f) ?? f.number);
  if (text.slice(region.start, region.end) !== replacement) edits.push({ span: region, newText: replacement });
  return edits;
}

type FootnoteMarkerLike = ResolutionDocument['markers'][number];
