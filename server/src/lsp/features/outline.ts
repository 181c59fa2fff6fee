import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import { outlineEntries, type OutlineEntry, type OutlineKind, type ResolutionDocument } from '../../core';
import type { Feature } from '../context';
import { toRange } from '../convert';

// Kinds whose icons and tooltips read sensibly for a document (no "string", "field" or
// "enumeration member"): the title a file, parts and headings modules, annexes packages, the
// groups (序言部分, 执行部分, 脚注) namespaces, paragraphs objects, numbered ones numbers.
const KINDS: Record<OutlineKind, SymbolKind> = {
  title: SymbolKind.File,
  part: SymbolKind.Module,
  preamble: SymbolKind.Namespace,
  preambular: SymbolKind.Object,
  operatives: SymbolKind.Namespace,
  operative: SymbolKind.Number,
  subparagraph: SymbolKind.Object,
  section: SymbolKind.Module,
  annex: SymbolKind.Package,
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

/** The outline: title, 序言部分 and 执行部分 (or parts A, B), headings, annexes, footnotes (paragraphs under sections in a numbered text). */
export function outline(model: ResolutionDocument): DocumentSymbol[] {
  return outlineEntries(model).map((e) => toSymbol(model, e));
}

export const outlineFeature: Feature = {
  name: 'outline',
  capabilities: () => ({ documentSymbolProvider: true }),
  register(ctx) {
    ctx.connection.onDocumentSymbol((params, token) =>
      ctx.safelyAsync('outline', [], async () => {
        const draft = await ctx.parsed(params.textDocument.uri, token);
        return draft ? outline(draft.model) : [];
      }),
    );
  },
};
