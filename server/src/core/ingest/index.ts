/**
 * The ingest tool's core: raw PDF-extracted text in, a clean `.unres` draft and catalogue out.
 * Editor-free and file-free: the file side lives in server/src/corpus/ingest-files.ts.
 */
import { noteMessage } from '../parse/notes';
import { chinese } from '../lang/zh';
import type { LanguageProfile } from '../lang/profile';
import { parseDraft } from '../parse/parser';
import { chineseIngest, type IngestTables } from '../lang/zh-ingest';
import { cleanRawText, hasResolutionStructure, type CleanDraft, type CleanOptions } from './clean';
import { detectLanguage } from './language';
import { ingestMessages, type DocumentKind } from './messages';
import type { Locale } from '../rules/types';

export { cleanRawText, hasResolutionStructure, joinLetterSpacedChinese, joinLetterSpacedDigits, learnOpeners, type CleanDraft, type CleanOptions } from './clean';
export { detectLanguage, type LanguageCheck } from './language';
export { ingestMessages, type DocumentKind, type DraftVerb } from './messages';
export { buildCatalogue, describeDocument, serializeCatalogue, type CatalogueInput } from './catalogue';

/** The encodings a raw text is read in. */
export type RawEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

/** A decoded text and the encoding it was read in, or why an input could not be read, in words a drafter understands. */
export type DecodeResult = { ok: true; text: string; encoding: RawEncoding; byteOrderMark: boolean } | { ok: false; problem: string };

/** How a decoded text was read, for the report: undefined for plain UTF-8. */
export function describeEncoding(result: { encoding: RawEncoding; byteOrderMark: boolean }, locale: Locale = 'en'): string | undefined {
  if (result.encoding === 'UTF-8') return undefined;
  return ingestMessages[locale].readAs(result.encoding, result.encoding === 'GB18030' ? undefined : result.byteOrderMark);
}

function decodeWith(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * How much a text reads as the documents do: the share of its characters that are Chinese, ASCII,
 * CJK and general punctuation, superscript digits and the like; 0 when it has a replacement
 * character or a control code. Text decoded in the wrong encoding is mostly other scripts
 * (Hangul, private use, symbols).
 */
function plausibility(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  let total = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    total++;
    if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c) good++;
    else if (c < 0x20 || c === 0xfffd) return 0;
    else if (
      c < 0x250 || // ASCII and Latin
      (c >= 0x2000 && c <= 0x206f) || // general punctuation (——, “”)
      (c >= 0x2070 && c <= 0x209f) || // superscript digits
      (c >= 0x2160 && c <= 0x2188) || // roman numerals
      (c >= 0x2460 && c <= 0x24ff) || // circled numbers
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
      (c >= 0x3200 && c <= 0x32ff) || // ㈠
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      c === 0xfeff
    ) good++;
  }
  return good / total;
}

/** Text that reads as the documents do (see plausibility). */
function plausible(text: string): boolean {
  return plausibility(text) >= 0.95;
}

/** The formats a binary file of a document is often in, from its first bytes. */
export function binaryKind(bytes: Uint8Array): DocumentKind | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'doc';
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'rtf';
  return undefined;
}

/** The format of a binary document named from its first bytes ("a PDF file"), in words. */
export function binaryFormat(bytes: Uint8Array, locale: Locale = 'en'): string | undefined {
  const kind = binaryKind(bytes);
  return kind && ingestMessages[locale].kind[kind];
}

/**
 * Decodes a raw input file: UTF-8 (with or without a byte-order mark), UTF-16 (little- or
 * big-endian, with or without a byte-order mark) and GB18030 (which includes GBK and GB2312).
 * Binary files and text in no known encoding are reported rather than turned into mojibake.
 * Never throws.
 */
