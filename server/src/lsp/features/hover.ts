import { pathToFileURL } from 'node:url';
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { hoverAt, hoverMarkdown, markdownToPlainText } from '../../core';
import type { Feature } from '../context';
import { toRange } from '../convert';
import { corpusKnowledge } from '../knowledge';
import { withRemoteHover } from './remote-corpus';
import { provenanceHover } from './provenance';

/** A plain `file:` link to a corpus draft, at a 1-based line (`#L12`, which VS Code opens there). */
function draftLink(path: string, line?: number): string {
  return pathToFileURL(path).toString() + (line ? `#L${line}` : '');
}

/** Hovers: symbols and citations, footnote markers, titles and openers, from what the corpus knows. */
export const hoverFeature: Feature = {
  name: 'hover',
  capabilities: () => ({ hoverProvider: true }),
  register(ctx) {
    ctx.connection.onHover((params, token) =>
      ctx.safelyAsync('hover', null as Hover | null, async () => {
        const draft = await ctx.parsed(params.textDocument.uri, token);
        if (!draft) return null;
        const model = draft.model;
        const offset = model.lines.offsetAt(params.position);
        // The corpus database's facts join when they come within the typing budget.
        // At a paragraph's opening: the documents its wording comes from (asked at the same time).
        const asking = ctx.safelyAsync('provenance hover', undefined, () => provenanceHover(ctx, draft, params.position));
        const hover = await withRemoteHover(ctx, model, offset, hoverAt(model, offset, corpusKnowledge(ctx)));
        const sources = await asking;
        if (!hover && !sources) return null;
        // Plain Markdown: corpus text is escaped in it, and the client is not asked to trust it (no command links, no HTML).
        const markdown = [hover ? hoverMarkdown(hover, draftLink, ctx.locale()) : '', sources ?? ''].filter((m) => m).join('\n\n---\n\n');
        // A client that shows plain text only would show the escapes as backslashes.
        const formats = ctx.initializeParams?.capabilities.textDocument?.hover?.contentFormat;
        const contents = !formats || formats.includes(MarkupKind.Markdown)
          ? { kind: MarkupKind.Markdown, value: markdown }
          : { kind: MarkupKind.PlainText, value: markdownToPlainText(markdown) };
        return hover ? { contents, range: toRange(model, hover.span) } : { contents };
      }),
    );
  },
};
