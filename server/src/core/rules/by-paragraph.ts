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
 * other lines' paragraphs, footnotes and mentions are left out; headings, sections, parts,
 * annexes, closing, notes and comments are empty), with the whole text and line index.
 *
 * A rule without `scope` is document-wide: it is always checked on the whole draft. That is the
 * default, so a new rule is correct whatever it reads.
 *
 * What a paragraph-local rule found on a line is kept in a `RuleMemo`, by the line's text and
 * what the parser found on it (the "signature"), relative to the line's start: the next version of
 * the draft checks only the lines whose text or signature is new. A finding that falls outside
 * the lines checked (a rule that is not local after all) makes the rule be checked on the whole
 * draft instead, so a wrong declaration costs time, not findings.
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
  /** Line key (text and signature) → rule id → findings relative to the line. */
  private lines = new Map<string, Map<string, RelativeFinding[]>>();
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
    if (context !== this.context || ctx.catalogue !== this.catalogue) {
      this.lines = new Map();
      this.context = context;
      this.catalogue = ctx.catalogue;
    }
    const keys = lineKeys(model);
    const lineCount = model.lines.lineCount;
    const starts = model.lines.lineStarts;
    // Each line's entry, looked up once: the last version's when its key is known, else a new one.
    const entries: (Map<string, RelativeFinding[]> | undefined)[] = new Array(lineCount);
    const next = new Map<string, Map<string, RelativeFinding[]>>();
    let keyed = 0;
    for (let line = 0; line < lineCount; line++) {
      const key = keys[line];
      if (key === undefined) continue;
      keyed++;
      let entry = next.get(key);
      if (!entry) {
        entry = this.lines.get(key);
        if (entry) next.set(key, entry);
        else next.set(ownCopy(key), (entry = new Map()));
      }
      entries[line] = entry;
    }
    const out = new Map<string, RuleFinding[] | { error: unknown }>();
    let checked = 0;
    // The lines each rule has nothing kept for (usually the same for every rule: one view serves them).
    let lastDirtyKey = '';
    let lastView: ResolutionDocument | undefined;
    for (const rule of rules) {
      const dirty = new Uint8Array(lineCount);
      const dirtyList: number[] = [];
      for (let line = 0; line < lineCount; line++) {
        const entry = entries[line];
        if (entry && !entry.has(rule.id)) {
          dirty[line] = 1;
          dirtyList.push(line);
        }
      }
      const dirtyKey = dirtyList.length === keyed ? '*' : dirtyList.join(',');
      let view: ResolutionDocument;
      if (lastView && dirtyKey === lastDirtyKey) {
        view = lastView;
      } else {
        view = dirtyList.length === keyed ? model : viewOf(model, dirty);
        lastView = view;
        lastDirtyKey = dirtyKey;
      }
      let raw: RuleFinding[];
      try {
        raw = dirtyList.length === 0 ? [] : rule.check(view === model ? ctx : { ...ctx, model: view });
      } catch (error) {
        out.set(rule.id, { error });
        continue;
      }
      // The new findings by line, relative to it; one outside the lines checked: not local, checked whole.
      const found = new Map<number, RelativeFinding[]>();
      let local = true;
      for (const f of raw) {
        const line = model.lines.positionAt(f.span.start).line;
        const relative = dirty[line] ? moved(f, -starts[line], -line, line, model) : undefined;
        if (!relative) {
          local = false;
          break;
        }
        let list = found.get(line);
        if (!list) found.set(line, (list = []));
        list.push(relative);
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
      for (const line of dirtyList) entries[line]!.set(rule.id, found.get(line) ?? NONE);
      const findings: RuleFinding[] = [];
      for (let line = 0; line < lineCount; line++) {
        const kept = entries[line]?.get(rule.id);
        if (kept === undefined || kept.length === 0) continue;
        for (const f of kept) findings.push(moved(f, starts[line], line, 0, model)!);
      }
      out.set(rule.id, findings);
    }
    this.lines = next;
    this.checkedLines = checked;
    this.keptLines = keyed - checked;
    return out;
  }
}

/** No findings on a line (one shared array: most lines have none). */
const NONE: RelativeFinding[] = [];

/** A copy of a key that does not keep the whole draft's text alive (see `ownCopy` in the parser). */
function ownCopy(key: string): string {
  return key.length < 16 ? key : (key + ' ').slice(0, -1);
}

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

