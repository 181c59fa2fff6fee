/**
 * Turns one raw, PDF-extracted document into a clean `.unres` draft: one paragraph per line,
 * footnote markers as superscript digits, footnote texts after a `---` separator.
 *
 * PDF extraction breaks lines mid-sentence (and mid-symbol), mixes page heads, page numbers and
 * footnote blocks into the text, and loses superscripts. The cleaner works line by line, first
 * dropping artefacts, then deciding for each remaining line whether it continues the paragraph
 * before it, and finally re-creating markers. It never rewrites the wording itself.
 */
import { chinese } from '../lang/zh';
import type { LanguageProfile } from '../lang/profile';
import { chineseIngest, type IngestTables } from '../lang/zh-ingest';
import { toSuperscript } from '../parse/superscript';
import { maxOf } from '../text';
import type { Locale } from '../rules/types';
import { ingestMessages } from './messages';

export interface CleanDraft {
  /** The clean draft text (ends with a newline). */
  text: string;
  /** The document's own symbol when the raw text shows it (the masthead, or running heads such as `NPT/CONF.2020/WP.77`). */
  symbol?: string;
  /** Where the symbol was read: the masthead names the document itself; a running head may be a compilation's. */
  symbolSource?: 'masthead' | 'running-head';
  /** For a text without a numbered title line (a working paper): its title from the heading. */
  headingTitle?: string;
  /** Remarks about things the cleaner could not place (kept in the draft, never dropped silently). */
  remarks: string[];
}

/** What the cleaner may know beyond its tables. */
export interface CleanOptions {
  /** Paragraph openers learned from the corpus (frequent paragraph starts, see learnOpeners). */
  openers?: readonly string[];
  /** The language of the remarks (English by default). */
  locale?: Locale;
}

type RawKind = 'blank' | 'separator' | 'artefact' | 'running-head' | 'marker' | 'text';

interface RawLine {
  kind: RawKind;
  /** Leading white space, in characters. */
  indent: number;
  /** The line without surrounding white space (after letter-spacing repairs). */
  content: string;
  /** 1-based line in the raw file, for remarks. */
  number: number;
}

type BlockKind =
  | 'heading' // a heading-block line (大 会, 第七十六届会议, adoption line …)
  | 'title' // 76/54. …
  | 'organ' // 大会，
  | 'numbered' // 1. …
  | 'sub' // (a) … / ㈠ …
  | 'structure' // 附件, a part letter A/B, an annexed decision's number, a short heading between paragraphs
  | 'closing-date'
  | 'meeting'
  | 'text'; // an unnumbered paragraph, a section heading or a free heading line

interface Block {
  kind: BlockKind;
  /** The raw lines (trimmed) that make up the paragraph. */
  fragments: string[];
  /** For a block that opens with `[`: how many brackets are still open. */
  bracket?: number;
}

interface Footnote {
  number: number;
  fragments: string[];
}

const WS = '[\\s\\u3000\\u00a0\\ufeff]';
const SPACE = new RegExp(WS);
const isSpace = (ch: string) => SPACE.test(ch);

/**
 * The text without the characters at its end that match. A loop, not `/[…]+$/`: that regular
 * expression is quadratic on a line with a long run of such characters in the middle.
 */
function trimEndWhere(text: string, drop: (ch: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1])) end--;
  return text.slice(0, end);
}

const LINK = /^https?:\/\/\S+$/;
const PAGE_NUMBER = /^(?:\d{1,3}\/\d{1,3}\s+\d{2}-\d{5}(?:\s*\(C\))?|\d{2}-\d{5}(?:\s*\(C\))?\s+\d{1,3}\/\d{1,3})$/;
const JOB_NUMBER = /^(?:GE\.)?\d{2}-\d{5}(?:\s*\(C\))?$/;
/** A page count alone (`2/4`) or a page number between dashes (`- 2 -`). */
const PAGE_ALONE = /^(?:\d{1,3}\/\d{1,3}|[-–—]\s*\d{1,3}\s*[-–—])$/;
/** The pieces of a barcode or job line: `111223 121223*2324567*1/1`, `23-12345 (C)  111223  121223`. */
const FURNITURE_TOKEN = /^(?:(?:GE\.)?\d{2}-\d{5}|\(C\)|\(C\)\*?|\d{6}|\*\d{5,}\*|\d{6}\*\d{5,}\*(?:\d{1,3}\/\d{1,3})?|\*\d{5,}\*\d{1,3}\/\d{1,3}|\d{1,3}\/\d{1,3})$/;
const FURNITURE_STRONG = /\*\d{5,}\*|^(?:GE\.)?\d{2}-\d{5}$/;
// A document symbol alone on a line; the Security Council's and old sessions' number keeps its year or session: S/RES/2446 (2018), A/RES/2159 (XXI).
const SYMBOL_LINE = /^[A-Z][A-Z0-9.()-]*(?:\/[A-Za-z0-9.()-]+)+(?: ?\((?:\d{4}|[IVXLC]{1,7})\))?$/;
const SYMBOL_IN_LINE = /(?<![A-Za-z0-9/])[A-Z][A-Z0-9.-]*(?:\/[A-Za-z0-9.-]+)+(?: ?\((?:\d{4}|[IVXLC]{1,7})\))?/;
const UNDERSCORE_SEPARATOR = /^(?:[_＿]{5,}|-{3,}|—{2,})$/;

