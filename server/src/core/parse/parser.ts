import { chinese, chineseStructure as shapes } from '../lang/zh';
import type { LanguageProfile } from '../lang/profile';
import type {
  Annex,
  Closing,
  DateMention,
  DocumentShape,
  FootnoteText,
  HeadingField,
  Label,
  Opener,
  Paragraph,
  ParseNote,
  ResolutionDocument,
  ResolutionPart,
  SectionHeading,
  TextKind,
  TitleLine,
} from '../model';
import { LineIndex, type Span } from '../text';
import { emptyFindings, makeDate, scanInline as scanLine, type InlineFindings } from './inline';
import { chineseNumeral, circledValue, latinLetterValue, romanNumeral, toUpperRoman, upperRomanNumeral, writtenNumber } from './numbers';
import { fromSuperscript, isSuperscriptDigit } from './superscript';
import { parseNoteMessage, type ParseNoteKind } from './notes';


type LineClass =
  | { kind: 'blank' }
  | { kind: 'comment' }
  | { kind: 'separator' }
  | { kind: 'footnote'; numberEnd: number; number: number }
  | { kind: 'numbered'; label: Label; bodyStart: number }
  | { kind: 'sub'; label: Label; bodyStart: number; letters?: string }
  | { kind: 'section' }
  | { kind: 'organ'; organ: string; bare?: boolean; leadIn?: boolean }
  | {
      kind: 'title';
      number: string;
      numberSpan: Span;
      titleStart: number;
      placeholder: boolean;
      scheme?: TitleLine['scheme'];
      decision?: boolean;
      wholeLine?: boolean;
      /** The adoption line or date glued to the title block by a PDF extraction, as a heading field of its own. */
      glued?: { field: HeadingField; span: Span };
    }
  | { kind: 'closing-date'; date?: { year: number; month: number; day: number } }
  | { kind: 'meeting'; number?: number }
  | { kind: 'council-closing'; meeting?: number; date?: { year: number; month: number; day: number } }
  | { kind: 'annex' }
  | { kind: 'part'; letter: string }
  | { kind: 'heading'; field: HeadingField }
  | { kind: 'text' };

const TITLE_NUMBER = /^((?:\d{1,4}|[Xx_＿?？…]+)\/(?:\d{1,4}(?:\s?[A-Z](?![A-Za-z]))?|[Xx_＿?？…]+))\s*[.．]\s*(?=\S)/;
// `1.`, `1．`; also what an input method in full-width mode or a Chinese list habit gives, `１．`
// and `1、`, so that the paragraph is still an operative paragraph (operative-numbering names the form).
const NUMBERED = /^([0-9０-９]{1,6})([.．、])(?![0-9０-９])\s*/;
const SUB_LATIN = /^[(（]([a-z]{1,4})[)）]\s*/;
const SUB_CHINESE = /^[(（]([一二三四五六七八九十]{1,3})[)）]\s*/;
const SECTION = /^(?:[一二三四五六七八九十]{1,3}[.．、]\s*\S|第[一二三四五六七八九十百]+(?:条|部分|章|节)(?:\S{0,40})$|[A-Z][.．]\s+\S)/;
// The closing of a draft not yet adopted holds placeholders, as the title number does: XXXX 年 XX 月 XX 日, 第 XX 次全体会议.
// Also in Chinese numerals, as older texts write them: 一九六六年十一月二十九日, 第一四八一次全体会议.
const CLOSING_DATE = /^(?:\d{4}|[〇零一二三四五六七八九]{4}|[Xx_＿?？…]+)\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[Xx_＿?？…]+)\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[Xx_＿?？…]+)\s*日$/;
const DATE_PARTS = /^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日/;
const MEETING = /^第\s*(\d{1,4}|[〇零一二三四五六七八九十百千]{1,6}|[Xx_＿?？…]+)\s*次(?:全体)?会议$/;
// A footnote line with a plain-digit number (`1 二理事国未参加表决。`) and the marker it answers (`…通过。 1`).
const PLAIN_FOOTNOTE = /^(\d{1,2})[ \t\u3000]+(?=[^\s\d.．])/;
const PLAIN_MARKER = /(?<=[。，；：”》)）\]］\u4e00-\u9fff])[ \t\u3000]+(\d{1,2})$/;
const SEPARATOR = /^(?:-{3,}|_{3,}|—{2,}|－{3,}|＿{3,})$/;

/** Whether a line (trimmed) is a footnote separator as the parser reads one: `---`, `______`. */
export const isSeparatorLine = (line: string): boolean => SEPARATOR.test(line);
const FULL_SYMBOL_LINE = /^[A-Z][A-Z0-9.()-]*(?:\/[A-Za-z0-9.()-]+)+(?:\s?\(\d{4}\))?$/;

/** `一九六六年十一月二十九日` or `2021 年 12 月 6 日` as numbers; undefined for placeholders. */
function dateParts(text: string): { year: number; month: number; day: number } | undefined {
  const m = DATE_PARTS.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [writtenNumber(m[1]), writtenNumber(m[2]), writtenNumber(m[3])];
  return Number.isNaN(year) || Number.isNaN(month) || Number.isNaN(day) ? undefined : { year, month, day };
}

function meetingNumber(written: string): number | undefined {
  const n = writtenNumber(written);
  return Number.isNaN(n) ? undefined : n;
}

function headingField(line: string): HeadingField | undefined {
  if (/^(?:大\s*会|安\s*全\s*理\s*事\s*会|经济及社会理事会|人权理事会)$/.test(line)) return 'organ-heading';
  if (/^Distr\.?\s*:/i.test(line)) return 'distribution';
  if (/^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$/.test(line)) return 'date';
  if (/^第[零〇一二三四五六七八九十百]+届.*会议$/.test(line)) return 'session';
  if (/^议程项目/.test(line)) return 'agenda-item';
  if (shapes.adoption.test(line)) return 'adoption';
  if (shapes.yearSession.test(line)) return 'session';
  if (/^[[［].*[\]］]$/.test(line)) return 'report';
  if (/^\d{2}-\d{5}(?:\s*\(C\))?$/.test(line)) return 'job-number';
  if (FULL_SYMBOL_LINE.test(line)) return 'symbol';
  return undefined;
}

/** The characters of `\s` (and U+3000, U+00A0, U+FEFF, which it holds too), by code: no regular expression per character. */
function isSpace(ch: string | undefined): boolean {
  if (ch === undefined || ch.length === 0) return false;
  const c = ch.charCodeAt(0);
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The text without the characters at its end that match. A loop, not `/[…]+$/`: that regular
 * expression is quadratic on a line with a long run of such characters in the middle.
 */
function trimEndWhere(text: string, drop: (ch: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1])) end--;
  return text.slice(0, end);
}

/** The most notes of one kind the parser makes (structure remarks, such as a line among the footnotes without a number). */
export const NOTES_PER_KIND = 100;

/**
 * Parses a draft resolution (or any text of the corpus) into its structure. Never throws.
 *
 * `memo` makes the parse of the next version of the same draft quicker: each line whose text is
 * unchanged (where it was, or as far from the end as it was) takes its class and inline findings
 * from the previous parse instead of being recognised again. The result is the same as without it.
 */
