/**
 * Reading a draft that a user names (lint, export, parse, provenance, compare): the same decoding
 * as the ingest tool's, so a draft saved in UTF-16 or GB18030 is read as its text everywhere.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { binaryKind, decodeRaw, describeEncoding, ingestMessages, type DocumentKind, type DraftVerb } from '../core/ingest';
import type { Locale } from '../core/rules/types';

/**
 * A draft's text (with a note when it was not UTF-8), or why it cannot be used, as a sentence
 * after the file's name (`code`: the system's error code when the file could not be read at all).
 */
export type DraftRead = { ok: true; text: string; note?: string } | { ok: false; problem: string; code?: string };

/** Documents by extension that are not drafts; the ingest tool reads the first two into drafts. */
const DOCUMENTS: Record<string, DocumentKind> = {
  '.docx': 'docx',
  '.dotx': 'dotx',
  '.pdf': 'pdf',
  '.doc': 'doc',
  '.odt': 'odt',
  '.rtf': 'rtf',
};

/** What to do with a document that is not a draft, named from its extension or its first bytes. */
function notADraft(file: string, kind: DocumentKind, verb: DraftVerb, locale: Locale): string {
  const say = ingestMessages[locale];
  const how = kind === 'pdf' ? 'pdf' : kind === 'docx' || kind === 'zip' ? 'word' : 'save';
  return say.notADraft(say.verb(verb), say.kind[kind], how, file);
}

/**
 * Reads a draft as the ingest tool reads a raw file: UTF-8, UTF-16 or GB18030 are decoded (and
 * the note says so); a Word or PDF file, a binary or an undecodable file is a problem, never read
 * as mojibake. `verb` says what the command would have done (`lint`, `export`); the problem and
 * the note are in `locale` (English by default). Never throws.
 */
export function readDraftFile(file: string, verb: DraftVerb, locale: Locale = 'en'): DraftRead {
  const say = ingestMessages[locale];
  const document = DOCUMENTS[extname(file).toLowerCase()];
  if (document) return { ok: false, problem: notADraft(file, document, verb, locale) };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === 'EISDIR' ? say.folderNotDraft : say.cannotBeRead(code ?? String(err)), code };
  }
  // An empty draft is a draft not yet written: read as such.
  if (bytes.length === 0) return { ok: true, text: '' };
  const format = binaryKind(bytes);
  if (format) return { ok: false, problem: notADraft(file, format, verb, locale) };
  const decoded = decodeRaw(bytes, locale);
  if (!decoded.ok) {
    if (decoded.problem === say.whiteSpaceOnly) return { ok: true, text: Buffer.from(bytes).toString('utf8') };
    return { ok: false, problem: say.cannot(say.verb(verb), decoded.problem) };
  }
  const how = describeEncoding(decoded, locale);
  return { ok: true, text: decoded.text, note: how ? say.saveAsUtf8(how) : undefined };
}
