/**
 * Readers per input format: a PDF or Word file is read into draft text first, then goes through
 * the same cleaner and catalogue as a `.txt` file (ingest-files.ts). Formats differ only here.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { DocumentRead } from './docx';
import { readDocx } from './word';
import { ingestFiles, rawReaders, type IngestReport, type RawReader } from './ingest-files';
import { readPdf } from './pdf';

export type { DocumentRead } from './docx';

/** The readers by file extension (lower case, with its dot). */
export const documentReaders: Record<string, (bytes: Uint8Array) => DocumentRead | Promise<DocumentRead>> = {
  '.pdf': readPdf,
  '.docx': readDocx,
};

/** Whether a file is read by one of the document readers rather than as text. */
export function isDocumentFile(path: string): boolean {
  return extname(path).toLowerCase() in documentReaders;
}

/** Reads one PDF or Word file into draft text; a problem naming what is wrong, never a throw. */
export async function readDocument(path: string): Promise<DocumentRead> {
  const reader = documentReaders[extname(path).toLowerCase()];
  if (!reader) return { ok: false, problem: 'is neither a PDF nor a Word file' };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(err)})` };
  }
  try {
    return await reader(bytes);
  } catch (err) {
    return { ok: false, problem: `could not be read (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** The PDF and Word files among the inputs, read one after another (a large PDF is memory enough). */
export async function readDocuments(inputs: string[]): Promise<Map<string, DocumentRead>> {
  const read = new Map<string, DocumentRead>();
  for (const input of inputs) if (isDocumentFile(input)) read.set(input, await readDocument(input));
  return read;
}

/** ingestFiles for every kind of input: `.txt`, `.pdf` and `.docx`. */
export async function ingestDocuments(inputs: string[], outDir: string): Promise<IngestReport> {
  const read = await readDocuments(inputs);
  // The documents already read stand in as their readers: ingestFiles then cleans them as text.
  const already: RawReader = (path) => read.get(path) ?? { ok: false, problem: 'was not read' };
  const readers: Record<string, RawReader> = { ...rawReaders };
  for (const extension of Object.keys(documentReaders)) readers[extension] = already;
  return ingestFiles(inputs, outDir, { readers });
}
