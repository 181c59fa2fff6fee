/**
 * The file side of the ingest tool: reads raw documents, writes clean drafts and the catalogue.
 * Used by `resolution-drafter ingest` and by the server's "add a folder to the corpus".
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Catalogue, CatalogueDocument } from '../core/catalogue';
import type { DocumentRead } from './docx';
import { buildCatalogue, decodeRaw, ingestText, serializeCatalogue, type CatalogueInput } from '../core/ingest';

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
export function ingestFiles(inputs: string[], outDir: string, documents?: ReadonlyMap<string, DocumentRead>): IngestReport {
  const report: IngestReport = { outDir, ingested: [], failed: [], catalogue: join(outDir, 'catalogue.json'), kept: [] };
  const drafts: CatalogueInput[] = [];
  const taken = new Map<string, string>();
  for (const input of inputs) {
    // A PDF or Word file, already read into draft text by its reader (documents.ts).
    const document = documents?.get(input);
    if (document && !document.ok) {
      report.failed.push({ input, problem: document.problem });
      continue;
    }
    let bytes: Uint8Array = new Uint8Array();
    if (!document) try {
      bytes = readFileSync(input);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      report.failed.push({ input, problem: code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(err)})` });
      continue;
    }
    const decoded = document ? { ok: true as const, text: document.text } : decodeRaw(bytes);
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
  for (const d of drafts) writeFileSync(join(outDir, d.file), d.text);
  // The catalogue describes every draft in the folder, not only this batch: adding documents to
  // a corpus keeps the ones already there.
  const earlier = earlierEntries(report.catalogue);
  for (const name of readdirSync(outDir).filter((n) => n.endsWith('.unres')).sort()) {
    if (drafts.some((d) => d.file === name)) continue;
    let text: string;
    try {
      text = readFileSync(join(outDir, name), 'utf8');
    } catch {
      continue;
    }
    const entry = earlier.get(name);
    drafts.push({ file: name, source: entry?.source ?? name, text, symbol: entry?.symbol || undefined, headingTitle: entry?.title || undefined });
    report.kept.push(name);
  }
  writeFileSync(report.catalogue, serializeCatalogue(buildCatalogue(drafts)));
  return report;
}

function earlierEntries(path: string): Map<string, CatalogueDocument> {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Catalogue>;
    return new Map((Array.isArray(parsed.documents) ? parsed.documents : []).map((d) => [d.file, d]));
  } catch {
    return new Map();
  }
}

/** The `.txt`, `.pdf` and `.docx` files of a folder, sorted: what "add a folder to the corpus" ingests. */
export function rawFilesIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => /\.(?:txt|pdf|docx)$/i.test(n))
    .sort()
    .map((n) => join(folder, n));
}
