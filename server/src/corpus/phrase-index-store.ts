/**
 * The phrase index on disk, so that the server and the command line start without rebuilding it.
 * One binary file: a magic word, a JSON header (format version, the corpus fingerprint, the
 * sections, a checksum) and the typed arrays. A file for another corpus, another format, or one
 * that is truncated or corrupt is never used: the index is rebuilt and written again.
 */
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { corpusParagraphs, CORPUS_PARAGRAPH_KINDS } from '../core/agreed/corpus-paragraphs';
import { buildPhraseIndexFromParagraphs, PhraseIndex, WEIGHT_BLOCK, wholeArray, type BuildProgress, type IndexedDocumentParagraphs, type PhraseIndexData } from '../core/agreed/phrase-index';
import { bundledCorpusFolder, forEachCorpusDraft, type CorpusDraft } from './load';
import { deferSections, typedSection, type DeferredPlace } from './deferred-sections';
import { fileIdentity, PagedSection, readFully } from './paged-section';
import { hashCorpus, namePrefix, PHRASE_INDEX_FORMAT, scanCorpus } from './corpus-scan';
export { PHRASE_INDEX_FORMAT, scanCorpus, type CorpusScan } from './corpus-scan';
import { ensurePrivateFolder, MAX_CATALOGUE_BYTES, readRegularFile } from './safe-fs';

/** An index file larger than this is not read. */
const MAX_INDEX_BYTES = 4 * 1024 * 1024 * 1024;

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

type ArrayName = Exclude<keyof PhraseIndexData, 'whereNames' | 'documents' | 'documentCount'>;
type ArrayType = { new (buffer: ArrayBuffer, offset: number, length: number): ArrayLike<number> & ArrayBufferView; BYTES_PER_ELEMENT: number };
const ARRAYS: Record<ArrayName, ArrayType> = {
  text: Uint16Array,
  suffixes: Int32Array,
  passageStarts: Int32Array,
  passageParagraphStarts: Int32Array,
  passageParagraphs: Int32Array,
  paragraphPassage: Int32Array,
  paragraphDocument: Int32Array,
  paragraphLine: Int32Array,
  paragraphKind: Uint8Array,
  paragraphWhere: Int32Array,
  suffixWeights: Float64Array,
  bigramKeys: Uint32Array,
  bigramCounts: Int32Array,
  bigramOffsets: Int32Array,
  bigramPostings: Uint8Array,
  passageBigrams: Int32Array,
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
  /** How the sections' checksums are made (`crc32` or `sha1`). */
  checksum: string;
  /** Each array: its offset in the data, its length in elements, and the checksum of its bytes. */
  sections: { name: ArrayName; offset: number; length: number; checksum: string }[];
  whereNames: string[];
  /**
   * The documents (`DocumentColumns`, as JSON), after the arrays in the data (format 5; in the
   * header, format 4, they were parsed before the index could answer anything: 9-12 ms at 22,783
   * documents, and as long again to make them): where, how many bytes, how many documents, and
   * the checksum of those bytes.
   */
  documents: { offset: number; bytes: number; count: number; checksum: string };
  /** The folders the index was built for (absolute): where the drafts are when no folders are given to the reader. */
  folderPaths?: string[];
  /** Drafts that could not be read when the index was built (they are not in it). */
  corpusProblems?: string[];
}

/**
 * The documents of an index file, a column per field (since format 4; an object per document took
 * 3 MB and 25-35 ms to read at 22,783 documents, this a third of both): the symbol; the position of the
 * folder its draft is in (-1: none of them); its draft's name in that folder, or its path when it
 * is in none, or null when it has no draft.
 */
interface DocumentColumns {
  symbols: string[];
  folders: number[];
  names: (string | null)[];
}

/**
 * What identifies a corpus: its folders and, for every draft and catalogue in them, the name,
 * size and modification time. Any added, removed or edited file changes it.
 */
export function corpusFingerprint(folders: string[]): string {
  return scanCorpus(folders).fingerprint;
}

