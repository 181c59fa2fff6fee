import { NumberSet } from './text-parts';
import type { Rule, RuleFinding } from './types';

const messages = {
  en: {
    marker: (p) => `Footnote ${p.n} is introduced before footnote ${p.expected}: footnotes are numbered in the order they first appear.`,
    text: (p) => `Footnote text ${p.n} stands after footnote text ${p.previous}: list the footnote texts in number order.`,
    firstUse: () => 'Footnote numbers used so far end here.',
  },
  zh: {
    marker: (p) => `脚注 ${p.n} 出现在脚注 ${p.expected} 之前：脚注应按首次出现的顺序编号。`,
    text: (p) => `脚注文字 ${p.n} 排在脚注文字 ${p.previous} 之后：脚注文字应按编号顺序排列。`,
    firstUse: () => '此前使用的脚注编号到此为止。',
  },
} satisfies Rule['messages'];

/**
 * Footnotes are numbered 1, 2, 3 … in order of first appearance. A later marker with a number
 * already used is a reuse (footnote-reuse), not an order fault.
 */
export const footnoteOrder: Rule = {
  id: 'footnote-order',
  defaultSeverity: 'warning',
  description: 'Footnotes are not numbered in the order they first appear.',
  messages,
  check({ model, say }) {
    const findings: RuleFinding[] = [];
    // The numbers seen, as bytes: a `Set` of a million markers' numbers grew faster than the draft.
    const seen = NumberSet.forCount(model.markers.length);
    let highest = 0;
    let reported = false;
    for (const m of model.markers) {
      if (seen.has(m.number)) continue;
      seen.add(m.number);
      if (m.number !== highest + 1 && !reported) {
        // Once the order is broken every later number is off too; one finding, one fix.
        reported = true;
        findings.push({ span: m.span, message: say(messages, 'marker', { n: m.number, expected: highest + 1 }), data: { fix: 'renumber-footnotes' } });
      }
      highest = Math.max(highest, m.number);
    }
    for (let i = 1; i < model.footnotes.length; i++) {
      const f = model.footnotes[i];
      const previous = model.footnotes[i - 1];
      if (f.number < previous.number) {
        findings.push({ span: f.numberSpan, message: say(messages, 'text', { n: f.number, previous: previous.number }), data: { fix: 'renumber-footnotes' } });
        break;
      }
    }
    return findings;
  },
};