export function parseDraft(text: string, profile: LanguageProfile = chinese, memo?: ParseMemo): ResolutionDocument {
  const lines = new LineIndex(text);
  const doc: ResolutionDocument = {
    text,
    lines,
    shape: 'resolution',
    heading: [],
    paragraphs: [],
    preamble: [],
    operative: [],
    sections: [],
    parts: [],
    annexes: [],
    closing: { vote: [] },
    footnotes: [],
    markers: [],
    symbols: [],
    citations: [],
    dates: [],
    titles: [],
    crossReferences: [],
    emphasis: [],
    facts: { kind: 'other' },
    notes: [],
    comments: [],
  };
  const inline = emptyFindings();
  const organs = new Set(profile.organs);
  const previous = memo ? (memo.profile === profile ? memo.lines : []) : undefined;
  const remembered: LineMemo[] = [];

  // Trimmed extent and class of every line.
  const extents: Span[] = [];
  const classes: LineClass[] = [];
  let hasOrganLine = false;
  const lineShift = previous ? previous.length - lines.lineCount : 0;
  for (let i = 0; i < lines.lineCount; i++) {
    let start = lines.lineStarts[i];
    let end = lines.lineEnd(i);
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    extents.push({ start, end });
    const lineText = text.slice(start, end);
    let cls: LineClass;
    if (previous) {
      // The same line where it was (before the edit), or as many lines from the end (after it).
      let kept = previous[i];
      if (!kept || kept.text !== lineText) kept = previous[i + lineShift];
      // The same line's memo, taken over as it is (two lines of this version may share one: what it
      // keeps is relative to the line, and `placed` says where it was placed).
      if (!kept || kept.text !== lineText) kept = { text: ownCopy(lineText), cls: classify(lineText, 0, organs) };
      remembered.push(kept);
      cls = shiftClass(kept.cls, start);
    } else {
      cls = classify(lineText, start, organs);
    }
    if (cls.kind === 'organ' && !cls.bare) hasOrganLine = true;
    classes.push(cls);
  }
  if (memo) {
    memo.profile = profile;
    memo.lines = remembered;
  }
  /** The inline scan of part of line `i`, remembered per line when there is a memo. */
  const scanInline = (_text: string, start: number, end: number, i: number, out: InlineFindings): void => {
    const kept = memo ? remembered[i] : undefined;
    if (!kept) {
      scanLine(text, start, end, i, out);
      return;
    }
    const base = extents[i].start;
    const key = `${start - base},${end - base}`;
    if (kept.empty === key) return;
    // The findings as the last parse placed them, when the line has not moved: the same objects
    // (nothing in a model changes them), no new ones for the garbage collector to move and keep.
    const placed = kept.placed;
    if (placed && placed.key === key) {
      if (placed.by === base && placed.line === i) {
        addPlaced(placed.found, out);
        return;
      }
      // Moved: those findings moved here.
      const moved = shifted(placed.found, base - placed.by, i);
      kept.placed = { key, by: base, line: i, found: moved };
      addPlaced(moved, out);
      return;
    }
    // Another stretch of the line than the one placed last (rare): its findings relative to the line, moved here.
    const found = kept.scans?.get(key);
    let moved: InlineFindings;
    if (found) {
      if (isEmpty(found)) return;
      moved = shifted(found, base, i);
    } else {
      // Never scanned: scanned where it is (the same findings as a scan of the line alone, moved).
      moved = emptyFindings();
      scanLine(text, start, end, i, moved);
      if (isEmpty(moved)) {
        if (kept.empty === undefined) kept.empty = key;
        else (kept.scans ??= new Map()).set(key, moved);
        return;
      }
    }
    // The stretch placed before keeps its findings, relative, for when it is scanned again.
    if (placed) {
      (kept.scans ??= new Map()).set(placed.key, shifted(placed.found, -placed.by, 0));
    }
    kept.placed = { key, by: base, line: i, found: moved };
    addPlaced(moved, out);
  };

  // Plain-digit footnotes in a draft without a footnote line: `…通过。 1` and, below, `1 二理事国未参加表决。`.
  const plainMarkers: { number: number; span: Span; line: number }[] = [];
  // The lines above that end in a plain marker and are not taken yet, by number, nearest last:
  // a footnote line takes the nearest one with its number (one pass, not a search upwards).
  const openMarkers = new Map<number, { line: number; digits: number }[]>();
  for (let i = 0; i < classes.length; i++) {
    const first = text.charCodeAt(extents[i].start);
    const f = classes[i].kind === 'text' && first >= 0x30 && first <= 0x39 ? PLAIN_FOOTNOTE.exec(text.slice(extents[i].start, extents[i].end)) : null;
    if (f) {
      const number = Number(f[1]);
      const j = openMarkers.get(number)?.pop();
      if (j) {
        const digitsStart = extents[j.line].end - j.digits;
        plainMarkers.push({ number, span: { start: digitsStart, end: extents[j.line].end }, line: j.line });
        // The line without its marker is what the parser places (and what its ending is read from).
        let end = digitsStart;
        while (end > extents[j.line].start && isSpace(text[end - 1])) end--;
        extents[j.line] = { start: extents[j.line].start, end };
        classes[j.line] = classify(text.slice(extents[j.line].start, end), extents[j.line].start, organs);
        classes[i] = { kind: 'footnote', number, numberEnd: extents[i].start + f[1].length };
      }
    }
    // Only a line that ends in a digit can end in a plain marker.
    const last = extents[i].end > extents[i].start ? text.charCodeAt(extents[i].end - 1) : 0;
    if (last < 0x30 || last > 0x39) continue;
    const m = PLAIN_MARKER.exec(text.slice(extents[i].start, extents[i].end));
    if (!m) continue;
    const number = Number(m[1]);
    let waiting = openMarkers.get(number);
    if (!waiting) openMarkers.set(number, (waiting = []));
    waiting.push({ line: i, digits: m[1].length });
  }

  type Phase = 'heading' | 'preamble' | 'operative' | 'annex' | 'footnotes';
  let phase: Phase = 'heading';
  let sequence = 0;
  let division = 0;
  let currentPart: ResolutionPart | undefined;
  let currentClosing: Closing = doc.closing;
  let closingSeen = false;
  let inVote = false;
  let annex: Annex | undefined;
  const pendingHeadingOther: number[] = [];

  // The divisions (parts A, B …) that have paragraphs so far, and whether the annex being read has begun.
  const divisionsWithParagraphs = new Set<number>();
  let annexBegun = false;
  let adoptionLineSeen = false;
  const addParagraph = (p: Paragraph) => {
    p.index = doc.paragraphs.length;
    p.division = division;
    doc.paragraphs.push(p);
    divisionsWithParagraphs.add(division);
  };
  // Each kind of note on its first lines only: a pasted or damaged text could give one on every
  // line. The last note kept of a kind says how many more lines it has.
  const noteCounts = new Map<ParseNoteKind, { count: number; last: ParseNote }>();
  const note = (kind: ParseNoteKind, i: number) => {
    const seen = noteCounts.get(kind);
    if (seen && seen.count >= NOTES_PER_KIND) {
      seen.count++;
      return;
    }
    const made: ParseNote = { kind, message: parseNoteMessage(kind), span: extents[i], line: i };
    doc.notes.push(made);
    noteCounts.set(kind, { count: (seen?.count ?? 0) + 1, last: made });
  };
  const startsWithOpener = (line: string) => {
    const at = trimStartWhere(line, (ch) => ch === '*' || isSpace(ch));
    return sortedOpeners(profile).operative.some((o) => at.startsWith(o) || profile.repeatPrefixes.some((r) => at.startsWith(r + o)));
  };

  for (let i = 0; i < classes.length; i++) {
    const span = extents[i];
    const lineText = text.slice(span.start, span.end);
    // Below the footnote line, a number alone is a footnote whose text is still to be written
    // (just inserted, `¹ `), not a stray marker.
    const cls: LineClass =
      phase === 'footnotes' && lineText.length > 0 && allSuperscript(lineText)
        ? { kind: 'footnote', number: fromSuperscript(lineText), numberEnd: span.end }
        : classes[i];
    if (cls.kind === 'blank') continue;
    if (cls.kind === 'comment') {
      // `%%` lines are the drafter's own remarks (and rule switches): no part of the text.
      doc.comments.push({ text: lineText.slice(2).trim(), span, line: i });
      continue;
    }

    if (cls.kind === 'separator') {
      doc.footnoteSeparator ??= span;
      phase = 'footnotes';
      continue;
    }
    if (cls.kind === 'footnote') {
      const textStart = skipSpaces(text, cls.numberEnd, span.end);
      const footnote: FootnoteText = {
        number: cls.number,
        numberSpan: { start: span.start, end: cls.numberEnd },
        textSpan: { start: textStart, end: span.end },
        span,
        line: i,
        ibid: text.startsWith('同上', textStart),
      };
      doc.footnotes.push(footnote);
      scanInline(text, textStart, span.end, i, inline);
      continue;
    }
    if (phase === 'footnotes' && (cls.kind === 'text' || cls.kind === 'heading' || cls.kind === 'title')) {
      note('stray-footnote-line', i);
      scanInline(text, span.start, span.end, i, inline);
      continue;
    }

    // An annex: structure of its own (title, organ line, paragraphs), no part of the resolution's paragraphs.
    if (cls.kind === 'annex' && phase !== 'heading') {
      annex = { heading: { text: lineText, span, line: i }, lines: [], span: { ...span } };
      annexBegun = false;
      doc.annexes.push(annex);
      phase = 'annex';
      continue;
    }
    if (phase === 'annex' && annex) {
      scanInline(text, span.start, span.end, i, inline);
      annex.span.end = span.end;
      if (cls.kind === 'organ' && !annex.organ) {
        annex.organ = { organ: cls.organ, span, line: i };
        annex.lines.push({ kind: 'organ', text: lineText, span, line: i });
        continue;
      }
      const begun = annex.organ !== undefined || annexBegun;
      let kind: Annex['lines'][number]['kind'];
      if (cls.kind === 'numbered') kind = 'numbered';
      else if (cls.kind === 'sub') kind = 'subparagraph';
      else if (cls.kind === 'closing-date' || cls.kind === 'meeting' || cls.kind === 'council-closing') kind = 'closing';
      else if (headingLike(lineText) && !startsWithOpener(lineText)) kind = begun ? 'section' : 'title';
      else kind = 'paragraph';
      if (kind === 'title') annex.title = annex.title ? `${annex.title} ${lineText}` : lineText;
      else annexBegun = true;
      annex.lines.push({ kind, text: lineText, span, line: i });
      continue;
    }

    // `A`, `B`: parts of one resolution, each with its preamble, operative paragraphs and closing.
    if (cls.kind === 'part') {
      if (doc.parts.length > 0) {
        division = doc.parts.length;
        sequence++;
        currentClosing = { vote: [] };
        closingSeen = false;
        inVote = false;
      }
      currentPart = { letter: cls.letter, span, line: i, division, closing: currentClosing };
      doc.parts.push(currentPart);
      if (phase !== 'heading') phase = 'preamble';
      continue;
    }

    if (phase === 'heading') {
      if (cls.kind === 'heading') {
        doc.heading.push({ field: cls.field, span, line: i, text: lineText });
        if (cls.field === 'adoption') adoptionLineSeen = true;
        scanInline(text, span.start, span.end, i, inline);
        continue;
      }
      if (cls.kind === 'title' && !doc.title) {
        const titleSpan = cls.glued ? cls.numberSpan : { start: cls.titleStart, end: span.end };
        doc.title = {
          number: cls.number,
          numberSpan: cls.numberSpan,
          placeholder: cls.placeholder,
          scheme: cls.scheme,
          decision: cls.decision,
          title: text.slice(titleSpan.start, titleSpan.end),
          titleSpan,
          span,
          line: i,
        };
        if (cls.glued) {
          doc.heading.push({ field: cls.glued.field, span: cls.glued.span, line: i, text: text.slice(cls.glued.span.start, cls.glued.span.end) });
          if (cls.glued.field === 'adoption') adoptionLineSeen = true;
        }
        scanInline(text, cls.glued ? span.start : cls.titleStart, span.end, i, inline);
        continue;
      }
      if (cls.kind === 'organ') {
        if (cls.bare && !doc.title && !adoptionLineSeen) {
          // A masthead (人权理事会) above the title, not the enacting formula.
          doc.heading.push({ field: 'organ-heading', span, line: i, text: lineText });
          continue;
        }
        doc.organ = { organ: cls.organ, span, line: i };
        if (currentPart) currentPart.organ = doc.organ;
        phase = 'preamble';
        continue;
      }
      if (cls.kind === 'section') {
        doc.sections.push({ text: lineText, span, line: i } satisfies SectionHeading);
        scanInline(text, span.start, span.end, i, inline);
        continue;
      }
      if (cls.kind === 'text' || cls.kind === 'closing-date' || cls.kind === 'meeting' || cls.kind === 'title') {
        const bare = trimEndWhere(lineText, (ch) => ch === '*' || isSpace(ch) || isSuperscriptDigit(ch));
        const endsLikePreamble = bare.endsWith(profile.endings.preambular);
        // A decision or a text without its organ line: after the title, a sentence begins the body;
        // so does one still being typed (no closing mark yet) that opens as one: a decision's
        // 在……会议上，大会……, or an opener (重申……). (Not any line with a comma: the lines of a
        // hard-wrapped raw text are not paragraphs.)
        const endsLikeBody =
          doc.title !== undefined && cls.kind === 'text' && bare.length > 12 && (/[。；：]$/.test(bare) || shapes.decisionParagraph.test(bare) || startsWithOpener(bare));
        if (!hasOrganLine && (endsLikePreamble || endsLikeBody)) {
          phase = 'preamble';
        } else {
          doc.heading.push({ field: cls.kind === 'closing-date' ? 'date' : 'other', span, line: i, text: lineText });
          pendingHeadingOther.push(doc.heading.length - 1);
          scanInline(text, span.start, span.end, i, inline);
          continue;
        }
      }
      if (cls.kind === 'sub') phase = 'preamble';
    }

    if (cls.kind === 'organ') {
      const partParagraphs = divisionsWithParagraphs.has(division);
      if (currentPart && !currentPart.organ && !partParagraphs) {
        currentPart.organ = { organ: cls.organ, span, line: i };
        phase = 'preamble';
        continue;
      }
      // 因此，安全理事会， restates the enacting formula before the operative part (older texts).
      if (cls.leadIn) continue;
      // A second organ line: keep the first, report this one.
      note('repeated-organ-line', i);
      continue;
    }
    if (cls.kind === 'closing-date') {
      if (cls.date && !currentClosing.date) {
        currentClosing.date = makeDate(cls.date.year, cls.date.month, cls.date.day, span.start, span.end, i);
        currentClosing.dateLine = span;
        doc.dates.push(currentClosing.date);
        continue;
      }
      if (!cls.date && !currentClosing.dateLine) {
        // A placeholder date: the line is the closing, with no date yet.
        currentClosing.dateLine = span;
        continue;
      }
    }
    if (cls.kind === 'meeting' && !currentClosing.meeting) {
      currentClosing.meeting = { number: cls.number, span, line: i };
      closingSeen = true;
      continue;
    }
    if (cls.kind === 'council-closing' && !currentClosing.adoption) {
      currentClosing.adoption = { meeting: cls.meeting, span, line: i };
      if (cls.date && !currentClosing.date) {
        const m = DATE_PARTS.exec(lineText);
        currentClosing.date = makeDate(cls.date.year, cls.date.month, cls.date.day, span.start, span.start + (m?.[0].length ?? 0), i);
        // A date in digits is found by the inline scan too; one in Chinese numerals only here.
        if (!/^\d/.test(lineText)) doc.dates.push(currentClosing.date);
      }
      closingSeen = true;
      scanInline(text, span.start, span.end, i, inline);
      continue;
    }
    // The vote after the meeting: [未经表决获得通过。], [以 28 票赞成……表决情况如下：……], 赞成：…….
    if (closingSeen && cls.kind !== 'numbered' && cls.kind !== 'sub' && (inVote || shapes.voteLine.test(lineText))) {
      currentClosing.vote.push({ span, line: i });
      const opens = (lineText.match(/[[［]/g) ?? []).length;
      const closes = (lineText.match(/[\]］]/g) ?? []).length;
      inVote = inVote ? closes === 0 : opens > closes;
      scanInline(text, span.start, span.end, i, inline);
      continue;
    }
    if (cls.kind === 'section' && (phase !== 'preamble' || !startsWithOpener(lineText))) {
      doc.sections.push({ text: lineText, span, line: i });
      scanInline(text, span.start, span.end, i, inline);
      continue;
    }

    if (cls.kind === 'numbered') {
      phase = 'operative';
      const previous = doc.operative[doc.operative.length - 1];
      // Endings are filled in after the loop, so look at the text itself here.
      if (previous && previous.division === division && cls.label.value === 1 && findEnding(text, lastOf(previous).span)?.char === profile.endings.introducesList && previous.children.length === 0) {
        sequence++;
      }
      const p = makeParagraph('operative', 'operative', 0, i, span, cls.label, cls.bodyStart, sequence);
      addParagraph(p);
      doc.operative.push(p);
      scanInline(text, cls.bodyStart, span.end, i, inline);
      continue;
    }

    if (cls.kind === 'sub') {
      const part = phase === 'operative' ? 'operative' : 'preamble';
      const top = part === 'operative' ? doc.operative[doc.operative.length - 1] : doc.preamble[doc.preamble.length - 1];
      let label = cls.label;
      let level = label.style === 'circled' || label.style === 'chinese-parenthesized' ? 2 : 1;
      if (label.style === 'latin' && cls.letters && !Number.isNaN(romanNumeral(cls.letters))) {
        // (i), (ii) … are roman numerals under a letter that introduces them, letters otherwise.
        const lastChild = top ? lastOf(top) : undefined;
        const nextLetter = lastChild && lastChild.level === 1 && lastChild.label?.style === 'latin' ? lastChild.label.value + 1 : 1;
        const continuesRoman = lastChild?.label?.style === 'roman';
        const introduced = lastChild?.level === 1 && findEnding(text, lastChild.span)?.char === profile.endings.introducesList;
        if ((continuesRoman || introduced || cls.letters.length > 1) && latinLetterValue(cls.letters) !== nextLetter) {
          label = { ...label, style: 'roman', value: romanNumeral(cls.letters) };
          level = 2;
        }
      }
      let parent: Paragraph | undefined = top;
      if (level === 2 && top) {
        const lastChild = top.children[top.children.length - 1];
        if (lastChild && lastChild.level === 1) parent = lastChild;
      }
      const p = makeParagraph('subparagraph', part, level, i, span, label, cls.bodyStart, top?.sequence ?? 0);
      if (parent) {
        p.parent = parent;
        parent.children.push(p);
      } else {
        note('orphan-subparagraph', i);
      }
      addParagraph(p);
      scanInline(text, cls.bodyStart, span.end, i, inline);
      continue;
    }

    // Plain text.
    if (phase === 'operative') {
      const bare = trimEndWhere(lineText, (ch) => ch === '*' || isSpace(ch));
      if (bare.length <= 40 && !/[，；。：,;.]$/.test(bare)) {
        doc.sections.push({ text: lineText, span, line: i });
        scanInline(text, span.start, span.end, i, inline);
        continue;
      }
      const p = makeParagraph('unnumbered', 'operative', 0, i, span, undefined, span.start, sequence);
      addParagraph(p);
      doc.operative.push(p);
      scanInline(text, span.start, span.end, i, inline);
      continue;
    }
    // A short heading between preambular paragraphs (互联网治理): no opener, no closing mark.
    if (headingLike(lineText) && lineText.length <= 30 && !startsWithOpener(lineText) && (doc.organ !== undefined || doc.preamble.length > 0)) {
      doc.sections.push({ text: lineText, span, line: i });
      scanInline(text, span.start, span.end, i, inline);
      continue;
    }
    phase = 'preamble';
    const p = makeParagraph('preambular', 'preamble', 0, i, span, undefined, span.start, sequence);
    addParagraph(p);
    doc.preamble.push(p);
    scanInline(text, span.start, span.end, i, inline);
  }

  // A draft title without a number: the last free heading line right before the organ line.
  if (!doc.title && doc.organ && pendingHeadingOther.length > 0) {
    const h = doc.heading[pendingHeadingOther[pendingHeadingOther.length - 1]];
    if (h.field === 'other' && !doc.heading.some((x) => x.line > h.line)) {
      doc.heading.splice(doc.heading.indexOf(h), 1);
      doc.title = { placeholder: false, title: h.text, titleSpan: h.span, span: h.span, line: h.line };
    }
  }

  for (const [kind, { count, last }] of noteCounts) {
    if (count > NOTES_PER_KIND) {
      last.more = count - NOTES_PER_KIND;
      last.message = parseNoteMessage(kind, 'en', last.more);
    }
  }

  loneOperative(doc, profile);

  const emphasis = byStart(inline.emphasis);
  for (const p of doc.paragraphs) {
    p.opener = memo ? rememberedOpener(text, p, profile, emphasis, remembered[p.line], extents[p.line].start) : findOpener(text, p, profile, emphasis);
    p.ending = findEnding(text, p.span);
  }

  // Inline findings, tied to their paragraphs.
  const paragraphByLine = new Array<Paragraph | undefined>(lines.lineCount);
  for (const p of doc.paragraphs) paragraphByLine[p.line] = p;
  for (const m of plainMarkers) inline.markers.push(m);
  inline.markers.sort((a, b) => a.span.start - b.span.start);
  for (const m of inline.markers) m.paragraph = paragraphByLine[m.line];
  for (const r of inline.crossReferences) r.from = paragraphByLine[r.line];
  doc.markers = inline.markers;
  doc.symbols = inline.symbols;
  doc.citations = inline.citations;
  for (const d of inline.dates) doc.dates.push(d);
  doc.dates.sort((a, b) => a.span.start - b.span.start);
  doc.titles = inline.titles;
  doc.crossReferences = inline.crossReferences;
  doc.emphasis = inline.emphasis;

  doc.shape = decideShape(doc, profile);
  doc.facts = documentFacts(doc);
  return doc;
}

