import type { Rule, RuleFinding } from './types';
import { runningText } from './text-parts';

const messages = {
  en: {
    unclosed: (p) => `“${p.open}” is not closed in this paragraph: add “${p.close}”.`,
    unopened: (p) => `“${p.close}” closes nothing in this paragraph: “${p.open}” is missing.`,
    mismatch: (p) => `“${p.close}” does not match the “${p.open}” it closes.`,
    opened: (p) => `“${p.open}” opens here.`,
  },
  zh: {
    unclosed: (p) => `本段的“${p.open}”没有闭合：请补上“${p.close}”。`,
    unopened: (p) => `本段的“${p.close}”没有对应的“${p.open}”。`,
    mismatch: (p) => `“${p.close}”与其所闭合的“${p.open}”不匹配。`,
    opened: (p) => `“${p.open}”从此处开始。`,
  },
} satisfies Rule['messages'];

// Half- and full-width parentheses close each other here: the width is punctuation-width's business.
const FAMILY: Record<string, string> = { '《': 'title', '》': 'title', '“': 'quote', '”': 'quote', '(': 'paren', ')': 'paren', '（': 'paren', '）': 'paren' };
function isBracketCode(c: number): boolean {
  return c === 0x28 || c === 0x29 || c === 0x300a || c === 0x300b || c === 0x201c || c === 0x201d || c === 0xff08 || c === 0xff09;
}
const OPENERS = new Set(['《', '“', '(', '（']);
const CLOSER_OF: Record<string, string> = { '《': '》', '“': '”', '(': ')', '（': '）' };
const OPENER_OF: Record<string, string> = { '》': '《', '”': '“', ')': '(', '）': '（' };

/** `《》`, `“”`, `()` and `（）` balanced within each paragraph and footnote. */
export const bracketPairs: Rule = {
  id: 'bracket-pairs',
  defaultSeverity: 'error',
  description: 'Brackets or quotation marks (《》 “” () （）) are not balanced within a paragraph.',
  messages,
  check({ model, say }) {
    const findings: RuleFinding[] = [];
    const text = model.text;
    for (const span of runningText(model)) {
      const stack: { ch: string; at: number }[] = [];
      for (let i = span.start; i < span.end; i++) {
        // Most characters are none of the eight marks: a numeric test keeps the scan cheap.
        if (!isBracketCode(text.charCodeAt(i))) continue;
        const ch = text[i];
        const family = FAMILY[ch];
        if (OPENERS.has(ch)) {
          stack.push({ ch, at: i });
          continue;
        }
        const top = stack[stack.length - 1];
        if (top && FAMILY[top.ch] === family) {
          stack.pop();
          continue;
        }
        const index = stack.map((s) => FAMILY[s.ch]).lastIndexOf(family);
        if (index >= 0) {
          // Something opened inside was left open: report it, then close this pair.
          const inner = stack[stack.length - 1];
          findings.push({
            span: { start: i, end: i + 1 },
            message: say(messages, 'mismatch', { open: inner.ch, close: ch }),
            related: [{ span: { start: inner.at, end: inner.at + 1 }, message: say(messages, 'opened', { open: inner.ch }) }],
          });
          stack.length = index;
          continue;
        }
        findings.push({ span: { start: i, end: i + 1 }, message: say(messages, 'unopened', { open: OPENER_OF[ch], close: ch }) });
      }
      for (const open of stack) {
        findings.push({ span: { start: open.at, end: open.at + 1 }, message: say(messages, 'unclosed', { open: open.ch, close: CLOSER_OF[open.ch] }) });
      }
    }
    return findings;
  },
};
