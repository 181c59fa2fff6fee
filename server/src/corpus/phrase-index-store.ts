/**
 * The phrase index on disk, so that the server and the command line start without rebuilding it.
 * One binary file: a magic word, a JSON header (format version, the corpus fingerprint, the
 * sections, a checksum) and the typed arrays. A file for another corpus, another format, or one
 * that is truncated or corrupt is never used: the index is rebuilt and written again.
 */
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { corpusParagraphs, CORPUS_PARAGRAPH_KINDS } from '../core/agreed/corpus-paragraphs';
import { buildPhraseIndexFromParagraphs, PhraseIndex, type BuildProgress, type IndexedDocumentParagraphs, type PhraseIndexData } from '../core/agreed/phrase-index';
import { bundledCorpusFolder, forEachCorpusDraft, type CorpusDraft } from './load';
import { ensurePrivateFolder, MAX_CATALOGUE_BYTES, readRegularFile } from './safe-fs';

/** An index file larger than this is not read (the 200 MB corpus's is 680 MB). */
const MAX_INDEX_BYTES = 4 * 1024 * 1024 * 1024;

/** Raised whenever the layout of the file or the meaning of its arrays changes. */
export const PHRASE_INDEX_FORMAT = 2;
const MAGIC = 'RDPI';

type ChecksumKind = 'crc32' | 'sha1';
const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
// CRC-32 where Node has it (20.15 and later): it reads a large index about ten times faster than
// SHA-1 does, and finds the damage a checksum is here for (a truncated or garbled file).
const preferredChecksum: ChecksumKind = zlibCrc32 ? 'crc32' : 'sha1';

/** The checksum of the array data, named by its kind (`crc32:…`, `sha1:…`); undefined when this Node cannot compute that kind. */
function checksumOf(parts: Uint8Array[], kind: string): string | undefined {
  if (kind === 'crc32' && zlibCrc32) {
    let value = 0;
    // An empty part is skipped: zlib.crc32 of no bytes returns 0, not the running value (Node 20),
    // which made the index of an empty corpus "corrupt" on every start.
    for (const part of parts) if (part.length > 0) value = zlibCrc32(part, value);
    return `crc32:${value.toString(16)}`;
  }
  if (kind === 'sha1') {
    const hash = createHash('sha1');
    for (const part of parts) hash.update(part);
    return `sha1:${hash.digest('hex')}`;
  }
  return undefined;
}

type ArrayName = 'text' | 'suffixes' | 'paragraphStarts' | 'paragraphDocument' | 'paragraphLine' | 'paragraphKind' | 'paragraphWhere' | 'bigramKeys' | 'bigramOffsets' | 'bigramParagraphs' | 'paragraphBigrams';
const ARRAYS: Record<ArrayName, { new (buffer: ArrayBuffer, offset: number, length: number): ArrayLike<number> & ArrayBufferView; BYTES_PER_ELEMENT: number }> = {
  text: Uint16Array,
  suffixes: Int32Array,
  paragraphStarts: Int32Array,
  paragraphDocument: Int32Array,
  paragraphLine: Int32Array,
  paragraphKind: Uint8Array,
  paragraphWhere: Int32Array,
  bigramKeys: Uint32Array,
  bigramOffsets: Int32Array,
  bigramParagraphs: Int32Array,
  paragraphBigrams: Int32Array,
};

interface Header {
  format: number;
  fingerprint: string;
  /**
   * What the corpus contains, whatever its place and file times: the folders by position, and the
   * name and content hash of every draft and catalogue. An index copied with its corpus (installed
   * with the extension) is still used when this matches.
   */
  contentFingerprint?: string;
  /** Bytes of array data after the header. */
  dataBytes: number;
  /** SHA-1 of the array data. */
  checksum: string;
  sections: { name: ArrayName; offset: number; length: number }[];
  whereNames: string[];
  documents: { symbol: string; file?: string; folder?: number; name?: string }[];
  /** Drafts that could not be read when the index was built (they are not in it). */
  corpusProblems?: string[];
}

/**
 * What identifies a corpus: its folders and, for every draft and catalogue in them, the name,
 * size and modification time. Any added, removed or edited file changes it.
 */
export function corpusFingerprint(folders: string[]): string {
  return hashCorpus(folders, (folder) => resolve(folder), (path) => {
    const s = statSync(path);
    return `${s.size} ${s.mtimeMs}`;
  });
}