/** One line as the last parse saw it: its trimmed text, its class at offset 0, its inline scans (relative to its start). */
interface LineMemo {
  text: string;
  cls: LineClass;
  /** By `start,end` relative to the line's start: the stretches scanned other than the one `placed` (made when first needed). */
  scans?: Map<string, InlineFindings>;
  /** The key of a scan that found nothing. */
  empty?: string;
  /** The openers found in it (relative; null: none), by what they depend on (see `rememberedOpener`). */
  openers?: Map<string, Opener | null>;
  /** The last scan of the line (by the same key as `scans`) as the last parse placed it: at offset `by`, on line `line`. */
  placed?: { key: string; by: number; line: number; found: InlineFindings };
}

/**
 * `findOpener` for a paragraph from its line's memo: the opener depends only on the line's text,
 * where the body lies in it, the paragraph's part and level, and the first bold stretch of the
 * body, all of which make the key.
 */
function rememberedOpener(text: string, p: Paragraph, profile: LanguageProfile, emphasis: { span: Span; innerSpan: Span }[], kept: LineMemo | undefined, base: number): Opener | undefined {
  if (!kept) return findOpener(text, p, profile, emphasis);
  const first = firstFrom(emphasis, p.body.start);
  const bold = first && first.span.end <= p.body.end ? first : undefined;
  const key = `${p.body.start - base},${p.body.end - base},${p.part === 'preamble' && p.level === 0},${bold ? `${bold.span.start - base},${bold.span.end - base},${bold.innerSpan.start - base},${bold.innerSpan.end - base}` : ''}`;
  let found = kept.openers?.get(key);
  if (found === undefined) {
    const relative = { ...p, body: { start: p.body.start - base, end: p.body.end - base } };
    found = findOpener(kept.text, relative, profile, bold ? [{ span: at(bold.span, -base), innerSpan: at(bold.innerSpan, -base) }] : []) ?? null;
    (kept.openers ??= new Map()).set(key, found);
  }
  return found ? { ...found, span: at(found.span, base) } : undefined;
}

