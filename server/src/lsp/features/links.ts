import type { DocumentLink } from 'vscode-languageserver/node';
import { documentLinks } from '../../core';
import type { Feature } from '../context';
import { toRange } from '../convert';

/** Document links: each symbol and each resolution citation opens the Chinese text on undocs.org. */
export const linksFeature: Feature = {
  name: 'links',
  capabilities: () => ({ documentLinkProvider: { resolveProvider: false } }),
  register(ctx) {
    ctx.connection.onDocumentLinks((params, token) =>
      ctx.safelyAsync('documentLinks', [] as DocumentLink[], async () => {
        const draft = await ctx.parsed(params.textDocument.uri, token);
        if (!draft) return [];
        return documentLinks(draft.model).map((l) => ({ range: toRange(draft.model, l.span), target: l.url, tooltip: `${l.symbol} (undocs.org, 中文)` }));
      }),
    );
  },
};