const NUMBERED = /^\d{1,3}[.．](?!\d)\s*\S/;
const SUB_LABEL = /^(?:[(（](?:[a-z]{1,4}|[一二三四五六七八九十]{1,3})[)）]|[\u3220-\u3229])\s*\S/;
const TITLE = /^(?:\d{1,4}|[Xx_＿]+)\/(?:\d{1,4}(?:\s?[A-Z](?![A-Za-z]))?|[Xx_＿]+)\s*[.．]\s*\S/;

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT_START = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(\S.*)$/;

function headingKind(content: string, tables: IngestTables): boolean {
  return tables.headingLines.some((r) => r.test(content));
}

/** Repairs letter-spaced digits (`2 0 0 4 年 1 2 月` → `2004 年 12 月`). */
export function joinLetterSpacedDigits(line: string): string {
  return line.replace(/(?<![\d.,/])\d(?: \d)+(?![\d.,/])/g, (run) => run.replace(/ /g, ''));
}

/** Repairs letter-spaced Chinese (`《 不 扩 散 核 武 器` → `《不扩散核武器`), keeping spaces next to digits. */
export function joinLetterSpacedChinese(line: string, tables: IngestTables = chineseIngest): string {
  const script = tables.letterSpacedScript;
  const pairs = line.match(new RegExp(`[${script}] (?=[${script}])`, 'g'))?.length ?? 0;
  const letters = line.match(new RegExp(`[${script}]`, 'g'))?.length ?? 0;
  if (pairs < 5 || pairs < letters * 0.4) return line;
  return line.replace(new RegExp(`([${script}]) +(?=[${script}])`, 'g'), '$1');
}

/** A line made only of job numbers, barcodes, print dates and page counts, with at least one job number or barcode. */
function isBarcodeLine(content: string): boolean {
  const tokens = content.split(/\s+/);
  return tokens.some((t) => FURNITURE_STRONG.test(t)) && tokens.every((t) => FURNITURE_TOKEN.test(t));
}

/**
 * A masthead line (`联 合 国        A/RES/78/31`, `大 会        Distr.: General`, or all of it on
 * one line): the parts worth keeping as heading lines, and the document's symbol. Undefined for
 * any other line.
 */
function splitMasthead(content: string, tables: IngestTables): { parts: string[]; symbol?: string } | undefined {
  const hasMasthead = tables.masthead.test(content);
  const hasDistribution = /Distr\.?\s*:/i.test(content);
  if (!hasMasthead && !hasDistribution) return undefined;
  let rest = hasMasthead ? content.replace(tables.masthead, '') : content;
  const symbol = SYMBOL_IN_LINE.exec(rest)?.[0];
  if (symbol) rest = rest.replace(symbol, '   ');
  // Cells are separated by wide gaps; in a collapsed line, find the known parts one by one.
  const parts: string[] = [];
  const cells = rest.split(/\s{3,}|\t+/).map((c) => c.trim()).filter((c) => c.length > 0);
  for (const cell of cells) {
    if (tables.mastheadParts.some((r) => r.test(cell))) {
      parts.push(cell);
      continue;
    }
    const found = collapsedParts(cell, tables);
    if (!found) return undefined;
    parts.push(...found);
  }
  if (!hasMasthead && parts.length < 2 && !symbol) return undefined;
  return { parts, symbol };
}

/** `大 会 Distr.: General 11 December 2023` → its known parts, or undefined when something else is left. */
function collapsedParts(cell: string, tables: IngestTables): string[] | undefined {
  const patterns = [
    /^(?:大\s会|安\s全\s理\s事\s会|经\s济\s及\s社\s会\s理\s事\s会|人\s权\s理\s事\s会|大会|安全理事会|经济及社会理事会|人权理事会)(?=\s|$)/,
    /^Distr\.?\s*:\s*[A-Za-z]+/i,
    /^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}/,
    /^Original\s*:\s*[A-Za-z]+/i,
  ];
  const parts: string[] = [];
  let rest = cell.trim();
  while (rest.length > 0) {
    const hit = patterns.map((r) => r.exec(rest)).find((m) => m !== null);
    if (!hit) return undefined;
    const part = hit[0].trim();
    if (!tables.mastheadParts.some((r) => r.test(part))) return undefined;
    parts.push(part);
    rest = rest.slice(hit[0].length).trim();
  }
  return parts;
}