/** See Header.contentFingerprint: reads every file, so it is computed only when the quick fingerprint differs. */
export function corpusContentFingerprint(folders: string[]): string {
  return hashCorpus(folders, (_folder, position) => String(position), (path) => createHash('sha1').update(readRegularFile(path, MAX_CATALOGUE_BYTES)).digest('hex'));
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

/** The bytes of one array of the index. */
function bytesOf(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * Writes the index atomically (a temporary file renamed into place). Throws when the folder cannot
 * be written. Each section has its checksum in the header, checked when the file is read with
 * `verify` or by `verifyPhraseIndex` (the server, after it started on the file).
 */
export function writePhraseIndex(path: string, data: PhraseIndexData, fingerprint: string, corpusProblems: string[] = [], folders?: string[]): void {
  const sections: Header['sections'] = [];
  let offset = 0;
  for (const name of Object.keys(ARRAYS) as ArrayName[]) {
    const array = wholeArray(data[name]);
    sections.push({ name, offset, length: array.length, checksum: checksumOf([bytesOf(array)], preferredChecksum)! });
    // Every section starts on an 8-byte boundary.
    offset += Math.ceil(array.byteLength / 8) * 8;
  }
  const documents = Buffer.from(JSON.stringify(documentColumns(data.documents, folders)), 'utf8');
  const documentsAt = { offset, bytes: documents.length, count: data.documents.length, checksum: checksumOf([documents], preferredChecksum)! };
  const dataBytes = offset + Math.ceil(documents.length / 8) * 8;
  const padding = new Uint8Array(8);
  const chunks: Uint8Array[] = [];
  for (const bytes of [...sections.map(({ name }) => bytesOf(wholeArray(data[name]))), documents]) {
    const pad = padding.subarray(0, Math.ceil(bytes.length / 8) * 8 - bytes.length);
    chunks.push(bytes, pad);
  }
  const header: Header = {
    format: PHRASE_INDEX_FORMAT,
    fingerprint,
    contentFingerprint: folders ? corpusContentFingerprint(folders) : undefined,
    dataBytes,
    checksum: preferredChecksum,
    sections,
    whereNames: data.whereNames,
    documents: documentsAt,
    folderPaths: folders?.map((f) => resolve(f)),
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
    for (const chunk of chunks) {
      // writeSync may write less than asked (large chunks): write on until all is out.
      for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done, chunk.length - done);
    }
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

/** The documents as the file keeps them: a draft named by its folder's position and its name there, so that a moved corpus finds it. */
function documentColumns(documents: PhraseIndexData['documents'], folders: string[] | undefined): DocumentColumns {
  const columns: DocumentColumns = { symbols: [], folders: [], names: [] };
  const prefixes = folders?.map((f) => namePrefix(resolve(f)));
  for (const d of documents) {
    columns.symbols.push(d.symbol);
    const file = d.file === undefined ? undefined : resolve(d.file);
    const name = file === undefined ? undefined : basename(file);
    const folder = file === undefined || !prefixes ? -1 : prefixes.findIndex((prefix) => prefix + name === file);
    columns.folders.push(folder);
    columns.names.push(folder >= 0 ? name! : (d.file ?? null));
  }
  return columns;
}

/** Where the documents are in the file, and what their bytes make (the documents with their drafts in `folders`). */
function documentsSection(header: Header, start: number, folders: string[] | undefined): DeferredPlace {
  return { position: start + header.documents.offset, bytes: header.documents.bytes, length: header.documents.count, decode: (bytes) => decodeDocuments(bytes, header, folders) };
}

/**
 * The documents from their bytes in the file (`Header.documents`), with their drafts' paths in the
 * folders given (or, without, in those it was built for): a file listed by folder and name is where
 * that folder is now. A plain name is put after its folder's path as it is (22,783 `join`s were a
 * fifth of the time to open a large index). Each entry is checked as it is made (one pass: they are
 * made on the first question after the server's start). Throws when they are damaged.
 */
function decodeDocuments(bytes: Uint8Array, header: Header, folders: string[] | undefined): PhraseIndexData['documents'] {
  const damaged = () => new Error('damaged documents');
  let columns: Partial<DocumentColumns> | null;
  try {
    columns = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as Partial<DocumentColumns> | null;
  } catch {
    throw damaged();
  }
  const count = header.documents.count;
  if (typeof columns !== 'object' || columns === null || !Array.isArray(columns.symbols) || !Array.isArray(columns.folders) || !Array.isArray(columns.names)) throw damaged();
  const { symbols, folders: at, names } = columns;
  if (symbols.length !== count || at.length !== count || names.length !== count) throw damaged();
  const prefixes = (folders ?? header.folderPaths)?.map(namePrefix);
  const out: { symbol: string; file?: string }[] = new Array(count);
  for (let d = 0; d < count; d++) {
    const symbol = symbols[d];
    const name = names[d];
    const folder = at[d];
    if (typeof symbol !== 'string' || !Number.isInteger(folder) || folder < -1 || (name !== null && typeof name !== 'string')) throw damaged();
    const prefix = folder >= 0 ? prefixes?.[folder] : undefined;
    const plain = name !== null && name.length > 0 && name.indexOf('/') < 0 && name.indexOf('\\') < 0 && name !== '.' && name !== '..';
    const here = name === null ? undefined : prefix === undefined ? name : plain ? prefix + name : join(prefix, name);
    out[d] = here === undefined ? { symbol } : { symbol, file: here };
  }
  return out;
}

/** How an index file is read. */
export interface ReadPhraseIndexOptions {
  /**
   * Check every section's checksum and every array against the others (default true). Without,
   * only the header and the section table are checked, and the file opens in the time it takes to
   * read it; `verifyPhraseIndex` checks the rest later.
   */
  verify?: boolean;
  /**
   * Take the file whatever state of the corpus it was built from (its `fingerprint` in the
   * answer): the caller holds a record that names it, and compares that record afterwards.
   */
  anyState?: boolean;
  /**
   * Leave the text, the suffix array and the bigram postings in the file, read a page at a time
   * (`PagedSection`): the server's way, so that it neither reads them whole at its start nor holds
   * them; and the paragraphs' arrays, the suffix weights and the documents, read whole on their
   * first use (`deferSections`). The sections' checksums are then checked by `verifyPhraseIndex`
   * (with `verify: false`).
   */
  paged?: boolean;
}

/** The sections `ReadPhraseIndexOptions.paged` leaves in the file, and their elements. */
const PAGED_SECTIONS: Partial<Record<ArrayName, 'int32' | 'uint16' | 'uint8'>> = { text: 'uint16', suffixes: 'int32', bigramPostings: 'uint8' };

/**
 * The sections `ReadPhraseIndexOptions.paged` reads on their first use or in the background
 * (`deferSections`): each is needed whole, but not before the first question.
 */
const DEFERRED_SECTIONS = new Set<ArrayName>(['passageParagraphs', 'paragraphPassage', 'paragraphDocument', 'paragraphLine', 'paragraphKind', 'paragraphWhere', 'suffixWeights']);

/**
 * Reads an index file; a problem (missing, other corpus, other format, truncated, corrupt) is
 * returned as a sentence. With `folders`, a file whose quick fingerprint differs (the corpus was
 * moved or copied, as when the extension is installed) is still used when its content matches.
 */
export function readPhraseIndex(path: string, fingerprint: string, folders?: string[], options: ReadPhraseIndexOptions = {}): { data: PhraseIndexData; corpusProblems: string[]; fingerprint: string } | { problem: string; missing?: boolean } {
  // Whatever goes wrong in reading a file that parses (a RangeError from a shifted section, a
  // TypeError from a null list) means the file is not used and the index is rebuilt.
  let fd: number;
  try {
    // Non-blocking: a FIFO put in its place is refused below, not waited on.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { problem: `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`, missing: (err as NodeJS.ErrnoException).code === 'ENOENT' };
  }
  try {
    return readPhraseIndexFile(fd, path, fingerprint, folders, options.verify ?? true, options.anyState ?? false, options.paged ?? false);
  } catch (err) {
    return { problem: `${path} is damaged (${err instanceof Error ? err.message : String(err)})` };
  } finally {
    closeSync(fd);
  }
}

/** The header of an index file and where its data starts; a problem as a sentence. */
function readHeader(fd: number, path: string): { header: Header; start: number } | { problem: string } {
  const stat = fstatSync(fd);
  if (!stat.isFile()) return { problem: `cannot read ${path} (ENOTREG)` };
  if (stat.size > MAX_INDEX_BYTES) return { problem: `cannot read ${path} (ETOOBIG)` };
  const prefix = Buffer.alloc(8);
  if (stat.size < 8) return { problem: `${path} is not a phrase index file` };
  readFully(fd, prefix, 0);
  if (prefix.toString('latin1', 0, 4) !== MAGIC) return { problem: `${path} is not a phrase index file` };
  const headerLength = prefix.readUInt32LE(4);
  if (8 + headerLength > stat.size) return { problem: `${path} is truncated` };
  const json = Buffer.alloc(headerLength);
  readFully(fd, json, 8);
  let header: Header;
  try {
    header = JSON.parse(json.toString('utf8')) as Header;
  } catch {
    return { problem: `${path} has a damaged header` };
  }
  // The format first: a file of an earlier version is not damaged, only of another shape.
  const format = typeof header === 'object' && header !== null ? (header as { format?: unknown }).format : undefined;
  if (typeof format === 'number' && format !== PHRASE_INDEX_FORMAT) return { problem: `${path} has format ${format}, not ${PHRASE_INDEX_FORMAT}` };
  const shape = checkHeader(header);
  if (shape) return { problem: `${path} has a damaged header (${shape})` };
  if (header.format !== PHRASE_INDEX_FORMAT) return { problem: `${path} has format ${header.format}, not ${PHRASE_INDEX_FORMAT}` };
  const start = 8 + headerLength;
  if (stat.size !== start + header.dataBytes) return { problem: `${path} is truncated or has extra bytes (${stat.size} bytes, expected ${start + header.dataBytes})` };
  for (const s of header.sections) {
    const type = ARRAYS[s.name];
    if (!type || s.offset % 8 !== 0 || s.offset + s.length * type.BYTES_PER_ELEMENT > header.dataBytes) return { problem: `${path} has a damaged section table` };
  }
  for (const name of Object.keys(ARRAYS) as ArrayName[]) if (!header.sections.some((s) => s.name === name)) return { problem: `${path} lacks the section ${name}` };
  if (header.documents.offset % 8 !== 0 || header.documents.offset + header.documents.bytes > header.dataBytes) return { problem: `${path} has a damaged section table` };
  return { header, start };
}

function readPhraseIndexFile(fd: number, path: string, fingerprint: string, folders: string[] | undefined, verify: boolean, anyState: boolean, paged: boolean): { data: PhraseIndexData; corpusProblems: string[]; fingerprint: string } | { problem: string; missing?: boolean } {
  const read = readHeader(fd, path);
  if ('problem' in read) return read;
  const { header, start } = read;
  const sameContent = () => folders !== undefined && header.contentFingerprint !== undefined && header.contentFingerprint === corpusContentFingerprint(folders);
  if (!anyState && header.fingerprint !== fingerprint && !sameContent()) return { problem: `${path} was built from another state of the corpus` };
  if (verify && checksumOf([], header.checksum) === undefined) return { problem: `${path} has a ${header.checksum} checksum that this Node.js cannot check` };
  // Each section into an array of its own (no copy of the whole file is ever held).
  const arrays: Partial<Record<ArrayName, (ArrayLike<number> & ArrayBufferView) | PagedSection>> = {};
  // Sections left in the file only when they are not checked here (their checksums are read whole).
  const leave = paged && !verify;
  const identity = leave ? fileIdentity(fstatSync(fd)) : undefined;
  const deferred: Record<string, DeferredPlace> = {};
  for (const s of header.sections) {
    const type = ARRAYS[s.name];
    const element = leave ? PAGED_SECTIONS[s.name] : undefined;
    if (element) {
      arrays[s.name] = new PagedSection({ path, position: start + s.offset, length: s.length, element, identity });
      continue;
    }
    if (leave && DEFERRED_SECTIONS.has(s.name)) {
      deferred[s.name] = typedSection(start + s.offset, s.length, type);
      continue;
    }
    // Uninitialised memory of its own (not pooled, not zero-filled first): the read fills it.
    const buffer = Buffer.allocUnsafeSlow(s.length * type.BYTES_PER_ELEMENT);
    const array = new type(buffer.buffer as ArrayBuffer, buffer.byteOffset, s.length);
    const bytes = bytesOf(array);
    readFully(fd, bytes, start + s.offset);
    if (verify && checksumOf([bytes], header.checksum) !== s.checksum) return { problem: `${path}: section ${s.name} is corrupt (checksum mismatch)` };
    arrays[s.name] = array;
  }
  let documents: PhraseIndexData['documents'] = [];
  const documentsPlace = documentsSection(header, start, folders);
  if (leave) deferred.documents = documentsPlace;
  else {
    const bytes = Buffer.allocUnsafeSlow(header.documents.bytes);
    readFully(fd, bytes, documentsPlace.position);
    if (verify && checksumOf([bytes], header.checksum) !== header.documents.checksum) return { problem: `${path}: section documents is corrupt (checksum mismatch)` };
    documents = documentsPlace.decode(bytes) as PhraseIndexData['documents'];
  }
  const data: PhraseIndexData = { ...(arrays as unknown as Omit<PhraseIndexData, 'whereNames' | 'documents'>), whereNames: header.whereNames, documents, documentCount: header.documents.count };
  const damage = checkIndexShape(data, (name) => deferred[name]?.length) ?? (verify ? checkIndexData(data) : undefined);
  if (damage) return { problem: `${path} is damaged (${damage})` };
  if (identity !== undefined) deferSections(data, path, identity, deferred);
  return { data, corpusProblems: header.corpusProblems ?? [], fingerprint: header.fingerprint };
}

/** Sections at least this large are read on demand by `openPhraseIndexForQuery`, a page at a time. */
const LAZY_SECTION_BYTES = 1024 * 1024;
/** Bytes read at once from a section read on demand. */
const PAGE_BYTES = 4096;

/**
 * A typed array of the file, read on demand: an element is read with its page (4 KB, kept), and
 * `subarray`/`slice` read the stretch asked for into an array of its own. For a process that asks
 * a few questions of a large index (the command line): it reads a few hundred kilobytes, not the
 * file. Supports what the index's code does with its arrays: `[i]`, `length`, `subarray`, `slice`.
 */
function pagedArray(fd: number, position: number, length: number, type: ArrayType): ArrayLike<number> & ArrayBufferView {
  const size = type.BYTES_PER_ELEMENT;
  const perPage = PAGE_BYTES / size;
  const pages = new Map<number, ArrayLike<number>>();
  const read = (from: number, to: number) => {
    const buffer = Buffer.allocUnsafeSlow((to - from) * size);
    readFully(fd, buffer, position + from * size);
    return new type(buffer.buffer as ArrayBuffer, 0, to - from);
  };
  const at = (i: number): number | undefined => {
    if (!(i >= 0 && i < length)) return undefined;
    const k = Math.floor(i / perPage);
    let page = pages.get(k);
    if (!page) pages.set(k, (page = read(k * perPage, Math.min(length, (k + 1) * perPage))));
    return page[i - k * perPage];
  };
  const stretch = (start = 0, end = length) => {
    const clamp = (v: number) => Math.max(0, Math.min(length, v < 0 ? length + v : v));
    const [from, to] = [clamp(start), clamp(end)];
    return read(from, Math.max(from, to));
  };
  return new Proxy({} as ArrayLike<number> & ArrayBufferView, {
    get(_target, prop) {
      if (typeof prop !== 'string') return undefined;
      if (prop === 'length') return length;
      if (prop === 'subarray' || prop === 'slice') return stretch;
      const c = prop.charCodeAt(0);
      return c >= 48 && c <= 57 ? at(Number(prop)) : undefined;
    },
  });
}

/**
 * Opens an index file for a few queries: the header and section table checked, small sections
 * read, large ones read on demand (see `pagedArray`); the checksums are not checked (the file's
 * writer made them; the server checks them after it starts). The file stays open. A problem as
 * with `readPhraseIndex`. Sections of `lazyFrom` bytes or more are read on demand. Without a
 * `fingerprint`, the file is opened whatever state of the corpus it was built from (its own
 * fingerprint is returned: the caller compares it with the corpus's before it trusts an answer).
 */
export function openPhraseIndexForQuery(path: string, fingerprint: string | undefined, folders?: string[], lazyFrom = LAZY_SECTION_BYTES, byContent = true): { data: PhraseIndexData; corpusProblems: string[]; fingerprint: string } | { problem: string; missing?: boolean } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { problem: `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`, missing: (err as NodeJS.ErrnoException).code === 'ENOENT' };
  }
  let keep = false;
  try {
    const read = readHeader(fd, path);
    if ('problem' in read) return read;
    const { header, start } = read;
    const sameContent = () => byContent && folders !== undefined && header.contentFingerprint !== undefined && header.contentFingerprint === corpusContentFingerprint(folders);
    if (fingerprint !== undefined && header.fingerprint !== fingerprint && !sameContent()) return { problem: `${path} was built from another state of the corpus` };
    const arrays: Partial<Record<ArrayName, (ArrayLike<number> & ArrayBufferView) | PagedSection>> = {};
    for (const s of header.sections) {
      const type = ARRAYS[s.name];
      const element = PAGED_SECTIONS[s.name];
      if (element && s.length * type.BYTES_PER_ELEMENT >= lazyFrom) {
        arrays[s.name] = new PagedSection({ path, position: start + s.offset, length: s.length, element });
        continue;
      }
      if (s.length * type.BYTES_PER_ELEMENT >= lazyFrom) {
        arrays[s.name] = pagedArray(fd, start + s.offset, s.length, type);
        keep = true;
        continue;
      }
      const buffer = Buffer.allocUnsafeSlow(s.length * type.BYTES_PER_ELEMENT);
      readFully(fd, buffer, start + s.offset);
      arrays[s.name] = new type(buffer.buffer as ArrayBuffer, 0, s.length);
    }
    const data: PhraseIndexData = { ...(arrays as unknown as Omit<PhraseIndexData, 'whereNames' | 'documents'>), whereNames: header.whereNames, documents: [], documentCount: header.documents.count };
    const damage = checkIndexShape(data);
    if (damage) return { problem: `${path} is damaged (${damage})` };
    // The documents read when a result names one (a query with none reads none of them).
    deferSections(data, path, fileIdentity(fstatSync(fd)), { documents: documentsSection(header, start, folders) });
    return { data, corpusProblems: header.corpusProblems ?? [], fingerprint: header.fingerprint };
  } catch (err) {
    return { problem: `${path} is damaged (${err instanceof Error ? err.message : String(err)})` };
  } finally {
    if (!keep) closeSync(fd);
  }
}

/**
 * The phrase index for a few queries (the command line's `search`): the first index file that
 * matches the corpus, opened with `openPhraseIndexForQuery`; else as `loadOrBuildPhraseIndex`
 * (built and written). `query` runs on it; should it throw (a file damaged past its header), the
 * index is read again with every check, rebuilt if need be, and `query` runs on that.
 */
export function queryPhraseIndex<T>(folders: string[], query: (index: PhraseIndex) => T, options: PhraseIndexOptions = {}): { result: T; problems: string[] } {
  const fingerprint = options.fingerprint ?? corpusFingerprint(folders);
  const problems: string[] = [];
  const answered = queryStoredIndex(folders, fingerprint, (data) => query(new PhraseIndex(data)), problems, options.storagePath);
  if (answered) return { result: answered.result, problems };
  const loaded = loadOrBuildPhraseIndex(folders, { ...options, fingerprint });
  return { result: query(loaded.index), problems: [...problems, ...loaded.problems] };
}

/**
 * `query` over the first stored index of the folders built from the corpus with this fingerprint,
 * opened with `openPhraseIndexForQuery` (its large sections read a page at a time). Undefined when
 * there is none, or when the query threw on it (a file damaged past its header: said in `problems`);
 * the caller then reads or builds the index with every check. Without `byContent`, an index of
 * another fingerprint is not taken for one of the same content (that reads every draft).
 */
export function queryStoredIndex<T>(folders: string[], fingerprint: string, query: (data: PhraseIndexData) => T, problems: string[], storagePath?: string, byContent = true): { result: T } | undefined {
  const first = openFirstStored(folders, fingerprint, storagePath, byContent);
  if (!first) return undefined;
  try {
    const result = query(first.data);
    touch(first.path);
    return { result };
  } catch (err) {
    problems.push(`${first.path} could not be used (${err instanceof Error ? err.message : String(err)}); checking it`);
    return undefined;
  }
}

/**
 * The first of the folders' index files that exists, opened for a few queries (see
 * `openPhraseIndexForQuery`: of this `fingerprint`, or of any state without one); undefined when
 * there is none, or when the first one cannot be opened so (the later places are not looked at).
 */
function openFirstStored(folders: string[], fingerprint: string | undefined, storagePath: string | undefined, byContent: boolean): { path: string; data: PhraseIndexData; fingerprint: string } | undefined {
  for (const path of phraseIndexPaths(folders, storagePath)) {
    const opened = openPhraseIndexForQuery(path, fingerprint, folders, LAZY_SECTION_BYTES, byContent);
    if ('data' in opened) return { path, data: opened.data, fingerprint: opened.fingerprint };
    if (!opened.missing) return undefined;
  }
  return undefined;
}

/**
 * `query` over the first stored index of the folders, whatever state of the corpus it was built
 * from, with that state's fingerprint: an answer to hold until the corpus's own fingerprint is
 * known (`search` takes it when the two are the same, the index then being exactly the one
 * `queryStoredIndex` would use). Undefined when there is no index or it cannot be used (the
 * caller's usual path then reports and repairs it). The file is not touched: the caller touches
 * the one whose answer it takes.
 */
export function queryIndexAsStored<T>(folders: string[], query: (data: PhraseIndexData) => T, storagePath?: string): { result: T; fingerprint: string; path: string } | undefined {
  const first = openFirstStored(folders, undefined, storagePath, false);
  if (!first) return undefined;
  try {
    return { result: query(first.data), fingerprint: first.fingerprint, path: first.path };
  } catch {
    return undefined;
  }
}

/**
 * Checks an index file read without `verify`: every section's checksum, then every array against
 * the others. A sentence when something is wrong (the index must be rebuilt), undefined when not.
 * Reads the file section by section (a few megabytes held at a time).
 */
export function verifyPhraseIndex(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  }
  try {
    const read = readHeader(fd, path);
    if ('problem' in read) return read.problem;
    const { header, start } = read;
    if (checksumOf([], header.checksum) === undefined) return `${path} has a ${header.checksum} checksum that this Node.js cannot check`;
    const chunk = Buffer.alloc(4 * 1024 * 1024);
    const parts = [...header.sections.map((s) => ({ name: s.name as string, offset: s.offset, bytes: s.length * ARRAYS[s.name].BYTES_PER_ELEMENT, checksum: s.checksum })), { name: 'documents', ...header.documents }];
    for (const s of parts) {
      const bytes = s.bytes;
      let value = 0;
      let hash = header.checksum === 'sha1' ? createHash('sha1') : undefined;
      for (let done = 0; done < bytes; ) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - done));
        readFully(fd, part, start + s.offset + done);
        if (hash) hash.update(part);
        else value = zlibCrc32!(part, value);
        done += part.length;
      }
      const sum = hash ? `sha1:${hash.digest('hex')}` : `crc32:${value.toString(16)}`;
      hash = undefined;
      if (sum !== s.checksum) return `${path}: section ${s.name} is corrupt (checksum mismatch)`;
    }
    return undefined;
  } catch (err) {
    return `${path} is damaged (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    closeSync(fd);
  }
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** What is wrong with the shape of a parsed header; undefined when nothing is. */
function checkHeader(h: unknown): string | undefined {
  if (typeof h !== 'object' || h === null) return 'not an object';
  const header = h as Record<string, unknown>;
  if (!isInt(header.dataBytes)) return 'dataBytes';
  if (typeof header.checksum !== 'string' || typeof header.fingerprint !== 'string') return 'checksum or fingerprint';
  if (!Array.isArray(header.sections) || !header.sections.every((s) => typeof s === 'object' && s !== null && typeof s.name === 'string' && isInt(s.offset) && isInt(s.length) && typeof s.checksum === 'string')) return 'sections';
  if (!Array.isArray(header.whereNames) || !header.whereNames.every((w) => typeof w === 'string')) return 'whereNames';
  const documents = header.documents as Partial<Header['documents']> | null;
  if (typeof documents !== 'object' || documents === null || !isInt(documents.offset) || !isInt(documents.bytes) || !isInt(documents.count) || typeof documents.checksum !== 'string') return 'documents';
  if (header.folderPaths !== undefined && (!Array.isArray(header.folderPaths) || !header.folderPaths.every((f) => typeof f === 'string'))) return 'folderPaths';
  if (header.corpusProblems !== undefined && (!Array.isArray(header.corpusProblems) || !header.corpusProblems.every((p) => typeof p === 'string'))) return 'corpusProblems';
  return undefined;
}

/** The lengths of the arrays against each other (a few comparisons); a sentence when one is off. */
function checkIndexShape(d: PhraseIndexData, stillInFile: (name: ArrayName) => number | undefined = () => undefined): string | undefined {
  // The length of a section not read yet is the section table's (it is not read for this).
  const length = (name: ArrayName) => stillInFile(name) ?? d[name].length;
  const passages = d.passageStarts.length - 1;
  const paragraphs = length('paragraphPassage');
  if (passages < 0 || d.passageStarts[0] !== 0 || d.passageStarts[passages] !== d.text.length) return 'passage starts';
  if (d.suffixes.length !== d.text.length) return 'suffixes length';
  if (d.passageParagraphStarts.length !== passages + 1 || d.passageParagraphStarts[0] !== 0 || d.passageParagraphStarts[passages] !== paragraphs || length('passageParagraphs') !== paragraphs) return 'passage paragraphs';
  for (const name of ['paragraphDocument', 'paragraphLine', 'paragraphKind', 'paragraphWhere'] as const) if (length(name) !== paragraphs) return `${name} length`;
  if (d.passageBigrams.length !== passages) return 'passageBigrams length';
  if (length('suffixWeights') !== Math.floor(d.suffixes.length / WEIGHT_BLOCK) + 1) return 'suffix weights length';
  const keys = d.bigramKeys.length;
  if (d.bigramOffsets.length !== keys + 1 || d.bigramOffsets[0] !== 0 || d.bigramOffsets[keys] !== d.bigramPostings.length) return 'bigram offsets';
  if (d.bigramCounts.length !== keys + 1 || d.bigramCounts[0] !== 0) return 'bigram counts';
  return undefined;
}

/** Every array of the index against the others (ranges, order); a sentence when one is off. */
function checkIndexData(d: PhraseIndexData): string | undefined {
  const passages = d.passageStarts.length - 1;
  const paragraphs = d.paragraphPassage.length;
  for (let i = 1; i <= passages; i++) if (d.passageStarts[i] <= d.passageStarts[i - 1]) return 'passage starts out of order';
  for (let i = 1; i <= passages; i++) if (d.passageParagraphStarts[i] <= d.passageParagraphStarts[i - 1]) return 'passage paragraphs out of order';
  for (let q = 0; q < passages; q++) {
    for (let k = d.passageParagraphStarts[q]; k < d.passageParagraphStarts[q + 1]; k++) {
      const p = d.passageParagraphs[k];
      if (p < 0 || p >= paragraphs || d.paragraphPassage[p] !== q) return 'passage paragraphs';
    }
  }
  for (let i = 0; i < paragraphs; i++) {
    if (d.paragraphDocument[i] < 0 || d.paragraphDocument[i] >= d.documents.length) return 'paragraph document';
    if (d.paragraphWhere[i] < 0 || d.paragraphWhere[i] >= d.whereNames.length) return 'paragraph place';
    if (d.paragraphKind[i] >= CORPUS_PARAGRAPH_KINDS.length) return 'paragraph kind';
  }
  const n = d.text.length;
  const suffixes = wholeArray(d.suffixes);
  for (let i = 0; i < suffixes.length; i++) if (suffixes[i] < 0 || suffixes[i] >= n) return 'suffixes';
  for (let i = 1; i < d.bigramOffsets.length; i++) if (d.bigramOffsets[i] < d.bigramOffsets[i - 1] || d.bigramCounts[i] < d.bigramCounts[i - 1]) return 'bigram offsets out of order';
  // Every list decodes to its count of passages, ascending, in range.
  const postings = wholeArray(d.bigramPostings);
  for (let b = 0; b + 1 < d.bigramOffsets.length; b++) {
    let q = -1;
    let count = 0;
    for (let i = d.bigramOffsets[b]; i < d.bigramOffsets[b + 1]; ) {
      let gap = 0;
      let shift = 0;
      let byte: number;
      do {
        if (i >= d.bigramOffsets[b + 1] || shift > 28) return 'bigram postings';
        byte = postings[i++];
        gap |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      q += gap;
      count++;
      if (gap <= 0 || q >= passages) return 'bigram postings';
    }
    if (count !== d.bigramCounts[b + 1] - d.bigramCounts[b]) return 'bigram counts';
  }
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
  /**
   * Read from a file built from the corpus exactly as it is (its fingerprint), not taken for a
   * corpus of the same content under other file times.
   */
  exact?: boolean;
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
  /**
   * Open a file without checking its sections' checksums (the caller runs `verifyPhraseIndex` on
   * it afterwards, and rebuilds when that finds damage): the index is usable at once.
   */
  verifyLater?: boolean;
  /**
   * With `verifyLater`: a file's suffix array and bigram postings stay in it, read a page at a time
   * (`ReadPhraseIndexOptions.paged`); for the server's index worker, which hands the index over.
   */
  paged?: boolean;
  /** The corpus's `corpusFingerprint`, when the caller has just computed it (it stats every draft). */
  fingerprint?: string;
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
  const fingerprint = options.fingerprint ?? corpusFingerprint(folders);
  const paths = phraseIndexPaths(folders, options.storagePath);
  const problems: string[] = [];
  if (!options.rebuild) {
    for (const path of paths) {
      const read = readPhraseIndex(path, fingerprint, folders, { verify: !options.verifyLater, paged: options.paged });
      if ('data' in read) {
        try {
          const index = new PhraseIndex(read.data);
          touch(path);
          return { index, source: 'file', path, problems, corpusProblems: read.corpusProblems, exact: read.fingerprint === fingerprint };
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
