/** Completion and hovers: agreed language and corpus facts at the drafter's fingertips. */
export * from './knowledge';
export * from './completion';
export * from './hover';
export { escapeMarkdown, markdownLink, markdownToPlainText } from './markdown';
export * from './knowledge-data';
export * from './knowledge-update';
export * from './inline';
