import type { Paragraph } from '../model';
import type { Rule, RuleFinding } from './types';

const messages = {
  en: {
    missing: (p) => `There is no paragraph ${p.n} for this reference to point to.`,
    notAbove: (p) => `“上文” (above) points at paragraph ${p.n}, but paragraph ${p.n} is not above this one.`,
    notBelow: (p) => `“下文” (below) points at paragraph ${p.n}, but paragraph ${p.n} is not below this one.`,
    target: (p) => `Paragraph ${p.n} is here.`,
  },
  zh: {
    missing: (p) => `没有第 ${p.n} 段可供此处引用。`,
    notAbove: (p) => `“上文”指第 ${p.n} 段，但第 ${p.n} 段不在此段之上。`,
    notBelow: (p) => `“下文”指第 ${p.n} 段，但第 ${p.n} 段不在此段之下。`,
    target: (p) => `第 ${p.n} 段在此。`,
  },
} satisfies Rule['messages'];

/**
 * `上文第 N 段` / `下文第 N 段` / `本决议第 N 段` must point at an operative paragraph that exists, above
 * or below as it says. In a text whose numbering restarts, the reference counts in its own list.
 */
export const crossReference: Rule = {
  id: 'cross-reference',
  defaultSeverity: 'error',
  description: 'A reference to paragraph N (上文/下文第 N 段) points at a paragraph that does not exist or is on the wrong side.',
  messages,
  check({ model, say }) {
    const findings: RuleFinding[] = [];
    if (!model.operative.some((p) => p.label)) return findings;
    // Numbered operative paragraphs by list and number, in text order.
    // The numbered paragraphs of each list (sequence 0, 1, … in text order) by their number: a
    // small map per list, not one map of every paragraph keyed by strings (a file of many texts
    // has hundreds of thousands, and each lookup built and hashed a string).
    const numbered: Map<number, Paragraph[]>[] = [];
    for (const p of model.operative) {
      if (!p.label || p.kind !== 'operative') continue;
      const lists = (numbered[p.sequence] ??= new Map());
      const list = lists.get(p.label.value);
      if (list) list.push(p);
      else lists.set(p.label.value, [p]);
    }
    for (const ref of model.crossReferences) {
      // Only references in the text itself: footnotes cite paragraphs of other documents.
      if (!ref.from) continue;
      const from = ref.from;
      let top = from;
      while (top.parent) top = top.parent;
      const sequence = from.part === 'operative' ? top.sequence : 0;
      const candidates = numbered[sequence]?.get(ref.paragraphNumber) ?? [];
      if (candidates.length === 0) {
        findings.push({ span: ref.numberSpan, message: say(messages, 'missing', { n: ref.paragraphNumber }) });
        continue;
      }
      if (ref.direction === 'this') continue;
      // The candidates are in text order: the first is the highest up, the last the lowest down.
      const ok = ref.direction === 'above' ? candidates[0].span.start < top.span.start : candidates[candidates.length - 1].span.start > top.span.start;
      if (!ok) {
        findings.push({
          span: ref.numberSpan,
          message: say(messages, ref.direction === 'above' ? 'notAbove' : 'notBelow', { n: ref.paragraphNumber }),
          related: [{ span: candidates[0].label!.span, message: say(messages, 'target', { n: ref.paragraphNumber }) }],
        });
      }
    }
    return findings;
  },
};
