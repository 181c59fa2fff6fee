/**
 * Reading a draft that a user names (lint, export, parse, provenance, compare): the same decoding
 * as the ingest tool's, so a draft saved in UTF-16 or GB18030 is read as its text everywhere.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { binaryFormat, decodeRaw, describeEncoding } from '../core/ingest';

/**
 * A draft's text (with a note when it was not UTF-8), or why it cannot be used, as a sentence
 * after the file's name (`code`: the system's error code when the file could not be read at all).
 */
export type DraftRead = { ok: true; text: string; note?: string } | { ok: false; problem: string; code?: string };

/** Documents by extension that are not drafts; the ingest tool reads the first two into drafts. */
const DOCUMENTS: Record<string, string> = {
  '.docx': 'a Word file',
  '.dotx': 'a Word template',
  '.pdf': 'a PDF file',
  '.doc': 'an old Word (.doc) file',
  '.odt': 'an OpenDocument (.odt) file',
  '.rtf': 'an RTF file',
};

/** What to do with a document that is not a draft, named from its extension or its first bytes. */
function notADraft(file: string, what: string, verb: string): string {
  const make = `\`resolution-drafter ingest --out FOLDER ${file}\``;
  const then = `and ${verb} the .unres it writes`;
  if (/^a PDF file$/.test(what)) return `cannot ${verb}: it is ${what}, not a draft (.unres); turn it into one first with ${make} ${then}`;
  if (/Word \(\.docx\)|Word file/.test(what)) {
    return `cannot ${verb}: it is ${what}, not a draft (.unres); turn it into one first with ${make} (or "Open a Word Draft…" in the editor) ${then}`;
  }
  return `cannot ${verb}: it is ${what}, not a draft (.unres); save it as .docx or PDF, turn that into a draft with ${make} ${then}`;
}

/**
 * Reads a draft as the ingest tool reads a raw file: UTF-8, UTF-16 or GB18030 are decoded (and
 * the note says so); a Word or PDF file, a binary or an undecodable file is a problem, never read
 * as mojibake. `verb` says what the command would have done (`lint`, `export`). Never throws.
 */
export function readDraftFile(file: string, verb: string): DraftRead {
  const document = DOCUMENTS[extname(file).toLowerCase()];
  if (document) return { ok: false, problem: notADraft(file, document, verb) };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === 'EISDIR' ? 'is a folder, not a draft' : `cannot be read (${code ?? String(err)})`, code };
  }
  // An empty draft is a draft not yet written: read as such.
  if (bytes.length === 0) return { ok: true, text: '' };
  const format = binaryFormat(bytes);
  if (format) return { ok: false, problem: notADraft(file, format, verb) };
  const decoded = decodeRaw(bytes);
  if (!decoded.ok) {
    if (/white space only/.test(decoded.problem)) return { ok: true, text: Buffer.from(bytes).toString('utf8') };
    return { ok: false, problem: `cannot ${verb}: ${decoded.problem}` };
  }
  const how = describeEncoding(decoded);
  return { ok: true, text: decoded.text, note: how ? `${how} (save it as UTF-8 to edit it in the editor)` : undefined };
}
