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
    unnumbered: (p) => `This operative paragraph has no number, while the paragraphs around it are numbered: it is paragraph ${p.expected}.`,
  },
  zh: {
    start: (p) => `执行段落应从 1 开始编号；此段编为 ${p.n}。`,
    gap: (p) => `第 ${p.n} 段接在第 ${p.previous} 段之后：缺少第 ${p.expected} 段。`,
    repeat: (p) => `段落编号 ${p.n} 重复；此处应为 ${p.expected}。`,
    order: (p) => `第 ${p.n} 段接在第 ${p.previous} 段之后：此处应为 ${p.expected}。`,
    previous: (p) => `第 ${p.n} 段在此。`,
    form: (p) => `第 ${p.n} 段编号写作“${p.text}”；决议写作“${p.normal}”。`,
    formFix: (p) => `改为“${p.normal}”`,
    unnumbered: (p) => `此执行段落没有编号，而前后段落均有编号：此段应为第 ${p.expected} 段。`,
  },
} satisfies Rule['messages'];

/**
 * Numbered top-level operative paragraphs, grouped by numbered list (a text may restart at 1).
 * With `unnumbered`, a list also holds, in their places, the operative paragraphs without a number
 * that stand among its numbered ones (a number deleted or mistyped: `**决定**……` between 2. and
 * 4.); a text whose operative paragraphs are none of them numbered (a lone `决定……。`) has no list.
 */
export function numberedLists(operative: readonly Paragraph[], unnumbered = false): Paragraph[][] {
  const lists = new Map<number, Paragraph[]>();
  for (const p of operative) {
    const numbered = p.kind === 'operative' && p.label !== undefined;
    if (!numbered && !(unnumbered && p.kind === 'unnumbered' && p.part === 'operative')) continue;
    const list = lists.get(p.sequence) ?? [];
    list.push(p);
    lists.set(p.sequence, list);
  }
  return [...lists.values()].filter((list) => list.some((p) => p.label));
}

/**
 * Operative paragraphs are numbered 1…n with no gap or repeat. The finding sits on the paragraph
 * whose number is wrong; counting goes on from its number, so one slip gives one finding. An
 * operative paragraph without a number among numbered ones is an error too (only a lone operative
 * paragraph goes unnumbered, ../shared/conventions.md); it takes its place in the count, so the
 * paragraphs after it are not also reported, and the fix numbers it with the rest.
 */
export const operativeNumbering: Rule = {
  id: 'operative-numbering',
  defaultSeverity: 'error',
  description: 'Operative paragraphs are not numbered 1, 2, 3 … in order.',
  messages,
  check({ model, say }) {
    const findings: RuleFinding[] = [];
    // Working papers are numbered prose with unnumbered lines of their own: resolutions only.
    for (const list of numberedLists(model.operative, model.shape === 'resolution')) {
      // The stop the draft's regular labels use (`1.`, or `1．` in older texts).
      const regular = (text: string) => /^\d+[.．]$/.test(text);
      const stop = list.find((p) => p.label && regular(p.label.text))?.label!.text.slice(-1) ?? '.';
      let previous: Paragraph | undefined;
      /** The number the last paragraph counted has (an unnumbered one: the number it should have). */
      let counted = 0;
      for (const p of list) {
        if (!p.label) {
          counted++;
          findings.push({
            span: p.opener?.span ?? { start: p.span.start, end: Math.min(p.span.end, p.span.start + 8) },
            message: say(messages, 'unnumbered', { expected: counted }),
            related: previous ? [{ span: previous.label!.span, message: say(messages, 'previous', { n: previous.label!.value }) }] : undefined,
            data: { fix: 'renumber-paragraphs' },
          });
          continue;
        }
        const n = p.label.value;
        if (!regular(p.label!.text)) {
          // `１．` (full-width digits) or `1、`: a warning with the regular form as its fix.
          const normal = `${n}${stop}`;
          findings.push({
            span: p.label!.span,
            severity: 'warning',
            message: say(messages, 'form', { n, text: p.label!.text, normal }),
            // `3、**决定**` typed without a space: the label as the corpus writes it, `3. ` and its space.
            data: { fix: 'replace', newText: /\s/.test(model.text[p.label!.span.end] ?? '') ? normal : `${normal} `, title: say(messages, 'formFix', { normal }) },
          });
        }
        const expected = counted + 1;
        // After unnumbered paragraphs at the top of the list, their finding's fix numbers this one too.
        if (n !== expected && (previous || counted === 0)) {
          const key = !previous ? 'start' : n === previous.label!.value ? 'repeat' : n > expected ? 'gap' : 'order';
          findings.push({
            span: p.label!.span,
            message: say(messages, key, { n, expected, previous: previous?.label!.value ?? 0 }),
            related: previous ? [{ span: previous.label!.span, message: say(messages, 'previous', { n: previous.label!.value }) }] : undefined,
            data: { fix: 'renumber-paragraphs' },
          });
        }
        previous = p;
        counted = n;
      }
    }
    return findings;
  },
};