function classifyRaw(raw: string, number: number, tables: IngestTables): RawLine {
  let indent = 0;
  while (indent < raw.length && isSpace(raw[indent])) indent++;
  const content = trimEndWhere(raw.slice(indent), isSpace);
  if (content.length === 0) {
    // A long run of spaces on its own is where the PDF had its footnote rule.
    return { kind: raw.length >= 20 ? 'separator' : 'blank', indent, content, number };
  }
  if (UNDERSCORE_SEPARATOR.test(content)) return { kind: 'separator', indent, content, number };
  if (LINK.test(content) || PAGE_NUMBER.test(content) || JOB_NUMBER.test(content) || PAGE_ALONE.test(content) || isBarcodeLine(content)) {
    return { kind: 'artefact', indent, content, number };
  }
  if (tables.masthead.test(content) && content.replace(/\s/g, '') === '联合国') return { kind: 'artefact', indent, content, number };
  if (SYMBOL_LINE.test(content)) return { kind: 'running-head', indent, content, number };
  if (/^\d{1,3}$/.test(content) || /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(content)) return { kind: 'marker', indent, content, number };
  return { kind: 'text', indent, content: joinLetterSpacedChinese(joinLetterSpacedDigits(content), tables), number };
}

function isTitleLine(content: string, tables: IngestTables): boolean {
  return TITLE.test(content) || tables.titleLines.some((r) => r.test(content));
}

function isNumberTitle(content: string, tables: IngestTables): boolean {
  return tables.numberTitleLines.some((r) => r.test(content));
}

function isOrganLine(content: string, organs: readonly string[], tables: IngestTables): boolean {
  return organs.some((o) => content === `${o}，` || content === `${o},`) || tables.organLine.test(content);
}

function blockKind(content: string, organs: readonly string[], tables: IngestTables): BlockKind {
  if (isTitleLine(content, tables)) return 'title';
  if (NUMBERED.test(content)) return 'numbered';
  if (SUB_LABEL.test(content)) return 'sub';
  if (isOrganLine(content, organs, tables) || tables.annexOrganLine.test(content)) return 'organ';
  if (tables.closingDate.test(content)) return 'closing-date';
  if (tables.meeting.test(content)) return 'meeting';
  if (headingKind(content, tables) || isNumberTitle(content, tables)) return 'heading';
  if (tables.structureLines.some((r) => r.test(content))) return 'structure';
  return 'text';
}

/** Single-line kinds: nothing continues them. */
const COMPLETE_KINDS = new Set<BlockKind>(['heading', 'title', 'organ', 'structure', 'closing-date', 'meeting']);

/** Display width of a line as the PDF set it: Chinese and full-width characters count two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** How many `[` (or `［`) a fragment opens, less those it closes. */
function bracketBalance(fragment: string): number {
  let depth = 0;
  for (const ch of fragment) {
    if (ch === '[' || ch === '［') depth++;
    else if (ch === ']' || ch === '］') depth--;
  }
  return depth;
}

/** A block that opens with `[` (or `［`) not yet closed: the vote line and the report line may run over several raw lines. */
function openBracket(block: Block): boolean {
  return block.bracket !== undefined && block.bracket > 0;
}

/** A short section heading line: 第一部分, 第五条, 一. 核裁军. */
function isSectionHeading(content: string, tables: IngestTables): boolean {
  return tables.sectionStart.test(content) && content.length <= 60 && !endsParagraph(content);
}

function stripTail(text: string): string {
  return trimEndWhere(text, (ch) => ch === '*' || isSpace(ch) || SUPERSCRIPTS.includes(ch));
}

function endsParagraph(text: string): boolean {
  return /[，；。：,;:]$/.test(stripTail(text));
}

function startsWithOpener(text: string, profile: LanguageProfile, openers: readonly string[]): boolean {
  let at = text.replace(/^\*+/, '');
  const prefix = profile.repeatPrefixes.find((p) => at.startsWith(p));
  if (prefix && openers.some((o) => at.startsWith(prefix + o))) return true;
  at = at.replace(/^\*+/, '');
  return openers.some((o) => at.startsWith(o));
}

const ALNUM = /[A-Za-z0-9]/;

