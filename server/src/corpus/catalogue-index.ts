/**
 * A compact index of a large `catalogue.json`: what the rules read of it (`CatalogueFacts`: each
 * cited symbol's dates, each title's footnotes) in a hash table keyed by symbol and by title, so
 * that `lint` and the server's validation look up the few keys a draft cites instead of parsing
 * the whole catalogue (3.5 s and 500 MB for the 103 MB catalogue of a 200 MB corpus).
 *
 * The index is made from the catalogue the first time it is needed (the catalogue is then read
 * whole, once) and kept in a per-user cache folder, named after the catalogue's path. It records
 * the catalogue's path, size, modification time and inode, and a checksum of its own contents: a
 * catalogue written since, or an index of another format or damaged, is rebuilt, never misread.
 * A small catalogue is read whole, as before: its index would not be faster.
 *
 * File: `RDCATIDX`, u32 format, u32 header length, the header (JSON), then per table its buckets
 * (u32 offset and u32 length of each, little-endian) and the buckets' entries, each bucket a JSON
 * list of `[key, value]`.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { catalogueFacts, chainedFacts, type Catalogue, type CatalogueFacts } from '../core/catalogue';
import { readCatalogue } from './load';
import { ensurePrivateFolder, MAX_CATALOGUE_BYTES, readRegularFile, staysInside, writeFileSafely } from './safe-fs';

/** The index's format: a file of another format is rebuilt. 2: the header has the catalogue's entry counts. */
export const CATALOGUE_INDEX_FORMAT = 2;
const MAGIC = 'RDCATIDX';
/** Catalogues up to this size are read whole (parsing 1 MB of JSON takes a few ms). */
export const INDEX_CATALOGUES_ABOVE = 1024 * 1024;
/** Entries per bucket, on average. */
const PER_BUCKET = 4;

type TableName = 'cited' | 'titles';

interface Header {
  /** The catalogue this was made from: path, size, modification time, inode. */
  source: string;
  /** What reading the catalogue reported (malformed entries dropped), said again on every use. */
  problem?: string;
  /** CRC-32 of everything after the header. */
  crc: number;
  tables: Record<TableName, { buckets: number; at: number; entries: number }>;
  /** The catalogue's list lengths (entries, not distinct keys): what the corpus status says without reading it. */
  counts: CatalogueCounts;
}

/** How many entries each list of a catalogue has. */
export interface CatalogueCounts {
  documents: number;
  cited: number;
  titles: number;
}

function countsOf(catalogue: Catalogue): CatalogueCounts {
  return { documents: catalogue.documents.length, cited: catalogue.cited.length, titles: catalogue.titles.length };
}

function isCounts(v: unknown): v is CatalogueCounts {
  const c = v as CatalogueCounts | undefined;
  return typeof c === 'object' && c !== null && [c.documents, c.cited, c.titles].every((n) => Number.isInteger(n) && n >= 0);
}

/** The per-user cache folder of catalogue indexes, in the system temporary folder (mode 0700). */
export function userCatalogueIndexFolder(): string {
  return join(tmpdir(), `resolution-drafter-${process.getuid?.() ?? 'user'}`, 'catalogue-index');
}

/** Where the index of one catalogue lives in `folder`. */
export function catalogueIndexPath(cataloguePath: string, folder = userCatalogueIndexFolder()): string {
  return join(folder, `catalogue-${createHash('sha1').update(resolve(cataloguePath)).digest('hex').slice(0, 16)}.bin`);
}

/** What identifies the state of a catalogue file: any rewrite changes it. */
function sourceOf(cataloguePath: string, stat: { size: number; mtimeMs: number; ino: number }): string {
  return `${resolve(cataloguePath)} ${stat.size} ${stat.mtimeMs} ${stat.ino}`;
}

/** FNV-1a over the UTF-16 code units: the bucket of a key. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The index's bytes for a catalogue: the first entry of each symbol and of each title, as the rules read them. */
export function catalogueIndexBytes(catalogue: Catalogue, source: string, problem?: string): Buffer {
  const tables: [TableName, Map<string, readonly string[]>][] = [
    ['cited', new Map()],
    ['titles', new Map()],
  ];
  for (const d of catalogue.cited) if (!tables[0][1].has(d.symbol)) tables[0][1].set(d.symbol, d.dates);
  for (const t of catalogue.titles) if (!tables[1][1].has(t.title)) tables[1][1].set(t.title, t.footnotes);
  const parts: Buffer[] = [];
  let at = 0;
  const layout = {} as Header['tables'];
  for (const [name, entries] of tables) {
    const buckets = Math.max(1, Math.ceil(entries.size / PER_BUCKET));
    const lists: [string, readonly string[]][][] = Array.from({ length: buckets }, () => []);
    for (const entry of entries) lists[hashKey(entry[0]) % buckets].push(entry);
    const chunks = lists.map((l) => (l.length > 0 ? Buffer.from(JSON.stringify(l)) : Buffer.alloc(0)));
    const table = Buffer.alloc(buckets * 8);
    layout[name] = { buckets, at, entries: entries.size };
    let offset = at + table.length;
    chunks.forEach((c, i) => {
      table.writeUInt32LE(offset, i * 8);
      table.writeUInt32LE(c.length, i * 8 + 4);
      offset += c.length;
    });
    parts.push(table, ...chunks);
    at = offset;
  }
  const body = Buffer.concat(parts);
  const header: Header = { source, ...(problem ? { problem } : {}), crc: crc32(body), tables: layout, counts: countsOf(catalogue) };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const start = Buffer.alloc(16);
  start.write(MAGIC, 0, 'latin1');
  start.writeUInt32LE(CATALOGUE_INDEX_FORMAT, 8);
  start.writeUInt32LE(headerBytes.length, 12);
  return Buffer.concat([start, headerBytes, body]);
}

