/**
 * The file side of the ingest tool: reads raw documents, writes clean drafts and the catalogue.
 * Used by `resolution-drafter ingest` and by the server's "add a folder to the corpus".
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Catalogue, CatalogueDocument } from '../core/catalogue';
import { binaryFormat, buildCatalogue, cleanRawText, decodeRaw, describeEncoding, detectLanguage, ingestMessages, ingestText, learnOpeners, serializeCatalogue, type CatalogueInput } from '../core/ingest';
import type { Locale } from '../core/rules/types';
import { MAX_CATALOGUE_BYTES, MAX_DRAFT_BYTES, readRegularFile, staysInside, UnsafeFileError, writeFileSafely } from './safe-fs';

/**
 * What a reader of one file type gives: the document's text (with a note on how it was read,
 * e.g. its encoding), or why the file cannot be used.
 */
export type ReadResult = { ok: true; text: string; note?: string } | { ok: false; problem: string };

/** A reader for one file type: from a path to the document's text (problems in `locale`, English by default). Must not throw for a bad file. */
export type RawReader = (path: string, locale?: Locale) => ReadResult;

/** Reads a raw text file in UTF-8, UTF-16 or GB18030 (see decodeRaw). */
export const readRawTextFile: RawReader = (path, locale = 'en') => {
  const say = ingestMessages[locale];
  let bytes: Uint8Array;
  try {
    // A regular file of at most 200 MB: a FIFO or a device is refused without waiting on it.
    bytes = readRegularFile(path, MAX_CATALOGUE_BYTES);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === 'EISDIR' ? say.folderNotFile : err instanceof UnsafeFileError ? say.cannotBeReadBecause(err.message) : say.cannotBeRead(code ?? String(err)) };
  }
  const decoded = decodeRaw(bytes, locale);
  if (!decoded.ok) return decoded;
  return { ok: true, text: decoded.text, note: describeEncoding(decoded, locale) };
};

/**
 * The readers by file extension (lower case, with its dot). A file whose extension has no reader
 * is read as text, so that a raw file named without `.txt` still works; folders list only the
 * extensions named here. A reader for another format (PDF, Word) is added to this table.
 */
export const rawReaders: Record<string, RawReader> = { '.txt': readRawTextFile };

/**
 * What a corpus folder's ingest picks up: text, and the PDF and Word files that `documents.ts`
 * reads into text first (a PDF or Word file given to ingestFiles without that reader is refused
 * as not text).
 */
export const INGESTED_EXTENSIONS: readonly string[] = ['.txt', '.pdf', '.docx'];

function readerFor(path: string, readers: Record<string, RawReader>): RawReader {
  return readers[extname(path).toLowerCase()] ?? readRawTextFile;
}

export interface IngestOptions {
  /** Readers by extension; rawReaders by default. */
  readers?: Record<string, RawReader>;
  /** The language of the problems and remarks (English by default). */
  locale?: Locale;
}

export interface IngestedFile {
  input: string;
  /** The clean draft written, relative to outDir. */
  output: string;
  symbol?: string;
  /** How the file was read when that is worth saying (`read as GB18030 text and converted to UTF-8`). */
  note?: string;
  /** Things to check in the clean draft (a footnote without its marker …); empty when all is placed. */
  remarks: string[];
}

export interface FailedFile {
  input: string;
  /** A sentence naming the problem (the file is named by `input`). */
  problem: string;
}

export interface IngestReport {
  outDir: string;
  ingested: IngestedFile[];
  failed: FailedFile[];
  /** Path of the catalogue written. */
  catalogue: string;
  /** Drafts already in outDir (from earlier ingests) that the catalogue still describes. */
  kept: string[];
}

