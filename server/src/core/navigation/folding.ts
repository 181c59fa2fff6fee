/** The parts of a draft that fold away: heading block, preamble, each paragraph with its subparagraphs, footnotes. */
import type { Paragraph, ResolutionDocument } from '../model';
import { maxOf, minOf } from '../text';

export interface FoldingRegion {
  startLine: number;
  endLine: number;
  what: 'heading' | 'preamble' | 'paragraph' | 'section' | 'footnotes';
}

function lastLine(p: Paragraph): number {
  let line = p.line;
  for (const c of p.children) line = Math.max(line, lastLine(c));
  return line;
}

/** Folding regions, each spanning at least two lines, in text order. */
export function foldingRegions(doc: ResolutionDocument): FoldingRegion[] {
  const regions: FoldingRegion[] = [];
  const add = (startLine: number, endLine: number, what: FoldingRegion['what']) => {
    if (endLine > startLine) regions.push({ startLine, endLine, what });
  };
  // The heading block: from its first line to the title (the organ line starts the text proper).
  const headingLines = doc.heading.map((h) => h.line);
  if (doc.title) headingLines.push(doc.title.line);
  if (headingLines.length > 0) add(minOf(headingLines), maxOf(headingLines), 'heading');
  if (doc.preamble.length > 0) {
    const first = doc.preamble[0];
    add(doc.organ && doc.organ.line < first.line ? doc.organ.line : first.line, lastLine(doc.preamble[doc.preamble.length - 1]), 'preamble');
  }
  const foldParagraph = (p: Paragraph) => {
    if (p.children.length > 0) add(p.line, lastLine(p), 'paragraph');
    p.children.forEach(foldParagraph);
  };
  doc.preamble.forEach(foldParagraph);
  doc.operative.forEach(foldParagraph);
  // Sections of a numbered text: from the heading to the line before the next section.
  const textEnd = doc.footnoteSeparator ? doc.lines.positionAt(doc.footnoteSeparator.start).line - 1 : doc.lines.lineCount - 1;
  const sections = doc.sections.filter((s) => s.line <= textEnd);
  sections.forEach((s, i) => {
    const next = i + 1 < sections.length ? sections[i + 1].line - 1 : textEnd;
    let end = next;
    while (end > s.line && doc.lines.lineText(end).trim() === '') end--;
    add(s.line, end, 'section');
  });
  if (doc.footnoteSeparator && doc.footnotes.length > 0) {
    add(doc.lines.positionAt(doc.footnoteSeparator.start).line, maxOf(doc.footnotes.map((f) => f.line)), 'footnotes');
  }
  return regions.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
