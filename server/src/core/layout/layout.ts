/**
 * One document layout, made from the parsed draft, that the Word export and the preview both
 * render: so the two never disagree about how a resolution looks. A block is one line of the
 * draft (one paragraph in a word processor) with its role and its runs of text.
 */
import type { FootnoteMarker, HeadingField, LabelStyle, ResolutionDocument } from '../model';
import { parseDraft } from '../parse/parser';
import { toSuperscript } from '../parse/superscript';

export type BlockRole =
  | 'heading' // a line of the heading block (大 会, 第七十六届会议, the adoption line …)
  | 'title' // 76/54. …
  | 'organ' // 大会，
  | 'preambular'
  | 'operative' // 1. … (or an unnumbered operative paragraph)
  | 'subparagraph' // (a) …, ㈠ …
  | 'section' // a section heading between paragraphs, 附件
  | 'closing' // the closing date and meeting
  | 'text'; // anything else the parser kept as a line of its own

/** A stretch of text with one look. A footnote marker is a run of its own. */
export interface Run {
  text: string;
  bold?: boolean;
  /** The footnote number when the run is a marker (`¹` → 1). */
  footnote?: number;
}

export interface LayoutBlock {
  role: BlockRole;
  /** Zero-based line of the draft, for revealing and scroll sync. */
  line: number;
  /** 0 for paragraphs, 1 for (a), 2 for ㈠ / (i). */
  level: number;
  /** The label as written (`1.`, `(a)`, `㈠`), apart from the runs. */
  label?: string;
  labelStyle?: LabelStyle;
  labelValue?: number;
  /** For operative paragraphs: the numbered list they belong to (restarts after `…：`). */
  sequence?: number;
  headingField?: HeadingField;
  runs: Run[];
}

export interface LayoutFootnote {
  number: number;
  line: number;
  runs: Run[];
}

export interface DocumentLayout {
  blocks: LayoutBlock[];
  footnotes: LayoutFootnote[];
  /** The draft's own symbol (A/RES/76/54) when it is known: a running head. */
  symbol?: string;
}

/**
 * Splits a stretch of a draft into runs: `**…**` bold (as the parser found it), footnote markers
 * where the parser found them (`markers`, by start offset): superscripts (`¹`) and the plain digits
 * of older Security Council texts (`…通过。 1`), whose space before the digit is no part of the text.
 */
function runsOf(doc: ResolutionDocument, start: number, end: number, delimiters: Set<number>, markers: Map<number, FootnoteMarker>): Run[] {
  const text = doc.text;
  const runs: Run[] = [];
  let bold = false;
  let buffer = '';
  const flush = () => {
    if (buffer) runs.push(bold ? { text: buffer, bold: true } : { text: buffer });
    buffer = '';
  };
  for (let i = start; i < end; i++) {
    if (delimiters.has(i)) {
      flush();
      bold = !bold;
      i++;
      continue;
    }
    const marker = markers.get(i);
    if (marker) {
      const plain = /^\d/.test(text[i]);
      if (plain) buffer = buffer.replace(/[ \t\u3000]+$/, '');
      flush();
      runs.push({ text: toSuperscript(marker.number), footnote: marker.number });
      i = marker.span.end - 1;
      continue;
    }
    buffer += text[i];
  }
  flush();
  return runs;
}

/** The layout of a parsed draft (or of its text). Comment lines and blank lines are no part of it. */
export function layoutOf(input: ResolutionDocument | string): DocumentLayout {
  const doc = typeof input === 'string' ? parseDraft(input) : input;
  const delimiters = new Set<number>();
  for (const e of doc.emphasis) {
    delimiters.add(e.span.start);
    delimiters.add(e.innerSpan.end);
  }
  const markers = new Map<number, FootnoteMarker>();
  // A plain-digit marker stands after the end of the paragraph the parser read (its ending is read without it).
  const lastMarkerEnd = new Map<number, number>();
  for (const m of doc.markers) {
    markers.set(m.span.start, m);
    lastMarkerEnd.set(m.line, Math.max(lastMarkerEnd.get(m.line) ?? 0, m.span.end));
  }
  const runs = (from: number, to: number): Run[] => {
    const n = doc.lines.positionAt(to).line;
    return runsOf(doc, from, Math.max(to, lastMarkerEnd.get(n) ?? 0), delimiters, markers);
  };
  const blocks: LayoutBlock[] = [];
  const byLine = new Map<number, LayoutBlock>();
  const add = (b: LayoutBlock) => byLine.set(b.line, b);
  const line = (n: number) => {
    const start = doc.lines.lineStarts[n];
    let s = start;
    let e = doc.lines.lineEnd(n);
    while (s < e && /\s/.test(doc.text[s])) s++;
    while (e > s && /\s/.test(doc.text[e - 1])) e--;
    return { start: s, end: e };
  };
  for (const h of doc.heading) add({ role: 'heading', line: h.line, level: 0, headingField: h.field, runs: runs(h.span.start, h.span.end) });
  if (doc.title) add({ role: 'title', line: doc.title.line, level: 0, runs: runs(doc.title.span.start, doc.title.span.end) });
  if (doc.organ) add({ role: 'organ', line: doc.organ.line, level: 0, runs: runs(doc.organ.span.start, doc.organ.span.end) });
  for (const p of doc.paragraphs) {
    const role = p.kind === 'preambular' ? 'preambular' : p.kind === 'subparagraph' ? 'subparagraph' : 'operative';
    add({
      role,
      line: p.line,
      level: p.level,
      label: p.label?.text,
      labelStyle: p.label?.style,
      labelValue: p.label?.value,
      sequence: p.sequence,
      runs: runs(p.body.start, p.span.end),
    });
  }
  for (const s of doc.sections) add({ role: 'section', line: s.line, level: 0, runs: runs(s.span.start, s.span.end) });
  const closingLines = [doc.closing.dateLine ? doc.lines.positionAt(doc.closing.dateLine.start).line : undefined, doc.closing.meeting?.line];
  for (const n of closingLines) if (n !== undefined) add({ role: 'closing', line: n, level: 0, runs: runs(line(n).start, line(n).end) });
  const footnoteLines = new Set(doc.footnotes.map((f) => f.line));
  const separatorLine = doc.footnoteSeparator ? doc.lines.positionAt(doc.footnoteSeparator.start).line : doc.lines.lineCount;
  const commentLines = new Set(doc.comments.map((c) => c.line));
  // Lines the parser did not place (its notes name them) are kept as plain text: nothing is lost.
  for (let n = 0; n < separatorLine; n++) {
    if (byLine.has(n) || commentLines.has(n) || footnoteLines.has(n)) continue;
    const { start, end } = line(n);
    if (start === end) continue;
    add({ role: 'text', line: n, level: 0, runs: runs(start, end) });
  }
  for (const n of [...byLine.keys()].sort((a, b) => a - b)) blocks.push(byLine.get(n)!);
  const footnotes = doc.footnotes.map((f) => ({ number: f.number, line: f.line, runs: runs(f.textSpan.start, f.textSpan.end) }));
  return { blocks, footnotes, symbol: doc.facts.symbol };
}

/** The text of a block as the draft writes it after its label (bold as `**…**`, markers as `¹`). */
export function runsText(runs: Run[]): string {
  return runs.map((r) => (r.bold && !r.footnote ? `**${r.text}**` : r.text)).join('');
}
