/**
 * Paragraph-local rules, checked again only where a draft changed.
 *
 * A rule that declares `scope: 'paragraph'` promises that its findings are the union of its
 * findings on each line of the draft, and that those on one line depend only on
 *   - the line's text,
 *   - what the parser found on that line: the paragraph it holds (kind, part, level, label, body,
 *     opener, ending), the footnote it holds (number, text), the title line, and the mentions in it
 *     (symbols, citations, dates, titles, markers, cross-references, emphasis),
 *   - what `model.facts` says (not where: its spans and lines) and `model.shape`, the settings,
 *     the catalogue, the locale and today's date,
 * and that each of its findings lies on one line with its related places (`related`, a fix's edits).
 * It reads nothing else of the model: it is given a model that holds only the lines to check (the
 * other lines' paragraphs, footnotes, comments and mentions are left out; headings, sections, parts,
 * annexes, closing and notes are empty), with the whole text and line index, and `ctx.lines` the
 * lines to check (a rule that reads lines of text rather than what the parser found reads those).
 *
 * A rule without `scope` is document-wide: it is always checked on the whole draft. That is the
 * default, so a new rule is correct whatever it reads.
 *
 * What a paragraph-local rule found on a line is kept in a `RuleMemo`, relative to the line's
 * start, with the line's "signature": what the parser found on it, as numbers relative to the
 * line. The next version of the draft is compared with the last one: a line in the unchanged
 * text before the edit, or in the unchanged text after it (moved), whose signature is the same,
 * keeps its findings; only the other lines are checked. A finding that falls outside the lines
 * checked (a rule that is not local after all) makes the rule be checked on the whole draft
 * instead, so a wrong declaration costs time, not findings.
 */
import type { Catalogue } from '../catalogue';
import type { ResolutionDocument } from '../model';
import type { Span } from '../text';
import type { FindingData, Rule, RuleContext, RuleFinding } from './types';

/** A finding relative to its line: offsets from the line's start, lines from the line. */
type RelativeFinding = RuleFinding;

/** What the checks of paragraph-local rules on the lines of one draft's last version found. */
export class RuleMemo {
  /** What the findings depend on besides the lines (facts, shape, settings, locale, day); a change empties the memo. */
  private context?: string;
  private catalogue?: Catalogue;
  /** The last version: its text, line starts and line signatures. */
  private text?: string;
  private starts: readonly number[] = [];
  private signatures?: Signatures;
  /** Rule id → per line of the last version, its findings relative to the line (undefined: not checked). */
  private found = new Map<string, (RelativeFinding[] | undefined)[]>();
  /** The strings of signatures, as numbers. */
  private readonly strings = new Map<string, number>();
  /** Key → per line of the last version, a document-wide rule's summary of it (see `summaries`); and of this version. */
  private lastSummaries = new Map<string, unknown[]>();
  private nextSummaries = new Map<string, unknown[]>();
  /** The version `check` last ran on, and for each of its lines the line of the version before with the same text and signature (-1: none). */
  private current?: ResolutionDocument;
  private origin?: Int32Array;
  /** Counts for the tests and the bench: lines checked and lines taken from the memo in the last validation. */
  checkedLines = 0;
  keptLines = 0;

