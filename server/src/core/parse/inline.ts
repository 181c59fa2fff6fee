import type {
  CitationOrgan,
  CrossReference,
  DateMention,
  Emphasis,
  FootnoteMarker,
  ResolutionCitation,
  SymbolMention,
  TitleMention,
} from '../model';
import { fromSuperscript, SUPERSCRIPT_RUN } from './superscript';

/** What the inline scan of one stretch of text found; the parser adds it to the document. */
export interface InlineFindings {
  markers: FootnoteMarker[];
  symbols: SymbolMention[];
  citations: ResolutionCitation[];
  dates: DateMention[];
  titles: TitleMention[];
  crossReferences: CrossReference[];
  emphasis: Emphasis[];
}

export function emptyFindings(): InlineFindings {
  return { markers: [], symbols: [], citations: [], dates: [], titles: [], crossReferences: [], emphasis: [] };
}

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
/**
 * The end of a range or list right after a date, which takes its year (and month) from it:
 * `2023 年 2 月 27 日至 4 月 4 日`, `2 月 28 日至 3 日`, `3 月 1 日和 4 月 2 日` (a day alone only after 至/到/a dash).
 */
const DATE_AFTER = /\s*(?:(?:至|到|[－—–-])\s*(?:(\d{1,2})\s*月\s*)?|(?:和|及|、)\s*(\d{1,2})\s*月\s*)(\d{1,2})\s*日/y;

// Loose on purpose: lower case, spaces around the slash and full-width ／ ． are recognised so
// that the symbol-format rule can report them. Lower-case series are limited to known organs so
// that ordinary words with a slash are not taken for symbols.
const SERIES = String.raw`(?:GC\(\d{1,3}\)|CTBT-Art\.XIV|[A-Z][A-Z]{0,7}|(?:a|s|e|st|cd|npt|infcirc|unep|dp)(?=\s?[/／]))`;
const SEPARATOR = String.raw`\s?[/／]\s?`;
const SEGMENT = String.raw`(?:(?:Revision|Rev\.|Add\.|Corr\.|Amend\.)\s\d{1,3}|[A-Za-z0-9][A-Za-z0-9.．\-]*)`;
const SUFFIX = String.raw`(?:\s?[(（](?:Parts?|Vol\.|Corrected)[^()（）\n]{0,24}[)）]|\s?[(（]\d{4}[)）])?`;
export const SYMBOL_PATTERN = new RegExp(
  String.raw`(?<![A-Za-z0-9/／.\-])${SERIES}(?:${SEPARATOR}${SEGMENT})+${SUFFIX}`,
  'g',
);

const CITATION_NUMBER = String.raw`(?:[SE]S?-\d{1,2}\/\d{1,4}|\d{1,4}\/\d{1,4}(?:\s?[A-Z](?![A-Za-z]))?|\d{1,5}\s?[(（]\d{4}[)）]|\d{1,4}\s?[(（][IVXLC]+[)）])`;
const CITATION = new RegExp(
  String.raw`(?<![A-Za-z0-9/／.\-])(${CITATION_NUMBER})(?=\s*(?:号|、|和|及|以及))`,
  'g',
);

const CROSS_REFERENCE = /(上文|下文|本决议)\s*第\s*(\d{1,3})\s*段/g;
const TITLE = /《([^《》\n]*)》/g;
const EMPHASIS = /\*\*([^*\n]+?)\*\*/g;

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}

export function makeDate(year: number, month: number, day: number, start: number, end: number, line: number): DateMention {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    year,
    month,
    day,
    valid: isValidDate(year, month, day),
    iso: `${year}-${pad(month)}-${pad(day)}`,
    span: { start, end },
    line,
  };
}

/** Normalises a written resolution number: `49/75H` → `49/75 H`, `1540（2004）` → `1540 (2004)`. */
export function citationKey(number: string): string {
  return number
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/\s+/g, '')
    .replace(/^(\d{1,4}\/\d{1,4})([A-Z])$/, '$1 $2')
    .replace(/^(\d{1,5})\((\d{4}|[IVXLC]+)\)$/, '$1 ($2)');
}

function citationSymbol(key: string, organ: CitationOrgan, kind: ResolutionCitation['kind']): string | undefined {
  if (kind === 'decision') return undefined;
  let m = /^(\d{1,5}) \((\d{4})\)$/.exec(key);
  if (m) return `S/RES/${m[1]}(${m[2]})`;
  m = /^(\d{1,4}) \(([IVXLC]+)\)$/.exec(key);
  if (m) return `A/RES/${m[1]}(${m[2]})`;
  if (organ === 'SC') return undefined;
  m = /^([SE]S?-\d{1,2}\/\d{1,4})$/.exec(key);
  if (m) return `A/RES/${m[1]}`;
  m = /^(\d{1,4})\/(\d{1,4})(?: ([A-Z]))?$/.exec(key);
  if (m) return `A/RES/${m[1]}/${m[2]}${m[3] ?? ''}`;
  return undefined;
}

/**
 * Scans one line's text between `start` and `end` for inline elements. `skipMarkersBefore` keeps a
 * footnote text's own leading number from being taken for a marker.
 */
