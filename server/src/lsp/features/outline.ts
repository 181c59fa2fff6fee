import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { outlineEntries, type OutlineEntry, type OutlineKind, type ResolutionDocument } from '../../core';
import type { Feature } from '../context';
import { toRange } from '../convert';

const KINDS: Record<OutlineKind, SymbolKind> = {
  title: SymbolKind.File,
  preamble: SymbolKind.Namespace,
  preambular: SymbolKind.String,
  operative: SymbolKind.Field,
  subparagraph: SymbolKind.EnumMember,
  section: SymbolKind.Module,
  footnotes: SymbolKind.Namespace,
  footnote: SymbolKind.Key,
};

function toSymbol(model: ResolutionDocument, e: OutlineEntry): DocumentSymbol {
  return {
    name: e.name,
    detail: e.detail,
    kind: KINDS[e.kind],
    range: toRange(model, e.span),
    selectionRange: toRange(model, e.selection),
    children: e.children.map((c) => toSymbol(model, c)),
  };
}

/** The outline: title, preamble, operative paragraphs with their subparagraphs (under sections in a numbered text), footnotes. */
export function outline(model: ResolutionDocument): DocumentSymbol[] {
  return outlineEntries(model).map((e) => toSymbol(model, e));
}

export const outlineFeature: Feature = {
  name: 'outline',
  capabilities: () => ({ documentSymbolProvider: true }),
  register(ctx) {
    ctx.connection.onDocumentSymbol((params) =>
      ctx.safely('outline', [], () => {
        const draft = ctx.draft(params.textDocument.uri);
        return draft ? outline(draft.model) : [];
      }),
    );
  },
};
