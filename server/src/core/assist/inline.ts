/**
 * Inline continuation in a draft: what the paragraph at the cursor says so far, where it stands
 * (part, organ, agenda item), and the ghost text the corpus offers after it.
 */
import type { ContinuationPlace, InlineContinuation } from '../agreed/inline-continuation';
import { organOfSymbol } from '../agreed/inline-continuation';
import type { PhraseSource } from '../agreed/types';
import { chineseAgreed, type AgreedLanguageTables } from '../lang/zh-agreed';
import type { ResolutionDocument } from '../model';
import type { Locale } from '../rules/types';
import { agreedText } from './completion';
import { placeName } from './words';

/** The ghost text at a cursor: inserted at `offset`. */
export interface InlineAnswer {
  offset: number;
  continuation: InlineContinuation;
}

/** The text of the paragraph (or footnote) before `offset` and where it stands; undefined outside the body, or before the end of the line's text. */
export function inlinePlaceAt(
  model: ResolutionDocument,
  offset: number,
  tables: AgreedLanguageTables = chineseAgreed,
): { before: string; place: ContinuationPlace } | undefined {
  const at = Math.max(0, Math.min(offset, model.text.length));
  const line = model.lines.positionAt(at).line;
  // Ghost text only at the end of what is written on the line: mid-line it would hide the text after it.
  if (model.text.slice(at, model.lines.lineEnd(line)).trim() !== '') return undefined;
  const organ = (model.facts.symbol && organOfSymbol(model.facts.symbol)) || (model.organ ? tables.organSeries[model.organ.organ.replace(/[，,\s]/g, '')] : undefined);
  const agenda = model.heading.find((h) => h.field === 'agenda-item');
  const common = { organ, agendaItem: agenda ? agenda.text.replace(tables.agendaItemPrefix, '').trim() : undefined };
  const footnote = model.footnotes.find((f) => f.line === line);
  if (footnote) {
    if (at < footnote.textSpan.start) return undefined;
    return { before: agreedText(model.text.slice(footnote.textSpan.start, at)), place: { kind: 'footnote', ...common } };
  }
  const paragraph = model.paragraphs.find((p) => p.line === line);
  if (!paragraph || at < paragraph.body.start) return undefined;
  const kind = paragraph.level > 0 ? 'subparagraph' : paragraph.part === 'preamble' ? 'preambular' : 'operative';
  return { before: agreedText(model.text.slice(paragraph.body.start, at)), place: { kind, ...common } };
}

/** The inline continuation at `offset`, when the corpus has one. */
export function inlineAt(model: ResolutionDocument, offset: number, phrases: PhraseSource | undefined): InlineAnswer | undefined {
  if (!phrases?.inline) return undefined;
  const where = inlinePlaceAt(model, offset);
  if (!where || where.before.trim().length === 0) return undefined;
  const continuation = phrases.inline(where.before, where.place);
  return continuation ? { offset, continuation } : undefined;
}

/** Where a continuation comes from, in one line: `A/RES/73/62 序言部分第 3 段 · 4 份文件` (`A/RES/73/62 preambular paragraph 3 · 4 documents` in English). */
export function continuationSource(continuation: InlineContinuation, locale: Locale = 'zh'): string {
  const n = continuation.documents.length;
  const count = locale === 'en' ? `${n} document${n === 1 ? '' : 's'}` : `${n} 份文件`;
  return `${continuation.source.symbol} ${placeName(locale, continuation.source.where)} · ${count}`;
}
