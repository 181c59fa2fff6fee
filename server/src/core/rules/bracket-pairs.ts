import type { Rule, RuleFinding } from './types';
import { IntStack, runningText } from './text-parts';

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
const TITLE = 0;
const QUOTE = 1;
const PAREN = 2;
/** The family of a mark (0 title, 1 quote, 2 parenthesis) and whether it opens, or -1 for any other character. */
function familyOf(c: number): number {
  switch (c) {
    case 0x300a: // 《
    case 0x300b: // 》
      return TITLE;
    case 0x201c: // “
    case 0x201d: // ”
      return QUOTE;
    case 0x28: // (
    case 0x29: // )
    case 0xff08: // （
    case 0xff09: // ）
      return PAREN;
    default:
      return -1;
  }
}
const isOpener = (c: number) => c === 0x300a || c === 0x201c || c === 0x28 || c === 0xff08;
const CLOSER_OF: Record<string, string> = { '《': '》', '“': '”', '(': ')', '（': '）' };
const OPENER_OF: Record<string, string> = { '》': '《', '”': '“', ')': '(', '）': '（' };

/** Findings per paragraph at most: a damaged paragraph may hold thousands of faults. */
export const BRACKET_FINDINGS_PER_PARAGRAPH = 3;
/** How many of the faults beyond those the last finding points to (related information). */
const MORE_SHOWN = 3;

/** The stacks one check reuses for every paragraph (a typed array per paragraph costs more than the scan). */
interface Stacks {
  stack: IntStack;
  families: IntStack;
  open: IntStack[];
}

/** A closer that does not close the mark before it: `inner` is the open mark it skips (a mismatch), or -1 (it closes nothing). */
interface CloserFault {
  at: number;
  inner: number;
}

/**
 * The bracket faults of one stretch of text: the closers that close nothing or skip an open mark,
 * and the marks left open, each in text order. One pass over the text: an open mark is found on
 * the stack of its own family, so a closer that skips over marks left open costs no rescan, and
 * marks are kept as offsets (350 KB of nested brackets stay linear and light).
 */
function faultsIn(text: string, span: { start: number; end: number }, stacks: Stacks): { closers: CloserFault[]; unclosed: IntStack } {
  const closers: CloserFault[] = [];
  // Offsets of the open marks, innermost last; and per family, their places in `stack`.
  const { stack, families, open } = stacks;
  for (const s of [stack, families, ...open]) s.length = 0;
  for (let i = span.start; i < span.end; i++) {
    const c = text.charCodeAt(i);
    const family = familyOf(c);
    if (family < 0) continue;
    if (isOpener(c)) {
      open[family].push(stack.length);
      stack.push(i);
      families.push(family);
      continue;
    }
    const top = families.length - 1;
    if (top >= 0 && families.at(top) === family) {
      stack.pop();
      families.pop();
      open[family].pop();
      continue;
    }
    const own = open[family];
    if (own.length > 0) {
      // Something opened inside was left open: report it, then close this pair.
      closers.push({ at: i, inner: stack.at(top) });
      const index = own.at(own.length - 1);
      while (stack.length > index) {
        stack.pop();
        open[families.pop()!].pop();
      }
      continue;
    }
    closers.push({ at: i, inner: -1 });
  }
  return { closers, unclosed: stack };
}

/**
 * `《》`, `“”`, `()` and `（）` balanced within each paragraph and footnote. A paragraph gives at
 * most three findings, on its first faults; the last of them counts the rest in its message (a
 * damaged paragraph may hold thousands) and points to the next few.
 */
export const bracketPairs: Rule = {
  id: 'bracket-pairs',
  scope: 'paragraph',
  defaultSeverity: 'error',
  description: 'Brackets or quotation marks (《》 “” () （）) are not balanced within a paragraph.',
  messages,
  check({ model, say }) {
    const findings: RuleFinding[] = [];
    const text = model.text;
    const closerFinding = (f: CloserFault): RuleFinding => {
      const ch = text[f.at];
      if (f.inner < 0) return { span: { start: f.at, end: f.at + 1 }, message: say(messages, 'unopened', { open: OPENER_OF[ch], close: ch }) };
      const inner = text[f.inner];
      return {
        span: { start: f.at, end: f.at + 1 },
        message: say(messages, 'mismatch', { open: inner, close: ch }),
        related: [{ span: { start: f.inner, end: f.inner + 1 }, message: say(messages, 'opened', { open: inner }) }],
      };
    };
    const unclosedFinding = (at: number): RuleFinding => ({ span: { start: at, end: at + 1 }, message: say(messages, 'unclosed', { open: text[at], close: CLOSER_OF[text[at]] }) });
    const limit = BRACKET_FINDINGS_PER_PARAGRAPH;
    const stacks: Stacks = { stack: new IntStack(), families: new IntStack(), open: [new IntStack(), new IntStack(), new IntStack()] };
    for (const span of runningText(model)) {
      const { closers, unclosed } = faultsIn(text, span, stacks);
      const count = closers.length + unclosed.length;
      if (count === 0) continue;
      // The first faults in text order, from the two lists (each in text order); the rest are counted.
      const first: RuleFinding[] = [];
      let a = 0;
      let b = 0;
      while (first.length < limit + MORE_SHOWN && (a < closers.length || b < unclosed.length)) {
        if (b >= unclosed.length || (a < closers.length && closers[a].at < unclosed.at(b))) first.push(closerFinding(closers[a++]));
        else first.push(unclosedFinding(unclosed.at(b++)));
      }
      for (const f of first.slice(0, limit)) findings.push(f);
      if (count > limit) {
        const last = findings[findings.length - 1];
        last.message += say(messages, 'more', { n: count - limit });
        last.related = [...(last.related ?? []), ...first.slice(limit).map((f) => ({ span: f.span, message: f.message }))];
      }
    }
    return findings;
  },
};
