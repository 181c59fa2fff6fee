/**
 * What every renumbering and every quick fix must keep (issue 15, item 4), checked on one draft:
 * - the words: footnote renumbering keeps every character but the numbers (lines may move);
 *   paragraph renumbering and relettering keep the text outside the labels in place; a quick fix
 *   replaces only what it names (a word at most: 又鼓励 → 鼓励), except the fix that removes an
 *   unused footnote text, which removes exactly that line;
 * - every marker → footnote text pairing, also of markers inside footnote texts;
 * - a `%%` comment line right above a footnote text stays right above it;
 * - applying a renumbering twice changes nothing.
 * Used by the property tests over the corpus and by the fuzz run (scripts/fuzz.ts).
 */
import { applyEdits, fixesFor, parseDraft, renumberFootnotes, renumberParagraphs, validate, type ResolutionDocument, type TextEdit } from '../../server/src/core';
import { reletterSubparagraphs } from '../../server/src/core/fixes';

export class PropertyFailure extends Error {}

function fail(what: string, text: string): never {
  throw new PropertyFailure(`${what}\n--- draft (first 400 characters) ---\n${text.slice(0, 400)}`);
}

const SUPERSCRIPTS = /[⁰¹²³⁴⁵⁶⁷⁸⁹]/g;
const NUMERALS = /[〇零一二三四五六七八九十百千两]/;

function sortedChars(text: string): string {
  return [...text.replace(SUPERSCRIPTS, '').replace(/\s/g, '')].sort().join('');
}

/** Edits that overlap or leave the text are a fault of their own. */
function checkEdits(text: string, edits: readonly TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let end = 0;
  for (const e of sorted) {
    if (!(e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= text.length)) fail(`${what}: an edit outside the text`, text);
    if (e.span.start < end) fail(`${what}: overlapping edits`, text);
    end = e.span.end;
  }
}

/**
 * The texts the markers point at (the first footnote text with the marker's number, numbers
 * removed): the markers in the text in order, then those inside footnote texts as "holder → text"
 * (sorted, as the texts move; with `unique`, each once, as a copied text repeats its markers).
 */
export function pairings(doc: ResolutionDocument, unique = false): string[] {
  const read = (f: { numberSpan: { end: number }; span: { end: number } }) => doc.text.slice(f.numberSpan.end, f.span.end).replace(SUPERSCRIPTS, '').trim();
  const textOf = new Map<number, string>();
  for (const f of doc.footnotes) if (!textOf.has(f.number)) textOf.set(f.number, read(f));
  const body: string[] = [];
  const inner: string[] = [];
  for (const m of doc.markers) {
    const holder = doc.footnotes.find((f) => m.span.start >= f.span.start && m.span.end <= f.span.end);
    const target = textOf.get(m.number) ?? '(no text)';
    if (holder) inner.push(`${read(holder)} → ${target}`);
    else body.push(target);
  }
  return [...body, '|', ...(unique ? [...new Set(inner)] : inner).sort()];
}

/** Each `%%` comment line right above a footnote text, with that text (numbers removed). */
function attachedComments(doc: ResolutionDocument): string[] {
  const byLine = new Map(doc.footnotes.map((f) => [f.line, f]));
  const out: string[] = [];
  for (const c of doc.comments) {
    let line = c.line + 1;
    while (doc.comments.some((d) => d.line === line)) line++;
    const f = byLine.get(line);
    if (f) out.push(`${c.text} → ${doc.text.slice(f.numberSpan.end, f.span.end).replace(SUPERSCRIPTS, '').trim()}`);
  }
  return out.sort();
}

