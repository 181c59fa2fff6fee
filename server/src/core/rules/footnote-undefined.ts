import { NumberSet } from './text-parts';
import type { Rule } from './types';

const messages = {
  en: {
    missing: (p) => `Footnote ${p.n} is cited here but has no footnote text. Add the text under the footnote line.`,
    empty: (p) => `Footnote ${p.n} has no text yet: write its source after the number.`,
  },
  zh: {
    missing: (p) => `此处引用了脚注 ${p.n}，但没有脚注文字。请在脚注线下补上。`,
    empty: (p) => `脚注 ${p.n} 还没有文字：请在编号后写明出处。`,
  },
} satisfies Rule['messages'];

/**
 * A footnote marker whose number has no footnote text, reported on the first marker with that
 * number; and a footnote line that has its number but no text yet.
 */
export const footnoteUndefined: Rule = {
  id: 'footnote-undefined',
  defaultSeverity: 'error',
  description: 'A footnote marker has no footnote text.',
  messages,
  check({ model, say }) {
    // The numbers as bytes: a `Set` of a million footnotes' numbers grew faster than the draft.
    const defined = NumberSet.forCount(model.footnotes.length);
    for (const f of model.footnotes) defined.add(f.number);
    const reported = NumberSet.forCount(model.markers.length);
    const findings = [];
    for (const m of model.markers) {
      if (defined.has(m.number) || reported.has(m.number)) continue;
      reported.add(m.number);
      findings.push({ span: m.span, message: say(messages, 'missing', { n: m.number }), data: { fix: 'footnote-stub' as const, number: m.number } });
    }
    for (const f of model.footnotes) {
      if (f.textSpan.start < f.textSpan.end) continue;
      findings.push({ span: f.numberSpan, message: say(messages, 'empty', { n: f.number }) });
    }
    return findings;
  },
};
