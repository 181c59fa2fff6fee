/**
 * Markdown for hovers and completion documentation. Corpus text is data, never markup: every
 * ASCII punctuation character is escaped, so that no corpus line can make a link (command links
 * included), an HTML tag, an autolink, emphasis or a heading. Links are only the ones the
 * assist code builds itself.
 */

/** Corpus (or draft) text made inert for Markdown: it shows as written. */
export function escapeMarkdown(text: string): string {
  // Line breaks would start new blocks (`# …`, `- …`): a corpus text is shown on one line.
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>&~:"'/=$%^,;?@]/g, (c) => `\\${c}`);
}

/** A link whose text is escaped and whose address cannot break out of the parentheses. */
export function markdownLink(text: string, url: string): string {
  const safe = url.replace(/[\s()<>[\]\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeMarkdown(text)}](${safe})`;
}

/**
 * The same text for a client that shows plain text only: no escapes, no `**`, links written as
 * `text <address>`. What the drafter reads is the corpus text as written.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/\[((?:\\.|[^\]\\])*)\]\(([^)\s]*)\)/g, (_, text: string, url: string) => `${text} <${url}>`)
    .replace(/(?<!\\)\*\*/g, '')
    .replace(/\\(.)/g, '$1');
}
