/**
 * The outline of a draft as a drafter reads it: title, the preamble (序言部分) and the operative
 * part (执行部分) with their headings, parts `A`/`B`, annexes (附件), footnotes.
 */
import type { Annex, Paragraph, ResolutionDocument, SectionHeading } from '../model';
import { maxOf, type Span } from '../text';

export type OutlineKind =
  | 'title'
  | 'part'
  | 'preamble'
  | 'preambular'
  | 'operatives'
  | 'operative'
  | 'subparagraph'
  | 'section'
  | 'annex'
  | 'footnotes'
  | 'footnote';

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

/** Paragraphs, each under the last heading above it (within the group), in text order. */
function underSections(doc: ResolutionDocument, paragraphs: Paragraph[], sections: SectionHeading[]): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  let current: OutlineEntry | undefined;
  const sorted = [...sections].sort((a, b) => a.line - b.line);
  let next = 0;
  for (const p of paragraphs) {
    while (next < sorted.length && sorted[next].line < p.line) {
      const s = sorted[next++];
      current = { name: s.text, kind: 'section', span: { ...s.span }, selection: s.span, children: [] };
      out.push(current);
    }
    const entry = paragraphEntry(doc, p);
    if (current) {
      current.children.push(entry);
      current.span.end = Math.max(current.span.end, entry.span.end);
    } else out.push(entry);
  }
  return out;
}

function group(name: string, kind: 'preamble' | 'operatives', children: OutlineEntry[], count: number, first: Paragraph): OutlineEntry {
  const start = Math.min(...children.map((c) => c.span.start));
  const end = maxOf(children.map((c) => c.span.end));
  return { name, detail: `${count} 段`, kind, span: { start, end }, selection: first.label?.span ?? first.opener?.span ?? first.span, children };
}

/** 序言部分 and 执行部分 of one part (or of the whole resolution), headings among their paragraphs. */
function resolutionGroups(doc: ResolutionDocument, division: number, from: number, to: number): OutlineEntry[] {
  const preamble = doc.preamble.filter((p) => p.division === division);
  const operative = doc.operative.filter((p) => p.division === division);
  const inRange = (s: SectionHeading) => s.line >= from && s.line < to;
  const firstOperative = operative[0]?.line ?? to;
  const out: OutlineEntry[] = [];
  if (preamble.length > 0) {
    const sections = doc.sections.filter((s) => inRange(s) && s.line > preamble[0].line && s.line < firstOperative);
    out.push(group('序言部分', 'preamble', underSections(doc, preamble, sections), preamble.length, preamble[0]));
  }
  if (operative.length > 0) {
    const lowest = preamble.length > 0 ? preamble[preamble.length - 1].line : from;
    const sections = doc.sections.filter((s) => inRange(s) && s.line > lowest && s.line < operative[operative.length - 1].line);
    out.push(group('执行部分', 'operatives', underSections(doc, operative, sections), operative.length, operative[0]));
  }
  return out;
}

function annexEntry(annex: Annex): OutlineEntry {
  const children: OutlineEntry[] = [];
  let section: OutlineEntry | undefined;
  for (const l of annex.lines) {
    if (l.kind === 'section') {
      section = { name: l.text, kind: 'section', span: { ...l.span }, selection: l.span, children: [] };
      children.push(section);
    } else if (l.kind === 'numbered' || l.kind === 'paragraph') {
      const words = l.text.replace(/\*\*/g, '');
      const entry: OutlineEntry = {
        name: words.length > 16 ? words.slice(0, 16) + '…' : words,
        kind: l.kind === 'numbered' ? 'operative' : 'preambular',
        span: l.span,
        selection: l.span,
        children: [],
      };
      if (section) {
        section.children.push(entry);
        section.span.end = Math.max(section.span.end, entry.span.end);
      } else children.push(entry);
    }
  }
  return {
    name: annex.heading.text,
    detail: annex.title ?? annex.organ?.organ,
    kind: 'annex',
    span: annex.span,
    selection: annex.heading.span,
    children,
  };
}

/**
 * The outline tree. A resolution: title, 序言部分 and 执行部分 (each with its headings), or the
 * parts `A`, `B` each with both; annexes; footnotes. A numbered text: paragraphs under their sections.
 */
export function outlineEntries(doc: ResolutionDocument): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  if (doc.title) {
    entries.push({
      name: doc.title.number && doc.title.scheme !== 'council' && !doc.title.decision ? `${doc.title.number}. ${doc.title.title}` : doc.title.title,
      kind: 'title',
      span: doc.title.span,
      selection: doc.title.numberSpan ?? doc.title.titleSpan,
      children: [],
    });
  }
  const endOfText = doc.annexes[0]?.span.start ?? doc.footnoteSeparator?.start ?? doc.text.length;
  if (doc.shape === 'resolution' && doc.parts.length > 0) {
    doc.parts.forEach((part, i) => {
      const to = doc.parts[i + 1]?.line ?? Number.MAX_SAFE_INTEGER;
      const children = resolutionGroups(doc, part.division, part.line, to);
      const end = Math.max(part.span.end, ...children.map((c) => c.span.end));
      entries.push({ name: part.letter, kind: 'part', span: { start: part.span.start, end: Math.min(Math.max(end, part.span.end), endOfText) }, selection: part.span, children });
    });
  } else if (doc.shape === 'resolution') {
    entries.push(...resolutionGroups(doc, 0, 0, Number.MAX_SAFE_INTEGER));
  } else {
    if (doc.preamble.length > 0) entries.push(group('序言部分', 'preamble', doc.preamble.map((p) => paragraphEntry(doc, p)), doc.preamble.length, doc.preamble[0]));
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
  }
  // Headings the groups did not take (before the first paragraph, after the last) still show.
  if (doc.shape === 'resolution') {
    const shown = new Set<number>();
    const collect = (es: OutlineEntry[]) => es.forEach((e) => { if (e.kind === 'section') shown.add(e.span.start); collect(e.children); });
    collect(entries);
    for (const s of doc.sections) if (!shown.has(s.span.start)) entries.push({ name: s.text, kind: 'section', span: s.span, selection: s.span, children: [] });
  }
  for (const annex of doc.annexes) entries.push(annexEntry(annex));
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
      span: { start, end: maxOf(doc.footnotes.map((f) => f.span.end)) },
      selection: start === doc.footnoteSeparator?.start ? doc.footnoteSeparator : doc.footnotes[0].numberSpan,
      children,
    });
  }
  return entries.sort((a, b) => a.span.start - b.span.start);
}
