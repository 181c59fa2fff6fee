/**
 * Builds the corpus catalogue from clean drafts: what each document is, and everything it cites
 * (by symbol, by resolution number, in footnotes), with the titles and dates seen with it.
 */
import type { Catalogue, CatalogueDocument, CitationSite, CitedDocument, CitedTitle, DocumentKind } from '../catalogue';
import type { ResolutionDocument, Span } from '../model';
import { parseDraft } from '../parse/parser';
import { analyzeSymbol, symbolKind } from '../symbols';

/** One clean draft of the corpus, as the catalogue sees it. */
export interface CatalogueInput {
  /** File name of the clean draft, relative to the catalogue's folder. */
  file: string;
  /** Raw input, relative to the catalogue's folder. */
  source: string;
  text: string;
  /** The document's symbol when known from outside the text (running heads). */
  symbol?: string;
  /** A title for documents without a numbered title line. */
  headingTitle?: string;
}

interface Mention {
  symbol: string;
  kind: DocumentKind;
  site: CitationSite;
  title?: string;
  date?: string;
  footnote?: string;
}

interface TitleUse {
  title: string;
  site: CitationSite;
  footnote?: string;
}

/** The document's own symbol: from the title number (`76/54` → `A/RES/76/54`) or its symbol line. */
export function documentSymbol(doc: ResolutionDocument, fallback?: string): string | undefined {
  return doc.facts.symbol ?? fallback;
}

/**
 * What the document is: what its symbol says (resolution, decision, working paper …), else the
 * parser's reading (a text without a symbol that reads as a resolution or decision).
 */
function documentKind(doc: ResolutionDocument, symbol: string): DocumentKind {
  const bySymbol = symbol ? analyzeSymbol(symbol).kind : 'other';
  if (bySymbol !== 'other') return bySymbol;
  return doc.facts.kind === 'resolution' || doc.facts.kind === 'decision' ? doc.facts.kind : 'other';
}

export function describeDocument(input: CatalogueInput, doc: ResolutionDocument = parseDraft(input.text)): CatalogueDocument {
  const symbol = documentSymbol(doc, input.symbol) ?? '';
  const agenda = doc.heading.find((h) => h.field === 'agenda-item');
  const report = doc.heading.find((h) => h.field === 'report');
  const reportSymbol = report ? doc.symbols.find((s) => s.line === report.line) : undefined;
  const entry: CatalogueDocument = {
    file: input.file,
    source: input.source,
    symbol,
    kind: documentKind(doc, symbol),
    title: doc.title?.title ?? input.headingTitle ?? '',
    counts: {
      preambular: doc.preamble.length,
      operative: doc.operative.length,
      subparagraphs: doc.paragraphs.filter((p) => p.kind === 'subparagraph').length,
      footnotes: doc.footnotes.length,
    },
  };
  if (doc.facts.organ) entry.organ = doc.facts.organ;
  if (doc.facts.date?.valid) entry.date = doc.facts.date.iso;
  if (doc.facts.session !== undefined) entry.session = doc.facts.session;
  if (agenda) entry.agendaItem = agenda.text.replace(/^议程项目\s*/, '');
  if (reportSymbol) entry.report = analyzeSymbol(reportSymbol.text).normalized;
  if (doc.facts.meeting !== undefined) entry.meeting = doc.facts.meeting;
  return entry;
}

