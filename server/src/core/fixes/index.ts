/**
 * Quick fixes: the edits that mend a finding, computed on the model (editor-free). A fix never
 * loses the drafter's text: it renumbers, replaces punctuation or inserts; the only removal is of
 * an unused footnote text, which is what that fix is asked to do.
 */
import type { Paragraph, ResolutionDocument } from '../model';
import { toSuperscript } from '../parse/superscript';
import { renumberFootnoteEdits } from '../navigation/footnotes';
import { numberedLists } from '../rules/operative-numbering';
import { labelFor } from '../rules/subparagraph-order';
import type { Finding, Locale } from '../rules/types';
import type { Span } from '../text';

/** Replace the text of `span` with `newText` (an insertion when the span is empty). */
export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The obvious fix for its finding (an editor may apply it on a shortcut). */
  preferred: boolean;
}

const titles: Record<Locale, Record<string, (n?: number) => string>> = {
  en: {
    renumberParagraphs: () => 'Renumber the operative paragraphs 1…n (and references to them)',
    reletter: () => 'Reletter the subparagraphs in order',
    renumberFootnotes: () => 'Renumber the footnotes in order of appearance',
    separateReuses: () => 'Give each repeated footnote its own number (texts copied)',
    stub: (n) => `Add a text for footnote ${n}`,
    remove: (n) => `Remove the unused footnote text ${n}`,
  },
  zh: {
    renumberParagraphs: () => '将执行段落重新编号为 1…n(并更新对这些段落的引用)',
    reletter: () => '按顺序重新编排分段编号',
    renumberFootnotes: () => '按出现顺序重新编排脚注编号',
    separateReuses: () => '为每处重复的脚注另编号(复制脚注文字)',
    stub: (n) => `为脚注 ${n} 添加文字`,
    remove: (n) => `删除未被引用的脚注文字 ${n}`,
  },
};

/** The titles of the whole-draft renumberings (source actions), in the client's language. */
export function renumberTitles(locale: Locale = 'en'): { paragraphs: string; footnotes: string } {
  const t = titles[locale] ?? titles.en;
  return { paragraphs: t.renumberParagraphs(), footnotes: t.renumberFootnotes() };
}

/** The placeholder text a new footnote gets. */
export const FOOTNOTE_STUB = '……。';

