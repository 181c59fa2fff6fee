import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { Paragraph, ResolutionDocument } from '../../core';
import type { Feature } from '../context';
import { toRange } from '../convert';

function paragraphSymbol(model: ResolutionDocument, p: Paragraph): DocumentSymbol {
  const text = model.text;
  const label = p.label?.text ?? '';
  const opener = p.opener?.text ?? text.slice(p.body.start, Math.min(p.body.end, p.body.start + 12)).replace(/\*/g, '');
  return {
    name: `${label} ${opener}`.trim() || '…',
    detail: text.slice(p.body.start, Math.min(p.body.end, p.body.start + 40)).replace(/\*/g, ''),
    kind: p.kind === 'subparagraph' ? SymbolKind.EnumMember : SymbolKind.Field,
    range: toRange(model, p.span),
    selectionRange: toRange(model, p.label?.span ?? p.opener?.span ?? p.span),
    children: p.children.map((c) => paragraphSymbol(model, c)),
  };
}

/** The outline: title, preamble, operative paragraphs with their subparagraphs, footnotes. */
export function outline(model: ResolutionDocument): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  if (model.title) {
    symbols.push({ name: model.title.number ? `${model.title.number}. ${model.title.title}` : model.title.title, kind: SymbolKind.File, range: toRange(model, model.title.span), selectionRange: toRange(model, model.title.span) });
  }
  if (model.preamble.length > 0) {
    const first = model.preamble[0].span;
    const last = model.preamble[model.preamble.length - 1].span;
    symbols.push({
      name: '序言部分',
      detail: `${model.preamble.length}`,
      kind: SymbolKind.Namespace,
      range: toRange(model, { start: first.start, end: last.end }),
      selectionRange: toRange(model, first),
      children: model.preamble.map((p) => paragraphSymbol(model, p)),
    });
  }
  for (const p of model.operative) symbols.push(paragraphSymbol(model, p));
  for (const f of model.footnotes) {
    symbols.push({ name: `脚注 ${f.number}`, detail: model.text.slice(f.textSpan.start, Math.min(f.textSpan.end, f.textSpan.start + 40)), kind: SymbolKind.Key, range: toRange(model, f.span), selectionRange: toRange(model, f.numberSpan) });
  }
  return symbols;
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
