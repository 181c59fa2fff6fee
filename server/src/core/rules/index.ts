/**
 * The validator: the corpus conventions as rules. `validate` runs every rule over a parsed draft
 * and returns findings with their effective severity.
 *
 * Severity: a setting (`rules: { "footnote-reuse": "error" }`) wins; otherwise the finding's own
 * severity (a rule may report a style remark more mildly), otherwise the rule's default.
 * `off` silences a rule.
 *
 * Limit: at most `settings.maxProblems` findings (errors first), and one that counts the rest
 * (`problem-limit.ts`).
 *
 * Suppression: a comment line `%% drafter-disable ID …` silences the rules named (all when none is
 * named) on the next paragraph line; `%% drafter-disable-file ID …` for the whole file.
 */
import { catalogueFacts } from '../catalogue';
import type { ResolutionDocument } from '../model';
import { parseDraft } from '../parse/parser';
import { defaultSettings, type DrafterSettings } from '../settings';
import { agendaSession } from './agenda-session';
import { bracketPairs } from './bracket-pairs';
import { citationDate } from './citation-date';
import { crossReference } from './cross-reference';
import { dateInvalid } from './date-invalid';
import { footnoteIbid } from './footnote-ibid';
import { footnoteOrder } from './footnote-order';
import { footnoteReuse } from './footnote-reuse';
import { footnoteUndefined } from './footnote-undefined';
import { footnoteUnused } from './footnote-unused';
import { operativeNumbering } from './operative-numbering';
import { paragraphEnding } from './paragraph-ending';
import { placeholder } from './placeholder';
import { punctuationWidth } from './punctuation-width';
import { repeatedOpener } from './repeated-opener';
import { subparagraphOrder } from './subparagraph-order';
import { limitFindings } from './problem-limit';
import { symbolFormat } from './symbol-format';
import type { Finding, MessageParams, MessageTable, Rule, RuleContext, ValidationContext } from './types';

export type * from './types';
export { RuleMemo } from './by-paragraph';

/** Every rule, in alphabetical order of id. */
export const rules: readonly Rule[] = [
  agendaSession,
  bracketPairs,
  citationDate,
  crossReference,
  dateInvalid,
  footnoteIbid,
  footnoteOrder,
  footnoteReuse,
  footnoteUndefined,
  footnoteUnused,
  operativeNumbering,
  paragraphEnding,
  placeholder,
  punctuationWidth,
  repeatedOpener,
  subparagraphOrder,
  symbolFormat,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}

interface Suppressions {
  file: Set<string>;
  /** Line → rule ids silenced on it ('*' for all). */
  lines: Map<number, Set<string>>;
}

const DISABLE = /^drafter-disable(-file)?(?:\s+(.*))?$/;

/** Reads the `%% drafter-disable …` comments of a draft. */
export function suppressions(model: ResolutionDocument): Suppressions {
  const result: Suppressions = { file: new Set(), lines: new Map() };
  const comments = model.comments ?? [];
  if (comments.length === 0) return result;
  const commentLines = new Set(comments.map((c) => c.line));
  for (const c of comments) {
    const m = DISABLE.exec(c.text);
    if (!m) continue;
    const ids = (m[2] ?? '').split(/[\s,，]+/).filter((s) => s.length > 0);
    const named = ids.length > 0 ? ids : ['*'];
    if (m[1]) {
      for (const id of named) result.file.add(id);
      continue;
    }
    // The next line that is neither blank nor a comment.
    let line = c.line + 1;
    while (line < model.lines.lineCount && (commentLines.has(line) || model.lines.lineText(line).trim() === '')) line++;
    const set = result.lines.get(line) ?? new Set<string>();
    for (const id of named) set.add(id);
    result.lines.set(line, set);
  }
  return result;
}

function isSuppressed(s: Suppressions, rule: string, line: number): boolean {
  if (s.file.has(rule) || s.file.has('*')) return true;
  const set = s.lines.get(line);
  return !!set && (set.has(rule) || set.has('*'));
}