function eol(model: ResolutionDocument): string {
  return model.text.includes('\r\n') ? '\r\n' : '\n';
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

function topOf(p: Paragraph): Paragraph {
  let top = p;
  while (top.parent) top = top.parent;
  return top;
}

/** Renumbers operative paragraphs 1…n in each numbered list, and `上文/下文/本决议第 N 段` to match. */
export function renumberParagraphs(model: ResolutionDocument): TextEdit[] {
  const edits: TextEdit[] = [];
  const newNumber = new Map<Paragraph, number>();
  for (const list of numberedLists(model.operative, model.shape === 'resolution')) {
    // An operative paragraph without a number among numbered ones is given its number, with the stop the list's numbers use.
    const stop = list.find((p) => p.label)!.label!.text.slice(-1);
    list.forEach((p, i) => {
      const label = p.label;
      if (!label) {
        // A number the parser could not read as one (`3 .`, `3 、`) is written over; else the number goes before the text.
        const typed = /^[0-9０-９]+\s*[.．、，,]?\s*/.exec(model.text.slice(p.span.start, p.span.end))?.[0].length ?? 0;
        edits.push({ span: { start: p.span.start, end: p.span.start + typed }, newText: `${i + 1}${/[.．]/.test(stop) ? stop : '.'} ` });
        return;
      }
      newNumber.set(p, i + 1);
      if (label.value !== i + 1) edits.push({ span: label.span, newText: `${i + 1}${label.text.slice(-1)}` });
    });
  }
  for (const ref of model.crossReferences) {
    if (!ref.from) continue;
    const top = topOf(ref.from);
    const sequence = ref.from.part === 'operative' ? top.sequence : 0;
    const candidates = model.operative.filter((p) => p.kind === 'operative' && p.label && p.sequence === sequence && p.label.value === ref.paragraphNumber);
    // With a repeated number, the reference means the nearest one on the side it names.
    const target =
      ref.direction === 'above'
        ? candidates.filter((c) => c.span.start < top.span.start).pop()
        : ref.direction === 'below'
          ? candidates.find((c) => c.span.start > top.span.start)
          : candidates[0];
    const n = target ? newNumber.get(target) : undefined;
    if (n !== undefined && n !== ref.paragraphNumber) edits.push({ span: ref.numberSpan, newText: String(n) });
  }
  return edits;
}

/** Reletters every list of subparagraphs in order, keeping each list's style and parenthesis width. */
export function reletterSubparagraphs(model: ResolutionDocument): TextEdit[] {
  const edits: TextEdit[] = [];
  const visit = (parent: Paragraph) => {
    const children = parent.children.filter((c) => c.label);
    const style = children[0]?.label?.style;
    let value = 0;
    for (const c of children) {
      const label = c.label!;
      if (label.style === style && c.level === children[0].level) {
        value++;
        if (label.value !== value) edits.push({ span: label.span, newText: labelFor(label.style, value, label.text.startsWith('（')) });
      }
      visit(c);
    }
  };
  for (const p of [...model.preamble, ...model.operative]) visit(p);
  return edits;
}

/**
 * Renumbers footnotes in order of first appearance: markers and texts together, the texts
 * reordered (see `renumberFootnoteEdits`: inner markers follow, comments stay with their footnote).
 * With `separateReuses`, every repeated marker gets a number of its own and a copy of the text
 * (current Manual practice).
 */
export function renumberFootnotes(model: ResolutionDocument, options: { separateReuses?: boolean } = {}): TextEdit[] {
  return renumberFootnoteEdits(model, options);
}

/** Inserts a footnote text stub for footnote `n`, in number order among the footnote texts. */
export function footnoteStub(model: ResolutionDocument, n: number): TextEdit[] {
  const nl = eol(model);
  const line = `${toSuperscript(n)} ${FOOTNOTE_STUB}`;
  const before = model.footnotes.filter((f) => f.number < n).pop();
  if (before) return [{ span: { start: before.span.end, end: before.span.end }, newText: nl + line }];
  const after = model.footnotes.find((f) => f.number > n);
  if (after) return [{ span: { start: after.span.start, end: after.span.start }, newText: line + nl }];
  if (model.footnoteSeparator) {
    const end = model.footnoteSeparator.end;
    return [{ span: { start: end, end }, newText: nl + line }];
  }
  const end = model.text.length;
  const lead = model.text.endsWith('\n') ? '' : nl;
  return [{ span: { start: end, end }, newText: `${lead}${nl}---${nl}${line}${nl}` }];
}

/** Removes the footnote text on `line` (the whole line). */
export function removeFootnote(model: ResolutionDocument, line: number): TextEdit[] {
  const starts = model.lines.lineStarts;
  if (line + 1 < starts.length) return [{ span: { start: starts[line], end: starts[line + 1] }, newText: '' }];
  const start = line > 0 ? model.lines.lineEnd(line - 1) : starts[line];
  return [{ span: { start, end: model.text.length }, newText: '' }];
}

/** The quick fixes for one finding. */
export function fixesFor(model: ResolutionDocument, finding: Finding, locale: Locale = 'en'): Fix[] {
  const t = titles[locale] ?? titles.en;
  const data = finding.data;
  if (!data) return [];
  const fix = (title: string, edits: TextEdit[], preferred = true): Fix[] => (edits.length > 0 ? [{ title, edits, preferred }] : []);
  switch (data.fix) {
    case 'replace':
      return fix(data.title, [{ span: finding.span, newText: data.newText }]);
    case 'insert':
      return fix(data.title, [{ span: { start: data.at, end: data.at }, newText: data.newText }]);
    case 'edits':
      return fix(data.title, data.edits);
    case 'renumber-paragraphs':
      return fix(t.renumberParagraphs(), renumberParagraphs(model));
    case 'reletter-subparagraphs':
      return fix(t.reletter(), reletterSubparagraphs(model));
    case 'renumber-footnotes':
      return data.separateReuses
        ? fix(t.separateReuses(), renumberFootnotes(model, { separateReuses: true }))
        : fix(t.renumberFootnotes(), renumberFootnotes(model));
    case 'footnote-stub':
      return fix(t.stub(data.number), footnoteStub(model, data.number));
    case 'remove-footnote':
      return fix(t.remove(model.footnotes.find((f) => f.line === data.line)?.number), removeFootnote(model, data.line), false);
  }
}