function inside(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

/** The 《title》 a symbol stands in parentheses after: `《…最后文件》，第一至三卷(NPT/CONF.2000/28(Part I 和 II)、…)`. */
function titleBefore(doc: ResolutionDocument, at: Span, within: Span): string | undefined {
  const candidates = doc.titles.filter((t) => inside(t.span, within) && t.span.end <= at.start);
  const title = candidates[candidates.length - 1];
  if (!title) return undefined;
  const gap = doc.text.slice(title.span.end, at.start);
  const paren = gap.search(/[(（]/);
  if (paren < 0 || paren > 10 || /[《。；]/.test(gap.slice(0, paren))) return undefined;
  let depth = 0;
  for (const ch of gap.slice(paren)) {
    if (ch === '(' || ch === '（') depth++;
    else if (ch === ')' || ch === '）') depth--;
  }
  return depth > 0 ? title.title : undefined;
}

function mentionsOf(input: CatalogueInput, doc: ResolutionDocument, own: string | undefined): { mentions: Mention[]; titles: TitleUse[] } {
  const mentions: Mention[] = [];
  const titles: TitleUse[] = [];
  // A site names the citing document (this one), not the document it cites.
  const site = (line: number): CitationSite => ({ symbol: own ?? input.file, file: input.file, line: line + 1 });
  const footnoteAt = (line: number) => doc.footnotes.find((f) => f.line === line);
  const footnoteText = (line: number) => {
    const f = footnoteAt(line);
    return f ? doc.text.slice(f.textSpan.start, f.textSpan.end) : undefined;
  };
  const ownHeadingLines = new Set(doc.heading.filter((h) => h.field === 'symbol').map((h) => h.line));

  for (const s of doc.symbols) {
    if (ownHeadingLines.has(s.line)) continue;
    const analysis = analyzeSymbol(s.text);
    if (own && analysis.normalized === analyzeSymbol(own).normalized) continue;
    const footnote = footnoteAt(s.line);
    const lineSpan = { start: doc.lines.lineStarts[s.line], end: doc.lines.lineEnd(s.line) };
    const dateBefore = doc.dates.find((d) => d.line === s.line && d.span.end <= s.span.start && /^\s*$/.test(doc.text.slice(d.span.end, s.span.start)));
    mentions.push({
      symbol: analysis.normalized,
      kind: analysis.kind,
      site: site(s.line),
      title: footnote ? titleBefore(doc, s.span, footnote.textSpan) : titleBefore(doc, s.span, lineSpan),
      date: dateBefore?.valid ? dateBefore.iso : undefined,
      footnote: footnoteText(s.line),
    });
  }
  for (const c of doc.citations) {
    if (!c.symbol || c.symbol === own) continue;
    const normalized = analyzeSymbol(c.symbol).normalized;
    if (own && normalized === analyzeSymbol(own).normalized) continue;
    mentions.push({
      symbol: normalized,
      kind: c.kind === 'decision' ? 'decision' : symbolKind(normalized),
      site: site(c.line),
      date: c.date?.valid ? c.date.iso : undefined,
      footnote: footnoteText(c.line),
    });
  }
  // Titles and the footnotes their markers point to: 《不扩散核武器条约》¹ → footnote 1.
  for (const t of doc.titles) {
    const marker = doc.markers.find((m) => m.line === t.line && m.span.start >= t.span.end && /^[\s，、；。：,]*$/.test(doc.text.slice(t.span.end, m.span.start)));
    const footnote = marker ? doc.footnotes.find((f) => f.number === marker.number) : undefined;
    titles.push({
      title: t.title,
      site: site(t.line),
      footnote: footnote ? standaloneFootnote(doc, doc.footnotes.indexOf(footnote)) : undefined,
    });
  }
  return { mentions, titles };
}

/**
 * A footnote's text that stands on its own: `同上，第 1974 卷，第 33757 号。` after
 * `联合国，《条约汇编》，第 1015 卷，第 14860 号。` becomes `联合国，《条约汇编》，第 1974 卷，第 33757 号。`,
 * so that the catalogue can offer it for its title anywhere. Only the treaty-series form
 * (同上，第 …) is expanded; other 同上 texts are kept as written.
 */
function standaloneFootnote(doc: ResolutionDocument, index: number, depth = 0): string {
  const f = doc.footnotes[index];
  const text = doc.text.slice(f.textSpan.start, f.textSpan.end);
  const m = /^同上(，第.*)$/.exec(text);
  if (!m || index === 0 || depth > 20) return text;
  const previous = standaloneFootnote(doc, index - 1, depth + 1);
  const at = previous.indexOf('，第');
  return at > 0 && !previous.startsWith('同上') ? previous.slice(0, at) + m[1] : text;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const bySite = (a: CitationSite, b: CitationSite) => compare(a.file, b.file) || a.line - b.line || compare(a.symbol, b.symbol);

function uniqueSites(sites: CitationSite[]): CitationSite[] {
  const seen = new Set<string>();
  return sites.filter((s) => {
    const key = `${s.file}\u0000${s.line}\u0000${s.symbol}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort(bySite);
}

/** Distinct values, most frequent first, then in code-unit order: deterministic. */
function byUse(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || compare(a, b));
}

/** Builds the whole catalogue, sorted and stable, from the corpus drafts. */
export function buildCatalogue(inputs: CatalogueInput[]): Catalogue {
  const documents: CatalogueDocument[] = [];
  const mentions: Mention[] = [];
  const titleUses: TitleUse[] = [];
  for (const input of inputs) {
    const doc = parseDraft(input.text);
    const entry = describeDocument(input, doc);
    documents.push(entry);
    const found = mentionsOf(input, doc, entry.symbol || undefined);
    // One at a time: spreading the mentions of a large document into push() overflows the stack.
    for (const m of found.mentions) mentions.push(m);
    for (const t of found.titles) titleUses.push(t);
  }
  const cited = new Map<string, Mention[]>();
  for (const m of mentions) {
    const list = cited.get(m.symbol) ?? [];
    list.push(m);
    cited.set(m.symbol, list);
  }
  const citedDocs: CitedDocument[] = [...cited.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([symbol, list]) => ({
      symbol,
      kind: list.find((m) => m.kind !== 'other')?.kind ?? list[0].kind,
      titles: byUse(list.flatMap((m) => (m.title ? [m.title] : []))),
      dates: [...new Set(list.flatMap((m) => (m.date ? [m.date] : [])))].sort(compare),
      citedBy: uniqueSites(list.map((m) => m.site)),
      footnotes: byUse(list.flatMap((m) => (m.footnote ? [m.footnote] : []))),
    }));
  const titleMap = new Map<string, TitleUse[]>();
  for (const t of titleUses) {
    const list = titleMap.get(t.title) ?? [];
    list.push(t);
    titleMap.set(t.title, list);
  }
  const titles: CitedTitle[] = [...titleMap.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([title, list]) => ({
      title,
      footnotes: byUse(list.flatMap((t) => (t.footnote ? [t.footnote] : []))),
      citedBy: uniqueSites(list.map((t) => t.site)),
    }));
  documents.sort((a, b) => compare(a.file, b.file));
  return { version: 1, documents, cited: citedDocs, titles };
}

/** The catalogue as written to disk: 2-space JSON with a trailing newline. */
export function serializeCatalogue(catalogue: Catalogue): string {
  return JSON.stringify(catalogue, null, 2) + '\n';
}
