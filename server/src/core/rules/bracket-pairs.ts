import type { Rule, RuleContext, RuleFinding } from './types';
import { runningText } from './text-parts';

const messages = {
  en: {
    unclosed: (p) => `“${p.open}” is not closed in this paragraph: add “${p.close}”.`,
    unopened: (p) => `“${p.close}” closes nothing in this paragraph: “${p.open}” is missing.`,
    mismatch: (p) => `“${p.close}” does not match the “${p.open}” it closes.`,
    opened: (p) => `“${p.open}” opens here.`,
    more: (p) => ` This paragraph has ${p.n} more unbalanced ${Number(p.n) === 1 ? 'mark' : 'marks'}, not listed.`,
  },
  zh: {
    unclosed: (p) => `本段的“${p.open}”没有闭合：请补上“${p.close}”。`,
    unopened: (p) => `本段的“${p.close}”没有对应的“${p.open}”。`,
    mismatch: (p) => `“${p.close}”与其所闭合的“${p.open}”不匹配。`,
    opened: (p) => `“${p.open}”从此处开始。`,
    more: (p) => `本段另有 ${p.n} 处括号或引号不配对，未逐一列出。`,
  },
} satisfies Rule['messages'];

// Half- and full-width parentheses close each other here: the width is punctuation-width's business.
type Family = 'title' | 'quote' | 'paren';
const FAMILY: Record<string, Family> = { '《': 'title', '》': 'title', '“': 'quote', '”': 'quote', '(': 'paren', ')': 'paren', '（': 'paren', '）': 'paren' };
function isBracketCode(c: number): boolean {
  return c === 0x28 || c === 0x29 || c === 0x300a || c === 0x300b || c === 0x201c || c === 0x201d || c === 0xff08 || c === 0xff09;
}
const OPENERS = new Set(['《', '“', '(', '（']);
const CLOSER_OF: Record<string, string> = { '《': '》', '“': '”', '(': ')', '（': '）' };
const OPENER_OF: Record<string, string> = { '》': '《', '”': '“', ')': '(', '）': '（' };

/** Findings per paragraph at most: a damaged paragraph may hold thousands of faults. */
export const BRACKET_FINDINGS_PER_PARAGRAPH = 3;
/** How many of the faults beyond those the last finding points to (related information). */
const MORE_SHOWN = 3;

/** A fault found in one paragraph: where, and how to say it. */
interface Fault {
  at: number;
  say: () => RuleFinding;
}

/**
 * The bracket faults of one stretch of text, in text order. One pass: an open mark is found on
 * the stack of its own family, so a closer that skips over marks left open costs no rescan
 * (350 KB of nested brackets stay linear).
 */
function faultsIn(text: string, span: { start: number; end: number }, say: RuleContext['say']): Fault[] {
  const faults: Fault[] = [];
  const stack: { ch: string; at: number; family: Family }[] = [];
  // Positions in `stack` of each family's open marks, innermost last.
  const open: Record<Family, number[]> = { title: [], quote: [], paren: [] };
  for (let i = span.start; i < span.end; i++) {
    // Most characters are none of the eight marks: a numeric test keeps the scan cheap.
    if (!isBracketCode(text.charCodeAt(i))) continue;
    const ch = text[i];
    const family = FAMILY[ch];
    if (OPENERS.has(ch)) {
      open[family].push(stack.length);
      stack.push({ ch, at: i, family });
      continue;
    }
    const top = stack[stack.length - 1];
    if (top && top.family === family) {
      stack.pop();
      open[family].pop();
      continue;
    }
    const own = open[family];
    if (own.length > 0) {
      // Something opened inside was left open: report it, then close this pair.
      const inner = top;
      const at = i;
      faults.push({
        at,
        say: () => ({
          span: { start: at, end: at + 1 },
          message: say(messages, 'mismatch', { open: inner.ch, close: ch }),
          related: [{ span: { start: inner.at, end: inner.at + 1 }, message: say(messages, 'opened', { open: inner.ch }) }],
        }),
      });
      const index = own[own.length - 1];
      while (stack.length > index) open[stack.pop()!.family].pop();
      continue;
    }
    const at = i;
    faults.push({ at, say: () => ({ span: { start: at, end: at + 1 }, message: say(messages, 'unopened', { open: OPENER_OF[ch], close: ch }) }) });
  }
  const unclosed: Fault[] = stack.map((o) => ({ at: o.at, say: () => ({ span: { start: o.at, end: o.at + 1 }, message: say(messages, 'unclosed', { open: o.ch, close: CLOSER_OF[o.ch] }) }) }));
  if (unclosed.length === 0) return faults;
  if (faults.length === 0) return unclosed;
  return [...faults, ...unclosed].sort((a, b) => a.at - b.at);
}

/**
 * `《》`, `“”`, `()` and `（）` balanced within each paragraph and footnote. A paragraph gives at
 * most three findings, on its first faults; the last of them counts the rest in its message (a
 * damaged paragraph may hold thousands) and points to the next few.
 */
export const bracketPairs: Rule = {
  id: 'bracket-pairs',
  defaultSeverity: 'error',
  description: 'Brackets or quotation marks (《》 “” () （）) are not balanced within a paragraph.',
  messages,
  check({ model, say }) {
    const findings: RuleFinding[] = [];
    const text = model.text;
    for (const span of runningText(model)) {
      const faults = faultsIn(text, span, say);
      const limit = BRACKET_FINDINGS_PER_PARAGRAPH;
      for (const f of faults.slice(0, limit)) findings.push(f.say());
      if (faults.length > limit) {
        const last = findings[findings.length - 1];
        last.message += say(messages, 'more', { n: faults.length - limit });
        const next = faults.slice(limit, limit + MORE_SHOWN).map((f) => {
          const other = f.say();
          return { span: other.span, message: other.message };
        });
        last.related = [...(last.related ?? []), ...next];
      }
    }
    return findings;
  },
};