  /**
   * Runs the paragraph-local `rules` over `ctx.model`: each on the lines the memo has nothing for,
   * the rest from the memo. Returns each rule's findings (as `check` would give them, in text order
   * of lines) or an error it threw.
   */
  check(rules: readonly Rule[], ctx: RuleContext): Map<string, RuleFinding[] | { error: unknown }> {
    const model = ctx.model;
    // The facts as they read, not where they stand (the closing's date moves with every edit above it).
    const context = JSON.stringify([model.facts, model.shape, ctx.settings, ctx.locale, ctx.today.toISOString().slice(0, 10)], (k, v: unknown) => (k === 'span' || k === 'line' ? undefined : v));
    if (context !== this.context || ctx.catalogue !== this.catalogue || this.strings.size > MAX_STRINGS) {
      this.found = new Map();
      this.nextSummaries = new Map();
      this.signatures = undefined;
      this.strings.clear();
      this.context = context;
      this.catalogue = ctx.catalogue;
    }
    const lineCount = model.lines.lineCount;
    const starts = model.lines.lineStarts;
    const signatures = signaturesOf(model, this.strings);
    const origin = this.origins(model, signatures);
    const out = new Map<string, RuleFinding[] | { error: unknown }>();
    const found = new Map<string, (RelativeFinding[] | undefined)[]>();
    let checked = 0;
    // The lines each rule has nothing kept for (usually the same for every rule: one view serves them).
    let lastDirtyKey = '';
    let lastView: ResolutionDocument | undefined;
    for (const rule of rules) {
      const before = this.found.get(rule.id);
      const now: (RelativeFinding[] | undefined)[] = new Array<RelativeFinding[] | undefined>(lineCount);
      const dirty = new Uint8Array(lineCount);
      const dirtyList: number[] = [];
      for (let line = 0; line < lineCount; line++) {
        const kept = before && origin[line] >= 0 ? before[origin[line]] : undefined;
        if (kept) now[line] = kept;
        else {
          dirty[line] = 1;
          dirtyList.push(line);
        }
      }
      const dirtyKey = dirtyList.length === lineCount ? '*' : dirtyList.join(',');
      let view: ResolutionDocument;
      if (lastView && dirtyKey === lastDirtyKey) {
        view = lastView;
      } else {
        view = dirtyList.length === lineCount ? model : viewOf(model, dirty, dirtyList);
        lastView = view;
        lastDirtyKey = dirtyKey;
      }
      let raw: RuleFinding[];
      try {
        raw = dirtyList.length === 0 ? [] : rule.check(view === model ? ctx : { ...ctx, model: view, lines: dirtyList, memo: undefined });
      } catch (error) {
        out.set(rule.id, { error });
        continue;
      }
      // The new findings by line, relative to it; one outside the lines checked: not local, checked whole.
      let local = true;
      for (const line of dirtyList) now[line] = NONE;
      for (const f of raw) {
        const line = model.lines.positionAt(f.span.start).line;
        const relative = dirty[line] ? moved(f, -starts[line], -line, line, model) : undefined;
        if (!relative) {
          local = false;
          break;
        }
        const list = now[line];
        if (list === NONE) now[line] = [relative];
        else list!.push(relative);
      }
      if (!local) {
        try {
          out.set(rule.id, view === model ? raw : rule.check(ctx));
        } catch (error) {
          out.set(rule.id, { error });
        }
        continue;
      }
      checked = Math.max(checked, dirtyList.length);
      found.set(rule.id, now);
      const findings: RuleFinding[] = [];
      for (let line = 0; line < lineCount; line++) {
        const kept = now[line]!;
        for (let i = 0; i < kept.length; i++) findings.push(moved(kept[i], starts[line], line, 0, model)!);
      }
      out.set(rule.id, findings);
    }
    this.found = found;
    this.lastSummaries = this.nextSummaries;
    this.nextSummaries = new Map();
    this.current = model;
    this.origin = origin;
    this.text = model.text;
    this.starts = starts;
    this.signatures = signatures;
    this.checkedLines = checked;
    this.keptLines = lineCount - checked;
    return out;
  }

  /**
   * Per line of `model` (the version `check` last ran on), what `summarize` makes of it: taken
   * from the version before for a line whose text and signature are the same, made again for the
   * others. `summarize` is given a model with only those lines (as a paragraph-local rule is, see
   * above) and the lines, and answers each line's summary (`undefined` for a line with nothing).
   * A summary must depend only on what a paragraph-local rule's findings may depend on, and not
   * on the settings, and hold offsets relative to its line. For a document-wide rule that decides
   * over the whole draft from such summaries cheaply.
   */
  summaries<S>(key: string, model: ResolutionDocument, summarize: (view: ResolutionDocument, lines: readonly number[]) => (S | undefined)[]): (S | undefined)[] {
    const lineCount = model.lines.lineCount;
    if (model !== this.current || !this.origin) return summarize(model, range(lineCount));
    const origin = this.origin;
    const before = this.lastSummaries.get(key) as (S | undefined)[] | undefined;
    const now = new Array<S | undefined>(lineCount);
    const dirty = new Uint8Array(lineCount);
    const dirtyList: number[] = [];
    for (let line = 0; line < lineCount; line++) {
      if (before && origin[line] >= 0) now[line] = before[origin[line]];
      else {
        dirty[line] = 1;
        dirtyList.push(line);
      }
    }
    if (dirtyList.length > 0) {
      const made = summarize(dirtyList.length === lineCount ? model : viewOf(model, dirty, dirtyList), dirtyList);
      for (const line of dirtyList) now[line] = made[line];
    }
    this.nextSummaries.set(key, now);
    return now;
  }

