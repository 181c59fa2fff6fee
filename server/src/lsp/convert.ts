import type { Range } from 'vscode-languageserver/node';
import type { ResolutionDocument, Span } from '../core';

/** A core span as an LSP range. */
export function toRange(model: ResolutionDocument, span: Span): Range {
  return { start: model.lines.positionAt(span.start), end: model.lines.positionAt(span.end) };
}