/** The facts of an index's bytes, or why they cannot be used (another format, another state of the catalogue, damaged). */
export function readCatalogueIndexBytes(bytes: Buffer, source: string): { facts: CatalogueFacts; counts: CatalogueCounts; problem?: string } | { unusable: string } {
  const read = readHeader(bytes, source);
  if ('unusable' in read) return read;
  const { header, headerLength } = read;
  const body = bytes.subarray(16 + headerLength);
  if (crc32(body) !== header.crc) return { unusable: 'damaged (checksum)' };
  const lookups: Partial<Record<TableName, (key: string) => readonly string[] | undefined>> = {};
  for (const name of ['cited', 'titles'] as const) {
    const t = header.tables?.[name];
    if (!t || !Number.isInteger(t.buckets) || t.buckets < 1 || !Number.isInteger(t.at) || t.at < 0 || t.at + t.buckets * 8 > body.length) return { unusable: `damaged ${name} table` };
    // Each bucket decoded on its first lookup, and kept.
    const decoded = new Map<number, Map<string, readonly string[]>>();
    lookups[name] = (key) => {
      const b = hashKey(key) % t.buckets;
      let bucket = decoded.get(b);
      if (!bucket) {
        const offset = body.readUInt32LE(t.at + b * 8);
        const length = body.readUInt32LE(t.at + b * 8 + 4);
        bucket = new Map();
        if (length > 0) for (const [k, v] of JSON.parse(body.toString('utf8', offset, offset + length)) as [string, string[]][]) bucket.set(k, v);
        decoded.set(b, bucket);
      }
      return bucket.get(key);
    };
  }
  const facts: CatalogueFacts = { citedDates: lookups.cited!, titleFootnotes: lookups.titles! };
  return header.problem ? { facts, counts: header.counts, problem: header.problem } : { facts, counts: header.counts };
}

/** The header of an index's first bytes (all of the file, or at least its header), or why it cannot be used. */
function readHeader(bytes: Buffer, source: string): { header: Header; headerLength: number } | { unusable: string } {
  if (bytes.length < 16 || bytes.toString('latin1', 0, 8) !== MAGIC) return { unusable: 'not a catalogue index' };
  const format = bytes.readUInt32LE(8);
  if (format !== CATALOGUE_INDEX_FORMAT) return { unusable: `format ${format}, not ${CATALOGUE_INDEX_FORMAT}` };
  const headerLength = bytes.readUInt32LE(12);
  if (16 + headerLength > bytes.length) return { unusable: 'cut short' };
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 16, 16 + headerLength)) as Header;
  } catch {
    return { unusable: 'damaged header' };
  }
  if (typeof header !== 'object' || header === null || header.source !== source || typeof header.crc !== 'number') return { unusable: 'made from another state of the catalogue' };
  if (!isCounts(header.counts)) return { unusable: 'damaged counts' };
  return { header, headerLength };
}

export interface CatalogueFactsOptions {
  /** Where the indexes are kept (default: `userCatalogueIndexFolder()`). */
  indexFolder?: string;
  /** Catalogues up to this many bytes are read whole (default `INDEX_CATALOGUES_ABOVE`). */
  indexAbove?: number;
}

/** How the facts of one folder were got: its index read, made now, or its catalogue read whole (small, or no index could be written). */
export type FactsSource = 'index' | 'index made' | 'catalogue' | 'none';

/**
 * The facts of one corpus folder's catalogue: from its index when the catalogue is large (made
 * first when missing or stale), else from the catalogue itself. The problems are those
 * `readCatalogue` reports, the same whichever way. Never throws.
 */
