/** Navigation in a draft: footnotes, cross-references, links, folding, list numbering. */
export * from './footnotes';
export * from './paragraphs';
export * from './links';
export * from './folding';
export * from './outline';