/** What the parse of one version of a draft keeps for the parse of the next (see `parseDraft`). */
export class ParseMemo {
  profile?: LanguageProfile;
  lines: LineMemo[] = [];
}

/**
 * A copy of a line's text that does not hold on to the whole draft (a slice of a long string
 * keeps it alive): the memo outlives the version it was made from.
 */
function ownCopy(line: string): string {
  // Joined, the line becomes a string of its own when V8 flattens it for the slice.
  return line.length < 16 ? line : (line + ' ').slice(0, -1);
}

const at = (span: Span, by: number): Span => ({ start: span.start + by, end: span.end + by });

/** A line's class as `classify` gives it at offset 0, moved to the line's place. */
function shiftClass(cls: LineClass, by: number): LineClass {
  switch (cls.kind) {
    case 'footnote':
      return { ...cls, numberEnd: cls.numberEnd + by };
    case 'numbered':
    case 'sub':
      return { ...cls, label: { ...cls.label, span: at(cls.label.span, by) }, bodyStart: cls.bodyStart + by };
    case 'title':
      return { ...cls, numberSpan: at(cls.numberSpan, by), titleStart: cls.titleStart + by, glued: cls.glued && { field: cls.glued.field, span: at(cls.glued.span, by) } };
    default:
      return cls;
  }
}