/** `A/RES/76/54` → `A-RES-76-54.unres`; `S/RES/2446 (2018)` → `S-RES-2446-2018.unres`; `A/RES/2159 (XXI)` → `A-RES-2159-XXI.unres`. */
export function draftFileName(symbol: string): string {
  // The year or session in parentheses is one more part of the name: S/RES/2446 (2018) → S-RES-2446-2018.
  const parts = symbol.replace(/\s*\((\d{4}|[IVXLC]+)\)$/, '/$1');
  return parts.replace(/[/\\]/g, '-').replace(/[^A-Za-z0-9.()\-_]/g, '_') + '.unres';
}

function sourcePath(input: string, outDir: string): string {
  const rel = relative(resolve(outDir), resolve(input));
  const usable = rel && !rel.startsWith('..') && !isAbsolute(rel);
  return (usable ? rel : resolve(input)).split(sep).join('/');
}

/**
 * Ingests raw documents into `outDir`: one clean draft per input and a catalogue of all of them.
 * Inputs that cannot be read or have no structure are reported in `failed`; the rest are
 * written. Never throws for bad input files.
 */
export function ingestFiles(inputs: string[], outDir: string, options: IngestOptions = {}): IngestReport {
  const report: IngestReport = { outDir, ingested: [], failed: [], catalogue: join(outDir, 'catalogue.json'), kept: [] };
  const readers = options.readers ?? rawReaders;
  const locale = options.locale ?? 'en';
  const say = ingestMessages[locale];
  const drafts: CatalogueInput[] = [];
  const taken = new Map<string, string>();
  const read: { input: string; text: string; note?: string }[] = [];
  for (const input of inputs) {
    let result: ReadResult;
    try {
      result = readerFor(input, readers)(input, locale);
    } catch (err) {
      result = { ok: false, problem: say.cannotBeRead(err instanceof Error ? err.message : String(err)) };
    }
    if (!result.ok) report.failed.push({ input, problem: result.problem });
    else read.push({ input, text: result.text, note: result.note });
  }
  // Paragraph openers learned from the corpus: the drafts already in the folder and a first
  // cleaning of this batch. A user's corpus extends what the tables know.
  const firstPass = read.filter((r) => detectLanguage(r.text).ok).map((r) => cleanRawText(r.text).text);
  const openers = learnOpeners([...existingDrafts(outDir), ...firstPass]);
  for (const { input, text, note } of read) {
    const result = ingestText(text, undefined, { openers, locale });
    if (!result.ok) {
      report.failed.push({ input, problem: result.problem });
      continue;
    }
    const name = result.symbol ? draftFileName(result.symbol) : basename(input, extname(input)) + '.unres';
    const earlier = taken.get(name);
    if (earlier) {
      report.failed.push({ input, problem: say.sameDocument(name, earlier) });
      continue;
    }
    taken.set(name, input);
    drafts.push({ file: name, source: sourcePath(input, outDir), text: result.draft.text, symbol: result.symbol, headingTitle: result.draft.headingTitle });
    report.ingested.push({ input, output: name, symbol: result.symbol, remarks: result.draft.remarks, ...(note ? { note } : {}) });
  }
  // Failures in the order of the inputs.
  const order = new Map(inputs.map((input, i) => [input, i]));
  report.failed.sort((a, b) => (order.get(a.input) ?? 0) - (order.get(b.input) ?? 0));
  mkdirSync(outDir, { recursive: true });
  // Each file through a temporary file and rename, never through a symbolic link (it would overwrite its target).
  const written: CatalogueInput[] = [];
  for (const d of drafts) {
    try {
      writeFileSafely(join(outDir, d.file), d.text);
      written.push(d);
    } catch (err) {
      const at = report.ingested.findIndex((i) => i.output === d.file);
      const input = at >= 0 ? report.ingested.splice(at, 1)[0].input : d.file;
      report.failed.push({ input, problem: say.cannotWrite(join(outDir, d.file), err instanceof UnsafeFileError ? err.message : ((err as NodeJS.ErrnoException).code ?? String(err))) });
    }
  }
  drafts.length = 0;
  for (const d of written) drafts.push(d);
  // The catalogue describes every draft in the folder, not only this batch: adding documents to
  // a corpus keeps the ones already there.
  const earlier = earlierEntries(report.catalogue);
  for (const name of readdirSync(outDir).filter((n) => n.endsWith('.unres')).sort()) {
    if (drafts.some((d) => d.file === name)) continue;
    let text: string;
    try {
      // Never through a link that leaves the folder, and only a regular file.
      if (!staysInside(outDir, join(outDir, name))) throw new UnsafeFileError('a link that leaves the folder', 'ELINK');
      text = readRegularFile(join(outDir, name), MAX_DRAFT_BYTES).toString('utf8');
    } catch (err) {
      report.failed.push({ input: join(outDir, name), problem: say.notKept(err instanceof Error ? err.message : String(err)) });
      continue;
    }
    const entry = earlier.get(name);
    drafts.push({ file: name, source: entry?.source ?? name, text, symbol: entry?.symbol || undefined, headingTitle: entry?.title || undefined });
    report.kept.push(name);
  }
  writeFileSafely(report.catalogue, serializeCatalogue(buildCatalogue(drafts)));
  return report;
}

