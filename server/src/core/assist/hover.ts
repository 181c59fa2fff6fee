/**
 * Hovers: what the corpus knows about the thing under the cursor — a document symbol or a
 * resolution citation, a footnote marker, a title in 《》, an opener — and the paragraph a
 * `上文第 15 段` points at. `hoverAt` returns plain data; `hoverMarkdown` writes it for the editor,
 * with every piece of corpus text escaped.
 */
import type { DocumentKind } from '../catalogue';
import type { Part, ResolutionDocument } from '../model';
import type { Locale } from '../rules/types';
import { footnoteAt, footnoteText } from '../navigation/footnotes';
import { symbolAt } from '../navigation/links';
import { crossReferenceAt, referencedParagraph } from '../navigation/paragraphs';
import { analyzeSymbol, undocsUrl } from '../symbols';
import type { Span } from '../text';
import { knownTitle, openerDocumentCount, symbolFacts, type CorpusKnowledge, type OpenerUse, type SymbolFacts, type TitleUse } from './knowledge';
import { escapeMarkdown, markdownLink } from './markdown';
import { placeName, writtenDate } from './words';

/** What is under the cursor and what the corpus knows about it. */
export type AssistHover =
  | { kind: 'symbol'; span: Span; symbol: string; documentKind: DocumentKind; facts?: SymbolFacts; undocs: string }
  | { kind: 'footnote'; span: Span; number: number; text?: string }
  | { kind: 'title'; span: Span; title: string; use?: TitleUse }
  | { kind: 'opener'; span: Span; opener: string; base: string; part: Part; use?: OpenerUse }
  /** `上文第 15 段`: the paragraph it points at (none when it does not exist). */
  | { kind: 'paragraph'; span: Span; number: number; text?: string };

/** The hover at `offset`, or undefined when there is nothing to say. */
export function hoverAt(model: ResolutionDocument, offset: number, knowledge: CorpusKnowledge): AssistHover | undefined {
  const footnote = footnoteAt(model, offset);
  if (footnote?.where === 'marker') {
    const text = footnoteText(model, footnote.number);
    return { kind: 'footnote', span: footnote.span, number: footnote.number, text: text ? model.text.slice(text.textSpan.start, text.textSpan.end) : undefined };
  }
  const symbol = symbolAt(model, offset);
  if (symbol) {
    const facts = symbolFacts(knowledge, symbol.symbol);
    const normalized = facts?.symbol ?? analyzeSymbol(symbol.symbol).normalized;
    return { kind: 'symbol', span: symbol.span, symbol: normalized, documentKind: facts?.kind ?? analyzeSymbol(normalized).kind, facts, undocs: undocsUrl(normalized, 'ch') };
  }
  const reference = crossReferenceAt(model, offset);
  if (reference) {
    const target = referencedParagraph(model, reference);
    return { kind: 'paragraph', span: reference.span, number: reference.paragraphNumber, text: target ? model.text.slice(target.span.start, target.span.end) : undefined };
  }
  const title = model.titles.find((t) => offset >= t.span.start && offset <= t.span.end);
  if (title) return { kind: 'title', span: title.span, title: title.title, use: knownTitle(knowledge, title.title) };
  const paragraph = model.paragraphs.find((p) => p.opener && offset >= p.opener.span.start && offset <= p.opener.span.end);
  if (paragraph?.opener) {
    const o = paragraph.opener;
    return { kind: 'opener', span: o.span, opener: o.text, base: o.base, part: paragraph.part, use: knowledge.openers.get(o.base) };
  }
  return undefined;
}

