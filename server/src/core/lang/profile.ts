/**
 * What the engine needs to know about one language of the corpus. The parser and the rules read
 * these tables; nothing language-specific lives in the engine itself.
 */
export interface LanguageProfile {
  id: 'zh' | 'en';
  /** Preambular openers, longest first is not required: the engine sorts. */
  preambularOpeners: readonly string[];
  /** Operative verbs. */
  operativeOpeners: readonly string[];
  /** Prefixes meaning "also"/"further" that mark a repeated opener (又, 还). */
  repeatPrefixes: readonly string[];
  /** Phrases that may stand before the opener without being part of it (在这方面). */
  openerLeadIns: readonly string[];
  /** Organ lines (the enacting formula), without the trailing comma. */
  organs: readonly string[];
  /** Closing punctuation expected by the paragraph-ending rule. */
  endings: {
    preambular: string;
    operative: string;
    last: string;
    introducesList: string;
  };
}
