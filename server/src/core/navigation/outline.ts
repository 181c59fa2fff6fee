/** The outline of a draft as a drafter reads it: title, preamble, operative paragraphs, sections, footnotes. */
import type { Paragraph, ResolutionDocument } from '../model';
import type { Span } from '../text';

export type OutlineKind = 'title' | 'preamble' | 'preambular' | 'operative' | 'subparagraph' | 'section' | 'footnotes' | 'footnote';

export interface OutlineEntry {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The whole extent, children included. */
  span: Span;
  /** What to select: the number, the opener, or the line. */
  selection: Span;
  children: OutlineEntry[];
}

function clip(text: string, span: Span, length: number): string {
  const s = text.slice(span.start, span.end).replace(/\*\*/g, '').trim();
  return s.length > length ? s.slice(0, length) + '…' : s;
}

function lastDescendant(p: Paragraph): Paragraph {
  return p.children.length > 0 ? lastDescendant(p.children[p.children.length - 1]) : p;
}

function paragraphEntry(doc: ResolutionDocument, p: Paragraph): OutlineEntry {
  const label = p.label?.text ?? '';
  // The opener names the paragraph as drafters cite it (`5. 重申`); a subparagraph by its first words.
  const words = p.opener && p.kind !== 'subparagraph' ? p.opener.text : clip(doc.text, p.body, 12);
  return {
    name: `${label} ${words}`.trim() || '…',
    detail: clip(doc.text, p.body, 40),
    kind: p.kind === 'subparagraph' ? 'subparagraph' : p.part === 'preamble' ? 'preambular' : 'operative',
    span: { start: p.span.start, end: lastDescendant(p).span.end },
    selection: p.label?.span ?? p.opener?.span ?? p.span,
    children: p.children.map((c) => paragraphEntry(doc, c)),
  };
}

/** The outline tree. Operative paragraphs stand at the top, or under their section in a numbered text. */
export function outlineEntries(doc: ResolutionDocument): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  if (doc.title) {
    entries.push({
      name: doc.title.number ? `${doc.title.number}. ${doc.title.title}` : doc.title.title,
      kind: 'title',
      span: doc.title.span,
      selection: doc.title.numberSpan ?? doc.title.titleSpan,
      children: [],
    });
  }
  if (doc.preamble.length > 0) {
    const first = doc.preamble[0];
    const last = lastDescendant(doc.preamble[doc.preamble.length - 1]);
    entries.push({
      name: '序言部分',
      detail: `${doc.preamble.length} 段`,
      kind: 'preamble',
      span: { start: first.span.start, end: last.span.end },
      selection: first.opener?.span ?? first.span,
      children: doc.preamble.map((p) => paragraphEntry(doc, p)),
    });
  }
  // Sections (一. 核裁军) gather the paragraphs up to the next section.
  const sections = [...doc.sections].sort((a, b) => a.line - b.line);
  const sectionEntries = sections.map<OutlineEntry>((s) => ({ name: s.text, kind: 'section', span: { ...s.span }, selection: s.span, children: [] }));
  for (const p of doc.operative) {
    const entry = paragraphEntry(doc, p);
    let index = -1;
    for (let i = 0; i < sections.length; i++) if (sections[i].line < p.line) index = i;
    if (index < 0) entries.push(entry);
    else {
      const section = sectionEntries[index];
      section.children.push(entry);
      section.span.end = Math.max(section.span.end, entry.span.end);
    }
  }
  // Sections before the first paragraph (or in the heading) still show, in text order.
  for (const s of sectionEntries) entries.push(s);
  if (doc.footnotes.length > 0) {
    const children = doc.footnotes.map<OutlineEntry>((f) => ({
      name: `脚注 ${f.number}`,
      detail: clip(doc.text, f.textSpan, 40),
      kind: 'footnote',
      span: f.span,
      selection: f.numberSpan,
      children: [],
    }));
    const start = doc.footnoteSeparator && doc.footnoteSeparator.start < doc.footnotes[0].span.start ? doc.footnoteSeparator.start : doc.footnotes[0].span.start;
    entries.push({
      name: '脚注',
      detail: `${doc.footnotes.length}`,
      kind: 'footnotes',
      span: { start, end: Math.max(...doc.footnotes.map((f) => f.span.end)) },
      selection: start === doc.footnoteSeparator?.start ? doc.footnoteSeparator : doc.footnotes[0].numberSpan,
      children,
    });
  }
  return entries.sort((a, b) => a.span.start - b.span.start);
}
