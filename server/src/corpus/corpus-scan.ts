/**
 * The corpus as `stat` sees it: the size and modification time of every draft and catalogue in
 * the folders, and the fingerprint they make (what an index file was built from).
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Raised whenever the layout of the index file or the meaning of its arrays changes (the fingerprint hashes it).
 * 7: the fingerprint hashes the drafts' sizes and times as numbers, not as lines of text.
 */
export const PHRASE_INDEX_FORMAT = 7;

/** One pass of `stat`s over the corpus: the size and time of every draft and catalogue, and the fingerprint they make. */
export interface CorpusScan {
  /** Absolute path → `size mtimeMs`, folder by folder, each folder's names in sorted order. */
  readonly files: Record<string, string>;
  /** What identifies the corpus: its folders and, for every draft and catalogue, name, size and time. */
  readonly fingerprint: string;
}

/** The figures of a file that could not be `stat`ed (gone since `readdir` listed it, or unreadable): no file has them. */
const GONE = -1;

/**
 * The corpus as `stat` sees it, in one pass: what the fingerprint hashes, and the same figures per
 * file (a segment's record compares them). Callers that need both take them from one scan: on a
 * corpus of 20,000 drafts, each pass of `stat`s costs about as much as the query it precedes.
 *
 * The fingerprint (index format 7): a SHA-1 over `format 7`, then for each folder in the order
 * given its absolute path, the number of its drafts and catalogues, their names in sorted order
 * (one a line), and their sizes and modification times (ms) as little-endian doubles, two a file
 * in the same order (-1 and -1 for a file that could not be read); an unreadable folder is
 * hashed as such. The numbers are hashed as they are: written out as text (format 6) they were a
 * fifth of the pass, 22,783 of them, on each search.
 */
export function scanCorpus(folders: string[]): CorpusScan {
  const hash = createHash('sha1');
  hash.update(`format ${PHRASE_INDEX_FORMAT}\n`);
  const listed: { prefix: string; names: string[]; figures: Float64Array }[] = [];
  for (const folder of folders) {
    const path = resolve(folder);
    hash.update(`folder ${path}\n`);
    let names: string[];
    try {
      names = corpusFileNames(path);
    } catch {
      hash.update('unreadable\n');
      continue;
    }
    // The folder's absolute path once, not a `resolve` per draft (22,783 of them were a quarter of the pass).
    const prefix = namePrefix(path);
    const figures = new Float64Array(names.length * 2);
    for (let i = 0; i < names.length; i++) {
      let size = GONE;
      let time = GONE;
      try {
        const s = statSync(prefix + names[i], { throwIfNoEntry: false });
        if (s) {
          size = s.size;
          time = s.mtimeMs;
        }
      } catch {
        // unreadable: GONE
      }
      figures[2 * i] = size;
      figures[2 * i + 1] = time;
    }
    hash.update(`${names.length}\n${names.join('\n')}\n`);
    hash.update(littleEndian(figures));
    listed.push({ prefix, names, figures });
  }
  const fingerprint = hash.digest('hex');
  // The record of paths and lines is made only when a caller reads it (the usual question, a corpus
  // as its index was built, needs the fingerprint alone: the record's 22,783 keys were 17 ms).
  let files: Record<string, string> | undefined;
  return {
    fingerprint,
    get files() {
      if (!files) {
        files = {};
        for (const { prefix, names, figures } of listed)
          names.forEach((name, i) => {
            if (figures[2 * i] !== GONE) files![prefix + name] = `${figures[2 * i]} ${figures[2 * i + 1]}`;
          });
      }
      return files;
    },
  };
}

/** The doubles' bytes in little-endian order (the fingerprint's), whatever the machine's. */
function littleEndian(figures: Float64Array): Uint8Array {
  const bytes = new Uint8Array(figures.buffer, figures.byteOffset, figures.byteLength);
  if (new Uint8Array(new Float64Array([-0]).buffer)[7] === 0x80) return bytes;
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 8) for (let j = 0; j < 8; j++) swapped[i + j] = bytes[i + 7 - j];
  return swapped;
}

/** Lines hashed together: a call into the hash per draft was a tenth of the pass, one string of them all lived through every scavenge. */
const LINES_PER_UPDATE = 512;

/** One hash over the corpus: a line for each folder, and one for each draft and catalogue in it. */
export function hashCorpus(folders: string[], folderLine: (folder: string, position: number) => string, fileLine: (path: string, name: string) => string): string {
  const hash = createHash('sha1');
  hash.update(`format ${PHRASE_INDEX_FORMAT}\n`);
  folders.forEach((folder, position) => {
    hash.update(`folder ${folderLine(folder, position)}\n`);
    let names: string[] = [];
    try {
      names = corpusFileNames(folder);
    } catch {
      hash.update('unreadable\n');
    }
    const prefix = namePrefix(folder);
    let text = '';
    names.forEach((name, i) => {
      try {
        text += `${name} ${fileLine(prefix + name, name)}\n`;
      } catch {
        text += `${name} gone\n`;
      }
      if (i % LINES_PER_UPDATE === LINES_PER_UPDATE - 1) {
        hash.update(text);
        text = '';
      }
    });
    hash.update(text);
  });
  return hash.digest('hex');
}

/** What `join(folder, name)` puts before a plain file name (a name `readdir` gives). */
export function namePrefix(folder: string): string {
  return join(folder, 'x').slice(0, -1);
}

function corpusFileNames(folder: string): string[] {
  return readdirSync(folder).filter((n) => n.endsWith('.unres') || n === 'catalogue.json').sort();
}