function say<K extends string>(locale: RuleContext['locale']) {
  return (table: MessageTable<K>, key: K, params: MessageParams = {}): string => {
    const fn = table[locale]?.[key] ?? table.en[key];
    return fn(params);
  };
}

/**
 * Whether a rule's convention belongs to this text's organ and kind (`agenda-session` is the
 * General Assembly's). A draft whose organ is not known yet is checked by every rule.
 */
export function appliesTo(rule: Rule, model: ResolutionDocument): boolean {
  const scope = rule.appliesTo;
  if (!scope) return true;
  if (scope.kinds && !scope.kinds.includes(model.facts.kind)) return false;
  if (scope.organs && model.facts.organ !== undefined && !scope.organs.includes(model.facts.organ)) return false;
  return true;
}

const inTextOrder = (a: Finding, b: Finding) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule);

/** Runs every rule (or those given) over a parsed draft. A failing rule is reported to `onRuleError` and skipped. */
export function validate(
  model: ResolutionDocument,
  settings: DrafterSettings = defaultSettings,
  context: ValidationContext = {},
  only: readonly Rule[] = rules,
): Finding[] {
  const locale = context.locale ?? 'en';
  const ctx: RuleContext = {
    model,
    settings,
    catalogue: context.catalogue,
    facts: context.facts ?? (context.catalogue ? catalogueFacts(context.catalogue) : undefined),
    today: context.today ?? new Date(),
    locale,
    memo: context.memo,
    say: say(locale),
  };
  const silenced = suppressions(model);
  const findings: Finding[] = [];
  const active = only.filter((rule) => settings.rules[rule.id] !== 'off' && appliesTo(rule, model));
  // Paragraph-local rules with a memo: checked only on the lines that changed since the last version.
  const local = context.memo ? context.memo.check(active.filter((rule) => rule.scope === 'paragraph'), ctx) : undefined;
  for (const rule of active) {
    const configured = settings.rules[rule.id] as Exclude<DrafterSettings['rules'][string], 'off'>;
    let raw;
    try {
      const kept = local?.get(rule.id);
      if (kept && !Array.isArray(kept)) throw kept.error;
      raw = kept ?? rule.check(ctx);
    } catch (err) {
      context.onRuleError?.(rule.id, err);
      continue;
    }
    if (silenced.file.has(rule.id) || silenced.file.has('*')) continue;
    // A finding's line is looked up only when some line is silenced (a binary search per finding).
    const byLine = silenced.lines.size > 0;
    for (const f of raw) {
      if (byLine && isSuppressed(silenced, rule.id, model.lines.positionAt(f.span.start).line)) continue;
      // Object.assign, not a spread ({ ...f, rule, severity }: the same keys in the same order):
      // V8 took 1–2 µs a spread here, and 7 times as long for 5 times the findings (67,000 of
      // footnote-undefined on a damaged draft of 50 MB: 120 ms of copies where assign takes 20).
      findings.push(Object.assign({}, f, { rule: rule.id, severity: configured ?? f.severity ?? rule.defaultSeverity }));
    }
  }
  // In text order; each rule's findings mostly come so already, and then are not sorted again.
  let sorted = true;
  for (let i = 1; i < findings.length && sorted; i++) sorted = inTextOrder(findings[i - 1], findings[i]) <= 0;
  if (!sorted) findings.sort(inTextOrder);
  return limitFindings(findings, settings.maxProblems ?? defaultSettings.maxProblems, model, ctx.say);
}

/**
 * Parses and validates a draft's text in one call: what one keystroke costs in the editor
 * (the benchmark measures this on a large draft).
 */
export function validateDraft(text: string, settings: DrafterSettings = defaultSettings, context: ValidationContext = {}): Finding[] {
  return validate(parseDraft(text), settings, context);
}
