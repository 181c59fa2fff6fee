import type { Paragraph } from '../model';
import type { Rule, RuleFinding } from './types';

const messages = {
  en: {
    start: (p) => `Operative paragraphs are numbered from 1; this one is numbered ${p.n}.`,
    gap: (p) => `Paragraph ${p.n} follows paragraph ${p.previous}: number ${p.expected} is missing.`,
    repeat: (p) => `Paragraph number ${p.n} is used again; this should be ${p.expected}.`,
    order: (p) => `Paragraph ${p.n} follows paragraph ${p.previous}: this should be ${p.expected}.`,
    previous: (p) => `Paragraph ${p.n} is here.`,
    form: (p) => `Paragraph ${p.n} is numbered “${p.text}”; resolutions write “${p.normal}”.`,
    formFix: (p) => `Write “${p.normal}”`,
  },
  zh: {
    start: (p) => `执行段落应从 1 开始编号；此段编为 ${p.n}。`,
    gap: (p) => `第 ${p.n} 段接在第 ${p.previous} 段之后：缺少第 ${p.expected} 段。`,
    repeat: (p) => `段落编号 ${p.n} 重复；此处应为 ${p.expected}。`,
    order: (p) => `第 ${p.n} 段接在第 ${p.previous} 段之后：此处应为 ${p.expected}。`,
    previous: (p) => `第 ${p.n} 段在此。`,
    form: (p) => `第 ${p.n} 段编号写作“${p.text}”；决议写作“${p.normal}”。`,
    formFix: (p) => `改为“${p.normal}”`,
  },
} satisfies Rule['messages'];

/** Numbered top-level operative paragraphs, grouped by numbered list (a text may restart at 1). */
export function numberedLists(operative: readonly Paragraph[]): Paragraph[][] {
  const lists = new Map<number, Paragraph[]>();
  for (const p of operative) {
    if (p.kind !== 'operative' || !p.label) continue;
    const list = lists.get(p.sequence) ?? [];
    list.push(p);
    lists.set(p.sequence, list);
  }
  return [...lists.values()];
}

/**
 * Operative paragraphs are numbered 1…n with no gap or repeat. The finding sits on the paragraph
 * whose number is wrong; counting goes on from its number, so one slip gives one finding.
 */
export const operativeNumbering: Rule = {
  id: 'operative-numbering',
  defaultSeverity: 'error',
  description: 'Operative paragraphs are not numbered 1, 2, 3 … in order.',
  messages,
  check({ model, say }) {
    const findings: RuleFinding[] = [];
    for (const list of numberedLists(model.operative)) {
      // The stop the draft's regular labels use (`1.`, or `1．` in older texts).
      const regular = (text: string) => /^\d+[.．]$/.test(text);
      const stop = list.find((p) => regular(p.label!.text))?.label!.text.slice(-1) ?? '.';
      let previous: Paragraph | undefined;
      for (const p of list) {
        const n = p.label!.value;
        if (!regular(p.label!.text)) {
          // `１．` (full-width digits) or `1、`: a warning with the regular form as its fix.
          const normal = `${n}${stop}`;
          findings.push({
            span: p.label!.span,
            severity: 'warning',
            message: say(messages, 'form', { n, text: p.label!.text, normal }),
            data: { fix: 'replace', newText: normal, title: say(messages, 'formFix', { normal }) },
          });
        }
        const expected = previous ? previous.label!.value + 1 : 1;
        if (n !== expected) {
          const key = !previous ? 'start' : n === previous.label!.value ? 'repeat' : n > expected ? 'gap' : 'order';
          findings.push({
            span: p.label!.span,
            message: say(messages, key, { n, expected, previous: previous?.label!.value ?? 0 }),
            related: previous ? [{ span: previous.label!.span, message: say(messages, 'previous', { n: previous.label!.value }) }] : undefined,
            data: { fix: 'renumber-paragraphs' },
          });
        }
        previous = p;
      }
    }
    return findings;
  },
};
