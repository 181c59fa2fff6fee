/** The "new resolution" template as plain text and as a snippet with tab stops (no vscode import: tested under node). */
import { resolutionTemplate } from '../../server/src/core/lang/zh-template';

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The template with each placeholder's text left in place. */
export function templateText(lines: readonly string[] = resolutionTemplate): string {
  return lines.map((l) => l.replace(PLACEHOLDER, '$1')).join('\n');
}

/** Snippet syntax: `$`, `}` and `\` in the text are escaped. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => '\\' + c);
}

/**
 * The template as a snippet: the title is the first tab stop, the other placeholders follow in
 * text order; the cursor ends after the footnote separator.
 */
export function templateSnippet(lines: readonly string[] = resolutionTemplate): string {
  // The title comes first: that is what a drafter writes first.
  const placeholders: { line: number; index: number }[] = [];
  lines.forEach((l, line) => {
    const count = [...l.matchAll(PLACEHOLDER)].length;
    for (let index = 0; index < count; index++) placeholders.push({ line, index });
  });
  const titleLine = lines.findIndex((l) => /^XX\/XX\. \{/.test(l));
  const order = [...placeholders.filter((p) => p.line === titleLine), ...placeholders.filter((p) => p.line !== titleLine)];
  const stop = new Map(order.map((p, i) => [`${p.line}:${p.index}`, i + 1]));
  return lines
    .map((l, line) => {
      let index = 0;
      let out = '';
      let last = 0;
      for (const m of l.matchAll(PLACEHOLDER)) {
        out += escapeSnippet(l.slice(last, m.index)) + `\${${stop.get(`${line}:${index++}`)}:${escapeSnippet(m[1])}}`;
        last = m.index + m[0].length;
      }
      return out + escapeSnippet(l.slice(last));
    })
    .join('\n');
}
