import type { Rule } from './types';

const messages = {
  en: { unused: (p) => `Footnote ${p.n} is never cited: no marker ${p.sup} in the text refers to it.` },
  zh: { unused: (p) => `脚注 ${p.n} 未被引用：正文中没有标注 ${p.sup}。` },
} satisfies Rule['messages'];

/** A footnote text that no marker cites. */
export const footnoteUnused: Rule = {
  id: 'footnote-unused',
  defaultSeverity: 'warning',
  description: 'A footnote text is not cited anywhere in the text.',
  messages,
  check({ model, say }) {
    const cited = new Set(model.markers.map((m) => m.number));
    return model.footnotes
      .filter((f) => !cited.has(f.number))
      .map((f) => ({
        span: f.numberSpan,
        message: say(messages, 'unused', { n: f.number, sup: model.text.slice(f.numberSpan.start, f.numberSpan.end) }),
        data: { fix: 'remove-footnote' as const, line: f.line },
      }));
  },
};
