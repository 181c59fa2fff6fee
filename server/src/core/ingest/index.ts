/**
 * The ingest tool's core: raw PDF-extracted text in, a clean `.unres` draft and catalogue out.
 * Editor-free and file-free: the file side lives in server/src/corpus/ingest-files.ts.
 */
import { chinese } from '../lang/zh';
import type { LanguageProfile } from '../lang/profile';
import { parseDraft } from '../parse/parser';
import { cleanRawText, type CleanDraft } from './clean';

export { cleanRawText, joinLetterSpacedChinese, joinLetterSpacedDigits, type CleanDraft } from './clean';
export { buildCatalogue, describeDocument, serializeCatalogue, type CatalogueInput } from './catalogue';

/** Why an input could not be ingested, in words a drafter understands. */
export type DecodeResult = { ok: true; text: string } | { ok: false; problem: string };

/**
 * Decodes a raw input file. Only UTF-8 is accepted; other encodings and binary files are
 * recognised and reported rather than turned into mojibake.
 */
export function decodeRaw(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, problem: 'the file is empty' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: 'the file is UTF-16 text; save it as UTF-8 and ingest it again' };
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let zeros = 0;
  let controls = 0;
  for (const b of sample) {
    if (b === 0) zeros++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  if (zeros >= 4 && looksLikeUtf16(sample)) {
    return { ok: false, problem: 'the file looks like UTF-16 text without a byte-order mark; save it as UTF-8 and ingest it again' };
  }
  if (zeros > 0 || controls > sample.length / 20) return { ok: false, problem: 'the file is binary, not text (a PDF or Word file must first be converted to text)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'the file is not UTF-8 text (perhaps GB18030/GBK or another legacy encoding); convert it to UTF-8 and ingest it again' };
  }
  if (text.trim().length === 0) return { ok: false, problem: 'the file is empty (white space only)' };
  return { ok: true, text };
}

export type IngestResult = { ok: true; draft: CleanDraft; symbol?: string } | { ok: false; problem: string };

/**
 * Cleans one decoded raw document and checks that the result has the structure of a resolution
 * or a numbered text. Never throws.
 */
export function ingestText(raw: string, profile: LanguageProfile = chinese): IngestResult {
  try {
    const draft = cleanRawText(raw, profile);
    const doc = parseDraft(draft.text, profile);
    const numbered = doc.operative.filter((p) => p.label).length;
    if (!doc.title && !doc.organ && numbered === 0) {
      return { ok: false, problem: 'no recognisable structure: no title line (76/54. …), no organ line (大会，) and no numbered paragraphs' };
    }
    return { ok: true, draft, symbol: doc.facts.symbol ?? draft.symbol };
  } catch (err) {
    return { ok: false, problem: `could not be cleaned (${err instanceof Error ? err.message : String(err)})` };
  }
}

/**
 * UTF-16 without a byte-order mark: the zero bytes (high bytes of ASCII characters) sit almost
 * all at the same parity, and the text decodes to printable characters.
 */
function looksLikeUtf16(sample: Uint8Array): boolean {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const zeros = even + odd;
  if (Math.max(even, odd) < zeros * 0.9) return false;
  const decoded = new TextDecoder(odd > even ? 'utf-16le' : 'utf-16be').decode(sample.subarray(0, sample.length - (sample.length % 2)));
  let unprintable = 0;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) unprintable++;
  }
  return unprintable <= decoded.length * 0.05;
}
