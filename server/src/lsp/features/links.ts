import type { DocumentLink } from 'vscode-languageserver/node';
import { documentLinks } from '../../core';
import type { Feature } from '../context';
import { toRange } from '../convert';

/** Document links: each symbol and each resolution citation opens the Chinese text on undocs.org. */
export const linksFeature: Feature = {
  name: 'links',
  capabilities: () => ({ documentLinkProvider: { resolveProvider: false } }),
  register(ctx) {
    ctx.connection.onDocumentLinks((params) =>
      ctx.safely('documentLinks', [] as DocumentLink[], () => {
        const draft = ctx.draft(params.textDocument.uri);
        if (!draft) return [];
        return documentLinks(draft.model).map((l) => ({ range: toRange(draft.model, l.span), target: l.url, tooltip: `${l.symbol} (undocs.org, 中文)` }));
      }),
    );
  },
};