export function decodeRaw(bytes: Uint8Array, locale: Locale = 'en'): DecodeResult {
  const say = ingestMessages[locale];
  if (bytes.length === 0) return { ok: false, problem: say.empty };
  const done = (text: string | undefined, encoding: RawEncoding, byteOrderMark: boolean): DecodeResult => {
    if (text === undefined) return { ok: false, problem: say.badMark(encoding) };
    if (text.trim().length === 0) return { ok: false, problem: say.whiteSpaceOnly };
    return { ok: true, text, encoding, byteOrderMark };
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return done(decodeWith('utf-8', bytes.subarray(3)), 'UTF-8', true);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return done(decodeWith('utf-16le', bytes.subarray(2)), 'UTF-16LE', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return done(decodeWith('utf-16be', bytes.subarray(2)), 'UTF-16BE', true);
  // A PDF named as text is read once named .pdf; a .doc, .odt or RTF file is saved as .docx or PDF first.
  const kind = binaryKind(bytes);
  if (kind) return { ok: false, problem: kind === 'pdf' ? say.pdfNotText(say.kind[kind]) : say.saveAsDocx(say.kind[kind]) };

  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let zeros = 0;
  let controls = 0;
  for (const b of sample) {
    if (b === 0) zeros++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  // UTF-16 without a byte-order mark: both orders are tried and the one that reads better as text
  // is taken (binary data reads as neither). The zero bytes, the high bytes of ASCII, decide a
  // tie; they cannot decide alone: 一 (U+4E00) is 00 4E in UTF-16LE, where an ASCII letter is 41 00,
  // so a Chinese text with many 一 has zero bytes on both sides.
  const hint = zeros > 0 ? looksLikeUtf16(sample) : undefined;
  if (zeros === 0 && controls <= sample.length / 20) {
    const utf8 = decodeWith('utf-8', bytes);
    if (utf8 !== undefined) return done(utf8, 'UTF-8', false);
  }
  if (bytes.length % 2 === 0 || zeros > 0) {
    const orders: RawEncoding[] = hint === 'be' ? ['UTF-16BE', 'UTF-16LE'] : ['UTF-16LE', 'UTF-16BE'];
    let best: { text: string; order: RawEncoding; score: number } | undefined;
    for (const order of orders) {
      const text = decodeWith(order === 'UTF-16LE' ? 'utf-16le' : 'utf-16be', even);
      const score = text === undefined ? 0 : plausibility(text);
      if (text !== undefined && score >= 0.95 && (!best || score > best.score)) best = { text, order, score };
    }
    if (best) return done(best.text, best.order, false);
  }
  if (zeros > 0 || controls > sample.length / 20) return { ok: false, problem: say.binary };
  const gb = decodeWith('gb18030', bytes);
  if (gb !== undefined && plausible(gb)) return done(gb, 'GB18030', false);
  return { ok: false, problem: say.unknownEncoding };
}

export type IngestResult = { ok: true; draft: CleanDraft; symbol?: string } | { ok: false; problem: string };

/**
 * Cleans one decoded raw document and checks that it is in the profile's language and has the
 * structure of a resolution, a decision or a numbered text. `options.openers` are the openers
 * learned from the corpus (learnOpeners). Never throws.
 */
export function ingestText(raw: string, profile: LanguageProfile = chinese, options: CleanOptions = {}, tables: IngestTables = chineseIngest): IngestResult {
  const say = ingestMessages[options.locale ?? 'en'];
  try {
    const language = detectLanguage(raw, tables, options.locale);
    if (!language.ok) return { ok: false, problem: language.problem };
    const draft = cleanRawText(raw, profile, tables, options);
    const doc = parseDraft(draft.text, profile);
    const numbered = doc.operative.filter((p) => p.label).length;
    if (!doc.title && !doc.organ && numbered === 0 && !hasResolutionStructure(draft.text, profile, tables)) {
      return { ok: false, problem: say.noStructure };
    }
    // What a reader of the clean draft should check: footnotes that lost their marker or the
    // reverse, and lines the parser could not place.
    const remarks = [...draft.remarks];
    const marked = new Set(doc.markers.map((m) => m.number));
    const texts = new Set(doc.footnotes.map((f) => f.number));
    for (const n of [...marked].filter((n) => !texts.has(n)).sort((a, b) => a - b)) remarks.push(say.markerWithoutText(n));
    for (const n of [...texts].filter((n) => !marked.has(n)).sort((a, b) => a - b)) remarks.push(say.textWithoutMarker(n));
    for (const note of doc.notes) remarks.push(say.draftLine(note.line + 1, noteMessage(note, options.locale)));
    // The masthead names the document itself; the parser reads the title; a running head comes last.
    const symbol = draft.symbolSource === 'masthead' ? draft.symbol : (doc.facts.symbol ?? draft.symbol);
    return { ok: true, draft: { ...draft, remarks }, symbol };
  } catch (err) {
    return { ok: false, problem: say.notCleaned(err instanceof Error ? err.message : String(err)) };
  }
}

/**
 * UTF-16 without a byte-order mark: the zero bytes (high bytes of ASCII characters) sit almost
 * all at the same parity. Gives the byte order they point to, if any.
 */
function looksLikeUtf16(sample: Uint8Array): 'le' | 'be' | undefined {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const zeros = even + odd;
  if (zeros < 2 || Math.max(even, odd) < zeros * 0.9) return undefined;
  return odd > even ? 'le' : 'be';
}
