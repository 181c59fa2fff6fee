/**
 * What the parser says of lines it cannot place (a draft's structure notes), in English and
 * Chinese: the editor shows them in its display language, the command line in its own.
 */
import type { Locale } from '../rules/types';

/** The kinds of structure note. */
export type ParseNoteKind = 'stray-footnote-line' | 'repeated-organ-line' | 'orphan-subparagraph';

/** `more` follows the sentence as the language joins sentences (a space in English, none in Chinese). */
const messages: Record<Locale, Record<ParseNoteKind, string> & { more: (n: number) => string }> = {
  en: {
    'stray-footnote-line': 'This line stands among the footnotes but does not start with a footnote number (¹, ², …).',
    'repeated-organ-line': 'The organ line (大会，) appears more than once.',
    'orphan-subparagraph': 'This subparagraph has no paragraph above it to belong to.',
    more: (n) => ` ${n} more ${n === 1 ? 'line is' : 'lines are'} like this one, not marked.`,
  },
  zh: {
    'stray-footnote-line': '此行位于脚注之中，但不以脚注编号（¹、²……）开头。',
    'repeated-organ-line': '机构行（大会，）出现了不止一次。',
    'orphan-subparagraph': '此分段上方没有可归属的段落。',
    more: (n) => `另有 ${n} 行与此行相同，未逐一标出。`,
  },
};

/** A note's sentence in `locale`; `more`: how many lines like it are not marked (the last note of its kind says so). */
export function parseNoteMessage(kind: ParseNoteKind, locale: Locale = 'en', more = 0): string {
  const say = messages[locale] ?? messages.en;
  return more > 0 ? say[kind] + say.more(more) : say[kind];
}

/** A note as `locale` says it. */
export function noteMessage(note: { kind: ParseNoteKind; more?: number }, locale: Locale = 'en'): string {
  return parseNoteMessage(note.kind, locale, note.more);
}
