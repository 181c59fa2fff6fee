import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver/node';
import {
  crossReferenceAt,
  footnoteAt,
  footnoteReferences,
  footnoteText,
  parseDraft,
  referencedParagraph,
  symbolAt,
  symbolFacts,
} from '../../core';
import type { Feature, ServerContext } from '../context';
import { toRange } from '../convert';
import { corpusKnowledge } from '../knowledge';

/**
 * Go to definition: a footnote marker → its footnote text; a footnote text's number → its markers;
 * `上文第 N 段` → paragraph N; a symbol or citation of a corpus document → its clean corpus draft.
 */
function definition(ctx: ServerContext, uri: string, line: number, character: number): Location[] {
  const draft = ctx.draft(uri);
  if (!draft) return [];
  const model = draft.model;
  const offset = model.lines.offsetAt({ line, character });
  const footnote = footnoteAt(model, offset);
  if (footnote) {
    if (footnote.where === 'marker') {
      const text = footnoteText(model, footnote.number);
      return text ? [{ uri, range: toRange(model, text.span) }] : [];
    }
    return footnoteReferences(model, footnote.number, false).map((span) => ({ uri, range: toRange(model, span) }));
  }
  const ref = crossReferenceAt(model, offset);
  if (ref) {
    const target = referencedParagraph(model, ref);
    return target ? [{ uri, range: toRange(model, target.span) }] : [];
  }
  const symbol = symbolAt(model, offset);
  if (symbol) {
    // The corpus knowledge knows every draft's symbol (the catalogue's, else the draft's own);
    // before the worker has made it, the catalogues and file names do. Only the one draft is then
    // read and parsed (for its title line), never the whole corpus.
    const path = symbolFacts(corpusKnowledge(ctx), symbol.symbol)?.draft?.path ?? ctx.corpusFile(symbol.symbol);
    if (path) {
      const corpusModel = parseDraft(readFileSync(path, 'utf8'));
      const target = corpusModel.title?.span ?? { start: 0, end: 0 };
      return [{ uri: pathToFileURL(path).toString(), range: toRange(corpusModel, target) }];
    }
  }
  return [];
}

/** References: every marker of a footnote and its footnote text. */
export const definitionFeature: Feature = {
  name: 'definition',
  capabilities: () => ({ definitionProvider: true, referencesProvider: true }),
  register(ctx) {
    ctx.connection.onDefinition((params) =>
      ctx.safely('definition', [] as Location[], () => definition(ctx, params.textDocument.uri, params.position.line, params.position.character)),
    );
    ctx.connection.onReferences((params) =>
      ctx.safely('references', [] as Location[], () => {
        const draft = ctx.draft(params.textDocument.uri);
        if (!draft) return [];
        const model = draft.model;
        const hit = footnoteAt(model, model.lines.offsetAt(params.position));
        if (!hit) return [];
        const markers = footnoteReferences(model, hit.number, false);
        const texts = params.context.includeDeclaration ? model.footnotes.filter((f) => f.number === hit.number).map((f) => f.numberSpan) : [];
        return [...markers, ...texts].map((span) => ({ uri: params.textDocument.uri, range: toRange(model, span) }));
      }),
    );
  },
};