function stripLabels(text: string, pattern: RegExp): string {
  return text.replace(pattern, '');
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Checks the footnote renumbering (plain, and giving reuses their own numbers) on one draft. */
function checkFootnotes(text: string, doc: ResolutionDocument, separateReuses: boolean): void {
  const what = separateReuses ? 'separate reuses' : 'renumber footnotes';
  const edits = renumberFootnotes(doc, { separateReuses });
  checkEdits(text, edits, what);
  const out = applyEdits(text, edits);
  const after = parseDraft(out);
  if (!separateReuses) {
    if (sortedChars(out) !== sortedChars(text)) fail(`${what}: characters lost or added`, text);
    if (!same(pairings(after), pairings(doc))) fail(`${what}: a marker points at another text`, text);
  } else {
    // Copies add texts; every marker still reads the same text, and no text is lost.
    if (!same(pairings(after, true), pairings(doc, true))) fail(`${what}: a marker points at another text`, text);
    const count = new Map<string, number>();
    for (const c of text.replace(SUPERSCRIPTS, '').replace(/\s/g, '')) count.set(c, (count.get(c) ?? 0) + 1);
    for (const c of out.replace(SUPERSCRIPTS, '').replace(/\s/g, '')) count.set(c, (count.get(c) ?? 0) - 1);
    for (const v of count.values()) if (v > 0) fail(`${what}: characters lost`, text);
  }
  if (!same(attachedComments(after), attachedComments(doc))) fail(`${what}: a comment left its footnote text`, text);
  // The text above the footnotes keeps its words in place.
  const bodyEnd = (d: ResolutionDocument) => {
    if (d.footnoteSeparator) return d.footnoteSeparator.start;
    if (d.footnotes.length === 0) return d.text.length;
    let line = d.footnotes.reduce((a, b) => (a.span.start < b.span.start ? a : b)).line;
    while (line > 0 && d.comments.some((c) => c.line === line - 1)) line--;
    return d.lines.lineStarts[line];
  };
  if (text.slice(0, bodyEnd(doc)).replace(SUPERSCRIPTS, '') !== out.slice(0, bodyEnd(after)).replace(SUPERSCRIPTS, '')) fail(`${what}: the text above the footnotes changed`, text);
  const again = renumberFootnotes(after, { separateReuses });
  if (applyEdits(out, again) !== out) fail(`${what}: applying it twice changes the draft`, text);
}

function checkInPlace(text: string, name: string, edits: TextEdit[], labels: RegExp, again: (d: ResolutionDocument) => TextEdit[]): void {
  checkEdits(text, edits, name);
  const out = applyEdits(text, edits);
  if (stripLabels(out, labels) !== stripLabels(text, labels)) fail(`${name}: text outside the numbers changed`, text);
  if (applyEdits(out, again(parseDraft(out))) !== out) fail(`${name}: applying it twice changes the draft`, text);
}

/** Han characters except numerals, in order. */
function words(text: string): string {
  return [...text].filter((c) => /\p{Script=Han}/u.test(c) && !NUMERALS.test(c)).join('');
}

/** The length of the longest common subsequence (short texts: a fix's span). */
function commonLength(a: string[], b: string[]): number {
  if (a.length * b.length > 1e6) return isSubsequence(a.join(''), b.join('')) ? a.length : 0;
  let row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const next = [0];
    for (let j = 0; j < b.length; j++) next.push(x === b[j] ? row[j] + 1 : Math.max(row[j + 1], next[j]));
    row = next;
  }
  return row[b.length];
}

function isSubsequence(small: string, big: string): boolean {
  const want = [...small];
  let i = 0;
  for (const c of big) if (i < want.length && c === want[i]) i++;
  return i === want.length;
}

/** Every quick fix of every finding of the draft. Returns how many fixes were checked. */
function checkQuickFixes(text: string, doc: ResolutionDocument): number {
  let count = 0;
  const findings = validate(doc);
  for (const finding of findings) {
    for (const fix of fixesFor(doc, finding)) {
      count++;
      const what = `fix "${fix.title}" of ${finding.rule}`;
      checkEdits(text, fix.edits, what);
      const out = applyEdits(text, fix.edits);
      const data = finding.data;
      if (data?.fix === 'remove-footnote') {
        const line = doc.lines.lineText(data.line);
        const lines = text.split(/\r?\n/);
        const index = lines.indexOf(line);
        if (index < 0 || out.split(/\r?\n/).join('\n') !== [...lines.slice(0, index), ...lines.slice(index + 1)].join('\n').replace(/\n$/, out.endsWith('\n') ? '\n' : '')) {
          // Removing the last line also removes the line break before it.
          if (!isSubsequence(words(out), words(text)) || words(text).length - words(out).length !== words(line).length) fail(`${what}: removes more than its footnote line`, text);
        }
      } else if (data?.fix === 'renumber-footnotes') {
        // Checked in full by checkFootnotes.
        if (sortedChars(out).length < sortedChars(text).length) fail(`${what}: characters lost`, text);
      } else {
        // A fix replaces what it names, a word at most (又鼓励 → 鼓励, 七十七 → 七十八); the rest stays.
        for (const e of fix.edits) {
          const old = [...words(text.slice(e.span.start, e.span.end))];
          const now = [...words(e.newText)];
          if (old.length - commonLength(old, now) > 3) fail(`${what}: words lost`, text);
        }
      }
    }
  }
  return count;
}

/** All properties on one draft; throws PropertyFailure naming the first one broken. Returns the number of fixes checked. */
export function checkDraftEdits(text: string): number {
  const doc = parseDraft(text);
  checkFootnotes(text, doc, false);
  checkFootnotes(text, doc, true);
  // Numbers change, and an operative paragraph without one among numbered ones is given its label
  // (`3. `, over a mistyped `3 .`): what is left without the labels at the lines' starts and the digits is the same.
  checkInPlace(text, 'renumber paragraphs', renumberParagraphs(doc), /^[ \t]*[0-9０-９]+[ \t]*[.．、，,]?[ \t]*|[0-9]/gm, renumberParagraphs);
  checkInPlace(text, 'reletter subparagraphs', reletterSubparagraphs(doc), /[a-zA-Z㈠-㈩（）()]/g, reletterSubparagraphs);
  return 3 + checkQuickFixes(text, doc);
}