export function readFolderFacts(folder: string, options: CatalogueFactsOptions = {}): { facts?: CatalogueFacts; counts?: CatalogueCounts; problem?: string; source: FactsSource } {
  const cataloguePath = join(folder, 'catalogue.json');
  const whole = (): { facts?: CatalogueFacts; counts?: CatalogueCounts; problem?: string; catalogue?: Catalogue } => {
    const { catalogue, problem } = readCatalogue(folder);
    return { catalogue, facts: catalogue ? catalogueFacts(catalogue) : undefined, counts: catalogue ? countsOf(catalogue) : undefined, problem };
  };
  if (!existsSync(cataloguePath)) return { source: 'none' };
  let stat;
  try {
    stat = statSync(cataloguePath);
  } catch {
    stat = undefined;
  }
  // Anything but a large regular file inside the folder is read as before (and refused as before).
  if (!stat || !stat.isFile() || stat.size <= (options.indexAbove ?? INDEX_CATALOGUES_ABOVE) || stat.size > MAX_CATALOGUE_BYTES || !staysInside(folder, cataloguePath)) {
    const read = whole();
    return { facts: read.facts, counts: read.counts, problem: read.problem, source: 'catalogue' };
  }
  const source = sourceOf(cataloguePath, stat);
  const indexFolder = options.indexFolder ?? userCatalogueIndexFolder();
  const path = catalogueIndexPath(cataloguePath, indexFolder);
  try {
    const read = readCatalogueIndexBytes(readRegularFile(path, MAX_CATALOGUE_BYTES), source);
    if ('facts' in read) return { facts: read.facts, counts: read.counts, problem: read.problem, source: 'index' };
  } catch {
    /* no index yet, or unreadable: made below */
  }
  const read = whole();
  if (!read.catalogue) return { problem: read.problem, source: 'catalogue' };
  try {
    // The catalogue may have been rewritten while it was read: the index then names the state read before, and is made again next time.
    // The default cache is this user's own folder in the shared temporary folder; a folder given is the caller's.
    const writable = options.indexFolder ? (mkdirSync(indexFolder, { recursive: true, mode: 0o700 }), true) : ensurePrivateFolder(dirname(indexFolder), true) && ensurePrivateFolder(indexFolder, true);
    if (writable) {
      writeFileSafely(path, catalogueIndexBytes(read.catalogue, source, read.problem));
      return { facts: read.facts, counts: read.counts, problem: read.problem, source: 'index made' };
    }
  } catch {
    /* a cache that cannot be written: the catalogue read whole serves this time */
  }
  return { facts: read.facts, counts: read.counts, problem: read.problem, source: 'catalogue' };
}

/** Whether a folder's catalogue is read through its index (large) rather than whole. */
export function isIndexedCatalogue(folder: string, options: CatalogueFactsOptions = {}): boolean {
  const cataloguePath = join(folder, 'catalogue.json');
  try {
    const stat = statSync(cataloguePath);
    return stat.isFile() && stat.size > (options.indexAbove ?? INDEX_CATALOGUES_ABOVE) && stat.size <= MAX_CATALOGUE_BYTES && staysInside(folder, cataloguePath);
  } catch {
    return false;
  }
}

/**
 * The counts and problem of a large catalogue from its index's header alone (a few hundred bytes
 * read), without reading or indexing the catalogue: undefined when it has no up-to-date index yet
 * (`readFolderFacts` makes it). Never throws.
 */
export function readIndexedCounts(folder: string, options: CatalogueFactsOptions = {}): { counts: CatalogueCounts; problem?: string } | undefined {
  const cataloguePath = join(folder, 'catalogue.json');
  let fd: number | undefined;
  try {
    const stat = statSync(cataloguePath);
    const path = catalogueIndexPath(cataloguePath, options.indexFolder ?? userCatalogueIndexFolder());
    fd = openSync(path, 'r');
    if (!fstatSync(fd).isFile()) return undefined;
    const start = Buffer.alloc(16);
    if (readSync(fd, start, 0, 16, 0) < 16) return undefined;
    const length = start.readUInt32LE(12);
    if (length > 1024 * 1024) return undefined;
    const bytes = Buffer.alloc(16 + length);
    if (readSync(fd, bytes, 0, bytes.length, 0) < bytes.length) return undefined;
    const read = readHeader(bytes, sourceOf(cataloguePath, stat));
    if ('unusable' in read) return undefined;
    return read.header.problem ? { counts: read.header.counts, problem: read.header.problem } : { counts: read.header.counts };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The facts of the folders' catalogues in order, as `readCatalogues` would merge them (the first
 * folder that knows a key answers), and the problems met. Never throws.
 */
export function readCatalogueFacts(folders: string[], options: CatalogueFactsOptions = {}): { facts: CatalogueFacts; counts: CatalogueCounts; problems: string[]; sources: FactsSource[] } {
  const list: CatalogueFacts[] = [];
  const problems: string[] = [];
  const sources: FactsSource[] = [];
  const counts: CatalogueCounts = { documents: 0, cited: 0, titles: 0 };
  for (const folder of folders) {
    const read = readFolderFacts(folder, options);
    if (read.problem) problems.push(read.problem);
    if (read.facts) list.push(read.facts);
    if (read.counts) for (const k of ['documents', 'cited', 'titles'] as const) counts[k] += read.counts[k];
    sources.push(read.source);
  }
  return { facts: chainedFacts(list), counts, problems, sources };
}