  /**
   * For each line of the new version, the line of the last version with the same text (in the
   * unchanged text before or after the edit) and the same signature; -1 for none.
   */
  private origins(model: ResolutionDocument, signatures: Signatures): Int32Array {
    const lineCount = model.lines.lineCount;
    const origin = new Int32Array(lineCount).fill(-1);
    const old = this.text;
    const oldSignatures = this.signatures;
    if (old === undefined || !oldSignatures) return origin;
    const text = model.text;
    const starts = model.lines.lineStarts;
    const oldStarts = this.starts;
    const prefix = commonPrefix(old, text);
    const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
    const delta = text.length - old.length;
    const lineDelta = lineCount - oldStarts.length;
    for (let line = 0; line < lineCount; line++) {
      const start = starts[line];
      const end = line + 1 < lineCount ? starts[line + 1] : text.length;
      let was = -1;
      // The line and its line break in the unchanged text before the edit: the same line.
      if (end <= prefix || (end === text.length && end === prefix && old.length === text.length)) was = line;
      // After it (with the line break before it): moved by the edit.
      else if (start > text.length - suffix && line - lineDelta >= 0 && oldStarts[line - lineDelta] === start - delta) was = line - lineDelta;
      if (was >= 0 && sameSignature(signatures, line, oldSignatures, was)) origin[line] = was;
    }
    return origin;
  }
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** The number of characters two texts begin with alike. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  // By chunks first: comparing strings is much quicker than comparing characters one by one.
  for (let step = 1 << 16; step >= 1; step >>= 4) {
    while (i + step <= n && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The number of characters two texts end with alike, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  for (let step = 1 << 16; step >= 1; step >>= 4) {
    while (i + step <= max && a.slice(a.length - i - step, a.length - i) === b.slice(b.length - i - step, b.length - i)) i += step;
  }
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** Per line, what the parser found on it as numbers relative to the line: line `i`'s are `data[at[i]]` to `data[at[i + 1]]`. */
interface Signatures {
  at: Int32Array;
  data: Int32Array;
}

function sameSignature(a: Signatures, line: number, b: Signatures, was: number): boolean {
  const start = a.at[line];
  const length = a.at[line + 1] - start;
  const bStart = b.at[was];
  if (b.at[was + 1] - bStart !== length) return false;
  for (let i = 0; i < length; i++) if (a.data[start + i] !== b.data[bStart + i]) return false;
  return true;
}

/**
 * What the parser found on each line (the paragraph, the footnote, the title line and the
 * mentions on it, every field), as numbers relative to the line; strings by their number in
 * `strings`. A string that is the line's text at a span the signature holds is left out (the
 * line's text is the same): a symbol as written, a title, a citation's number and what is made of
 * it alone (its key, and its symbol with its kind and organ, which are kept). The counts per line first, then the numbers.
 */
function signaturesOf(model: ResolutionDocument, strings: Map<string, number>): Signatures {
  const lines = model.lines;
  const starts = lines.lineStarts;
  const lineCount = lines.lineCount;
  const emphasisLines = model.emphasis.map((e) => lines.positionAt(e.span.start).line);
  // Each kind of thing gives a fixed count of numbers (absent parts as -1): the counts per line first, then the numbers.
  const at = new Int32Array(lineCount + 1);
  for (const p of model.paragraphs) at[p.line + 1] += PARAGRAPH;
  for (const f of model.footnotes) at[f.line + 1] += FOOTNOTE;
  if (model.title) at[model.title.line + 1] += TITLE;
  for (const m of model.markers) at[m.line + 1] += MARKER;
  for (const x of model.symbols) at[x.line + 1] += SYMBOL;
  for (const c of model.citations) at[c.line + 1] += CITATION;
  for (const d of model.dates) at[d.line + 1] += DATE;
  for (const x of model.titles) at[x.line + 1] += TITLE_MENTION;
  for (const r of model.crossReferences) at[r.line + 1] += CROSS_REFERENCE;
  for (const line of emphasisLines) at[line + 1] += EMPHASIS;
  for (const c of model.comments) at[c.line + 1] += COMMENT;
  for (let i = 0; i < lineCount; i++) at[i + 1] += at[i];
  const data = new Int32Array(at[lineCount]);
  const fill = at.slice(0, lineCount);
  const str = (s: string | undefined): number => {
    if (s === undefined) return -1;
    let id = strings.get(s);
    // A copy: a slice would keep the whole text of this version alive in the memo.
    if (id === undefined) strings.set(s.length < 16 ? s : (s + ' ').slice(0, -1), (id = strings.size));
    return id;
  };
  const flag = (b: boolean | undefined) => (b === undefined ? -1 : b ? 1 : 0);
  let w = 0;
  let base = 0;
  const span = (s: Span | undefined) => {
    if (s) {
      data[w++] = s.start - base;
      data[w++] = s.end - base;
    } else {
      data[w++] = -1;
      data[w++] = -1;
    }
  };
  const start = (line: number) => {
    w = fill[line];
    base = starts[line];
  };
  for (const p of model.paragraphs) {
    start(p.line);
    data[w++] = str(p.kind);
    data[w++] = str(p.part);
    data[w++] = p.level;
    span(p.span);
    span(p.body);
    data[w++] = str(p.label?.text);
    data[w++] = str(p.label?.style);
    data[w++] = p.label ? p.label.value : -1;
    span(p.label?.span);
    data[w++] = str(p.opener?.text);
    data[w++] = str(p.opener?.base);
    data[w++] = str(p.opener?.repeatPrefix);
    data[w++] = flag(p.opener?.known);
    span(p.opener?.span);
    data[w++] = str(p.ending?.char);
    span(p.ending?.span);
    fill[p.line] = w;
  }
  for (const f of model.footnotes) {
    start(f.line);
    data[w++] = f.number;
    span(f.numberSpan);
    span(f.textSpan);
    span(f.span);
    data[w++] = flag(f.ibid);
    fill[f.line] = w;
  }
  const t = model.title;
  if (t) {
    start(t.line);
    data[w++] = str(t.number);
    data[w++] = str(t.scheme);
    data[w++] = flag(t.decision);
    data[w++] = flag(t.placeholder);
    data[w++] = str(t.title);
    span(t.numberSpan);
    span(t.titleSpan);
    span(t.span);
    fill[t.line] = w;
  }
  for (const m of model.markers) {
    start(m.line);
    data[w++] = m.number;
    span(m.span);
    data[w++] = m.paragraph ? m.paragraph.line - m.line : -1;
    fill[m.line] = w;
  }
  for (const x of model.symbols) {
    start(x.line);
    span(x.span);
    fill[x.line] = w;
  }
  for (const c of model.citations) {
    start(c.line);
    data[w++] = str(c.kind);
    data[w++] = str(c.organ);
    span(c.numberSpan);
    span(c.span);
    span(c.date?.span);
    fill[c.line] = w;
  }
  for (const d of model.dates) {
    start(d.line);
    data[w++] = d.year;
    data[w++] = d.month;
    data[w++] = d.day;
    data[w++] = flag(d.valid);
    span(d.span);
    fill[d.line] = w;
  }
  for (const x of model.titles) {
    start(x.line);
    span(x.span);
    span(x.innerSpan);
    fill[x.line] = w;
  }
  for (const r of model.crossReferences) {
    start(r.line);
    data[w++] = str(r.direction);
    data[w++] = r.paragraphNumber;
    span(r.numberSpan);
    span(r.span);
    data[w++] = r.from ? r.from.line - r.line : -1;
    fill[r.line] = w;
  }
  model.emphasis.forEach((e, i) => {
    start(emphasisLines[i]);
    span(e.span);
    span(e.innerSpan);
    fill[emphasisLines[i]] = w;
  });
  for (const c of model.comments) {
    start(c.line);
    span(c.span);
    fill[c.line] = w;
  }
  // Every line filled exactly (a count above that does not match what is written would mix lines up).
  for (let i = 0; i < lineCount; i++) if (fill[i] !== at[i + 1]) throw new Error(`line ${i}: signature of ${fill[i] - at[i]} numbers, ${at[i + 1] - at[i]} counted`);
  return { at, data };
}

/** How many numbers each kind of thing gives in a signature. */
const PARAGRAPH = 21;
const FOOTNOTE = 8;
const TITLE = 11;
const MARKER = 4;
const SYMBOL = 2;
const CITATION = 8;
const DATE = 6;
const TITLE_MENTION = 4;
const CROSS_REFERENCE = 7;
const EMPHASIS = 4;
const COMMENT = 2;

/** The most strings the memo numbers before it starts again (each edit may add a few). */
const MAX_STRINGS = 1_000_000;

/** No findings on a line (one shared array: most lines have none). */
const NONE: RelativeFinding[] = [];

const shift = (s: Span, by: number): Span => ({ start: s.start + by, end: s.end + by });

/**
 * `f` moved by `by` offsets and `lines` lines. Going relative (`by` < 0), undefined when a place it
 * names lies on another line than `line` (then the rule is not local).
 */
function moved(f: RuleFinding, by: number, lines: number, line: number, model: ResolutionDocument): RuleFinding | undefined {
  if (by < 0) {
    const start = -by;
    const end = model.lines.lineEnd(line);
    const inside = (s: Span) => s.start >= start && s.end <= end;
    if (!inside(f.span)) return undefined;
    if (f.related && !f.related.every((r) => inside(r.span))) return undefined;
    const d = f.data;
    if (d && d.fix === 'insert' && (d.at < start || d.at > end)) return undefined;
    if (d && d.fix === 'edits' && !d.edits.every((e) => inside(e.span))) return undefined;
    if (d && d.fix === 'remove-footnote' && d.line !== line) return undefined;
  }
  const out: RuleFinding = { ...f, span: shift(f.span, by) };
  if (f.related) out.related = f.related.map((r) => ({ ...r, span: shift(r.span, by) }));
  if (f.data) out.data = movedData(f.data, by, lines);
  return out;
}

function movedData(d: FindingData, by: number, lines: number): FindingData {
  switch (d.fix) {
    case 'insert':
      return { ...d, at: d.at + by };
    case 'edits':
      return { ...d, edits: d.edits.map((e) => ({ ...e, span: shift(e.span, by) })) };
    case 'remove-footnote':
      return { ...d, line: d.line + lines };
    default:
      return d;
  }
}

/**
 * The model with only the lines flagged in `keep` (`lines`, in order): what a paragraph-local rule
 * checks. The parser makes each list in text order (see `ResolutionDocument`), so a list is cut by
 * binary search around each line rather than filtered whole: a keystroke in a draft of many
 * thousand lines keeps one line, and reading every item of every list (scattered over the heap)
 * cost more than the rules checking that line.
 */
function viewOf(model: ResolutionDocument, keep: Uint8Array, lines: readonly number[]): ResolutionDocument {
  // One function per list to read its items' line: each reads one shape of object (one shared
  // function reading every kind of item is many times slower, on lists of many thousand items).
  return {
    ...model,
    heading: [],
    title: model.title && keep[model.title.line] ? model.title : undefined,
    paragraphs: onLines(model.paragraphs, keep, lines, (x) => x.line),
    preamble: onLines(model.preamble, keep, lines, (x) => x.line),
    operative: onLines(model.operative, keep, lines, (x) => x.line),
    sections: [],
    parts: [],
    annexes: [],
    closing: { vote: [] },
    footnotes: onLines(model.footnotes, keep, lines, (x) => x.line),
    markers: onLines(model.markers, keep, lines, (x) => x.line),
    symbols: onLines(model.symbols, keep, lines, (x) => x.line),
    citations: onLines(model.citations, keep, lines, (x) => x.line),
    dates: onLines(model.dates, keep, lines, (x) => x.line),
    titles: onLines(model.titles, keep, lines, (x) => x.line),
    crossReferences: onLines(model.crossReferences, keep, lines, (x) => x.line),
    emphasis: emphasisOn(model, keep, lines),
    notes: [],
    comments: onLines(model.comments, keep, lines, (x) => x.line),
  };
}

/** Fewer lines than a list's length over this: cut by binary search (else filtered). */
const CUT_RATIO = 8;

/** The items of `list` (each on line `lineOf(item)`) on the lines flagged in `keep`, in the list's order. */
function onLines<T>(list: readonly T[], keep: Uint8Array, lines: readonly number[], lineOf: (x: T) => number): T[] {
  if (lines.length * CUT_RATIO > list.length) return list.filter((x) => keep[lineOf(x)] === 1);
  const out: T[] = [];
  for (const line of lines) {
    for (let i = firstAtOrAfter(list, line, lineOf); i < list.length && lineOf(list[i]) === line; i++) out.push(list[i]);
  }
  return out;
}

/** The emphasis on the lines flagged in `keep` (emphasis has no line: by its start). */
function emphasisOn(model: ResolutionDocument, keep: Uint8Array, lines: readonly number[]): ResolutionDocument['emphasis'] {
  const list = model.emphasis;
  const index = model.lines;
  if (lines.length * CUT_RATIO > list.length) return list.filter((e) => keep[index.positionAt(e.span.start).line] === 1);
  const out: ResolutionDocument['emphasis'] = [];
  const starts = index.lineStarts;
  for (const line of lines) {
    const end = line + 1 < starts.length ? starts[line + 1] : Infinity;
    for (let i = firstAtOrAfter(list, starts[line], (e) => e.span.start); i < list.length && list[i].span.start < end; i++) out.push(list[i]);
  }
  return out;
}

/** The first index of `list` (in order of `key`) whose key is at least `value`. */
function firstAtOrAfter<T>(list: readonly T[], value: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
