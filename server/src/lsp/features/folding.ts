import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import { foldingRegions } from '../../core';
import type { Feature } from '../context';

/** Folding: heading block, preamble, each paragraph with its subparagraphs, sections, footnotes. */
export const foldingFeature: Feature = {
  name: 'folding',
  capabilities: () => ({ foldingRangeProvider: true }),
  register(ctx) {
    ctx.connection.onFoldingRanges((params, token) =>
      ctx.safelyAsync('folding', [] as FoldingRange[], async () => {
        const draft = await ctx.parsed(params.textDocument.uri, token);
        if (!draft) return [];
        return foldingRegions(draft.model).map((r) => ({
          startLine: r.startLine,
          endLine: r.endLine,
          // The heading block folds like imports do: out of the way of the text itself.
          kind: r.what === 'heading' ? FoldingRangeKind.Imports : r.what === 'footnotes' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
        }));
      }),
    );
  },
};
