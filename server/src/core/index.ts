/** The editor-free core of Resolution Drafter: parse a draft and reason about it. */
export * from './model';
export { LineIndex, spanText, contains, type Position } from './text';
export { parseDraft } from './parse/parser';
export { chinese } from './lang/zh';
export type { LanguageProfile } from './lang/profile';
export * from './parse/superscript';
export * from './parse/numbers';
export { isValidDate, citationKey, SYMBOL_PATTERN } from './parse/inline';
export * from './settings';
export * from './catalogue';
export * from './symbols';
export { validate, validateDraft, rules, ruleById } from './rules';
export type { Finding, Rule, RuleFinding, Severity, ValidationContext } from './rules';
export { fixesFor, applyEdits, renumberParagraphs, renumberFootnotes, type Fix, type TextEdit } from './fixes';
export * from './navigation';
export * from './assist';
export { chineseAssist, type AssistTables } from './lang/zh-assist';
export type { Continuation, PhraseSource, PhraseSourceParagraph } from './agreed/types';
