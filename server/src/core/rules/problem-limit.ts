/**
 * The limit on findings per draft (setting `maxProblems`): a damaged or pasted draft may give
 * hundreds of thousands of them (350 KB of nested brackets once gave 175,000, 41 MB of JSON for
 * the editor). The findings kept are the errors first, then warnings, information and hints, each
 * in the order of the text; one more finding, at the top of the draft, says how many are not shown.
 * Not a rule: it cannot be turned off or suppressed, only the limit raised (0: no limit).
 */
import type { ResolutionDocument } from '../model';
import type { Finding, MessageTable, RuleContext, Severity } from './types';

/** The id the finding about the findings not shown carries (the diagnostic's code). */
export const PROBLEM_LIMIT_ID = 'problem-limit';

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

const grouped = (n: unknown) => Number(n).toLocaleString('en-US');

export const problemLimitMessages = {
  en: {
    more: (p) => `${grouped(p.n)} more ${Number(p.n) === 1 ? 'problem' : 'problems'} in this draft ${Number(p.n) === 1 ? 'is' : 'are'} not shown (${p.counts}): at most ${grouped(p.limit)} are shown, errors first. The setting maxProblems sets the limit (0: none).`,
    error: (p) => `${grouped(p.n)} ${Number(p.n) === 1 ? 'error' : 'errors'}`,
    warning: (p) => `${grouped(p.n)} ${Number(p.n) === 1 ? 'warning' : 'warnings'}`,
    info: (p) => `${grouped(p.n)} information`,
    hint: (p) => `${grouped(p.n)} ${Number(p.n) === 1 ? 'hint' : 'hints'}`,
    and: () => ', ',
  },
  zh: {
    more: (p) => `本草案另有 ${p.n} 个问题未显示(${p.counts})：每份草案最多显示 ${p.limit} 个问题，错误优先。上限由设置 maxProblems 规定(0 为不设上限)。`,
    error: (p) => `错误 ${p.n} 个`,
    warning: (p) => `警告 ${p.n} 个`,
    info: (p) => `信息 ${p.n} 条`,
    hint: (p) => `提示 ${p.n} 个`,
    and: () => '、',
  },
} satisfies MessageTable;

/** Where the finding about the rest stands: the draft's first line with text (its first line when all are blank). */
function topLine(model: ResolutionDocument): { start: number; end: number } {
  const lines = model.lines;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    const end = lines.lineEnd(line);
    if (model.text.slice(start, end).trim().length > 0) return { start, end };
  }
  return { start: 0, end: lines.lineEnd(0) };
}

/**
 * `findings` (in the order of the text) cut to `limit`: the most severe first, each severity in
 * text order; the result in text order, with one finding about the rest at the top of the draft.
 * Unchanged when they are within the limit or the limit is 0.
 */
export function limitFindings(findings: Finding[], limit: number, model: ResolutionDocument, say: RuleContext['say']): Finding[] {
  if (limit <= 0 || findings.length <= limit) return findings;
  const bySeverity = new Map<Severity, Finding[]>(SEVERITY_ORDER.map((s) => [s, []]));
  for (const f of findings) bySeverity.get(f.severity)!.push(f);
  const kept = new Set<Finding>();
  const left = new Map<Severity, number>();
  for (const severity of SEVERITY_ORDER) {
    const list = bySeverity.get(severity)!;
    const room = Math.max(0, limit - kept.size);
    for (const f of list.slice(0, room)) kept.add(f);
    if (list.length > room) left.set(severity, list.length - room);
  }
  const dropped = findings.length - kept.size;
  const counts = [...left].map(([severity, n]) => say(problemLimitMessages, severity, { n })).join(say(problemLimitMessages, 'and'));
  const summary: Finding = {
    rule: PROBLEM_LIMIT_ID,
    // As severe as the most severe finding left out, so that it is not itself lost among hints.
    severity: [...left.keys()][0],
    span: topLine(model),
    message: say(problemLimitMessages, 'more', { n: dropped, limit, counts }),
  };
  return [summary, ...findings.filter((f) => kept.has(f))];
}
