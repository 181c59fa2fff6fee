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

/** A paragraph number the references of one list ask for: where it is, and the messages about it (made once). */
interface Target {
  first?: Paragraph;
  last?: Paragraph;
  missing?: string;
  notAbove?: string;
  notBelow?: string;
  related?: RuleFinding['related'];
}

/** The top-level paragraph a paragraph belongs to. */
function topOf(p: Paragraph): Paragraph {
  let top = p;
  while (top.parent) top = top.parent;
  return top;
}

/** The list whose numbers a reference in `from` counts in: its operative paragraph's, or the first. */
function sequenceOf(from: Paragraph, top: Paragraph): number {
  return from.part === 'operative' ? top.sequence : 0;
}

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
    // The numbers the references ask for, in each list (sequence 0, 1, … in text order): the
    // first and the last numbered paragraph of each, found in one pass over the paragraphs. Only
    // these are kept (a file of many texts has hundreds of thousands of numbered paragraphs, and
    // a list of them all grew faster than the file), and each target's messages are made once
    // (a damaged paragraph of 50 MB has 380,000 references to the same paragraph). Only
    // references in the text itself count: footnotes cite paragraphs of other documents.
    const targets: Map<number, Target>[] = [];
    for (const ref of model.crossReferences) {
      if (!ref.from) continue;
      const lists = (targets[sequenceOf(ref.from, topOf(ref.from))] ??= new Map());
      if (!lists.has(ref.paragraphNumber)) lists.set(ref.paragraphNumber, {});
    }
    for (const p of model.operative) {
      if (!p.label || p.kind !== 'operative') continue;
      const target = targets[p.sequence]?.get(p.label.value);
      if (!target) continue;
      target.first ??= p;
      target.last = p;
    }
    for (const ref of model.crossReferences) {
      if (!ref.from) continue;
      const top = topOf(ref.from);
      const n = ref.paragraphNumber;
      const target = targets[sequenceOf(ref.from, top)].get(n)!;
      const { first, last } = target;
      if (!first || !last) {
        findings.push({ span: ref.numberSpan, message: (target.missing ??= say(messages, 'missing', { n })) });
        continue;
      }
      if (ref.direction === 'this') continue;
      // In text order: the first is the highest up, the last the lowest down.
      const ok = ref.direction === 'above' ? first.span.start < top.span.start : last.span.start > top.span.start;
      if (!ok) {
        const key = ref.direction === 'above' ? 'notAbove' : 'notBelow';
        const message = (target[key] ??= say(messages, key, { n }));
        const related = (target.related ??= [{ span: first.label!.span, message: say(messages, 'target', { n }) }]);
        findings.push({ span: ref.numberSpan, message, related });
      }
    }
    return findings;
  },
};