const rel = (s: Span | undefined, base: number) => (s ? `${s.start - base}:${s.end - base}` : '');

/**
 * Per line with text: its text and what the parser found on it, relative to the line's start
 * (undefined for a blank line, which no local rule can find anything on).
 */
function lineKeys(model: ResolutionDocument): (string | undefined)[] {
  const lines = model.lines;
  const starts = lines.lineStarts;
  const sig: string[] = new Array<string>(lines.lineCount).fill('');
  const add = (line: number, s: string) => {
    sig[line] += s;
  };
  for (const p of model.paragraphs) {
    const b = starts[p.line];
    add(
      p.line,
      `|P${p.kind},${p.part},${p.level},${p.label ? `${p.label.text},${p.label.style},${p.label.value},${rel(p.label.span, b)}` : ''},${rel(p.span, b)},${rel(p.body, b)},${p.opener ? `${p.opener.text},${p.opener.base},${p.opener.repeatPrefix ?? ''},${p.opener.known},${rel(p.opener.span, b)}` : ''},${p.ending ? `${p.ending.char},${rel(p.ending.span, b)}` : ''}`,
    );
  }
  for (const f of model.footnotes) {
    const b = starts[f.line];
    add(f.line, `|F${f.number},${rel(f.numberSpan, b)},${rel(f.textSpan, b)},${rel(f.span, b)},${f.ibid}`);
  }
  const t = model.title;
  if (t) {
    const b = starts[t.line];
    add(t.line, `|T${t.number ?? ''},${t.scheme ?? ''},${t.decision ?? ''},${t.placeholder},${t.title},${rel(t.numberSpan, b)},${rel(t.titleSpan, b)},${rel(t.span, b)}`);
  }
  // The mentions are what the parser's inline scan of the line gave: a scan of another stretch of it gives others.
  for (const m of model.markers) add(m.line, `|m${m.number},${rel(m.span, starts[m.line])},${m.paragraph ? m.paragraph.line - m.line : ''}`);
  for (const s of model.symbols) add(s.line, `|s${rel(s.span, starts[s.line])}`);
  for (const c of model.citations) add(c.line, `|c${rel(c.span, starts[c.line])},${rel(c.numberSpan, starts[c.line])},${c.date ? rel(c.date.span, starts[c.line]) : ''}`);
  for (const d of model.dates) add(d.line, `|d${rel(d.span, starts[d.line])}`);
  for (const x of model.titles) add(x.line, `|t${rel(x.span, starts[x.line])},${rel(x.innerSpan, starts[x.line])}`);
  for (const r of model.crossReferences) add(r.line, `|x${r.direction},${r.paragraphNumber},${rel(r.span, starts[r.line])},${rel(r.numberSpan, starts[r.line])},${r.from ? r.from.line - r.line : ''}`);
  for (const e of model.emphasis) {
    const line = lines.positionAt(e.span.start).line;
    add(line, `|e${rel(e.span, starts[line])},${rel(e.innerSpan, starts[line])}`);
  }
  const keys: (string | undefined)[] = new Array<string | undefined>(lines.lineCount);
  const text = model.text;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = starts[line];
    const end = lines.lineEnd(line);
    const own = text.slice(start, end);
    if (sig[line] === '' && own.trim() === '') continue;
    keys[line] = `${own}\u0000${sig[line]}`;
  }
  return keys;
}

/** The model with only the lines flagged in `keep`: what a paragraph-local rule checks. */
function viewOf(model: ResolutionDocument, keep: Uint8Array): ResolutionDocument {
  const on = <T extends { line: number }>(list: T[]) => list.filter((x) => keep[x.line] === 1);
  return {
    ...model,
    heading: [],
    title: model.title && keep[model.title.line] ? model.title : undefined,
    paragraphs: on(model.paragraphs),
    preamble: on(model.preamble),
    operative: on(model.operative),
    sections: [],
    parts: [],
    annexes: [],
    closing: { vote: [] },
    footnotes: on(model.footnotes),
    markers: on(model.markers),
    symbols: on(model.symbols),
    citations: on(model.citations),
    dates: on(model.dates),
    titles: on(model.titles),
    crossReferences: on(model.crossReferences),
    emphasis: model.emphasis.filter((e) => keep[model.lines.positionAt(e.span.start).line] === 1),
    notes: [],
    comments: [],
  };
}