/** Joins the pieces of one paragraph: Chinese and symbol breaks join without a space, words with one. */
function joinFragments(fragments: string[]): string {
  // Pieces collected in an array and the last character kept aside: indexing a string being
  // built by += flattens it each time, quadratic over many fragments.
  const parts: string[] = [];
  let last = '';
  for (const f of fragments) {
    if (f.length === 0) continue;
    if (parts.length > 0) {
      const first = f[0];
      if (SUPERSCRIPTS.includes(last) && !/[，；。：、,;:.)）》]/.test(first)) parts.push(' ');
      else if (ALNUM.test(last) && ALNUM.test(first)) parts.push(' ');
    }
    parts.push(f);
    last = f[f.length - 1];
  }
  return parts.join('');
}

// Units that follow a number that is not a footnote marker: 2018 年 4 月, 第 3 段, 6 个国家.

/**
 * Footnote markers that lost their superscript and stand as plain digits in the text
 * (`《不扩散核武器条约》1 作为`, `大会 2 以及`, `报告\n10 中的`). A number is taken for a
 * marker only when it is a footnote number that may come next (new numbers in order, earlier
 * ones repeated), stands apart from other digits and symbols, and is not followed by a unit.
 * `\n` in the text marks the joins between raw lines.
 */
function restoreInlineMarkers(text: string, state: { highest: number; count: number }, tables: IngestTables): string {
  // The match starts where a run of spaces starts (never inside one), so the scan stays linear.
  return text.replace(/(?<![ \n])[ \n]*(?<![A-Za-z0-9/.\-(（:：])(\d{1,3})(?=[ \n]|$)/g, (whole: string, digits: string, offset: number) => {
    const n = Number(digits);
    if (n < 1 || n > state.count) return whole;
    if (n > state.highest + 1) return whole;
    if (offset === 0) return whole;
    const before = text.slice(Math.max(0, offset - 8), offset);
    const prev = before[before.length - 1];
    if (/[A-Za-z0-9/.\-(（]/.test(prev)) return whole;
    if (tables.wordBeforeNumber.test(before)) return whole;
    let next = offset + whole.length;
    while (next < text.length && (text[next] === ' ' || text[next] === '\n')) next++;
    const after = text.slice(next, next + 2);
    if (tables.unitAfterNumber.test(after)) return whole;
    if (/^[/.．]/.test(after)) return whole;
    state.highest = Math.max(state.highest, n);
    return toSuperscript(n);
  });
}

/** The Han characters a paragraph opens with (after `**` and 又/还): its candidate openers, 2 to 4 characters long. */
function openerCandidates(body: string, profile: LanguageProfile): string[] {
  let at = body.replace(/^\*+/, '');
  const prefix = profile.repeatPrefixes.find((p) => at.startsWith(p));
  if (prefix) at = at.slice(prefix.length).replace(/^\*+/, '');
  const run = /^[\u4e00-\u9fff]+/.exec(at)?.[0] ?? '';
  const out: string[] = [];
  for (let k = 2; k <= Math.min(4, run.length); k++) out.push(run.slice(0, k));
  return out;
}

const LABEL_PREFIX = /^(?:\d{1,3}[.．]\s*|[(（](?:[a-z]{1,4}|[一二三四五六七八九十]{1,3})[)）]\s*|[\u3220-\u3229]\s*)/;

/**
 * The paragraph openers a corpus teaches: every start (2 to 4 Chinese characters, after the
 * label) shared by at least `minimum` paragraphs of the clean drafts, below their organ line.
 * The cleaner takes them as one more sign that a line starts a paragraph, so a user's corpus
 * extends what the tables know.
 */
export function learnOpeners(drafts: readonly string[], profile: LanguageProfile = chinese, tables: IngestTables = chineseIngest, minimum = 3): string[] {
  const counts = new Map<string, number>();
  for (const text of drafts) {
    let body = false;
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (line.length === 0 || line.startsWith('%%')) continue;
      if (UNDERSCORE_SEPARATOR.test(line)) break;
      if (isOrganLine(line, profile.organs, tables)) {
        body = true;
        continue;
      }
      if (!body) continue;
      for (const c of openerCandidates(line.replace(LABEL_PREFIX, ''), profile)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return [...counts].filter(([, n]) => n >= minimum).map(([o]) => o).sort();
}

/**
 * Whether a clean draft has the structure of a resolution, a decision or a numbered text in any
 * organ's shape: a title line (76/54. …, 二一五九(二十一)、…, 第 2446(2018)号决议, 第 77/555 号决定),
 * an organ line, a numbered paragraph, or a closing meeting line.
 */
export function hasResolutionStructure(draft: string, profile: LanguageProfile = chinese, tables: IngestTables = chineseIngest): boolean {
  return draft.split('\n').some((raw) => {
    const line = raw.trim();
    return (
      isTitleLine(line, tables) ||
      isNumberTitle(line, tables) ||
      isOrganLine(line, profile.organs, tables) ||
      NUMBERED.test(line) ||
      tables.meeting.test(line) ||
      tables.headingLines.some((r) => r.test(line) && /(?:决议|决定|通过)$/.test(line))
    );
  });
}

/** Cleans one raw document. Never throws on text input. */
export function cleanRawText(raw: string, profile: LanguageProfile = chinese, tables: IngestTables = chineseIngest, options: CleanOptions = {}): CleanDraft {
  const remarks: string[] = [];
  const text = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').replace(/\f/g, '\n');
  let mastheadSymbol: string | undefined;
  const expanded: { raw: string; number: number }[] = [];
  text.split('\n').forEach((l, i) => {
    const masthead = splitMasthead(l.trim(), tables);
    if (!masthead) {
      expanded.push({ raw: l, number: i + 1 });
      return;
    }
    mastheadSymbol ??= masthead.symbol;
    const indent = /^\s*/.exec(l)![0];
    for (const part of masthead.parts) expanded.push({ raw: indent + part, number: i + 1 });
  });
  const lines = expanded.map((l) => classifyRaw(l.raw, l.number, tables));
  markRunningTitles(lines, profile, tables);

  // The document's own symbol: the masthead's, else a symbol alone on a line (running head or heading).
  const symbol = mastheadSymbol ?? lines.find((l) => l.kind === 'running-head')?.content;

  const textLines = lines.filter((l) => l.kind === 'text');
  const hasOrgan = textLines.some((l) => profile.organs.some((o) => l.content === `${o}，` || l.content === `${o},`) || tables.organLine.test(l.content));
  const hasTitle = textLines.some((l) => isTitleLine(l.content, tables) || isNumberTitle(l.content, tables));
  // The margin: the smallest indent of the body lines (a layout-preserving extraction indents them all).
  const margin = Math.min(
    ...textLines.filter((l) => l.content.length >= 10 && !headingKind(l.content, tables) && !/^(?:\d{1,3}\s|[⁰¹²³⁴⁵⁶⁷⁸⁹])/.test(l.content)).map((l) => l.indent),
    Infinity,
  );
  const base = Number.isFinite(margin) ? margin : 0;
  const indentOf = (l: RawLine) => Math.max(0, l.indent - base);
  const numberedLines = textLines.filter((l) => NUMBERED.test(l.content));
  // Some PDFs indent the first line of each paragraph: then a line that starts at the margin
  // after a line ending in ， or 。 still belongs to the same paragraph.
  const indentMarksParagraphs = numberedLines.length > 0 && numberedLines.filter((l) => indentOf(l) >= 1).length / numberedLines.length >= 0.5;
  // A numbered text (a working paper) has neither an organ line nor a resolution's title.
  const numberedText = !hasOrgan && !hasTitle;
  // A text whose lines are whole paragraphs (a clean draft, or a PDF that kept paragraphs on one
  // line, like 000) rather than lines wrapped at the page width.
  const bodyLines = textLines.filter((l) => l.content.length >= 20 && !headingKind(l.content, tables));
  const wrapped = bodyLines.length > 0 && bodyLines.filter((l) => !endsParagraph(l.content)).length / bodyLines.length >= 0.3;

  // The width of a full line: the median of the lines broken inside a paragraph. A line ending a
  // paragraph mark that is clearly shorter than that ended its paragraph.
  // The next line that is text, a marker or a separator, for each line (one pass from the end).
  const nextIndex = new Int32Array(lines.length + 1).fill(-1);
  for (let j = lines.length - 1; j >= 0; j--) {
    const k = lines[j + 1]?.kind;
    nextIndex[j] = k === 'text' || k === 'marker' || k === 'separator' ? j + 1 : nextIndex[j + 1];
  }
  const nextSignificant = (i: number): RawLine | undefined => (nextIndex[i] >= 0 ? lines[nextIndex[i]] : undefined);
  const widthOf = (l: RawLine) => displayWidth(l.content) + indentOf(l);
  // Only lines of the body count: the heading's short lines have no closing mark either.
  const bodyStart = lines.findIndex((l) => l.kind === 'text' && (isTitleLine(l.content, tables) || isOrganLine(l.content, profile.organs, tables)));
  const fullWidth = median(
    lines
      .map((l, i) => ({ l, i, next: nextSignificant(i) }))
      .filter(({ l, i, next }) => i > bodyStart && l.kind === 'text' && l.content.length >= 10 && !endsParagraph(l.content) && next?.kind === 'text' && blockKind(l.content, profile.organs, tables) !== 'structure')
      .map(({ l }) => widthOf(l)),
  );
  const sampleCount = lines.filter((l) => l.kind === 'text' && !endsParagraph(l.content)).length;
  const isShort = (l: RawLine, share: number) => sampleCount >= 3 && fullWidth > 0 && widthOf(l) < fullWidth * share;

  // Openers: the profile's, the tables' hints, the corpus's, and this document's own frequent
  // paragraph starts (lines that surely start a paragraph: after ；。：, indented, or labelled).
  const learned = new Map<string, number>();
  let previous: RawLine | undefined;
  for (const l of textLines) {
    const certain =
      LABEL_PREFIX.test(l.content) ||
      (previous !== undefined && (/[；。：]$/.test(stripTail(previous.content)) || (indentMarksParagraphs && indentOf(l) >= 1) || (endsParagraph(previous.content) && isShort(previous, 0.75))));
    if (certain) for (const c of openerCandidates(l.content.replace(LABEL_PREFIX, ''), profile)) learned.set(c, (learned.get(c) ?? 0) + 1);
    previous = l;
  }
  const openers = [
    ...profile.preambularOpeners,
    ...profile.operativeOpeners,
    ...tables.extraOpeners,
    ...(options.openers ?? []),
    ...[...learned].filter(([, n]) => n >= 2).map(([o]) => o),
  ];

  const blocks: Block[] = [];
  const footnotes: Footnote[] = [];
  let inFootnotes = false;
  let pendingFootnote: number | undefined;
  let blankBefore = false;
  let afterMarkerLine = false;
  let bodyStarted = false;
  let lastLine: RawLine | undefined;
  const lastFootnoteNumber = () => (footnotes.length ? footnotes[footnotes.length - 1].number : 0);
  const currentFootnoteOpen = () => {
    const f = footnotes[footnotes.length - 1];
    return f !== undefined && !/。$/.test(f.fragments[f.fragments.length - 1] ?? '');
  };
  // A footnote with no separator line above it (`1 二理事国……` under `……通过。 1`): its number is
  // the next one and the text above ends with that number after a space.
  const trailingNumbers = new Set<number>();
  const noteTrailingNumber = (fragment: string) => {
    const m = /[。，；：》”）)]\s+(\d{1,3})$/.exec(fragment);
    if (m) trailingNumbers.add(Number(m[1]));
  };
  const markedAbove = (n: number) => trailingNumbers.has(n);
  // A short line between paragraphs with no closing mark of its own (互联网治理, 前进的道路): a heading.
  const looksLikeHeading = (i: number, line: RawLine) => {
    if (endsParagraph(line.content) || line.content.length > 30 || !isShort(line, 0.6)) return false;
    const next = nextSignificant(i);
    if (!next || next.kind !== 'text') return false;
    if (indentMarksParagraphs) return indentOf(line) >= 1 && indentOf(next) >= 1;
    return true;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind === 'blank') {
      blankBefore = true;
      afterMarkerLine = false;
      continue;
    }
    if (line.kind === 'separator') {
      inFootnotes = true;
      pendingFootnote = undefined;
      blankBefore = true;
      afterMarkerLine = false;
      continue;
    }
    if (line.kind === 'artefact' || line.kind === 'running-head') {
      afterMarkerLine = false;
      continue;
    }

    // Footnotes.
    const superStart = line.kind === 'text' ? SUPERSCRIPT_START.exec(line.content) : null;
    if (superStart) {
      footnotes.push({ number: fromSuperscriptDigits(superStart[1]), fragments: [superStart[2]] });
      inFootnotes = true;
      blankBefore = false;
      continue;
    }
    if (!inFootnotes && line.kind === 'text') {
      const plain = /^(\d{1,3})\s+(\S.*)$/.exec(line.content);
      if (plain && Number(plain[1]) === lastFootnoteNumber() + 1 && !tables.unitAfterNumber.test(plain[2]) && markedAbove(Number(plain[1]))) {
        footnotes.push({ number: Number(plain[1]), fragments: [plain[2]] });
        inFootnotes = true;
        continue;
      }
    }
    if (inFootnotes) {
      if (line.kind === 'marker' && /^\d+$/.test(line.content) && Number(line.content) === lastFootnoteNumber() + 1 && !currentFootnoteOpen()) {
        pendingFootnote = Number(line.content);
        continue;
      }
      if (line.kind === 'text' && pendingFootnote !== undefined) {
        footnotes.push({ number: pendingFootnote, fragments: [line.content] });
        pendingFootnote = undefined;
        continue;
      }
      const numbered = line.kind === 'text' ? /^(\d{1,3})\s+(\S.*)$/.exec(line.content) : null;
      if (numbered && Number(numbered[1]) === lastFootnoteNumber() + 1 && !currentFootnoteOpen()) {
        footnotes.push({ number: Number(numbered[1]), fragments: [numbered[2]] });
        continue;
      }
      if (line.kind === 'text' && currentFootnoteOpen() && line.indent < 2 && blockKind(line.content, profile.organs, tables) === 'text') {
        footnotes[footnotes.length - 1].fragments.push(line.content);
        continue;
      }
      // The body text resumes after the footnote block.
      inFootnotes = false;
      pendingFootnote = undefined;
      blankBefore = true;
    }

    const current = blocks[blocks.length - 1];
    const lastFragment = current?.fragments[current.fragments.length - 1];

    if (line.kind === 'marker') {
      // A marker on a line of its own right after its words (002/004 style).
      const n = /^\d+$/.test(line.content) ? Number(line.content) : fromSuperscriptDigits(line.content);
      if (current && lastFragment !== undefined && !blankBefore) {
        current.fragments[current.fragments.length - 1] = lastFragment + toSuperscript(n);
        afterMarkerLine = true;
        continue;
      }
      remarks.push(ingestMessages[options.locale ?? 'en'].loneNumber(line.number, line.content));
    }

    let kind = blockKind(line.content, profile.organs, tables);
    // An organ line of an annexed text (欧洲经济委员会，) only where a paragraph cannot go on.
    if (kind === 'organ' && !isOrganLine(line.content, profile.organs, tables)) {
      if (current && !COMPLETE_KINDS.has(current.kind) && lastFragment !== undefined && !endsParagraph(lastFragment)) kind = 'text';
    }
    let join: boolean;
    // The vote note runs over raw lines as it wraps; a group of the vote that the layout began on
    // a line of its own, after the line before it ended (：, ；), stays there, as the draft had it.
    const voteGroup = current !== undefined && lastFragment !== undefined && openBracket(current) && tables.voteGroup.test(line.content) && /[：；:;]$/.test(stripTail(lastFragment));
    if (!current || lastFragment === undefined) join = false;
    else if (afterMarkerLine) join = true;
    else if (openBracket(current) && (kind === 'text' || kind === 'heading')) join = !voteGroup;
    else if (kind !== 'text') join = false;
    else if (bodyStarted && wrapped && !numberedText && (endsParagraph(lastFragment) || COMPLETE_KINDS.has(current.kind)) && looksLikeHeading(i, line)) {
      join = false;
      kind = 'structure';
    } else if (indentOf(line) >= 2) join = false;
    else if (COMPLETE_KINDS.has(current.kind)) join = false;
    else if (blankBefore && isSectionHeading(line.content, tables)) join = false;
    else if (!endsParagraph(lastFragment)) {
      // In an unwrapped text a short line such as 第一部分 is a heading of its own, while a long
      // line broken off (…或任 / 何其他核爆炸) continues after a page break.
      join = wrapped || !blankBefore || lastFragment.length >= 30;
    } else if (!wrapped) join = false;
    else if (numberedText) join = current.kind === 'numbered' || current.kind === 'sub';
    else if (indentMarksParagraphs) join = indentOf(line) === 0;
    else {
      // No indent tells: a paragraph ended where its last line is short, where the next line
      // starts with an opener, or after ；。： and a blank line.
      const short = lastLine !== undefined && isShort(lastLine, 0.8);
      join = !(short || startsWithOpener(line.content, profile, openers) || (blankBefore && /[；。：;:]$/.test(stripTail(lastFragment))));
    }

    if (join && current) {
      current.fragments.push(line.content);
      if (current.bracket !== undefined) current.bracket += bracketBalance(line.content);
    } else {
      // A vote group of an open note carries the note's open bracket on.
      const bracket = /^[[［]/.test(line.content) ? bracketBalance(line.content) : voteGroup ? current!.bracket! + bracketBalance(line.content) : undefined;
      blocks.push({ kind, fragments: [line.content], ...(bracket !== undefined ? { bracket } : {}) });
    }
    noteTrailingNumber(line.content);
    if (kind === 'title' || kind === 'organ') bodyStarted = true;
    blankBefore = false;
    afterMarkerLine = false;
    lastLine = line;
  }

  // Markers written as plain digits (001 style) exist only where no superscript or marker line does.
  const hasMarkers = blocks.some((b) => b.fragments.some((f) => /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(f)));
  const markerState = { highest: 0, count: maxOf(footnotes.map((f) => f.number), 0) };
  const paragraphs = blocks.map((b) => {
    if (!hasMarkers && markerState.count > 0) {
      const marked = restoreInlineMarkers(b.fragments.join('\n'), markerState, tables);
      return { kind: b.kind, text: joinFragments(marked.split('\n').filter((f) => f.length > 0)) };
    }
    return { kind: b.kind, text: joinFragments(b.fragments) };
  });

  // Layout.
  const out: string[] = [];
  // The heading block ends at the title or the organ line; in the Security Council's old texts
  // (第 347(1974)号决议, then 安全理事会 without its comma) at that organ name.
  const titleIndex = paragraphs.findIndex(
    (p, i) => p.kind === 'title' || p.kind === 'organ' || (i > 0 && p.kind === 'heading' && tables.organName.test(p.text) && isNumberTitle(paragraphs[i - 1].text, tables)),
  );
  let headingEnd: number;
  if (titleIndex >= 0) headingEnd = titleIndex;
  else {
    headingEnd = paragraphs.findIndex((p) => p.kind !== 'text' && p.kind !== 'heading' ? true : tables.sectionStart.test(p.text));
    if (headingEnd < 0) headingEnd = 0;
  }
  const heading = paragraphs.slice(0, headingEnd).map((p) => p.text);
  if (symbol && !heading.includes(symbol)) heading.unshift(symbol);
  let headingTitle: string | undefined;
  if (titleIndex < 0 && headingEnd > 0) headingTitle = paragraphs[headingEnd - 1].text;
  if (heading.length) out.push(heading.join('\n'), '');
  let closing: string[] = [];
  for (const p of paragraphs.slice(headingEnd)) {
    // The closing: date, meeting, and the adoption note under them ([未经表决获得通过。]).
    if (p.kind === 'closing-date' || p.kind === 'meeting' || (closing.length > 0 && /^[[［]/.test(p.text))) {
      closing.push(p.text);
      continue;
    }
    if (closing.length) {
      out.push(closing.join('\n'), '');
      closing = [];
    }
    out.push(p.text, '');
  }
  if (closing.length) out.push(closing.join('\n'), '');
  if (footnotes.length) {
    out.push('---');
    for (const f of footnotes) out.push(`${toSuperscript(f.number)} ${joinFragments(f.fragments)}`);
    out.push('');
  }
  while (out.length > 1 && out[out.length - 1] === '' && out[out.length - 2] === '') out.pop();
  const draft = out.join('\n');
  const symbolSource = symbol === undefined ? undefined : mastheadSymbol !== undefined ? 'masthead' : 'running-head';
  return { text: draft.endsWith('\n') ? draft : draft + '\n', symbol, ...(symbolSource ? { symbolSource } : {}), headingTitle, remarks };
}

/**
 * Running titles: the same short line at the head of every page (the title again, the organ's
 * name), next to the page's other furniture. Marked as artefacts.
 */
function markRunningTitles(lines: RawLine[], profile: LanguageProfile, tables: IngestTables): void {
  const nearFurniture = (i: number) => {
    for (let j = Math.max(0, i - 3); j <= Math.min(lines.length - 1, i + 3); j++) {
      if (j !== i && (lines[j].kind === 'artefact' || lines[j].kind === 'running-head')) return true;
    }
    return false;
  };
  const free = (l: RawLine) =>
    l.kind === 'text' && l.content.length >= 3 && l.content.length <= 60 && !endsParagraph(l.content) && blockKind(l.content, profile.organs, tables) === 'text';
  const seen = new Map<string, number[]>();
  let titleText: string | undefined;
  let firstOrganName = -1;
  lines.forEach((l, i) => {
    if (l.kind !== 'text') return;
    if (titleText === undefined && isTitleLine(l.content, tables)) titleText = l.content.replace(/^\S+?[.．、]\s*/, '');
    if (tables.organName.test(l.content)) {
      // The organ's name again after the text has begun (经济及社会理事会 at the head of a page).
      if (firstOrganName < 0) firstOrganName = i;
      else if (titleText !== undefined && nearFurniture(i)) l.kind = 'artefact';
      return;
    }
    if (titleText !== undefined && l.content === titleText && nearFurniture(i)) {
      l.kind = 'artefact';
      return;
    }
    if (!free(l)) return;
    const at = seen.get(l.content) ?? [];
    at.push(i);
    seen.set(l.content, at);
  });
  for (const at of seen.values()) {
    if (at.length < 2) continue;
    for (const i of at) if (nearFurniture(i)) lines[i].kind = 'artefact';
  }
}

function fromSuperscriptDigits(text: string): number {
  let n = 0;
  for (const ch of text) n = n * 10 + Math.max(0, SUPERSCRIPTS.indexOf(ch));
  return n;
}
