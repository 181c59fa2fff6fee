/**
 * PDF in: a PDF's text layer (pdfjs-dist, its legacy build for Node) read as a draft, using what
 * the PDF knows and extracted text loses: glyph size and baseline rise (footnote markers become
 * `¹²³`), where a line sits on the page (running heads and feet, page numbers, job numbers go by
 * position, and by repeating at one height from page to page), the smaller type of the footnote
 * area at each page's foot (joined across pages), bold fonts (`**…**`), and indentation and line
 * length (paragraph ends told from line wraps).
 */
import { assembleDraft, emphasisText, type ReadFootnote, type TextPiece } from '../core/layout/assemble';
import { fromSuperscript, toSuperscript } from '../core/parse/superscript';
import type { DocumentRead } from './docx';
import { ingestMessages } from '../core/ingest/messages';
import type { Locale } from '../core/rules/types';
import { requireOwnBundle } from './own-bundle';
import { providePdfGlobals } from './pdf-globals';

/** One piece of text as the PDF draws it. */
interface Glyphs {
  text: string;
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  size: number;
  width: number;
  bold: boolean;
}

/** A line of a page: its pieces left to right, marked where they are superscript. */
export interface PageLine {
  pieces: (TextPiece & { superscript?: boolean })[];
  x: number;
  right: number;
  /** Baseline, from the top of the page. */
  y: number;
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PageLine[];
}

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<Pdfjs> | undefined;

/** Loads pdfjs once, with its worker on this thread (a bundle has no worker file to start). */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= (async () => {
    providePdfGlobals();
    // pdfjs warns on stdout (console.log) while its modules load, before any setting applies:
    // on a language server stdout is the protocol, so it is quiet meanwhile.
    const log = console.log;
    console.log = () => undefined;
    try {
      // From the bundles: pdfjs's own (dist/pdfjs.js beside this one); from the sources, the module.
      return await requireOwnBundle<typeof import('./pdfjs-bundle')>('pdfjs.js', './pdfjs-bundle').loadPdfjs();
    } finally {
      console.log = log;
    }
  })();
  return pdfjs;
}

const SUPERSCRIPT_RATIO = 0.8;

/** Groups a page's glyph runs into lines; small raised digits join the line they stand on as superscripts. */
function linesOf(items: Glyphs[]): PageLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const big = sorted.filter((g) => g.text.trim().length > 0);
  const lines: { base: number; size: number; glyphs: Glyphs[] }[] = [];
  for (const g of big) {
    const line = lines.find((l) => Math.abs(l.base - g.y) <= Math.max(l.size, g.size) * 0.25);
    if (line) {
      line.glyphs.push(g);
      if (g.size > line.size) line.size = g.size;
    } else lines.push({ base: g.y, size: g.size, glyphs: [g] });
  }
  // White space belongs to the line it stands on: the text layer's spaces are the text's own.
  for (const g of sorted) {
    if (g.text.trim().length > 0) continue;
    lines.find((l) => Math.abs(l.base - g.y) <= l.size * 0.25)?.glyphs.push(g);
  }
  // A line made only of small digits is a superscript of the line whose baseline is just below it.
  const result: typeof lines = [];
  const isRaisedDigits = (l: (typeof lines)[number]) => l.glyphs.every((g) => /^[\d\s]*$/.test(g.text));
  for (const l of lines) {
    if (isRaisedDigits(l)) {
      const host = lines.find((h) => h !== l && !isRaisedDigits(h) && h.base > l.base && h.base - l.base < h.size * 0.7 && l.size < h.size * SUPERSCRIPT_RATIO);
      if (host) {
        host.glyphs.push(...l.glyphs);
        continue;
      }
    }
    result.push(l);
  }
  return result
    .sort((a, b) => a.base - b.base)
    .map((l) => {
      const glyphs = l.glyphs.sort((a, b) => a.x - b.x);
      const main = glyphs.filter((g) => g.size >= l.size * SUPERSCRIPT_RATIO);
      const size = main.length ? Math.max(...main.map((g) => g.size)) : l.size;
      const base = main.length ? main[0].y : l.base;
      const pieces: PageLine['pieces'] = [];
      let end = -Infinity;
      for (const g of glyphs) {
        const superscript = g.size < size * SUPERSCRIPT_RATIO && g.y < base - size * 0.15 && /^\s*\d+\s*$/.test(g.text);
        const gap = g.x - end;
        const prev = pieces[pieces.length - 1];
        // The text layer writes its spaces; only a gap between two Latin words or digits is one more.
        if (prev && gap > size * 0.25 && /[A-Za-z0-9]$/.test(prev.text) && /^[A-Za-z0-9]/.test(g.text) && !superscript) pieces.push({ text: ' ', bold: false });
        pieces.push(superscript ? { text: toSuperscript(Number(g.text.trim())), bold: false, superscript: true } : { text: g.text, bold: g.bold });
        end = Math.max(end, g.x + g.width);
      }
      const x = glyphs.find((g) => g.text.trim())?.x ?? glyphs[0].x;
      return { pieces, x, right: end, y: base, size };
    });
}