/**
 * A line's remembered inline findings (relative, line 0) moved to offset `by` and line `line`: new
 * objects of the shapes the scan makes, and one shared empty list for each kind the line has none
 * of (most have none of most kinds). What this returns is only read, never added to.
 */
function shifted(found: InlineFindings, by: number, line: number): InlineFindings {
  const dates = found.dates.length === 0 ? none<DateMention>() : found.dates.map((d): DateMention => ({ year: d.year, month: d.month, day: d.day, valid: d.valid, iso: d.iso, span: at(d.span, by), line }));
  return {
    markers: found.markers.length === 0 ? none() : found.markers.map((m) => ({ number: m.number, span: at(m.span, by), line })),
    symbols: found.symbols.length === 0 ? none() : found.symbols.map((x) => ({ text: x.text, span: at(x.span, by), line })),
    citations:
      found.citations.length === 0
        ? none()
        : found.citations.map((c) => ({
            number: c.number,
            key: c.key,
            kind: c.kind,
            organ: c.organ,
            symbol: c.symbol,
            // The date before it is one of the line's dates: the same one, moved.
            date: c.date && dates[found.dates.indexOf(c.date)],
            numberSpan: at(c.numberSpan, by),
            span: at(c.span, by),
            line,
          })),
    dates,
    titles: found.titles.length === 0 ? none() : found.titles.map((t) => ({ title: t.title, span: at(t.span, by), innerSpan: at(t.innerSpan, by), line })),
    crossReferences: found.crossReferences.length === 0 ? none() : found.crossReferences.map((r) => ({ direction: r.direction, paragraphNumber: r.paragraphNumber, numberSpan: at(r.numberSpan, by), span: at(r.span, by), line })),
    emphasis: found.emphasis.length === 0 ? none() : found.emphasis.map((e) => ({ span: at(e.span, by), innerSpan: at(e.innerSpan, by) })),
  };
}

const NONE: readonly never[] = Object.freeze([]);
/** The shared empty list of `shifted` (frozen: adding to it throws rather than mixing lines up). */
const none = <T>(): T[] => NONE as unknown as T[];

function isEmpty(f: InlineFindings): boolean {
  return f.markers.length === 0 && f.symbols.length === 0 && f.citations.length === 0 && f.dates.length === 0 && f.titles.length === 0 && f.crossReferences.length === 0 && f.emphasis.length === 0;
}

/**
 * Adds findings placed by a parse to `out`. Markers and cross-references are copied: the parse
 * ties each to its paragraph (`paragraph`, `from`), which is another object in every version.
 */
function addPlaced(found: InlineFindings, out: InlineFindings): void {
  for (const m of found.markers) out.markers.push({ number: m.number, span: m.span, line: m.line });
  for (const x of found.symbols) out.symbols.push(x);
  for (const c of found.citations) out.citations.push(c);
  for (const d of found.dates) out.dates.push(d);
  for (const r of found.crossReferences) out.crossReferences.push({ direction: r.direction, paragraphNumber: r.paragraphNumber, numberSpan: r.numberSpan, span: r.span, line: r.line });
  for (const t of found.titles) out.titles.push(t);
  for (const e of found.emphasis) out.emphasis.push(e);
}

