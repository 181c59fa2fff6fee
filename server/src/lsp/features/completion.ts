import { CompletionItemKind, CompletionTriggerKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver/node';
import { completeAt, markdownToPlainText, type AssistItem, type AssistItemKind, type ResolutionDocument } from '../../core';
import type { Feature, ServerContext } from '../context';
import { toRange } from '../convert';
import { corpusKnowledge } from '../knowledge';
import { withRemoteCompletion } from './remote-corpus';

const SUPERSCRIPTS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/**
 * Characters after which the editor asks at once. CJK text mostly arrives as whole words when the
 * input method commits them (the editor then asks on its own, as for any word), so these are the
 * characters that start a new context: 《 (titles), 第 and digits (resolutions), a label's stop
 * and space (openers), 》 and clause marks (the next stretch of agreed language), superscripts
 * and ^ (footnotes); and the line break, so that the openers come up on their own at the start of
 * an empty paragraph (VS Code passes Enter to the trigger characters as a typed line feed).
 */
export const COMPLETION_TRIGGERS = ['《', '》', '第', '/', '.', '．', ' ', '，', '、', '^', '\n', ...'0123456789', ...SUPERSCRIPTS];

// Not `Text` for agreed language: VS Code hides Text items under `editor.suggest.showWords: false`.
const kinds: Record<AssistItemKind, CompletionItemKind> = {
  opener: CompletionItemKind.Keyword,
  phrase: CompletionItemKind.Value,
  title: CompletionItemKind.Reference,
  resolution: CompletionItemKind.Reference,
  'footnote-reuse': CompletionItemKind.Reference,
  'footnote-new': CompletionItemKind.Snippet,
  'footnote-text': CompletionItemKind.Text,
};

/** Markdown for clients that take it; otherwise the same text without its escapes. */
function documentation(ctx: ServerContext, markdown: string): CompletionItem['documentation'] {
  const formats = ctx.initializeParams?.capabilities.textDocument?.completion?.completionItem?.documentationFormat;
  if (!formats || formats.includes(MarkupKind.Markdown)) return { kind: MarkupKind.Markdown, value: markdown };
  return markdownToPlainText(markdown);
}

/** Text as a snippet that inserts literally: `$`, `}` and the backslash escaped. */
const snippetText = (text: string) => text.replace(/[$}\\]/g, (c) => `\\${c}`);

function toItem(ctx: ServerContext, model: ResolutionDocument, item: AssistItem): CompletionItem {
  // A cursor inside the inserted text needs a snippet (`$0`); a client without snippets gets the cursor at the end.
  const snippets = !!ctx.initializeParams?.capabilities.textDocument?.completion?.completionItem?.snippetSupport;
  const cursorInside = item.cursorAt !== undefined && snippets;
  const newText = cursorInside
    ? `${snippetText(item.edit.newText.slice(0, item.cursorAt))}$0${snippetText(item.edit.newText.slice(item.cursorAt))}`
    : item.edit.newText;
  return {
    label: item.label,
    kind: kinds[item.kind],
    detail: item.detail,
    documentation: item.documentation ? documentation(ctx, item.documentation) : undefined,
    textEdit: { range: toRange(model, item.edit.span), newText },
    additionalTextEdits: item.additionalEdits?.map((e) => ({ range: toRange(model, e.span), newText: e.newText })),
    insertTextFormat: cursorInside ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    filterText: item.filterText,
    sortText: item.sortText,
  };
}

const empty: CompletionList = { isIncomplete: false, items: [] };

/** Completion: openers, operative verbs, titles, resolutions, footnotes and agreed language from the corpus. */
export const completionFeature: Feature = {
  name: 'completion',
  capabilities: () => ({ completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false } }),
  register(ctx) {
    ctx.connection.onCompletion((params, token) =>
      ctx.safelyAsync('completion', empty, async () => {
        const uri = params.textDocument.uri;
        if (!(await ctx.parsed(uri, token))) return empty;
        const settings = await ctx.settings(uri);
        // The draft may have changed or closed while the settings came.
        const draft = ctx.draft(uri);
        if (!draft || token.isCancellationRequested) return empty;
        const model = draft.model;
        // Continuations only in a list the drafter asked for (Ctrl+Space; a client that sends no context asks).
        const asked = !params.context || params.context.triggerKind === CompletionTriggerKind.Invoked;
        const offset = model.lines.offsetAt(params.position);
        const local = completeAt(model, offset, corpusKnowledge(ctx), ctx.phraseSource, settings, ctx.locale(), asked);
        // The corpus database's answer joins when it comes within the typing budget.
        const answer = await withRemoteCompletion(ctx, model, offset, settings, local, asked);
        if (token.isCancellationRequested) return empty;
        return { isIncomplete: answer.isIncomplete, items: answer.items.map((i) => toItem(ctx, model, i)) };
      }),
    );
  },
};