/** See Header.contentFingerprint: reads every file, so it is computed only when the quick fingerprint differs. */
export function corpusContentFingerprint(folders: string[]): string {
  return hashCorpus(folders, (_folder, position) => String(position), (path) => createHash('sha1').update(readRegularFile(path, MAX_CATALOGUE_BYTES)).digest('hex'));
}

/** One hash over the corpus: a line for each folder, and one for each draft and catalogue in it. */
function hashCorpus(folders: string[], folderLine: (folder: string, position: number) => string, fileLine: (path: string) => string): string {
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
    for (const name of names) {
      try {
        hash.update(`${name} ${fileLine(join(folder, name))}\n`);
      } catch {
        hash.update(`${name} gone\n`);
      }
    }
  });
  return hash.digest('hex');
}

function corpusFileNames(folder: string): string[] {
  return readdirSync(folder).filter((n) => n.endsWith('.unres') || n === 'catalogue.json').sort();
}

/** The per-user cache folder in the system temporary folder (mode 0700; see ensurePrivateFolder). */
export function userIndexFolder(): string {
  return join(tmpdir(), `resolution-drafter-${process.getuid?.() ?? 'user'}`, 'phrase-index');
}

/**
 * Where the index of a corpus may live, most preferred first (read in this order, written to the
 * first that can be written). Never inside the extension, except the bundled corpus alone: its
 * index is shipped beside it (`corpus/.index/phrases.bin`, read-only in an installed extension)
 * and written there only when no `storagePath` is given (`resolution-drafter index`, packaging).
 * Then the client's `storagePath`, then a folder of this user's own in the system temporary folder.
 */
export function phraseIndexPaths(folders: string[], storagePath?: string): string[] {
  const bundledOnly = folders.length === 1 && resolve(folders[0]) === resolve(bundledCorpusFolder());
  const name = bundledOnly ? 'phrases.bin' : `phrases-${createHash('sha1').update(folders.map((f) => resolve(f)).join('\n')).digest('hex').slice(0, 16)}.bin`;
  const places: string[] = [];
  if (storagePath) places.push(join(storagePath, 'phrase-index'));
  if (bundledOnly) places.splice(storagePath ? 1 : 0, 0, join(bundledCorpusFolder(), '.index'));
  const user = userIndexFolder();
  if (ensurePrivateFolder(dirname(user), false)) places.push(user);
  return places.map((p) => join(p, name));
}

/** The total size the index files (and knowledge files) of one cache folder may take; the least recently used go first. */
export function indexCacheLimit(): number {
  const mb = Number(process.env.RESOLUTION_DRAFTER_INDEX_CACHE_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 2048) * 1024 * 1024;
}

/**
 * Keeps a cache folder under `indexCacheLimit()`: removes the least recently used index and
 * knowledge files (by modification time; a file read is touched) until the rest fit, never
 * `keep` (nor the other file of the same corpus); and temporary files left by a build that was stopped, after an hour. Never throws.
 */
export function trimIndexFolder(folder: string, keep: string[]): string[] {
  const removed: string[] = [];
  try {
    const files: { path: string; size: number; time: number }[] = [];
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      let s;
      try {
        s = lstatSync(path);
      } catch {
        continue;
      }
      if (!s.isFile()) continue;
      if (name.endsWith('.tmp') && Date.now() - s.mtimeMs > 3600_000) {
        try {
          unlinkSync(path);
          removed.push(path);
        } catch {
          /* in use by another */
        }
        continue;
      }
      if (/^(phrases-[0-9a-f]+\.bin|knowledge-[0-9a-f]+\.json)$/.test(name)) files.push({ path, size: s.size, time: s.mtimeMs });
    }
    let total = files.reduce((n, f) => n + f.size, 0);
    files.sort((a, b) => a.time - b.time);
    for (const f of files) {
      if (total <= indexCacheLimit()) break;
      // The index and the knowledge of one corpus go together: keeping one keeps both.
      const hash = (p: string) => /-([0-9a-f]+)\.(bin|json)$/.exec(basename(p))?.[1];
      if (keep.some((k) => resolve(k) === resolve(f.path) || (hash(k) !== undefined && hash(k) === hash(f.path)))) continue;
      try {
        unlinkSync(f.path);
        total -= f.size;
        removed.push(f.path);
      } catch {
        /* gone or not ours */
      }
    }
  } catch {
    /* the folder is gone */
  }
  return removed;
}

/** Marks a cache file as just used (for trimIndexFolder); never the index shipped with the extension. */
export function touch(path: string): void {
  if (!/^(phrases-[0-9a-f]+\.bin|knowledge-[0-9a-f]+\.json)$/.test(basename(path))) return;
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    /* read-only (an installed extension): fine */
  }
}

