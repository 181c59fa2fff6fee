/**
 * The file side of the ingest tool: reads raw documents, writes clean drafts and the catalogue.
 * Used by `resolution-drafter ingest` and by the server's "add a folder to the corpus".
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Catalogue, CatalogueDocument } from '../core/catalogue';
import { buildCatalogue, decodeRaw, ingestText, serializeCatalogue, type CatalogueInput } from '../core/ingest';
import { MAX_CATALOGUE_BYTES, MAX_DRAFT_BYTES, readRegularFile, staysInside, UnsafeFileError, writeFileSafely } from './safe-fs';

export interface IngestedFile {
  input: string;
  /** The clean draft written, relative to outDir. */
  output: string;
  symbol?: string;
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

/** `A/RES/76/54` → `A-RES-76-54.unres`. */
export function draftFileName(symbol: string): string {
  return symbol.replace(/[/\\]/g, '-').replace(/[^A-Za-z0-9.()\-_]/g, '_') + '.unres';
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
export function ingestFiles(inputs: string[], outDir: string): IngestReport {
  const report: IngestReport = { outDir, ingested: [], failed: [], catalogue: join(outDir, 'catalogue.json'), kept: [] };
  const drafts: CatalogueInput[] = [];
  const taken = new Map<string, string>();
  for (const input of inputs) {
    let bytes: Uint8Array;
    try {
      // A regular file of at most 200 MB: a FIFO or a device is refused without waiting on it.
      bytes = readRegularFile(input, MAX_CATALOGUE_BYTES);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      report.failed.push({ input, problem: code === 'EISDIR' ? 'is a folder, not a file' : err instanceof UnsafeFileError ? `cannot be read: ${err.message}` : `cannot be read (${code ?? String(err)})` });
      continue;
    }
    const decoded = decodeRaw(bytes);
    if (!decoded.ok) {
      report.failed.push({ input, problem: decoded.problem });
      continue;
    }
    const result = ingestText(decoded.text);
    if (!result.ok) {
      report.failed.push({ input, problem: result.problem });
      continue;
    }
    const name = result.symbol ? draftFileName(result.symbol) : basename(input, extname(input)) + '.unres';
    const earlier = taken.get(name);
    if (earlier) {
      report.failed.push({ input, problem: `gives the same document (${name}) as ${earlier}; skipped` });
      continue;
    }
    taken.set(name, input);
    drafts.push({ file: name, source: sourcePath(input, outDir), text: result.draft.text, symbol: result.symbol, headingTitle: result.draft.headingTitle });
    report.ingested.push({ input, output: name, symbol: result.symbol, remarks: result.draft.remarks });
  }
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
      report.failed.push({ input, problem: `cannot write ${join(outDir, d.file)} (${err instanceof UnsafeFileError ? err.message : ((err as NodeJS.ErrnoException).code ?? String(err))})` });
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
      report.failed.push({ input: join(outDir, name), problem: `not kept in the catalogue: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    const entry = earlier.get(name);
    drafts.push({ file: name, source: entry?.source ?? name, text, symbol: entry?.symbol || undefined, headingTitle: entry?.title || undefined });
    report.kept.push(name);
  }
  writeFileSafely(report.catalogue, serializeCatalogue(buildCatalogue(drafts)));
  return report;
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

/** The `.txt` files of a folder, sorted: what "add a folder to the corpus" ingests. */
export function rawFilesIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => n.toLowerCase().endsWith('.txt'))
    .sort()
    .map((n) => join(folder, n));
}