/** Reads the pages of a PDF: text pieces with their place, size and weight. Throws pdfjs's errors. */
export async function readPdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const lib = await loadPdfjs();
  const task = lib.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view;
      const content = await page.getTextContent();
      // The fonts' names (bold or not) come with the operator list.
      await page.getOperatorList();
      const boldFonts = new Map<string, boolean>();
      const isBold = (fontName: string) => {
        let b = boldFonts.get(fontName);
        if (b === undefined) {
          let name = '';
          try {
            const font = page.commonObjs.get(fontName) as { name?: string; bold?: boolean; black?: boolean } | undefined;
            name = font?.name ?? '';
            b = Boolean(font?.bold || font?.black) || /bold|black|heavy|semibold|demi/i.test(name);
          } catch {
            b = false;
          }
          boldFonts.set(fontName, b);
        }
        return b;
      };
      const glyphs: Glyphs[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.length === 0) continue;
        const [, , c, d, e, f] = item.transform as number[];
        const size = Math.hypot(c, d) || item.height;
        glyphs.push({ text: item.str, x: e, y: height - f, size, width: item.width, bold: isBold(item.fontName) });
      }
      pages.push({ width, height, lines: linesOf(glyphs) });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Page and job numbers: what stands at a page's foot. */
const PAGE_FOOT = [
  /^\d{1,4}$/, // a page number
  /^-\s*\d{1,4}\s*-$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/, // 28/30
  /^\d{2}-\d{5}(?:\s*\(C\))?(?:\s+\d{1,4}\s*\/\s*\d{1,4})?$/, // a job number (22-13460, with its page)
  /^\d{1,4}\s*\/\s*\d{1,4}\s+\d{2}-\d{5}(?:\s*\(C\))?$/,
  /^\*\d{7}\*$/, // the barcode's human-readable line
];

const FURNITURE = [
  ...PAGE_FOOT,
  /^[A-Z][A-Z0-9.()-]*(?:\/[A-Za-z0-9.() -]+)+$/, // the symbol as a running head
  /^https?:\/\/\S+$/,
  /^(?:请回收|Please recycle)/i,
];

const lineText = (l: PageLine) => l.pieces.map((p) => p.text).join('').trim();

