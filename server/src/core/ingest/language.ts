/**
 * Which language a raw document is in. Until another language has its profile, a document that
 * is not in the profile's language is refused with its reason, before it is cleaned or named
 * (so an English twin never takes the name of its Chinese original).
 */
import { chineseIngest, type IngestTables } from '../lang/zh-ingest';
import type { Locale } from '../rules/types';
import { ingestMessages } from './messages';

export type LanguageCheck = { ok: true } | { ok: false; language?: string; problem: string };

/** Checks that the text is in the profile's script; names the other language when it can. Never throws. */
export function detectLanguage(text: string, tables: IngestTables = chineseIngest, locale: Locale = 'en'): LanguageCheck {
  const say = ingestMessages[locale];
  const own = text.match(tables.script)?.length ?? 0;
  const latinWords = text.toLowerCase().match(/[a-zà-ÿ]+/g) ?? [];
  const latinLetters = latinWords.reduce((n, w) => n + w.length, 0);
  // Chinese documents carry symbols, Distr.: General and English titles in footnotes; their
  // Chinese characters still far outnumber those letters.
  if (own > 0 && own * 4 >= latinLetters) return { ok: true };
  if (latinLetters === 0) return own > 0 ? { ok: true } : { ok: false, problem: say.noChinese };
  let best: { name: string; hits: number } | undefined;
  for (const language of tables.otherLanguages) {
    const words = new Set(language.words);
    const hits = latinWords.filter((w) => words.has(w)).length;
    if (!best || hits > best.hits) best = { name: language.name, hits };
  }
  if (best && best.hits >= Math.max(3, latinWords.length * 0.05)) {
    return {
      ok: false,
      language: best.name,
      problem: say.otherLanguage(best.name),
    };
  }
  return { ok: false, problem: say.tooLittleChinese };
}
