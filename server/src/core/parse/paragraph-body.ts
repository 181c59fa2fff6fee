/** The text of a paragraph typed or copied on one line, without its label: what a similar-text search looks up. */
import { chinese } from '../lang/zh';
import { parseDraft } from './parser';

export interface LineBody {
  text: string;
  start: number;
  end: number;
}

/**
 * The text of the paragraph on one line, without its label and surrounding spaces: what to look
 * up, and what a chosen match replaces (the label stays). Undefined for a blank line.
 */
export function paragraphBody(line: string): LineBody | undefined {
  const organ = `${chinese.organs[0]}${chinese.endings.preambular}\n`;
  const paragraph = parseDraft(organ + line).paragraphs[0];
  const start = paragraph ? paragraph.body.start - organ.length : line.length - line.trimStart().length;
  const end = paragraph ? paragraph.body.end - organ.length : line.trimEnd().length;
  if (end <= start) return undefined;
  return { text: line.slice(start, end), start, end };
}

/**
 * What a similar-text search looks up for a text a drafter gives: a paragraph copied with its
 * label (`8. 促请……`, `(b) ……`) is looked up without it, as the corpus keeps its paragraphs.
 * Only a text that starts like a label is parsed (a search is asked on every keystroke of a query).
 */
export function similarQuery(text: string): string {
  if (!/^\s*[(（0-9０-９㈠-㈩]/.test(text)) return text;
  return paragraphBody(text)?.text ?? text;
}
