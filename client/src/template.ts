/** The "new resolution" template as plain text and as a snippet with tab stops (no vscode import: tested under node). */
import { placeholderPatterns, placeholderTitles, resolutionTemplate } from '../../server/src/core/lang/zh-template';

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

/** Where the placeholders stand in a text (offsets, start and end), in text order: what Tab moves through. */
export function placeholderSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const { pattern } of placeholderPatterns) {
    for (const m of text.matchAll(pattern)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const word of placeholderTitles) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) spans.push({ start: at, end: at + word.length });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * The placeholder Tab goes to from `offset`: the first one after it (one that starts at the
 * cursor, or holds it, counts when nothing is selected), else the first from the top; undefined
 * when none is left.
 */
export function nextPlaceholder(text: string, offset: number, selectionEnd = offset): { start: number; end: number } | undefined {
  const spans = placeholderSpans(text);
  const after = selectionEnd > offset
    ? spans.find((s) => s.start >= selectionEnd) // the selected one is done: the next
    : spans.find((s) => s.end > offset); // the one the cursor is in or before
  return after ?? spans[0];
}

/**
 * The symbol a new draft of the General Assembly gets until it has a number, as a file name: the
 * session of `today` (the 1st opens in September 1946) and `XX` (`A-RES-81-XX.unres`).
 */
export function newDraftFileName(today: Date = new Date()): string {
  const session = today.getFullYear() - (today.getMonth() >= 8 ? 1945 : 1946);
  return `A-RES-${session}-XX.unres`;
}
