/**
 * A library kept in a bundle of its own beside the one running (`dist/pdfjs.js`, `dist/word.js`),
 * loaded on first use; from the sources (tests, the bench under tsx), the module it is made from.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The bundle `name` in this bundle's folder when there is one, else the source module `source` of this folder. */
export function requireOwnBundle<T>(name: string, source: string): T {
  const bundle = join(__dirname, name);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(existsSync(bundle) ? bundle : source) as T;
}