/** A page number as word processors label it (`Page 3`, `Page 3 of 4`, `第 3 页`, `第 3 页，共 4 页`). */
const PAGE_LABEL = /^(?:(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?)$/i;

/** What stands at a page's foot, below the footnotes too: a page or job number, the barcode's line, a page label. */
const isPageFoot = (text: string) => PAGE_FOOT.some((re) => re.test(text)) || PAGE_LABEL.test(text);

/** Heads and feet stand in the page's top or bottom sixth: only there is a repeating line looked for. */
const MARGIN_ZONE = 0.15;

/**
 * Running heads and feet told by repeating: a line at about the same height on most pages (at
 * least two, and 40 % of them, so that heads alternating between odd and even pages count) that
 * reads the same there, or reads as a page number (`3`, `2/4`, `21-19234 (C) 3/4`, `第 3 页`) whose
 * number counts up with the pages. Wherever a word processor puts its header and footer.
 */
function repeatedFurniture(pages: PdfPage[]): Set<PageLine> {
  const found = new Set<PageLine>();
  if (pages.length < 2) return found;
  const need = Math.max(2, Math.ceil(pages.length * 0.4));
  interface Candidate {
    line: PageLine;
    page: number;
    text: string;
  }
  const byText = new Map<string, Candidate[]>();
  const byShape = new Map<string, Candidate[]>();
  pages.forEach((page, index) => {
    for (const line of page.lines) {
      if (line.y > page.height * MARGIN_ZONE && line.y < page.height * (1 - MARGIN_ZONE)) continue;
      const text = lineText(line);
      if (!text) continue;
      const c = { line, page: index, text };
      byText.set(text, [...(byText.get(text) ?? []), c]);
      if (/\d/.test(text) && (FURNITURE.some((re) => re.test(text)) || PAGE_LABEL.test(text))) {
        const shape = text.replace(/\d+/g, '#');
        byShape.set(shape, [...(byShape.get(shape) ?? []), c]);
      }
    }
  });
  // Lines of one group whose heights agree (a few points: the same header or footer frame).
  const atOneHeight = (group: Candidate[]): Candidate[][] => {
    const sorted = [...group].sort((a, b) => a.line.y - b.line.y);
    const runs: Candidate[][] = [];
    for (const c of sorted) {
      const run = runs[runs.length - 1];
      if (run && c.line.y - run[0].line.y <= 3) run.push(c);
      else runs.push([c]);
    }
    return runs;
  };
  const onPages = (run: Candidate[]) => new Set(run.map((c) => c.page)).size;
  for (const group of byText.values()) for (const run of atOneHeight(group)) if (onPages(run) >= need) run.forEach((c) => found.add(c.line));
  for (const group of byShape.values())
    for (const run of atOneHeight(group)) {
      if (onPages(run) < need || onPages(run) < run.length) continue;
      // Exactly one number changes from page to page, and it goes with the page: n − page is the same everywhere.
      const numbers = run.map((c) => (c.text.match(/\d+/g) ?? []).map(Number));
      const changing = numbers[0].map((_, i) => i).filter((i) => numbers.some((n) => n[i] !== numbers[0][i]));
      if (changing.length !== 1) continue;
      const offsets = new Set(run.map((c, k) => numbers[k][changing[0]] - c.page));
      if (offsets.size === 1) run.forEach((c) => found.add(c.line));
    }
  return found;
}

/**
 * Heads and feet: lines that repeat at one height across the pages (see `repeatedFurniture`); for
 * a document of one page or a head that does not repeat, the page's outermost lines in its top or
 * bottom sixth that read as a symbol in small type (the head) or a page or job number (the foot),
 * and lines in the page's top or bottom band that read as a symbol, a page or job number.
 */
function isFurniture(l: PageLine, page: PdfPage, first: boolean, repeated: Set<PageLine>, bodySize: number): boolean {
  if (repeated.has(l)) return true;
  const text = lineText(l);
  if (l === page.lines[0] && l.y < page.height * MARGIN_ZONE && l.size < bodySize * 0.92 && FURNITURE.some((re) => re.test(text))) return true;
  if (l === page.lines[page.lines.length - 1] && l.y > page.height * (1 - MARGIN_ZONE) && isPageFoot(text)) return true;
  const band = page.height * 0.065;
  const inBand = l.y - l.size < band || l.y > page.height - band;
  if (!inBand) return false;
  if (FURNITURE.some((re) => re.test(text))) return true;
  // On a first page the heading block stands high: keep its lines (大 会, the symbol is kept above).
  return !first && l.size < 11;
}

/** The commonest body type size: what the footnote area is smaller than. */
function bodySize(pages: PdfPage[]): number {
  const counts = new Map<number, number>();
  for (const p of pages) for (const l of p.lines) {
    const k = Math.round(l.size * 2) / 2;
    counts.set(k, (counts.get(k) ?? 0) + lineText(l).length);
  }
  let best = 12;
  let most = -1;
  for (const [k, n] of counts) if (n > most) [best, most] = [k, n];
  return best;
}

const LABEL = /^(?:\d{1,3}[.．](?!\d)|[(（](?:[a-z]{1,4}|[一二三四五六七八九十]{1,3})[)）]|[\u3220-\u3229])/;
const FOOTNOTE_START = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*/;

interface Paragraph {
  pieces: TextPiece[];
  firstX: number;
  /** Where its second line starts, once known. */
  nextX?: number;
}

/** Joins two lines of one paragraph: Latin words and digits broken at a line end get their space back. */
function joinPieces(into: TextPiece[], line: TextPiece[]): void {
  const before = into.map((p) => p.text).join('');
  const after = line.map((p) => p.text).join('');
  if (/[A-Za-z0-9,.;:)]$/.test(before) && /^[A-Za-z0-9(]/.test(after)) into.push({ text: ' ', bold: false });
  into.push(...line);
}

/** Turns the pages into a draft: furniture dropped, footnotes collected, paragraphs rebuilt. */
export function draftFromPages(pages: PdfPage[]): string {
  const size = bodySize(pages);
  // Where full lines end: most long lines reach it (one line running into the margin does not move it).
  const rights = pages.flatMap((p) => p.lines.filter((l) => l.right > p.width * 0.6).map((l) => l.right)).sort((a, b) => a - b);
  const rightEdge = rights.length ? rights[Math.floor(rights.length * 0.9)] : Math.max(...pages.map((p) => p.width));
  const paragraphs: Paragraph[] = [];
  const footnotes: { number: number; pieces: TextPiece[] }[] = [];
  let open: Paragraph | undefined;
  let lastFull = false;
  // Marker numbers met in the text so far: a plain number opening a line of the footnote area is a
  // footnote's own number when it is one of them (or the next after the last footnote).
  const marked = new Set<number>();
  const repeated = repeatedFurniture(pages);
  pages.forEach((page, index) => {
    const lines = page.lines.filter((l) => lineText(l).length > 0 && !isFurniture(l, page, index === 0, repeated, size));
    if (lines.length === 0) return;
    // Below the footnotes, a page number or job number that did not repeat (a one-page document).
    let end = lines.length;
    while (end > 0 && lines[end - 1].y > page.height * (1 - MARGIN_ZONE) && isPageFoot(lineText(lines[end - 1]))) end--;
    // The footnote area: the run of smaller lines at the page's foot.
    let cut = end;
    while (cut > 0 && lines[cut - 1].size < size * 0.92) cut--;
    const markersOf = (ls: PageLine[]) => ls.forEach((l) => l.pieces.forEach((p) => p.superscript && marked.add(fromSuperscript(p.text))));
    markersOf(lines.slice(0, cut));
    const area = lines.slice(cut, end);
    const areaLeft = Math.min(...area.map((l) => l.x));
    let last = footnotes.length ? footnotes[footnotes.length - 1].number : 0;
    const noted = new Set(footnotes.map((f) => f.number));
    // Where a footnote starts: its number raised (¹²³), or a plain number at the area's left edge
    // (LibreOffice's default footnote style does not raise it), not the start of a figure such as
    // 2004, 50/245 or 1.5, that a marker cited and no footnote has taken yet, or that follows the
    // last footnote.
    const noteStarts = area.map((l) => {
      const text = lineText(l);
      const raised = FOOTNOTE_START.exec(text);
      const plain = raised ? undefined : /^(\d{1,3})(?!\d)\s*/.exec(text);
      let number: number;
      if (raised) number = fromSuperscript(raised[1]);
      else if (plain && /^\d{1,3}(?![\d./,:-])/.test(l.pieces[0]?.text.trimStart() ?? '') && l.x <= areaLeft + size * 0.3) {
        number = Number(plain[1]);
        if (!((marked.has(number) && !noted.has(number)) || number === last + 1)) return undefined;
      } else return undefined;
      noted.add(number);
      last = number;
      return { number, rest: text.slice((raised ?? plain)?.[0].length ?? 0) };
    });
    const hasNote = noteStarts.some(Boolean);
    if (hasNote) {
      area.forEach((l, i) => {
        const start = noteStarts[i];
        // The footnote's number is its own: the text is what follows it (footnotes carry no bold).
        if (start) footnotes.push({ number: start.number, pieces: [{ text: start.rest, bold: false }] });
        else if (footnotes.length) joinPieces(footnotes[footnotes.length - 1].pieces, [{ text: lineText(l), bold: false }]);
      });
    } else markersOf(lines.slice(cut));
    const body = hasNote ? lines.slice(0, cut) : lines;
    const left = Math.min(...body.map((l) => l.x));
    const right = rightEdge;
    const width = right - left;
    body.forEach((l) => {
      const text = lineText(l);
      const pieces = l.pieces.map((p) => ({ text: p.text, bold: p.bold }));
      const indented = l.x > left + size * 0.5;
      let starts = !open || !lastFull || (LABEL.test(text) && indented);
      if (!starts && open) {
        // After a full line: a new paragraph only where its first line's indent comes back.
        if (open.nextX === undefined) starts = indented && Math.abs(l.x - open.firstX) < size * 0.3 && open.firstX > left + size * 0.5;
        else starts = l.x > open.nextX + size * 0.5;
      }
      if (starts) {
        open = { pieces, firstX: l.x };
        paragraphs.push(open);
      } else if (open) {
        open.nextX ??= l.x;
        joinPieces(open.pieces, pieces);
      }
      // A line ends short where the next word or number did not fit: up to a few characters
      // short still wraps, unless it ends as a paragraph ends.
      const slack = /[。；：]\**$/.test(text) ? 1.5 : 4;
      lastFull = l.right >= right - size * slack && l.right - l.x > width * 0.6;
    });
  });
  // A label and its text: one space, as the draft format writes it (the PDF has a tab's gap).
  const text = (pieces: TextPiece[]) => {
    const numbered = LABEL.test(pieces.map((p) => p.text).join('').trim());
    // A marker stands right after the cited words: a space the layout put before it is none of the text's.
    const t = emphasisText(pieces, numbered).trim().replace(/[ \u00a0]+(?=[⁰¹²³⁴⁵⁶⁷⁸⁹])/g, '');
    return numbered ? t.replace(new RegExp(`^(${LABEL.source.slice(1)})(?=\\S)`), '$1 ') : t;
  };
  const notes: ReadFootnote[] = footnotes.map((f) => ({ number: f.number, text: text(f.pieces) }));
  return assembleDraft(
    paragraphs.map((p) => text(p.pieces)),
    notes,
  );
}

/** Reads a PDF into draft text; a clear problem (in `locale`) for an image-only, encrypted or damaged file. Never throws. */
export async function readPdf(bytes: Uint8Array, locale: Locale = 'en'): Promise<DocumentRead> {
  const say = ingestMessages[locale];
  if (bytes.length < 5 || new TextDecoder().decode(bytes.subarray(0, 5)) !== '%PDF-') return { ok: false, problem: say.notPdfFile };
  let pages: PdfPage[];
  try {
    pages = await readPdfPages(bytes);
  } catch (err) {
    const name = (err as { name?: string }).name ?? '';
    if (name === 'PasswordException') return { ok: false, problem: say.pdfEncrypted };
    return { ok: false, problem: say.pdfDamaged(err instanceof Error ? err.message : String(err)) };
  }
  const chars = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + lineText(l).length, 0), 0);
  if (chars === 0) return { ok: false, problem: say.pdfNoText };
  return { ok: true, text: draftFromPages(pages) };
}
