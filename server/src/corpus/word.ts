/**
 * Reading and writing Word documents, through the bundle that holds the libraries for them
 * (`dist/word.js`, see word-bundle.ts), loaded on the first use: the server and the command line
 * start without it.
 */
import { requireOwnBundle } from './own-bundle';
import type { DocumentRead } from './docx';
import type { WordExportOptions } from '../export/docx';
import type { ResolutionDocument } from '../core/model';
import type { Locale } from '../core/rules/types';

type Word = typeof import('./word-bundle');
let word: Word | undefined;

function loadWord(): Word {
  // From the bundles: dist/word.js beside this one; from the sources, the module.
  return (word ??= requireOwnBundle<Word>('word.js', './word-bundle'));
}

/** A `.docx` read as a draft (see docx.ts), its problems in `locale`. */
export function readDocx(bytes: Uint8Array, locale: Locale = 'en'): DocumentRead {
  return loadWord().readDocx(bytes, locale);
}

/** A draft as a `.docx` (see export/docx.ts). */
export function exportDocx(input: ResolutionDocument | string, options?: WordExportOptions): Promise<Uint8Array> {
  return loadWord().exportDocx(input, options);
}
