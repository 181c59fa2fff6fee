import type { InlineCompletionItem, InlineCompletionList } from 'vscode-languageserver/node';
import { continuationSource, inlineAt, symbolKey } from '../../core';
import { PhraseIndex } from '../../core/agreed/phrase-index';
import { SegmentedIndex } from '../../core/agreed/segmented-index';
import { registerServerCommand } from '../commands';
import type { Feature, ServerContext } from '../context';
import { withRemoteInline } from './remote-provenance';
import { toRange } from '../convert';

/**
 * Command of an accepted continuation, [symbol, where]: its title says where the text comes from
 * (`A/RES/73/62 序言部分第 3 段 · 4 份文件`), which the client shows while the ghost text is up; run
 * on accept, it only notes the acceptance in the log.
 */
export const CONTINUATION_ACCEPTED = 'resolutionDrafter.server.continuationAccepted';

// The dates and agenda items of the corpus documents, given to each phrase index once (from the catalogue).
const dated = new WeakSet<PhraseIndex | SegmentedIndex>();
function withDocumentFacts(ctx: ServerContext): void {
  const index = ctx.phraseSource;
  if (!(index instanceof PhraseIndex || index instanceof SegmentedIndex) || dated.has(index)) return;
  dated.add(index);
  const bySymbol = new Map(ctx.catalogue().documents.map((d) => [symbolKey(d.symbol), { date: d.date, agendaItem: d.agendaItem }]));
  index.setDocumentFacts((symbol) => bySymbol.get(symbolKey(symbol)));
}

const none: InlineCompletionList = { items: [] };

/** Inline completion (LSP 3.18): agreed language after the cursor as ghost text; Tab takes it. */
export const inlineCompletionFeature: Feature = {
  name: 'inline completion',
  capabilities: () => ({ inlineCompletionProvider: true, executeCommandProvider: { commands: [CONTINUATION_ACCEPTED] } }),
  register(ctx) {
    registerServerCommand(ctx, CONTINUATION_ACCEPTED, (args) => {
      ctx.log(`continuation accepted: ${args.map(String).join(' ')}`);
      return null;
    });
    ctx.connection.languages.inlineCompletion.on((params, token) =>
      ctx.safelyAsync('inline completion', none, async () => {
        const draft = await ctx.parsed(params.textDocument.uri, token);
        if (!draft || token.isCancellationRequested) return none;
        withDocumentFacts(ctx);
        const model = draft.model;
        const offset = model.lines.offsetAt(params.position);
        // The corpus database's continuation when it comes within the typing budget and knows more.
        const answer = await withRemoteInline(ctx, model, offset, inlineAt(model, offset, ctx.phraseSource));
        if (!answer || token.isCancellationRequested) return none;
        const c = answer.continuation;
        const item: InlineCompletionItem = {
          insertText: c.text,
          range: toRange(model, { start: offset, end: offset }),
          command: { title: continuationSource(c, ctx.locale()), command: CONTINUATION_ACCEPTED, arguments: [c.source.symbol, c.source.where] },
        };
        return { items: [item] };
      }),
    );
  },
};