/** The words of a hover in one language; corpus text is passed in already escaped. */
interface HoverWords {
  kind: Record<DocumentKind, string>;
  date(iso: string): string;
  count(n: number, unit: 'document' | 'preambular' | 'operative'): string;
  footnote(n: number): string;
  footnoteMissing(n: number): string;
  titleUnknown(head: string): string;
  titleCited(head: string, uses: number, documents: number): string;
  titleFootnote: string;
  titleAlso: string;
  titleNoFootnote: string;
  openerAgain(head: string, base: string): string;
  openerUses(subject: string, preambular: string, operative: string, documents: string): string;
  openerUnknown(subject: string): string;
  chineseText: string;
  symbolUnknown: string;
  adopted(date: string): string;
  dated(date: string): string;
  datesDiffer(dates: string): string;
  inCorpus: string;
  open(symbol: string): string;
  citedBy(list: string, more: number): string;
  line(symbol: string, line: number): string;
  place(symbol: string, where: string): string;
  inFootnotes: string;
  paragraph(n: number): string;
  paragraphMissing(n: number): string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const words: Record<Locale, HoverWords> = {
  en: {
    kind: {
      resolution: 'resolution', decision: 'decision', report: 'report', 'working-paper': 'working paper', draft: 'draft resolution',
      record: 'meeting record', 'conference-document': 'conference document', other: 'document',
    },
    date: (iso) => writtenDate('en', iso),
    count: (n, unit) => plural(n, { document: 'document', preambular: 'preambular paragraph', operative: 'operative paragraph' }[unit]),
    footnote: (n) => `**Footnote ${n}**`,
    footnoteMissing: (n) => `**Footnote ${n}** has no text below the --- line.`,
    titleUnknown: (head) => `${head} is not in the corpus: no corpus document cites this title.`,
    titleCited: (head, uses, documents) => `${head}: cited ${plural(uses, 'time')}${documents ? ` in ${plural(documents, 'corpus document')}` : ''}.`,
    titleFootnote: 'Its footnote in the corpus:',
    titleAlso: 'Also cited with:',
    titleNoFootnote: 'The corpus gives it no footnote of its own.',
    openerAgain: (head, base) => `${head}: ${base} used again in this part.`,
    openerUses: (subject, preambular, operative, documents) => `${subject} opens ${preambular} and ${operative} in the corpus, in ${documents}.`,
    openerUnknown: (subject) => `${subject} is not used as an opener in the corpus.`,
    chineseText: 'Chinese text:',
    symbolUnknown: 'Not in the corpus: no corpus document is or cites this symbol.',
    adopted: (date) => `Adopted ${date}.`,
    dated: (date) => `Dated ${date}.`,
    datesDiffer: (dates) => `The corpus gives different dates: ${dates}.`,
    inCorpus: 'In the corpus:',
    open: (symbol) => `open ${symbol}`,
    citedBy: (list, more) => `Cited by ${list}${more > 0 ? ` and ${more} more` : ''}.`,
    line: (symbol, line) => `${symbol}, line ${line}`,
    place: (symbol, where) => `${symbol}, ${placeName('en', where)}`,
    inFootnotes: 'In the corpus footnotes:',
    paragraph: (n) => `**Paragraph ${n}**`,
    paragraphMissing: (n) => `**Paragraph ${n}** does not exist in this draft.`,
  },
  zh: {
    kind: {
      resolution: '决议', decision: '决定', report: '报告', 'working-paper': '工作文件', draft: '决议草案',
      record: '会议记录', 'conference-document': '会议文件', other: '文件',
    },
    date: (iso) => writtenDate('zh', iso),
    count: (n, unit) => ({ document: `${n} 份文件`, preambular: `${n} 个序言段落`, operative: `${n} 个执行段落` })[unit],
    footnote: (n) => `**脚注 ${n}**`,
    footnoteMissing: (n) => `**脚注 ${n}** 在 --- 线下还没有文字。`,
    titleUnknown: (head) => `${head} 不在语料中：没有语料文件引用这一标题。`,
    titleCited: (head, uses, documents) => `${head}：语料中引用 ${uses} 次${documents ? `，见 ${documents} 份文件` : ''}。`,
    titleFootnote: '语料中的脚注：',
    titleAlso: '也引作：',
    titleNoFootnote: '语料中没有它自己的脚注。',
    openerAgain: (head, base) => `${head}：本部分再次使用${base}。`,
    openerUses: (subject, preambular, operative, documents) => `语料中以${subject}开头的有 ${preambular}和 ${operative}，见 ${documents}。`,
    openerUnknown: (subject) => `语料中没有以${subject}开头的段落。`,
    chineseText: '中文本：',
    symbolUnknown: '不在语料中：没有语料文件是或引用这一文号。',
    adopted: (date) => `通过日期：${date}。`,
    dated: (date) => `日期：${date}。`,
    datesDiffer: (dates) => `语料中的日期不一致：${dates}。`,
    inCorpus: '语料中：',
    open: (symbol) => `打开 ${symbol}`,
    citedBy: (list, more) => `引用者：${list}${more > 0 ? `，另有 ${more} 处` : ''}。`,
    line: (symbol, line) => `${symbol}，第 ${line} 行`,
    place: (symbol, where) => `${symbol}，${where}`,
    inFootnotes: '语料脚注中：',
    paragraph: (n) => `**第 ${n} 段**`,
    paragraphMissing: (n) => `本草案没有**第 ${n} 段**。`,
  },
};

/** How hovers make links to corpus drafts: a `file:` URI for a path, opened at a 1-based line. */
export type DraftLink = (path: string, line?: number) => string;

/** The hover as Markdown, in the client's language: corpus text escaped, links only to undocs.org and the corpus drafts. */
export function hoverMarkdown(hover: AssistHover, draftLink?: DraftLink, locale: Locale = 'en'): string {
  const w = words[locale] ?? words.en;
  switch (hover.kind) {
    case 'footnote':
      return hover.text !== undefined ? `${w.footnote(hover.number)}\n\n${escapeMarkdown(hover.text)}` : w.footnoteMissing(hover.number);
    case 'title': {
      const head = `《${escapeMarkdown(hover.title)}》`;
      const use = hover.use;
      if (!use) return w.titleUnknown(head);
      const lines = [w.titleCited(head, use.uses, use.documents.length)];
      if (use.footnotes.length > 0) {
        lines.push(`${w.titleFootnote}\n\n> ${escapeMarkdown(use.footnotes[0])}`);
        for (const other of use.footnotes.slice(1, 3)) lines.push(`${w.titleAlso}\n\n> ${escapeMarkdown(other)}`);
      } else {
        lines.push(w.titleNoFootnote);
      }
      return lines.join('\n\n');
    }
    case 'opener': {
      const use = hover.use;
      const head = `**${escapeMarkdown(hover.opener)}**`;
      const again = hover.opener !== hover.base;
      // 又重申: say what 又 means here, then count the verb itself (its 又/还 forms included).
      const subject = again ? `“${escapeMarkdown(hover.base)}”` : head;
      const counts = use
        ? w.openerUses(subject, w.count(use.preambular, 'preambular'), w.count(use.operative, 'operative'), w.count(openerDocumentCount(use), 'document'))
        : w.openerUnknown(subject);
      return again ? `${w.openerAgain(head, subject)}\n\n${counts}` : counts;
    }
    case 'symbol':
      return symbolMarkdown(hover, w, draftLink);
    case 'paragraph':
      // The paragraph as written, for checking the reference without leaving the line.
      return hover.text !== undefined ? `${w.paragraph(hover.number)}\n\n${escapeMarkdown(hover.text)}` : w.paragraphMissing(hover.number);
  }
}

function symbolMarkdown(hover: Extract<AssistHover, { kind: 'symbol' }>, w: HoverWords, draftLink?: DraftLink): string {
  const f = hover.facts;
  const lines = [`**${escapeMarkdown(hover.symbol)}** — ${w.kind[hover.documentKind]}`];
  const undocs = `${w.chineseText} ${markdownLink(hover.undocs.replace(/^https:\/\//, ''), hover.undocs)}`;
  if (!f || (!f.draft && f.citedBy.length === 0 && f.titles.length === 0 && f.dates.length === 0)) {
    lines.push(w.symbolUnknown, undocs);
    return lines.join('\n\n');
  }
  if (f.titles.length > 0) lines.push(f.titles.map((t) => escapeMarkdown(t)).join('; '));
  const dated = hover.documentKind === 'resolution' || hover.documentKind === 'decision' ? w.adopted : w.dated;
  if (f.dates.length === 1) lines.push(dated(escapeMarkdown(w.date(f.dates[0]))));
  else if (f.dates.length > 1) lines.push(w.datesDiffer(f.dates.map((d) => escapeMarkdown(w.date(d))).join(', ')));
  if (f.draft) {
    lines.push(f.draft.path && draftLink ? `${w.inCorpus} ${markdownLink(w.open(f.draft.symbol), draftLink(f.draft.path))}` : w.inCorpus);
  }
  if (f.citedBy.length > 0) {
    const shown = f.citedBy.slice(0, 8).map((c) => {
      const text = c.where ? w.place(c.symbol, c.where) : w.line(c.symbol, c.line);
      return c.path && draftLink ? markdownLink(text, draftLink(c.path, c.line)) : escapeMarkdown(text);
    });
    lines.push(w.citedBy(shown.join('; '), f.citedBy.length - 8));
  }
  if (f.footnotes.length > 0) lines.push(`${w.inFootnotes}\n\n> ${escapeMarkdown(f.footnotes[0])}`);
  lines.push(undocs);
  return lines.join('\n\n');
}