/** The clean drafts already in a corpus folder (none when it does not exist yet). */
function existingDrafts(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.unres'));
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    try {
      if (!staysInside(folder, join(folder, n))) return [];
      return [readRegularFile(join(folder, n), MAX_DRAFT_BYTES).toString('utf8')];
    } catch {
      return [];
    }
  });
}

function earlierEntries(path: string): Map<string, CatalogueDocument> {
  try {
    if (!staysInside(resolve(path, '..'), path)) return new Map();
    const parsed = JSON.parse(readRegularFile(path, MAX_CATALOGUE_BYTES).toString('utf8')) as Partial<Catalogue>;
    return new Map((Array.isArray(parsed.documents) ? parsed.documents : []).map((d) => [d.file, d]));
  } catch {
    return new Map();
  }
}

/** The files of a folder that ingest reads (`.txt`, `.pdf`, `.docx`), sorted: what "add a folder to the corpus" ingests. */
export function rawFilesIn(folder: string, extensions: readonly string[] = INGESTED_EXTENSIONS): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => extensions.includes(extname(n).toLowerCase()))
    .sort()
    .map((n) => join(folder, n));
}

/** A file of a folder that ingest leaves aside, and why, in the words ingest uses for it when it is named. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/**
 * What a folder holds that ingest does not read (its files of other types and its folders), sorted,
 * each with the reason: for a Word .doc, an .odt or another binary document, what ingest says of
 * it when it is named (its first bytes tell), else that its type is not read. Hidden files are
 * left out. Never throws.
 */
export function skippedIn(folder: string, extensions: readonly string[] = INGESTED_EXTENSIONS, locale: Locale = 'en'): SkippedFile[] {
  const say = ingestMessages[locale];
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const named = say.extensions(extensions);
  const skipped: SkippedFile[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      skipped.push({ path, reason: say.innerFolder });
      continue;
    }
    if (extensions.includes(extname(entry.name).toLowerCase())) continue;
    let reason = say.otherType(named);
    try {
      // The first bytes only, and only of a regular file (a FIFO would wait for a writer).
      if (statSync(path).isFile()) {
        const head = Buffer.alloc(16);
        const fd = openSync(path, 'r');
        let length = 0;
        try {
          length = readSync(fd, head, 0, head.length, 0);
        } finally {
          closeSync(fd);
        }
        const bytes = head.subarray(0, length);
        if (binaryFormat(bytes)) {
          const decoded = decodeRaw(bytes, locale);
          if (!decoded.ok) reason = decoded.problem;
        }
      }
    } catch {
      /* unreadable: the reason above stands */
    }
    skipped.push({ path, reason });
  }
  return skipped;
}
