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
import { ingestMessages } from '../core/ingest';
import type { Locale } from '../core/rules/types';

export type { DocumentRead } from './docx';

/** The readers by file extension (lower case, with its dot). */
export const documentReaders: Record<string, (bytes: Uint8Array, locale: Locale) => DocumentRead | Promise<DocumentRead>> = {
  '.pdf': readPdf,
  '.docx': readDocx,
};

/** Whether a file is read by one of the document readers rather than as text. */
export function isDocumentFile(path: string): boolean {
  return extname(path).toLowerCase() in documentReaders;
}

/** Reads one PDF or Word file into draft text; a problem naming what is wrong, never a throw. */
export async function readDocument(path: string, locale: Locale = 'en'): Promise<DocumentRead> {
  const say = ingestMessages[locale];
  const reader = documentReaders[extname(path).toLowerCase()];
  if (!reader) return { ok: false, problem: say.notPdfOrWord };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === 'EISDIR' ? say.folderNotFile : say.cannotBeRead(code ?? String(err)) };
  }
  try {
    return await reader(bytes, locale);
  } catch (err) {
    return { ok: false, problem: say.couldNotBeRead(err instanceof Error ? err.message : String(err)) };
  }
}

/** The PDF and Word files among the inputs, read one after another (a large PDF is memory enough). */
export async function readDocuments(inputs: string[], locale: Locale = 'en'): Promise<Map<string, DocumentRead>> {
  const read = new Map<string, DocumentRead>();
  for (const input of inputs) if (isDocumentFile(input)) read.set(input, await readDocument(input, locale));
  return read;
}

/** ingestFiles for every kind of input: `.txt`, `.pdf` and `.docx` (problems and remarks in `locale`). */
export async function ingestDocuments(inputs: string[], outDir: string, locale: Locale = 'en'): Promise<IngestReport> {
  const read = await readDocuments(inputs, locale);
  // The documents already read stand in as their readers: ingestFiles then cleans them as text.
  const already: RawReader = (path) => read.get(path) ?? { ok: false, problem: ingestMessages[locale].notRead };
  const readers: Record<string, RawReader> = { ...rawReaders };
  for (const extension of Object.keys(documentReaders)) readers[extension] = already;
  return ingestFiles(inputs, outDir, { readers, locale });
}
