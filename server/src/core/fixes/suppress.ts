/**
 * Fixes that silence a rule instead of mending the text: the `%% drafter-disable` comments
 * (README, "Suppression"), written for the drafter from the light bulb; and the fix-all of one
 * rule over the whole draft. Editor-free, like the other fixes.
 */
import type { ResolutionDocument } from '../model';
import type { Finding, Locale } from '../rules/types';
import { applyEdits, fixesFor, type Fix, type TextEdit } from './index';

const titles: Record<Locale, { line: (rule: string) => string; file: (rule: string) => string; all: (rule: string, n: number) => string }> = {
  en: {
    line: (rule) => `Disable ${rule} for this paragraph`,
    file: (rule) => `Disable ${rule} for this file`,
    all: (rule, n) => `Fix all ${n} ${rule} findings in this draft`,
  },
  zh: {
    line: (rule) => `在本段停用 ${rule}`,
    file: (rule) => `在本文件停用 ${rule}`,
    all: (rule, n) => `修正本草案中全部 ${n} 处 ${rule} 问题`,
  },
};

const DISABLE_LINE = /^%%\s*drafter-disable(?:\s+(.*))?$/;
const DISABLE_FILE = /^%%\s*drafter-disable-file(?:\s+(.*))?$/;

function eol(model: ResolutionDocument): string {
  return model.text.includes('\r\n') ? '\r\n' : '\n';
}

/** The ids a `drafter-disable` comment names (empty: every rule). */
function named(list: string | undefined): string[] {
  return (list ?? '').split(/[\s,，]+/).filter((s) => s.length > 0);
}

/**
 * "Disable ‹rule› for this paragraph": a `%% drafter-disable ‹rule›` line right above the
 * finding's line (or the id added to the comment already there). "… for this file": a
 * `%% drafter-disable-file ‹rule›` line at the top (or the id added to the one there).
 */
export function disableFixes(model: ResolutionDocument, finding: Finding, locale: Locale = 'en'): Fix[] {
  const t = titles[locale] ?? titles.en;
  const rule = finding.rule;
  if (rule === 'structure') return [];
  const nl = eol(model);
  const line = model.lines.positionAt(finding.span.start).line;
  const lineStart = model.lines.lineStarts[line];
  const fixes: Fix[] = [];

  // For this paragraph: the comment line just above, when it is a drafter-disable one.
  const above = line > 0 ? model.lines.lineText(line - 1) : '';
  const m = DISABLE_LINE.exec(above.trim());
  if (m && !DISABLE_FILE.test(above.trim())) {
    const ids = named(m[1]);
    if (ids.length > 0 && !ids.includes(rule)) {
      const end = model.lines.lineEnd(line - 1);
      fixes.push({ title: t.line(rule), edits: [{ span: { start: end, end }, newText: ` ${rule}` }], preferred: false });
    }
  } else {
    fixes.push({ title: t.line(rule), edits: [{ span: { start: lineStart, end: lineStart }, newText: `%% drafter-disable ${rule}${nl}` }], preferred: false });
  }

  // For the file: an existing drafter-disable-file comment, else a new first line.
  const fileComment = model.comments.find((c) => /^drafter-disable-file\b/.test(c.text));
  if (fileComment) {
    const ids = named(/^drafter-disable-file(?:\s+(.*))?$/.exec(fileComment.text)?.[1]);
    if (ids.length > 0 && !ids.includes(rule)) {
      const end = model.lines.lineEnd(fileComment.line);
      fixes.push({ title: t.file(rule), edits: [{ span: { start: end, end }, newText: ` ${rule}` }], preferred: false });
    }
  } else {
    fixes.push({ title: t.file(rule), edits: [{ span: { start: 0, end: 0 }, newText: `%% drafter-disable-file ${rule}${nl}` }], preferred: false });
  }
  return fixes;
}

/** The fixes a fix-all may combine: those that change the finding's own place only. */
const LOCAL_FIXES = new Set(['replace', 'insert', 'edits']);

/**
 * One rule's fix-all: the first fix of each of its findings that mends its own place (`replace`,
 * `insert`, `edits`), those that do not overlap; undefined when fewer than two findings can be
 * fixed so (one is the quick fix itself). Whole-draft fixes (renumberings) are already "all".
 * A fix that says what it writes `together` with the others writes that: the text is then the
 * same as with the quick fixes applied one after another, from the top.
 */
export function fixAll(model: ResolutionDocument, findings: readonly Finding[], rule: string, locale: Locale = 'en'): Fix | undefined {
  const t = titles[locale] ?? titles.en;
  const edits: TextEdit[] = [];
  let count = 0;
  for (const finding of findings) {
    if (finding.rule !== rule || !finding.data || !LOCAL_FIXES.has(finding.data.fix)) continue;
    const data = finding.data;
    const fix = fixesFor(model, (data.fix === 'replace' || data.fix === 'insert') && data.together !== undefined ? { ...finding, data: { ...data, newText: data.together } } : finding, locale)[0];
    if (!fix) continue;
    const clashes = fix.edits.some((e) => edits.some((o) => e.span.start < o.span.end && o.span.start < e.span.end || (e.span.start === o.span.start && e.span.end === o.span.end)));
    if (clashes) continue;
    edits.push(...fix.edits);
    count++;
  }
  if (count < 2) return undefined;
  return { title: t.all(rule, count), edits, preferred: false };
}

/** The text once a fix is applied (for tests and the command line). */
export function applyFix(model: ResolutionDocument, fix: Fix): string {
  return applyEdits(model.text, fix.edits);
}