/** A short line without a closing mark: a heading, not a paragraph. */
function headingLike(line: string): boolean {
  const bare = trimEndWhere(line, (ch) => ch === '*' || isSpace(ch) || isSuperscriptDigit(ch));
  // A clause and its comma (深为关切……局势，包括 being typed) is a paragraph, whatever its opener: headings have none.
  return bare.length > 0 && bare.length <= 60 && !/[，；。：,;.、]$/.test(bare) && !bare.includes('，');
}

/** Whether every character of `text` is a superscript digit (by code unit: they are all in the BMP). */
function allSuperscript(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSuperscriptDigit(text[i])) return false;
  return true;
}

function trimStartWhere(text: string, drop: (ch: string) => boolean): string {
  let start = 0;
  while (start < text.length && drop(text[start])) start++;
  return text.slice(start);
}

/**
 * A single operative paragraph is unnumbered in UN style (`决定……。`, a decision's one paragraph):
 * in a part with no numbered paragraph, the last paragraph after the preamble is operative when it
 * ends with 。, ； or ： (not as a preambular paragraph does), or opens with a verb only the
 * operative part uses (决定, 请).
 */
function loneOperative(doc: ResolutionDocument, profile: LanguageProfile): void {
  // The last preambular paragraph of each division, in the divisions' order.
  const lastInDivision = new Map<number, Paragraph>();
  for (const p of doc.preamble) lastInDivision.set(p.division, p);
  const withOperative = new Set(doc.operative.map((p) => p.division));
  const preambularOnly = new Set(profile.preambularOpeners);
  const moved = new Set<Paragraph>();
  // Top-level preambular paragraphs per division: a decision's one paragraph is alone in its text.
  const paragraphsIn = new Map<number, number>();
  for (const p of doc.preamble) if (p.level === 0) paragraphsIn.set(p.division, (paragraphsIn.get(p.division) ?? 0) + 1);
  for (const [division, last] of lastInDivision) {
    if (withOperative.has(division)) continue;
    const ending = findEnding(doc.text, lastOf(last).span);
    const body = trimStartWhere(doc.text.slice(last.body.start, last.body.end), (ch) => ch === '*' || isSpace(ch));
    const operativeVerb = profile.operativeOpeners.some((o) => body.startsWith(o) && !preambularOnly.has(o) && ![...preambularOnly].some((p) => body.startsWith(p)));
    // A paragraph still being typed (no closing mark yet) stays where it is, unless its verb says
    // operative, or it is a decision's one paragraph (no organ line, 在……会议上，大会……决定 or a
    // title numbered as a decision): that is operative however it ends, and its ending is checked as such.
    const closes = ending !== undefined && [profile.endings.last, profile.endings.operative, profile.endings.introducesList].includes(ending.char);
    const decision = doc.organ === undefined && last.level === 0 && paragraphsIn.get(division) === 1 && (doc.title?.decision === true || shapes.decisionParagraph.test(body));
    if (!closes && !operativeVerb && !decision) continue;
    const move = (p: Paragraph) => {
      p.part = 'operative';
      p.children.forEach(move);
    };
    move(last);
    last.kind = 'unnumbered';
    moved.add(last);
  }
  if (moved.size === 0) return;
  doc.preamble = doc.preamble.filter((p) => !moved.has(p));
  for (const p of moved) doc.operative.push(p);
  doc.operative.sort((a, b) => a.line - b.line);
}

function skipSpaces(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isSpace(text[i])) i++;
  return i;
}

function lastOf(p: Paragraph): Paragraph {
  let last = p;
  while (last.children.length > 0) last = last.children[last.children.length - 1];
  return last;
}

/** Full-width digits (０-９) as ASCII digits. */
const asciiDigits = (digits: string) => digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

function classify(line: string, offset: number, organs: ReadonlySet<string>): LineClass {
  if (line.length === 0) return { kind: 'blank' };
  if (line.startsWith('%%')) return { kind: 'comment' };
  if (SEPARATOR.test(line)) return { kind: 'separator' };
  if (isSuperscriptDigit(line[0])) {
    let n = 0;
    while (n < line.length && isSuperscriptDigit(line[n])) n++;
    if (n < line.length) return { kind: 'footnote', number: fromSuperscript(line.slice(0, n)), numberEnd: offset + n };
  }
  let m = TITLE_NUMBER.exec(line);
  if (m) {
    return {
      kind: 'title',
      number: m[1],
      numberSpan: { start: offset, end: offset + m[1].length },
      titleStart: offset + m[0].length,
      placeholder: !/^\d+\/\d+/.test(m[1]),
      scheme: 'slash',
    };
  }
  const whole = { start: offset, end: offset + line.length };
  m = shapes.councilTitleGlued.exec(line);
  if (m) {
    const block = m[1] ?? m[4];
    const other = m[2] ?? m[3];
    const blockStart = offset + line.indexOf(block);
    const otherStart = offset + line.indexOf(other);
    const n = shapes.councilTitle.exec(block.trim());
    if (n) {
      return {
        kind: 'title',
        number: `${n[1]} (${n[2]})`,
        numberSpan: { start: blockStart, end: blockStart + block.length },
        titleStart: blockStart,
        placeholder: false,
        scheme: 'council',
        wholeLine: true,
        glued: { field: m[2] ? 'adoption' : 'date', span: { start: otherStart, end: otherStart + other.length } },
      };
    }
  }
  m = shapes.councilTitle.exec(line);
  if (m) return { kind: 'title', number: `${m[1]} (${m[2]})`, numberSpan: whole, titleStart: offset, placeholder: false, scheme: 'council', wholeLine: true };
  m = shapes.numberTitle.exec(line);
  if (m) return { kind: 'title', number: m[1], numberSpan: whole, titleStart: offset, placeholder: false, scheme: 'slash', decision: m[2] === shapes.decisionWord, wholeLine: true };
  m = shapes.oldSessionTitle.exec(line);
  if (m) {
    const session = /^[IVXL]+$/.test(m[2]) ? m[2] : toUpperRoman(chineseNumeral(m[2]));
    const numberText = line.slice(0, m[0].length).replace(/\s*[.．、]\s*$/, '');
    return {
      kind: 'title',
      number: `${writtenNumber(m[1])} (${session})`,
      numberSpan: { start: offset, end: offset + numberText.length },
      titleStart: offset + m[0].length,
      placeholder: false,
      scheme: 'old-session',
    };
  }
  m = shapes.councilOldTitle.exec(line);
  if (m) {
    const numberText = line.slice(0, m[0].length).replace(/\s*[.．、]?\s*$/, '');
    return {
      kind: 'title',
      number: `${chineseNumeral(m[1])} (${writtenNumber(m[2])})`,
      numberSpan: { start: offset, end: offset + numberText.length },
      titleStart: m[0].length < line.length ? offset + m[0].length : offset,
      placeholder: false,
      scheme: 'council',
      wholeLine: m[0].length >= line.length,
    };
  }
  m = NUMBERED.exec(line);
  if (m) {
    return {
      kind: 'numbered',
      label: { text: m[1] + m[2], value: Number(asciiDigits(m[1])), style: m[2] === '．' ? 'arabic-fullwidth' : 'arabic', span: { start: offset, end: offset + m[1].length + 1 } },
      bodyStart: offset + m[0].length,
    };
  }
  m = SUB_LATIN.exec(line);
  if (m) {
    const labelText = m[0].trimEnd();
    return {
      kind: 'sub',
      letters: m[1],
      label: { text: labelText, value: latinLetterValue(m[1]), style: 'latin', span: { start: offset, end: offset + labelText.length } },
      bodyStart: offset + m[0].length,
    };
  }
  if (circledValue(line[0]) > 0) {
    let bodyStart = 1;
    while (bodyStart < line.length && isSpace(line[bodyStart])) bodyStart++;
    return {
      kind: 'sub',
      label: { text: line[0], value: circledValue(line[0]), style: 'circled', span: { start: offset, end: offset + 1 } },
      bodyStart: offset + bodyStart,
    };
  }
  m = SUB_CHINESE.exec(line);
  if (m) {
    const labelText = m[0].trimEnd();
    return {
      kind: 'sub',
      label: { text: labelText, value: chineseNumeral(m[1]), style: 'chinese-parenthesized', span: { start: offset, end: offset + labelText.length } },
      bodyStart: offset + m[0].length,
    };
  }
  const leadIn = shapes.organLeadIns.find((l) => line.startsWith(l));
  const organText = leadIn ? line.slice(leadIn.length) : line;
  // `大会，` (or `大会,`): an organ and its comma, looked up without building each organ's line.
  const last = organText[organText.length - 1];
  const organ = last === '，' || last === ',' ? organText.slice(0, -1) : undefined;
  if (organ && organs.has(organ)) return { kind: 'organ', organ, leadIn: leadIn !== undefined };
  // Some transcriptions drop the organ line's comma; the parser decides by its place.
  if (organs.has(organText)) return { kind: 'organ', organ: organText, bare: true, leadIn: leadIn !== undefined };
  if (CLOSING_DATE.test(line)) return { kind: 'closing-date', date: dateParts(line) };
  m = MEETING.exec(line);
  if (m) return { kind: 'meeting', number: meetingNumber(m[1]) };
  const beforeMarkers = trimEndWhere(line, (ch) => isSuperscriptDigit(ch) || isSpace(ch));
  m = shapes.councilClosing.exec(beforeMarkers);
  if (m) return { kind: 'council-closing', meeting: meetingNumber(m[1]), date: dateParts(beforeMarkers) };
  if (shapes.annex.test(line)) return { kind: 'annex' };
  if (shapes.part.test(line)) return { kind: 'part', letter: line };
  const field = headingField(line);
  if (field) return { kind: 'heading', field };
  if (SECTION.test(line) && line.length <= 60 && !/[，；。,;]$/.test(line)) return { kind: 'section' };
  return { kind: 'text' };
}