export function scanInline(text: string, start: number, end: number, line: number, out: InlineFindings, skipMarkersBefore = -1): void {
  const slice = text.slice(start, end);

  for (const m of slice.matchAll(SUPERSCRIPT_RUN)) {
    const s = start + (m.index ?? 0);
    if (s < skipMarkersBefore) continue;
    out.markers.push({ number: fromSuperscript(m[0]), span: { start: s, end: s + m[0].length }, line });
  }

  // Each pattern needs a character of its own (年, a slash, 段, 《, **): a line without it is not
  // scanned for that pattern, which keeps the scan of a long draft short.
  const dates: DateMention[] = [];
  if (slice.includes('年')) for (const m of slice.matchAll(DATE)) {
    const s = start + (m.index ?? 0);
    const date = makeDate(Number(m[1]), Number(m[2]), Number(m[3]), s, s + m[0].length, line);
    dates.push(date);
    // The dates that end a range or list from it, each from the one before (1 日、2 日和 3 日).
    let from = date;
    for (;;) {
      DATE_AFTER.lastIndex = from.span.end - start;
      const e = DATE_AFTER.exec(slice);
      if (!e) break;
      const month = e[1] ?? e[2];
      const end = start + e.index + e[0].length;
      const endStart = end - e[0].trimStart().replace(/^(?:至|到|[－—–-]|和|及|、)\s*/, '').length;
      from = makeDate(from.year, month !== undefined ? Number(month) : from.month, Number(e[3]), endStart, end, line);
      dates.push(from);
    }
  }
  for (const d of dates) out.dates.push(d);

  const symbolSpans: { start: number; end: number }[] = [];
  const slash = slice.includes('/') || slice.includes('／');
  if (slash) for (const m of slice.matchAll(SYMBOL_PATTERN)) {
    const s = start + (m.index ?? 0);
    let written = m[0];
    // A symbol never ends in white space; the loose separator may have taken one.
    written = written.replace(/\s+$/, '');
    const span = { start: s, end: s + written.length };
    symbolSpans.push(span);
    out.symbols.push({ text: written, span, line });
  }

  // Citations come in text order, as do the symbols and dates before them: one pointer each.
  let symbolAt = 0;
  let dateAt = 0;
  const citable = slash || slice.includes('(') || slice.includes('（');
  if (citable) for (const m of slice.matchAll(CITATION)) {
    const numberStart = start + (m.index ?? 0);
    const numberEnd = numberStart + m[1].length;
    while (symbolAt < symbolSpans.length && symbolSpans[symbolAt].end <= numberStart) symbolAt++;
    if (symbolAt < symbolSpans.length && numberStart >= symbolSpans[symbolAt].start) continue;
    const before = text.slice(Math.max(start, numberStart - 40), numberStart);
    // Long lists (第 49/75 H 号、……和第 58/59 号决议) share one 号决议 far down the clause; the
    // bound keeps a pathological line from making the scan quadratic.
    const after = text.slice(numberEnd, Math.min(end, numberEnd + 2000));
    const hasDi = /第\s*$/.test(before);
    // The 号 that closes this number or the list it belongs to, within the same clause.
    const close = /^[^，；。：,;]*?号\s*(决议|决定|文件)?/.exec(after);
    const ownHao = /^\s*号/.test(after);
    if (!close) continue;
    const inList = /^\s*(?:、|和|及|以及)/.test(after);
    if (!hasDi && !ownHao && !inList) continue;
    // The kind comes from the first 号决议/号决定 that closes the list.
    const kindMatch = /^[^，；。：,;]*?号\s*(决议|决定|文件)/.exec(after);
    const kindWord = kindMatch?.[1];
    if (kindWord === '文件') continue;
    const kind: ResolutionCitation['kind'] = kindWord === '决议' ? 'resolution' : kindWord === '决定' ? 'decision' : 'unknown';
    const key = citationKey(m[1]);
    const context = text.slice(Math.max(start, numberStart - 30), numberStart);
    const organ: CitationOrgan = /\(\d{4}\)$/.test(key) || /安全理事会|安理会/.test(context) ? 'SC' : /\//.test(key) ? 'GA' : 'other';
    let spanStart = hasDi ? numberStart - (/第\s*$/.exec(before)?.[0].length ?? 0) : numberStart;
    let date: DateMention | undefined;
    // Only the last date ending before the citation can stand right before it (dates never overlap).
    while (dateAt < dates.length && dates[dateAt].span.end <= spanStart) dateAt++;
    const last = dates[dateAt - 1];
    const dateBefore = last && /^\s*$/.test(text.slice(last.span.end, spanStart)) ? last : undefined;
    if (dateBefore) {
      date = dateBefore;
      spanStart = dateBefore.span.start;
    }
    const spanEnd = ownHao ? numberEnd + (/^\s*号\s*(决议|决定)?/.exec(after)?.[0].length ?? 0) : numberEnd;
    out.citations.push({
      number: m[1],
      key,
      kind,
      organ,
      symbol: citationSymbol(key, organ, kind),
      date,
      numberSpan: { start: numberStart, end: numberEnd },
      span: { start: spanStart, end: spanEnd },
      line,
    });
  }

  if (slice.includes('段')) for (const m of slice.matchAll(CROSS_REFERENCE)) {
    const s = start + (m.index ?? 0);
    const numberStart = s + m[0].lastIndexOf(m[2]);
    out.crossReferences.push({
      direction: m[1] === '上文' ? 'above' : m[1] === '下文' ? 'below' : 'this',
      paragraphNumber: Number(m[2]),
      numberSpan: { start: numberStart, end: numberStart + m[2].length },
      span: { start: s, end: s + m[0].length },
      line,
    });
  }

  if (slice.includes('《')) for (const m of slice.matchAll(TITLE)) {
    const s = start + (m.index ?? 0);
    out.titles.push({
      title: m[1],
      span: { start: s, end: s + m[0].length },
      innerSpan: { start: s + 1, end: s + 1 + m[1].length },
      line,
    });
  }

  if (slice.includes('**')) for (const m of slice.matchAll(EMPHASIS)) {
    const s = start + (m.index ?? 0);
    out.emphasis.push({ span: { start: s, end: s + m[0].length }, innerSpan: { start: s + 2, end: s + 2 + m[1].length } });
  }
}
