import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { texts } from '../locale';
import type { ArgumentWord } from '../options';

/** The corpus options that several commands share: `--corpus FOLDER`… and `--no-bundled`. */
export interface CorpusOptions {
  folders: string[];
  bundled: boolean;
}

/**
 * Reads `--corpus FOLDER` or `--no-bundled` when `word` is one of them: true when it was,
 * a message when its value is wrong, false when the word is another option.
 */
export function readCorpusOption(word: ArgumentWord, into: CorpusOptions): boolean | string {
  if (word.name === '--corpus') {
    const c = word.value();
    if (!c) return texts().corpusNeedsFolder;
    if (!existsSync(c) || !statSync(c).isDirectory()) return texts().noSuchCorpusFolder(c);
    into.folders.push(resolve(c));
    return true;
  }
  if (word.name === '--no-bundled') {
    into.bundled = false;
    return true;
  }
  return false;
}
