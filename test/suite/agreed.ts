// What the corpus says after a piece of text: the yardstick for agreed-language completion in
// the extension suite and the workbench tests. No editor API here, so both can use it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Text as the comparison sees it: without emphasis marks, footnote markers and spaces. */
export const plainText = (s: string): string => s.replace(/\*\*|[⁰¹²³⁴⁵⁶⁷⁸⁹\s]/g, '');

/** Every continuation of `after` in the clean drafts of a corpus folder (plain text, to the end of the paragraph). */
export function corpusContinuations(corpusFolder: string, after: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(corpusFolder).filter((f) => f.endsWith('.unres'))) {
    for (const line of readFileSync(join(corpusFolder, name), 'utf8').split('\n')) {
      const text = plainText(line);
      const at = text.indexOf(after);
      if (at >= 0 && text.length > at + after.length) found.push(text.slice(at + after.length));
    }
  }
  return found;
}

/**
 * Whether a completion's text continues `typed` as the corpus does: without what is already typed,
 * its first characters (at least two) begin one of the corpus continuations.
 */
export function continuesAsCorpus(completion: string, typed: string[], continuations: string[]): boolean {
  let text = plainText(completion);
  for (const t of typed) if (text.startsWith(plainText(t))) text = text.slice(plainText(t).length);
  return text.length >= 2 && continuations.some((c) => c.startsWith(text.slice(0, 6)));
}
