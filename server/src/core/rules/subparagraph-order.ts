import type { Paragraph } from '../model';
import { toChineseNumeral, toLatinLetter, toRoman } from '../parse/numbers';
import type { Rule, RuleFinding } from './types';

const messages = {
  en: {
    order: (p) => `Subparagraph ${p.label} should be ${p.expected} here: subparagraphs run in order without gaps.`,
    style: (p) => `Subparagraph ${p.label} is labelled differently from the ones before it (${p.first}).`,
    level: (p) => `Subparagraph ${p.label} is a third-level label (㈠, (i)) but stands directly under a paragraph; use (a), (b) … at this level.`,
    second: (p) => `Subparagraph ${p.label} is a second-level label under a subparagraph; use ㈠, ㈡ … (or (i), (ii) …) at this level.`,
  },
  zh: {
    order: (p) => `此处分段 ${p.label} 应为 ${p.expected}：分段应依次编号，不得跳号。`,
    style: (p) => `分段 ${p.label} 的编号形式与前面的分段(${p.first})不同。`,
    level: (p) => `分段 ${p.label} 是第三级编号(㈠、(i))，却直接位于段落之下；此级应使用 (a)、(b)……。`,
    second: (p) => `分段 ${p.label} 是第二级编号，却位于分段之下；此级应使用 ㈠、㈡……(或 (i)、(ii)……)。`,
  },
} satisfies Rule['messages'];

/** The label a subparagraph at position `value` gets in `style`. */
export function labelFor(style: NonNullable<Paragraph['label']>['style'], value: number, fullWidthParens = false): string {
  const wrap = (s: string) => (fullWidthParens ? `（${s}）` : `(${s})`);
  switch (style) {
    case 'latin':
      return wrap(toLatinLetter(value));
    case 'roman':
      return wrap(toRoman(value));
    case 'circled':
      return value >= 1 && value <= 10 ? String.fromCharCode(0x3220 + value - 1) : wrap(String(value));
    case 'chinese-parenthesized':
      return wrap(toChineseNumeral(value));
    default:
      return `${value}.`;
  }
}

/**
 * Subparagraphs run (a), (b), … under a paragraph and ㈠, ㈡ … (or (i), (ii) …) under a
 * subparagraph, each list from the first label, in order, in one style.
 */
export const subparagraphOrder: Rule = {
  id: 'subparagraph-order',
  defaultSeverity: 'error',
  description: 'Subparagraphs are out of order, skipped, restarted or at the wrong level.',
  messages,
  check({ model, say }) {
    const findings: RuleFinding[] = [];
    const text = model.text;
    const visit = (parent: Paragraph) => {
      const children = parent.children.filter((c) => c.label);
      let expected = 1;
      const firstStyle = children[0]?.label?.style;
      for (const c of children) {
        const label = c.label!;
        const written = text.slice(label.span.start, label.span.end);
        if (parent.level === 0 && c.level === 2) {
          findings.push({ span: label.span, message: say(messages, 'level', { label: written }) });
        } else if (parent.level === 1 && c.level === 1) {
          findings.push({ span: label.span, message: say(messages, 'second', { label: written }) });
        } else if (label.style !== firstStyle) {
          findings.push({ span: label.span, message: say(messages, 'style', { label: written, first: text.slice(children[0].label!.span.start, children[0].label!.span.end) }) });
        } else if (label.value !== expected) {
          const full = written.startsWith('（');
          findings.push({ span: label.span, message: say(messages, 'order', { label: written, expected: labelFor(label.style, expected, full) }), data: { fix: 'reletter-subparagraphs' } });
        }
        expected = label.value + 1;
        visit(c);
      }
    };
    for (const p of [...model.preamble, ...model.operative]) visit(p);
    return findings;
  },
};
