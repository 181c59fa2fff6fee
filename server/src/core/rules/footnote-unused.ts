import { NumberSet } from './text-parts';
import type { Rule, RuleFinding } from './types';

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
    // The numbers cited, as bytes: a `Set` of a million markers' numbers grew faster than the draft.
    const cited = NumberSet.forCount(model.markers.length);
    for (const m of model.markers) cited.add(m.number);
    const findings: RuleFinding[] = [];
    for (const f of model.footnotes) {
      if (cited.has(f.number)) continue;
      findings.push({
        span: f.numberSpan,
        message: say(messages, 'unused', { n: f.number, sup: model.text.slice(f.numberSpan.start, f.numberSpan.end) }),
        data: { fix: 'remove-footnote', line: f.line },
      });
    }
    return findings;
  },
};
