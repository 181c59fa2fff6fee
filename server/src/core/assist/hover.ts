/**
 * Hovers: what the corpus knows about the thing under the cursor — a document symbol or a
 * resolution citation, a footnote marker, a title in 《》, an opener. `hoverAt` returns plain data;
 * `hoverMarkdown` writes it for the editor, with every piece of corpus text escaped.
 */
import type { DocumentKind } from '../catalogue';
import type { Part, ResolutionDocument } from '../model';
import { footnoteAt, footnoteText } from '../navigation/footnotes';
import { symbolAt } from '../navigation/links';
import { analyzeSymbol, undocsUrl } from '../symbols';
import type { Span } from '../text';
import { knownTitle, symbolFacts, type CorpusKnowledge, type OpenerUse, type SymbolFacts, type TitleUse } from './knowledge';
import { escapeMarkdown, markdownLink } from './markdown';

/** What is under the cursor and what the corpus knows about it. */
export type AssistHover =
  | { kind: 'symbol'; span: Span; symbol: string; documentKind: DocumentKind; facts?: SymbolFacts; undocs: string }
  | { kind: 'footnote'; span: Span; number: number; text?: string }
  | { kind: 'title'; span: Span; title: string; use?: TitleUse }
  | { kind: 'opener'; span: Span; opener: string; base: string; part: Part; use?: OpenerUse };

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
  const title = model.titles.find((t) => offset >= t.span.start && offset <= t.span.end);
  if (title) return { kind: 'title', span: title.span, title: title.title, use: knownTitle(knowledge, title.title) };
  const paragraph = model.paragraphs.find((p) => p.opener && offset >= p.opener.span.start && offset <= p.opener.span.end);
  if (paragraph?.opener) {
    const o = paragraph.opener;
    return { kind: 'opener', span: o.span, opener: o.text, base: o.base, part: paragraph.part, use: knowledge.openers.get(o.base) };
  }
  return undefined;
}

const kindName: Record<DocumentKind, string> = {
  resolution: 'resolution',
  decision: 'decision',
  report: 'report',
  'working-paper': 'working paper',
  draft: 'draft resolution',
  record: 'meeting record',
  'conference-document': 'conference document',
  other: 'document',
};

/** How hovers make links to corpus drafts: a `file:` URI for a path, opened at a 1-based line. */
export type DraftLink = (path: string, line?: number) => string;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The hover as Markdown: corpus text escaped, links only to undocs.org and the corpus drafts. */
export function hoverMarkdown(hover: AssistHover, draftLink?: DraftLink): string {
  switch (hover.kind) {
    case 'footnote':
      return hover.text !== undefined
        ? `**Footnote ${hover.number}**\n\n${escapeMarkdown(hover.text)}`
        : `**Footnote ${hover.number}** has no text below the --- line.`;
    case 'title': {
      const head = `《${escapeMarkdown(hover.title)}》`;
      const use = hover.use;
      if (!use) return `${head} is not in the corpus: no corpus document cites this title.`;
      const lines = [`${head}: cited ${plural(use.uses, 'time')}${use.documents.length ? ` in ${plural(use.documents.length, 'corpus document')}` : ''}.`];
      if (use.footnotes.length > 0) {
        lines.push(`Its footnote in the corpus:\n\n> ${escapeMarkdown(use.footnotes[0])}`);
        for (const other of use.footnotes.slice(1, 3)) lines.push(`Also cited with:\n\n> ${escapeMarkdown(other)}`);
      } else {
        lines.push('The corpus gives it no footnote of its own.');
      }
      return lines.join('\n\n');
    }
    case 'opener': {
      const use = hover.use;
      const head = `**${escapeMarkdown(hover.opener)}**`;
      if (hover.opener !== hover.base) {
        // 又重申: say what 又 means here, then count the verb itself (its 又/还 forms included).
        const base = `“${escapeMarkdown(hover.base)}”`;
        const counts = use
          ? `${base} opens ${plural(use.preambular, 'preambular paragraph')} and ${plural(use.operative, 'operative paragraph')} in the corpus, in ${plural(use.documents.length, 'document')}.`
          : `${base} is not used as an opener in the corpus.`;
        return `${head}: ${base} used again in this part.\n\n${counts}`;
      }
      if (!use) return `${head}: not used as an opener in the corpus.`;
      return `${head} opens ${plural(use.preambular, 'preambular paragraph')} and ${plural(use.operative, 'operative paragraph')} in the corpus, in ${plural(use.documents.length, 'document')}.`;
    }
    case 'symbol':
      return symbolMarkdown(hover, draftLink);
  }
}

function symbolMarkdown(hover: Extract<AssistHover, { kind: 'symbol' }>, draftLink?: DraftLink): string {
  const f = hover.facts;
  const lines = [`**${escapeMarkdown(hover.symbol)}** — ${kindName[hover.documentKind]}`];
  const undocs = `Chinese text: ${markdownLink(hover.undocs.replace(/^https:\/\//, ''), hover.undocs)}`;
  if (!f || (!f.draft && f.citedBy.length === 0 && f.titles.length === 0 && f.dates.length === 0)) {
    lines.push('Not in the corpus: no corpus document is or cites this symbol.', undocs);
    return lines.join('\n\n');
  }
  if (f.titles.length > 0) lines.push(f.titles.map((t) => escapeMarkdown(t)).join('; '));
  const dated = hover.documentKind === 'resolution' || hover.documentKind === 'decision' ? 'Adopted' : 'Dated';
  if (f.dates.length === 1) lines.push(`${dated} ${escapeMarkdown(f.dates[0])}.`);
  else if (f.dates.length > 1) lines.push(`The corpus gives different dates: ${f.dates.map(escapeMarkdown).join(', ')}.`);
  if (f.draft) {
    lines.push(f.draft.path && draftLink ? `In the corpus: ${markdownLink(`open ${f.draft.symbol}`, draftLink(f.draft.path))}` : 'In the corpus.');
  }
  if (f.citedBy.length > 0) {
    const shown = f.citedBy.slice(0, 8).map((c) => {
      const text = `${c.symbol}, line ${c.line}`;
      return c.path && draftLink ? markdownLink(text, draftLink(c.path, c.line)) : escapeMarkdown(text);
    });
    const more = f.citedBy.length > 8 ? ` and ${f.citedBy.length - 8} more` : '';
    lines.push(`Cited by ${shown.join('; ')}${more}.`);
  }
  if (f.footnotes.length > 0) lines.push(`In the corpus footnotes:\n\n> ${escapeMarkdown(f.footnotes[0])}`);
  lines.push(undocs);
  return lines.join('\n\n');
}
