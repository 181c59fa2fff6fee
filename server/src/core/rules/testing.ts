/** Helpers for the rules' tests: build a draft from real lines, run one rule, read exact ranges. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, fixesFor } from '../fixes';
import type { ResolutionDocument } from '../model';
import { parseDraft } from '../parse/parser';
import { resolveSettings } from '../settings';
import { ruleById, validate } from './index';
import type { Finding, ValidationContext } from './types';

/** A finding as a test reads it: 0-based line, start and end character, and the text it covers. */
export interface Seen {
  rule: string;
  severity: Finding['severity'];
  line: number;
  start: number;
  end: number;
  text: string;
  message: string;
}

/** The heading of 76/54 (A/RES/76/54), as in the corpus. */
export const HEADING_76_54 = [
  '大 会',
  '第七十六届会议',
  '议程项目 100 (z)',
  '2021 年 12 月 6 日大会决议',
  '[根据第一委员会的报告(A/76/444, 第 93 段)通过]',
  '',
  '76/54. 建立无核武器世界的联合行动和面向未来的对话',
  '',
  '大会，',
  '',
];

export const CLOSING_76_54 = ['', '2021 年 12 月 6 日', '第 45 次全体会议'];

/** Lines joined as a draft file. */
export function draft(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** A resolution of the 76th session (dated 2021-12-06) with these body lines between organ line and closing. */
export function resolution(body: string[], footnotes: string[] = []): string {
  return draft(...HEADING_76_54, ...body, ...CLOSING_76_54, ...(footnotes.length > 0 ? ['', '---', ...footnotes] : []));
}

export function seen(model: ResolutionDocument, findings: Finding[]): Seen[] {
  return findings.map((f) => {
    const a = model.lines.positionAt(f.span.start);
    const b = model.lines.positionAt(f.span.end);
    return {
      rule: f.rule,
      severity: f.severity,
      line: a.line,
      start: a.character,
      end: b.line === a.line ? b.character : -1,
      text: model.text.slice(f.span.start, f.span.end),
      message: f.message,
    };
  });
}

export const TODAY = new Date('2026-11-21T12:00:00Z');

/** Runs one rule over a text. */
export function check(id: string, text: string, settings: unknown = {}, context: ValidationContext = {}): Seen[] {
  const rule = ruleById(id);
  if (!rule) throw new Error(`no rule ${id}`);
  const model = parseDraft(text);
  const findings = validate(model, resolveSettings(settings), { today: TODAY, ...context, onRuleError: (_r, e) => { throw e; } }, [rule]);
  return seen(model, findings);
}

/** `[line, start, end]` of each finding. */
export function places(found: Seen[]): [number, number, number][] {
  return found.map((f) => [f.line, f.start, f.end]);
}

/** Applies the first fix of the first finding of `id` (or of every finding when `all`), returns the new text. */
export function applyFirstFix(id: string, text: string, settings: unknown = {}, context: ValidationContext = {}): string {
  const model = parseDraft(text);
  const findings = validate(model, resolveSettings(settings), { today: TODAY, ...context }, [ruleById(id)!]);
  const finding = findings[0];
  if (!finding) throw new Error(`no ${id} finding to fix`);
  const fixes = fixesFor(model, finding);
  if (fixes.length === 0) throw new Error(`no fix for ${id}`);
  return applyEdits(text, fixes[0].edits);
}

/** Every rule's findings (errors and warnings only) over a text. */
export function problems(text: string, settings: unknown = {}, context: ValidationContext = {}): Seen[] {
  const model = parseDraft(text);
  return seen(model, validate(model, resolveSettings(settings), { today: TODAY, ...context })).filter((f) => f.severity === 'error' || f.severity === 'warning');
}

/** A published text of another organ or kind, from test/fixtures/organs (written from ../shared/conventions.md). */
export function organFixture(name: string): string {
  return readFileSync(join('test', 'fixtures', 'organs', name), 'utf8');
}

/** The 0-based line of the first line that starts with `start`. */
export function lineStarting(text: string, start: string): number {
  const line = text.split('\n').findIndex((l) => l.startsWith(start));
  if (line < 0) throw new Error(`no line starts with ${start}`);
  return line;
}