/** Writes the index atomically (a temporary file renamed into place). Throws when the folder cannot be written. */
export function writePhraseIndex(path: string, data: PhraseIndexData, fingerprint: string, corpusProblems: string[] = [], folders?: string[]): void {
  const sections: Header['sections'] = [];
  let offset = 0;
  for (const name of Object.keys(ARRAYS) as ArrayName[]) {
    const array = data[name];
    sections.push({ name, offset, length: array.length });
    // Every section starts on an 8-byte boundary so that it can be viewed in place after reading.
    offset += Math.ceil(array.byteLength / 8) * 8;
  }
  const dataBytes = offset;
  const padding = new Uint8Array(8);
  const chunks: Uint8Array[] = [];
  for (const { name } of sections) {
    const array = data[name];
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    const pad = padding.subarray(0, Math.ceil(bytes.length / 8) * 8 - bytes.length);
    chunks.push(bytes, pad);
  }
  const header: Header = {
    format: PHRASE_INDEX_FORMAT,
    fingerprint,
    contentFingerprint: folders ? corpusContentFingerprint(folders) : undefined,
    dataBytes,
    checksum: checksumOf(chunks, preferredChecksum)!,
    sections,
    whereNames: data.whereNames,
    documents: folders ? data.documents.map((d) => placed(d, folders)) : data.documents,
    corpusProblems,
  };
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerBytes = Math.ceil((8 + json.length) / 8) * 8 - 8;
  json = Buffer.concat([json, Buffer.alloc(headerBytes - json.length, 0x20)]);
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(json.length, 4);
  mkdirSync(resolve(path, '..'), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  // Created exclusively: never through a link someone left at that name.
  const fd = openSync(temporary, 'wx');
  try {
    writeSync(fd, prefix);
    writeSync(fd, json);
    for (const chunk of chunks) if (chunk.length > 0) writeSync(fd, chunk);
    closeSync(fd);
    renameSync(temporary, path);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      /* closed */
    }
    try {
      unlinkSync(temporary);
    } catch {
      /* nothing was written */
    }
    throw err;
  }
}

/** A document's draft also named by its folder's position and its name there, so that a moved corpus finds it. */
function placed(d: { symbol: string; file?: string }, folders: string[]): Header['documents'][number] {
  if (d.file === undefined) return d;
  const folder = folders.findIndex((f) => resolve(f, basename(d.file!)) === resolve(d.file!));
  return folder < 0 ? d : { ...d, folder, name: basename(d.file) };
}

/**
 * Reads an index file; a problem (missing, other corpus, other format, truncated, corrupt) is
 * returned as a sentence. With `folders`, a file whose quick fingerprint differs (the corpus was
 * moved or copied, as when the extension is installed) is still used when its content matches.
 */
export function readPhraseIndex(path: string, fingerprint: string, folders?: string[]): { data: PhraseIndexData; corpusProblems: string[] } | { problem: string; missing?: boolean } {
  // Whatever goes wrong in reading a file that parses (a RangeError from a shifted section, a
  // TypeError from a null list) means the file is not used and the index is rebuilt.
  try {
    return readPhraseIndexFile(path, fingerprint, folders);
  } catch (err) {
    return { problem: `${path} is damaged (${err instanceof Error ? err.message : String(err)})` };
  }
}