function makeParagraph(
  kind: Paragraph['kind'],
  part: Paragraph['part'],
  level: number,
  line: number,
  span: Span,
  label: Label | undefined,
  bodyStart: number,
  sequence: number,
): Paragraph {
  return { kind, part, level, line, span, label, body: { start: bodyStart, end: span.end }, sequence, index: 0, division: 0, children: [] };
}

let sortedCache: { profile: LanguageProfile; preamble: string[]; operative: string[] } | undefined;

function sortedOpeners(profile: LanguageProfile): { preamble: string[]; operative: string[] } {
  if (sortedCache?.profile !== profile) {
    const byLength = (a: string, b: string) => b.length - a.length;
    const all = [...new Set([...profile.preambularOpeners, ...profile.operativeOpeners])].sort(byLength);
    sortedCache = {
      profile,
      preamble: [...profile.preambularOpeners].sort(byLength).concat(all),
      operative: [...profile.operativeOpeners].sort(byLength).concat(all),
    };
  }
  return sortedCache;
}

/** Each list of openers by first character, in the list's order (only those can start at a place). */
const byFirstCharacter = new WeakMap<string[], Map<string, string[]>>();
function openersByFirst(candidates: string[]): Map<string, string[]> {
  let map = byFirstCharacter.get(candidates);
  if (!map) {
    map = new Map();
    for (const o of candidates) {
      const list = map.get(o[0]);
      if (list) list.push(o);
      else map.set(o[0], [o]);
    }
    byFirstCharacter.set(candidates, map);
  }
  return map;
}

function matchOpenerAt(text: string, at: number, end: number, candidates: string[], profile: LanguageProfile): Opener | undefined {
  const byFirst = openersByFirst(candidates);
  const tryAt = (pos: number, prefix?: string): Opener | undefined => {
    for (const o of byFirst.get(text[pos]) ?? []) {
      if (pos + o.length <= end && text.startsWith(o, pos)) {
        const start = prefix ? pos - prefix.length : pos;
        return { text: (prefix ?? '') + o, base: o, repeatPrefix: prefix, span: { start, end: pos + o.length }, known: true };
      }
    }
    return undefined;
  };
  for (const prefix of profile.repeatPrefixes) {
    if (text.startsWith(prefix, at)) {
      const found = tryAt(at + prefix.length, prefix);
      if (found) return found;
    }
  }
  return tryAt(at);
}

function skipEmphasisAndSpace(text: string, pos: number, end: number): number {
  let i = pos;
  while (i < end && (text[i] === '*' || isSpace(text[i]))) i++;
  return i;
}

/** Spans in order of their start (the list itself when it already is). */
function byStart<T extends { span: Span }>(list: T[]): T[] {
  for (let i = 1; i < list.length; i++) if (list[i].span.start < list[i - 1].span.start) return [...list].sort((a, b) => a.span.start - b.span.start);
  return list;
}

