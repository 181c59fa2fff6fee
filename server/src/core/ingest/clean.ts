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
import { toSuperscript } from '../parse/superscript';

export interface CleanDraft {
  /** The clean draft text (ends with a newline). */
  text: string;
  /** The document's own symbol when the raw text shows it (running heads such as `NPT/CONF.2020/WP.77`). */
  symbol?: string;
  /** For a text without a numbered title line (a working paper): its title from the heading. */
  headingTitle?: string;
  /** Remarks about things the cleaner could not place (kept in the draft, never dropped silently). */
  remarks: string[];
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
  | 'closing-date'
  | 'meeting'
  | 'text'; // an unnumbered paragraph, a section heading or a free heading line

interface Block {
  kind: BlockKind;
  fragments: string[];
  /** The block ended with a marker on a line of its own (002/004 style). */
  firstIndent: number;
}

interface Footnote {
  number: number;
  fragments: string[];
}

const WS = '[\\s\\u3000\\u00a0\\ufeff]';
const LEADING_WS = new RegExp(`^${WS}*`);
const TRAILING_WS = new RegExp(`${WS}*$`);

const LINK = /^https?:\/\/\S+$/;
const PAGE_NUMBER = /^(?:\d{1,3}\/\d{1,3}\s+\d{2}-\d{5}(?:\s*\(C\))?|\d{2}-\d{5}(?:\s*\(C\))?\s+\d{1,3}\/\d{1,3})$/;
const JOB_NUMBER = /^\d{2}-\d{5}(?:\s*\(C\))?$/;
const SYMBOL_LINE = /^[A-Z][A-Z0-9.()-]*(?:\/[A-Za-z0-9.()-]+)+$/;
const UNDERSCORE_SEPARATOR = /^[_＿]{5,}$/;

const NUMBERED = /^\d{1,3}[.．](?!\d)\s*\S/;
const SUB_LABEL = /^(?:[(（](?:[a-z]{1,4}|[一二三四五六七八九十]{1,3})[)）]|[\u3220-\u3229])\s*\S/;
const TITLE = /^(?:\d{1,4}|[Xx_＿]+)\/(?:\d{1,4}(?:\s?[A-Z](?![A-Za-z]))?|[Xx_＿]+)\s*[.．]\s*\S/;
const CLOSING_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const MEETING = /^第\s*\d{1,4}\s*次(?:全体)?会议$/;
const SECTION_START = /^(?:[一二三四五六七八九十]{1,3}[.．、]\s*\S|第[一二三四五六七八九十百]+(?:条|部分|章|节))/;

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT_START = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(\S.*)$/;

function headingKind(content: string): boolean {
  return (
    /^(?:大\s*会|安\s*全\s*理\s*事\s*会|经济及社会理事会|人权理事会)$/.test(content) ||
    /^Distr\.?\s*:/i.test(content) ||
    /^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$/.test(content) ||
    /^第[零〇一二三四五六七八九十百]+届.*会议$/.test(content) ||
    /^议程项目/.test(content) ||
    /^\d{4}\s*年.*决议$/.test(content) ||
    /^[[［].*[\]］]$/.test(content) ||
    /^Original\s*:/i.test(content)
  );
}

/** Repairs letter-spaced digits (`2 0 0 4 年 1 2 月` → `2004 年 12 月`). */
export function joinLetterSpacedDigits(line: string): string {
  return line.replace(/(?<![\d.,/])\d(?: \d)+(?![\d.,/])/g, (run) => run.replace(/ /g, ''));
}

const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef《》“”';

/** Repairs letter-spaced Chinese (`《 不 扩 散 核 武 器` → `《不扩散核武器`), keeping spaces next to digits. */
export function joinLetterSpacedChinese(line: string): string {
  const pairs = line.match(new RegExp(`[${CJK}] (?=[${CJK}])`, 'g'))?.length ?? 0;
  const cjk = line.match(new RegExp(`[${CJK}]`, 'g'))?.length ?? 0;
  if (pairs < 5 || pairs < cjk * 0.4) return line;
  return line.replace(new RegExp(`([${CJK}]) +(?=[${CJK}])`, 'g'), '$1');
}

function classifyRaw(raw: string, number: number): RawLine {
  const indent = (LEADING_WS.exec(raw)?.[0] ?? '').length;
  const content = raw.slice(indent).replace(TRAILING_WS, '');
  if (content.length === 0) {
    // A long run of spaces on its own is where the PDF had its footnote rule.
    return { kind: raw.length >= 20 ? 'separator' : 'blank', indent, content, number };
  }
  if (UNDERSCORE_SEPARATOR.test(content)) return { kind: 'separator', indent, content, number };
  if (LINK.test(content) || PAGE_NUMBER.test(content) || JOB_NUMBER.test(content)) return { kind: 'artefact', indent, content, number };
  if (SYMBOL_LINE.test(content)) return { kind: 'running-head', indent, content, number };
  if (/^\d{1,3}$/.test(content) || /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(content)) return { kind: 'marker', indent, content, number };
  return { kind: 'text', indent, content: joinLetterSpacedChinese(joinLetterSpacedDigits(content)), number };
}

function blockKind(content: string, organs: readonly string[]): BlockKind {
  if (TITLE.test(content)) return 'title';
  if (NUMBERED.test(content)) return 'numbered';
  if (SUB_LABEL.test(content)) return 'sub';
  if (organs.some((o) => content === `${o}，` || content === `${o},`)) return 'organ';
  if (CLOSING_DATE.test(content)) return 'closing-date';
  if (MEETING.test(content)) return 'meeting';
  if (headingKind(content)) return 'heading';
  return 'text';
}

/** Single-line kinds: nothing continues them. */
const COMPLETE_KINDS = new Set<BlockKind>(['heading', 'title', 'organ', 'closing-date', 'meeting']);

function stripTail(text: string): string {
  return text.replace(/[\s*⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, '');
}

function endsParagraph(text: string): boolean {
  return /[，；。：,;:]$/.test(stripTail(text));
}

function startsWithOpener(text: string, profile: LanguageProfile): boolean {
  const openers = [...profile.preambularOpeners, ...profile.operativeOpeners];
  let at = text.replace(/^\*+/, '');
  const prefix = profile.repeatPrefixes.find((p) => at.startsWith(p));
  if (prefix && openers.some((o) => at.startsWith(prefix + o))) return true;
  at = at.replace(/^\*+/, '');
  return openers.some((o) => at.startsWith(o));
}

const ALNUM = /[A-Za-z0-9]/;

/** Joins the pieces of one paragraph: Chinese and symbol breaks join without a space, words with one. */
function joinFragments(fragments: string[]): string {
  let out = '';
  for (const f of fragments) {
    if (out.length === 0) {
      out = f;
      continue;
    }
    const last = out[out.length - 1];
    const first = f[0];
    if (SUPERSCRIPTS.includes(last) && !/[，；。：、,;:.)）》]/.test(first)) out += ' ' + f;
    else if (ALNUM.test(last) && ALNUM.test(first)) out += ' ' + f;
    else out += f;
  }
  return out;
}

// Units that follow a number that is not a footnote marker: 2018 年 4 月, 第 3 段, 6 个国家.
const UNIT_AFTER = /^[年月日号段卷条款次届个项名国周岁时分页章节点倍%％亿万千百十人票部册期]/;
const WORD_BEFORE = /(?:第|附件|附录|行动|目标|群组|编号|卷|段|至|-|—|~|～)$/;

/**
 * Footnote markers that lost their superscript and stand as plain digits in the text
 * (`《不扩散核武器条约》1 作为`, `大会 2 以及`, `报告\n10 中的`). A number is taken for a
 * marker only when it is a footnote number that may come next (new numbers in order, earlier
 * ones repeated), stands apart from other digits and symbols, and is not followed by a unit.
 * `\n` in the text marks the joins between raw lines.
 */
function restoreInlineMarkers(text: string, state: { highest: number; count: number }): string {
  return text.replace(/([ \n]*)(?<![A-Za-z0-9/.\-(（:：])(\d{1,3})(?=[ \n]|$)/g, (whole, space: string, digits: string, offset: number) => {
    const n = Number(digits);
    if (n < 1 || n > state.count) return whole;
    if (n > state.highest + 1) return whole;
    const before = text.slice(0, offset).replace(/[ \n]+$/, '');
    if (before.length === 0) return whole;
    const prev = before[before.length - 1];
    if (/[A-Za-z0-9/.\-(（]/.test(prev)) return whole;
    if (WORD_BEFORE.test(before)) return whole;
    const after = text.slice(offset + whole.length).replace(/^[ \n]+/, '');
    if (UNIT_AFTER.test(after)) return whole;
    if (/^[/.．]/.test(after)) return whole;
    state.highest = Math.max(state.highest, n);
    void space;
    return toSuperscript(n);
  });
}

/** Cleans one raw document. Never throws on text input. */
export function cleanRawText(raw: string, profile: LanguageProfile = chinese): CleanDraft {
  const remarks: string[] = [];
  const text = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').replace(/\f/g, '\n');
  const lines = text.split('\n').map((l, i) => classifyRaw(l, i + 1));

  // The document's own symbol: a symbol alone on a line (running head or heading).
  const symbolLine = lines.find((l) => l.kind === 'running-head');
  const symbol = symbolLine?.content;

  const hasOrgan = lines.some((l) => l.kind === 'text' && profile.organs.some((o) => l.content === `${o}，` || l.content === `${o},`));
  const numberedLines = lines.filter((l) => l.kind === 'text' && NUMBERED.test(l.content));
  // Some PDFs indent the first line of each paragraph: then a line that starts at the margin
  // after a line ending in ， or 。 still belongs to the same paragraph.
  const indentMarksParagraphs = numberedLines.length > 0 && numberedLines.filter((l) => l.indent >= 1).length / numberedLines.length >= 0.5;
  const numberedText = !hasOrgan;

  const blocks: Block[] = [];
  const footnotes: Footnote[] = [];
  let inFootnotes = false;
  let pendingFootnote: number | undefined;
  let blankBefore = false;
  let afterMarkerLine = false;
  const lastFootnoteNumber = () => (footnotes.length ? footnotes[footnotes.length - 1].number : 0);
  const currentFootnoteOpen = () => {
    const f = footnotes[footnotes.length - 1];
    return f !== undefined && !/。$/.test(f.fragments[f.fragments.length - 1] ?? '');
  };

  for (const line of lines) {
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
      if (line.kind === 'text' && currentFootnoteOpen() && line.indent < 2 && blockKind(line.content, profile.organs) === 'text') {
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
      remarks.push(`line ${line.number}: a number on a line of its own (${line.content}) that follows no text; kept as text`);
    }

    const kind = blockKind(line.content, profile.organs);
    let join: boolean;
    if (!current || lastFragment === undefined) join = false;
    else if (afterMarkerLine) join = true;
    else if (kind !== 'text') join = false;
    else if (line.indent >= 2) join = false;
    else if (COMPLETE_KINDS.has(current.kind)) join = false;
    else if (!endsParagraph(lastFragment)) join = true;
    else if (numberedText) join = current.kind === 'numbered' || current.kind === 'sub';
    else if (indentMarksParagraphs) join = line.indent === 0;
    else join = !(blankBefore && (startsWithOpener(line.content, profile) || /[；。：;:]$/.test(stripTail(lastFragment))));

    if (join && current) current.fragments.push(line.content);
    else blocks.push({ kind, fragments: [line.content], firstIndent: line.indent });
    blankBefore = false;
    afterMarkerLine = false;
  }

  // Markers written as plain digits (001 style) exist only where no superscript or marker line does.
  const hasMarkers = blocks.some((b) => b.fragments.some((f) => /[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(f)));
  const markerState = { highest: 0, count: footnotes.length ? Math.max(...footnotes.map((f) => f.number)) : 0 };
  const paragraphs = blocks.map((b) => {
    if (!hasMarkers && markerState.count > 0) {
      const marked = restoreInlineMarkers(b.fragments.join('\n'), markerState);
      return { kind: b.kind, text: joinFragments(marked.split('\n').filter((f) => f.length > 0)) };
    }
    return { kind: b.kind, text: joinFragments(b.fragments) };
  });

  // Layout.
  const out: string[] = [];
  const titleIndex = paragraphs.findIndex((p) => p.kind === 'title' || p.kind === 'organ');
  let headingEnd: number;
  if (titleIndex >= 0) headingEnd = titleIndex;
  else {
    headingEnd = paragraphs.findIndex((p) => p.kind !== 'text' && p.kind !== 'heading' ? true : SECTION_START.test(p.text));
    if (headingEnd < 0) headingEnd = 0;
  }
  const heading = paragraphs.slice(0, headingEnd).map((p) => p.text);
  if (symbol && !heading.includes(symbol)) heading.unshift(symbol);
  let headingTitle: string | undefined;
  if (titleIndex < 0 && headingEnd > 0) headingTitle = paragraphs[headingEnd - 1].text;
  if (heading.length) out.push(heading.join('\n'), '');
  let closing: string[] = [];
  for (const p of paragraphs.slice(headingEnd)) {
    if (p.kind === 'closing-date' || p.kind === 'meeting') {
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
  return { text: draft.endsWith('\n') ? draft : draft + '\n', symbol, headingTitle, remarks };
}

function fromSuperscriptDigits(text: string): number {
  let n = 0;
  for (const ch of text) n = n * 10 + Math.max(0, SUPERSCRIPTS.indexOf(ch));
  return n;
}