function readPhraseIndexFile(path: string, fingerprint: string, folders?: string[]): { data: PhraseIndexData; corpusProblems: string[] } | { problem: string; missing?: boolean } {
  let file: Buffer;
  try {
    file = readRegularFile(path, MAX_INDEX_BYTES);
  } catch (err) {
    return { problem: `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`, missing: (err as NodeJS.ErrnoException).code === 'ENOENT' };
  }
  if (file.length < 8 || file.toString('latin1', 0, 4) !== MAGIC) return { problem: `${path} is not a phrase index file` };
  const headerLength = file.readUInt32LE(4);
  if (8 + headerLength > file.length) return { problem: `${path} is truncated` };
  let header: Header;
  try {
    header = JSON.parse(file.toString('utf8', 8, 8 + headerLength)) as Header;
  } catch {
    return { problem: `${path} has a damaged header` };
  }
  const shape = checkHeader(header);
  if (shape) return { problem: `${path} has a damaged header (${shape})` };
  if (header.format !== PHRASE_INDEX_FORMAT) return { problem: `${path} has format ${header.format}, not ${PHRASE_INDEX_FORMAT}` };
  const sameContent = () => folders !== undefined && header.contentFingerprint !== undefined && header.contentFingerprint === corpusContentFingerprint(folders);
  if (header.fingerprint !== fingerprint && !sameContent()) return { problem: `${path} was built from another state of the corpus` };
  const start = 8 + headerLength;
  if (file.length !== start + header.dataBytes) return { problem: `${path} is truncated or has extra bytes (${file.length} bytes, expected ${start + header.dataBytes})` };
  const body = file.subarray(start);
  const kind = String(header.checksum).split(':')[0];
  const checksum = checksumOf([body], kind);
  if (checksum === undefined) return { problem: `${path} has a ${kind} checksum that this Node.js cannot check` };
  if (checksum !== header.checksum) return { problem: `${path} is corrupt (checksum mismatch)` };
  // Typed-array views need aligned offsets; a pooled or unaligned buffer is copied once.
  const aligned = body.byteOffset % 8 === 0 ? body : Buffer.from(body);
  const arrays: Partial<Record<ArrayName, ArrayLike<number>>> = {};
  for (const s of header.sections) {
    const type = ARRAYS[s.name];
    if (!type || s.offset % type.BYTES_PER_ELEMENT !== 0 || s.offset + s.length * type.BYTES_PER_ELEMENT > header.dataBytes) return { problem: `${path} has a damaged section table` };
    arrays[s.name] = new type(aligned.buffer as ArrayBuffer, aligned.byteOffset + s.offset, s.length);
  }
  for (const name of Object.keys(ARRAYS) as ArrayName[]) if (!arrays[name]) return { problem: `${path} lacks the section ${name}` };
  const documents = header.documents.map(({ symbol, file, folder, name }) => {
    const here = folders && folder !== undefined && name !== undefined && folders[folder] !== undefined ? join(folders[folder], name) : file;
    return here === undefined ? { symbol } : { symbol, file: here };
  });
  const data: PhraseIndexData = { ...(arrays as unknown as Omit<PhraseIndexData, 'whereNames' | 'documents'>), whereNames: header.whereNames, documents };
  const damage = checkIndexData(data);
  if (damage) return { problem: `${path} is damaged (${damage})` };
  return { data, corpusProblems: header.corpusProblems ?? [] };
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** What is wrong with the shape of a parsed header; undefined when nothing is. */
function checkHeader(h: unknown): string | undefined {
  if (typeof h !== 'object' || h === null) return 'not an object';
  const header = h as Record<string, unknown>;
  if (!isInt(header.dataBytes)) return 'dataBytes';
  if (typeof header.checksum !== 'string' || typeof header.fingerprint !== 'string') return 'checksum or fingerprint';
  if (!Array.isArray(header.sections) || !header.sections.every((s) => typeof s === 'object' && s !== null && typeof s.name === 'string' && isInt(s.offset) && isInt(s.length))) return 'sections';
  if (!Array.isArray(header.whereNames) || !header.whereNames.every((w) => typeof w === 'string')) return 'whereNames';
  if (!Array.isArray(header.documents) || !header.documents.every((d) => typeof d === 'object' && d !== null && typeof d.symbol === 'string' && (d.file === undefined || typeof d.file === 'string') && (d.folder === undefined || isInt(d.folder)) && (d.name === undefined || typeof d.name === 'string'))) return 'documents';
  if (header.corpusProblems !== undefined && (!Array.isArray(header.corpusProblems) || !header.corpusProblems.every((p) => typeof p === 'string'))) return 'corpusProblems';
  return undefined;
}

/** Every array of the index against the others (lengths, ranges, order); a sentence when one is off. */
function checkIndexData(d: PhraseIndexData): string | undefined {
  const paragraphs = d.paragraphStarts.length - 1;
  if (paragraphs < 0 || d.paragraphStarts[0] !== 0 || d.paragraphStarts[paragraphs] !== d.text.length) return 'paragraph starts';
  for (let i = 1; i <= paragraphs; i++) if (d.paragraphStarts[i] < d.paragraphStarts[i - 1]) return 'paragraph starts out of order';
  for (const name of ['paragraphDocument', 'paragraphLine', 'paragraphKind', 'paragraphWhere', 'paragraphBigrams'] as const) if (d[name].length !== paragraphs) return `${name} length`;
  for (let i = 0; i < paragraphs; i++) {
    if (d.paragraphDocument[i] < 0 || d.paragraphDocument[i] >= d.documents.length) return 'paragraph document';
    if (d.paragraphWhere[i] < 0 || d.paragraphWhere[i] >= d.whereNames.length) return 'paragraph place';
    if (d.paragraphKind[i] >= CORPUS_PARAGRAPH_KINDS.length) return 'paragraph kind';
  }
  const n = d.text.length;
  for (let i = 0; i < d.suffixes.length; i++) if (d.suffixes[i] < 0 || d.suffixes[i] >= n) return 'suffixes';
  if (d.bigramOffsets.length !== d.bigramKeys.length + 1 || d.bigramOffsets[0] !== 0 || d.bigramOffsets[d.bigramKeys.length] !== d.bigramParagraphs.length) return 'bigram offsets';
  for (let i = 1; i < d.bigramOffsets.length; i++) if (d.bigramOffsets[i] < d.bigramOffsets[i - 1]) return 'bigram offsets out of order';
  for (let i = 0; i < d.bigramParagraphs.length; i++) if (d.bigramParagraphs[i] < 0 || d.bigramParagraphs[i] >= paragraphs) return 'bigram paragraphs';
  return undefined;
}

/** How an index came to be: read from a file, or built (and where it was written, if anywhere). */
export interface LoadedPhraseIndex {
  index: PhraseIndex;
  source: 'file' | 'built';
  /** The file it was read from or written to. */
  path?: string;
  /** What went wrong on the way (a corrupt file, an unwritable folder): for the log, never fatal. */
  problems: string[];
  /** Drafts of the corpus that could not be read (skipped), as found when the index was built. */
  corpusProblems: string[];
}

export interface PhraseIndexOptions {
  /** A folder the client provides for caches (`storagePath`); used when the corpus folder is not writable. */
  storagePath?: string;
  progress?: BuildProgress;
  /** Build even when a file could be read (e.g. the bench measuring the build). */
  rebuild?: boolean;
  /** Do not write what was built. */
  noWrite?: boolean;
  /** Sees every draft read for a build (the knowledge digest is made in the same pass). */
  onDraft?: (draft: CorpusDraft) => void;
  /** Called when every draft of a build has been read, before the (long) sort. */
  onCorpusRead?: () => void;
}

/**
 * Reads the corpus folders draft by draft and keeps only what the index needs (each draft's
 * paragraphs), so a large corpus is never held as parsed models all at once.
 */
export function readIndexInput(folders: string[], progress: BuildProgress = () => undefined, onDraft?: (draft: CorpusDraft) => void): { documents: IndexedDocumentParagraphs[]; problems: string[] } {
  const documents: IndexedDocumentParagraphs[] = [];
  const { problems } = forEachCorpusDraft(folders, (draft) => {
    onDraft?.(draft);
    documents.push({ symbol: draft.symbol, file: draft.path, paragraphs: corpusParagraphs(draft.model) });
    if (documents.length % 100 === 0) progress('corpus', 0.5);
  });
  progress('corpus', 1);
  return { documents, problems };
}

/**
 * The phrase index of a corpus: read from its file when that matches the corpus, else built from
 * the folders and written. Reading the file parses no draft, so the command line and the server
 * start at once on a corpus they have seen.
 */
export function loadOrBuildPhraseIndex(folders: string[], options: PhraseIndexOptions = {}): LoadedPhraseIndex {
  const fingerprint = corpusFingerprint(folders);
  const paths = phraseIndexPaths(folders, options.storagePath);
  const problems: string[] = [];
  if (!options.rebuild) {
    for (const path of paths) {
      const read = readPhraseIndex(path, fingerprint, folders);
      if ('data' in read) {
        try {
          const index = new PhraseIndex(read.data);
          touch(path);
          return { index, source: 'file', path, problems, corpusProblems: read.corpusProblems };
        } catch (err) {
          problems.push(`${path} could not be used (${err instanceof Error ? err.message : String(err)}); rebuilding it`);
          continue;
        }
      }
      if (!read.missing) problems.push(`${read.problem}; rebuilding it`);
    }
  }
  const input = readIndexInput(folders, options.progress, options.onDraft);
  options.onCorpusRead?.();
  const corpusProblems = input.problems;
  const data = buildPhraseIndexFromParagraphs(input.documents, options.progress);
  const index = new PhraseIndex(data);
  if (options.noWrite) return { index, source: 'built', problems, corpusProblems };
  for (const path of paths) {
    try {
      writePhraseIndex(path, data, fingerprint, corpusProblems, folders);
      trimIndexFolder(dirname(path), [path]);
      return { index, source: 'built', path, problems, corpusProblems };
    } catch (err) {
      problems.push(`cannot write the phrase index to ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
  }
  return { index, source: 'built', problems, corpusProblems };
}