/** The first of `sorted` (in order of start) that starts at or after `offset`. */
function firstFrom<T extends { span: Span }>(sorted: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

function findOpener(text: string, p: Paragraph, profile: LanguageProfile, emphasis: { span: Span; innerSpan: Span }[]): Opener | undefined {
  const candidates = p.part === 'preamble' && p.level === 0 ? sortedOpeners(profile).preamble : sortedOpeners(profile).operative;
  const end = p.body.end;
  let at = skipEmphasisAndSpace(text, p.body.start, end);
  const direct = matchOpenerAt(text, at, end, candidates, profile);
  if (direct) return direct;
  // Lead-ins such as 在这方面 or 审议大会 may stand before the opener.
  for (let round = 0; round < 2; round++) {
    const leadIn = profile.openerLeadIns.find((l) => text.startsWith(l, at));
    if (!leadIn) break;
    at = skipEmphasisAndSpace(text, at + leadIn.length, end);
    if (text[at] === '，' || text[at] === ',') at = skipEmphasisAndSpace(text, at + 1, end);
    const found = matchOpenerAt(text, at, end, candidates, profile);
    if (found) return found;
  }
  // An introductory clause before a bold verb: 为促进……，**又鼓励：**
  // The first bold stretch of the paragraph: stretches never overlap, so the first from its start is the one.
  const first = firstFrom(emphasis, p.body.start);
  const bold = first && first.span.end <= end ? first : undefined;
  if (bold) {
    const inner = text.slice(bold.innerSpan.start, bold.innerSpan.end);
    const lastClause = Math.max(inner.lastIndexOf('，'), inner.lastIndexOf(','));
    const clauseStart = bold.innerSpan.start + (lastClause >= 0 ? lastClause + 1 : 0);
    const found = matchOpenerAt(text, skipEmphasisAndSpace(text, clauseStart, end), bold.innerSpan.end, candidates, profile);
    if (found) return found;
    const clause = trimEndWhere(text.slice(clauseStart, bold.innerSpan.end), (ch) => '：:，,'.includes(ch) || isSpace(ch));
    if (clause.length > 0 && clause.length <= 8) {
      const prefix = profile.repeatPrefixes.find((r) => clause.startsWith(r) && clause.length > r.length);
      return {
        text: clause,
        base: prefix ? clause.slice(prefix.length) : clause,
        repeatPrefix: prefix,
        span: { start: clauseStart, end: clauseStart + clause.length },
        known: false,
      };
    }
  }
  return undefined;
}

function findEnding(text: string, span: Span): Paragraph['ending'] {
  let i = span.end;
  while (i > span.start && (isSpace(text[i - 1]) || isSuperscriptDigit(text[i - 1]) || text[i - 1] === '*')) i--;
  if (i <= span.start) return undefined;
  // Surrogate pairs: keep the whole character.
  const code = text.charCodeAt(i - 1);
  const start = code >= 0xdc00 && code <= 0xdfff && i - 2 >= span.start ? i - 2 : i - 1;
  return { char: text.slice(start, i), span: { start, end: i } };
}

function decideShape(doc: ResolutionDocument, profile: LanguageProfile): DocumentShape {
  if (doc.organ || doc.preamble.length > 0) return 'resolution';
  const numbered = doc.operative.filter((p) => p.label);
  if (numbered.length === 0) return 'resolution';
  const fullStops = numbered.filter((p) => lastOf(p).ending?.char === profile.endings.last).length;
  return fullStops / numbered.length >= 0.6 ? 'numbered-text' : 'resolution';
}

const ORGAN_NAMES = [shapes.organ.ecosoc, shapes.organ.sc, shapes.organ.hrc, shapes.organ.ga];

/** The organ when no organ line names it: the adoption line, the masthead, a decision's paragraph, a Security Council number. */
function organFromText(doc: ResolutionDocument, decisionParagraph: RegExpExecArray | null): string | undefined {
  const adoption = doc.heading.find((h) => h.field === 'adoption');
  const named = adoption && ORGAN_NAMES.find((o) => adoption.text.includes(o));
  if (named) return named;
  if (decisionParagraph) return decisionParagraph[2];
  if (doc.title?.scheme === 'council') return shapes.organ.sc;
  if (doc.title?.scheme === 'old-session') return shapes.organ.ga;
  const masthead = doc.heading.find((h) => h.field === 'organ-heading');
  return masthead ? ORGAN_NAMES.find((o) => masthead.text.replace(/\s+/g, '') === o) : undefined;
}

function documentFacts(doc: ResolutionDocument): ResolutionDocument['facts'] {
  const lineText = (p: Paragraph) => doc.text.slice(p.body.start, p.body.end);
  const first = doc.paragraphs.find((p) => p.level === 0);
  const decisionParagraph = first ? shapes.decisionParagraph.exec(lineText(first)) : null;
  const organ = doc.organ?.organ ?? organFromText(doc, decisionParagraph);
  const facts: ResolutionDocument['facts'] = { kind: 'other' };
  if (organ) facts.organ = organ;
  const adoption = doc.heading.find((h) => h.field === 'adoption');
  let decision = doc.title?.decision === true || decisionParagraph !== null || (adoption?.text.endsWith(shapes.decisionWord) ?? false);

  const sessionLine = doc.heading.find((h) => h.field === 'session');
  if (sessionLine) {
    const m = /^第([零〇一二三四五六七八九十百]+)届/.exec(sessionLine.text);
    if (m) facts.session = chineseNumeral(m[1]);
  }
  const title = doc.title && !doc.title.placeholder ? doc.title : undefined;
  if (title?.number && title.scheme === 'council') {
    facts.symbol = `S/RES/${title.number}`;
  } else if (title?.number && title.scheme === 'old-session') {
    const m = /\(([IVXL]+)\)$/.exec(title.number);
    if (m) facts.session ??= upperRomanNumeral(m[1]);
    facts.symbol = `A/RES/${title.number}`;
  } else if (title?.number) {
    const m = /^(\d{1,4})\/(\d{1,4})(?:\s?([A-Z]))?$/.exec(title.number);
    if (m) {
      const [head, number] = [Number(m[1]), Number(m[2])];
      // ECOSOC numbers by year (2023/2), decisions from 201; the Human Rights Council's decisions from 101, the Assembly's from 401.
      const body = organ ?? (head >= 1946 ? shapes.organ.ecosoc : shapes.organ.ga);
      if (body === shapes.organ.ecosoc) {
        decision ||= number >= 200;
        facts.symbol = `E/${decision ? 'DEC' : 'RES'}/${m[1]}/${m[2]}`;
      } else if (body === shapes.organ.hrc) {
        decision ||= number >= 100;
        facts.session ??= head;
        facts.symbol = `A/HRC/${decision ? 'DEC' : 'RES'}/${m[1]}/${m[2]}`;
      } else if (body === shapes.organ.ga) {
        decision ||= number >= 400;
        facts.session ??= head;
        facts.symbol = `A/${decision ? 'DEC' : 'RES'}/${m[1]}/${m[2]}${m[3] ?? ''}`;
      }
    }
  }
  const symbolLine = doc.heading.find((h) => h.field === 'symbol');
  if (!facts.symbol && symbolLine) facts.symbol = symbolLine.text;

  const adoptionDate = adoption ? doc.dates.find((d) => d.line === adoption.line) : undefined;
  facts.date = adoptionDate ?? doc.closing.date ?? headingDate(doc) ?? (decisionParagraph && first ? doc.dates.find((d) => d.line === first.line) : undefined);
  const adoptionMeeting = adoption ? shapes.adoptionWithMeeting.exec(adoption.text) : null;
  const decisionMeeting = decisionParagraph ? writtenNumber(decisionParagraph[1]) : NaN;
  facts.meeting =
    doc.closing.meeting?.number ??
    doc.closing.adoption?.meeting ??
    (adoptionMeeting ? writtenNumber(adoptionMeeting[1]) : undefined) ??
    (Number.isNaN(decisionMeeting) ? undefined : decisionMeeting);
  if (facts.meeting !== undefined && Number.isNaN(facts.meeting)) delete facts.meeting;
  if (facts.meeting === undefined) delete facts.meeting;

  const kind: TextKind =
    doc.shape === 'numbered-text'
      ? 'numbered-text'
      : decision
        ? 'decision'
        : doc.organ || doc.title || doc.paragraphs.length > 0
          ? 'resolution'
          : 'other';
  facts.kind = kind;
  return facts;
}

/** A date line of the heading (`一九七四年四月二十四日` above an older Security Council resolution) as a date. */
function headingDate(doc: ResolutionDocument): DateMention | undefined {
  for (const h of doc.heading) {
    if (h.field !== 'date') continue;
    const parts = dateParts(h.text);
    if (!parts) continue;
    const date = makeDate(parts.year, parts.month, parts.day, h.span.start, h.span.end, h.line);
    if (!doc.dates.some((d) => d.span.start === date.span.start)) {
      doc.dates.push(date);
      doc.dates.sort((a, b) => a.span.start - b.span.start);
    }
    return date;
  }
  return undefined;
}
