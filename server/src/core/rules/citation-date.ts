import type { ResolutionCitation } from '../model';
import type { Rule, RuleFinding } from './types';

const messages = {
  en: {
    draft: (p) => `Resolution ${p.key} is cited here as adopted on ${p.date}, but elsewhere in this draft on ${p.other}.`,
    other: (p) => `Cited here as adopted on ${p.date}.`,
    corpus: (p) => `Resolution ${p.key} is cited here as adopted on ${p.date}; the corpus cites it as adopted on ${p.dates}.`,
    future: (p) => `Resolution ${p.key} is cited as adopted on ${p.date}, after this document's own date (${p.own}).`,
  },
  zh: {
    draft: (p) => `此处引用第 ${p.key} 号决议的通过日期为 ${p.date}，但本草案别处为 ${p.other}。`,
    other: (p) => `此处引用的通过日期为 ${p.date}。`,
    corpus: (p) => `此处引用第 ${p.key} 号决议的通过日期为 ${p.date}；语料中的日期为 ${p.dates}。`,
    future: (p) => `第 ${p.key} 号决议的通过日期 ${p.date} 晚于本文件自身的日期(${p.own})。`,
  },
} satisfies Rule['messages'];

/**
 * The same resolution carries the same adoption date wherever it is cited: in this draft and in
 * the corpus catalogue. A cited date may not be later than the document's own date (or today,
 * for a draft without one).
 */
export const citationDate: Rule = {
  id: 'citation-date',
  defaultSeverity: 'warning',
  description: 'A resolution is cited with a different adoption date than elsewhere, or with a date in the future.',
  messages,
  check({ model, catalogue, today, say }) {
    const findings: RuleFinding[] = [];
    const firstByKey = new Map<string, ResolutionCitation>();
    const own = model.facts.date?.valid ? model.facts.date.iso : today.toISOString().slice(0, 10);
    for (const c of model.citations) {
      if (!c.date || !c.date.valid) continue;
      const date = c.date.iso;
      const first = firstByKey.get(c.key);
      if (!first) firstByKey.set(c.key, c);
      if (date > own) {
        findings.push({ span: c.date.span, message: say(messages, 'future', { key: c.key, date, own }) });
        continue;
      }
      if (first && first.date!.iso !== date) {
        findings.push({
          span: c.date.span,
          message: say(messages, 'draft', { key: c.key, date, other: first.date!.iso }),
          related: [{ span: first.date!.span, message: say(messages, 'other', { date: first.date!.iso }) }],
        });
        continue;
      }
      if (first && first !== c) continue;
      const entry = c.symbol ? catalogue?.cited.find((d) => d.symbol === c.symbol) : undefined;
      if (entry && entry.dates.length > 0 && !entry.dates.includes(date)) {
        findings.push({ span: c.date.span, message: say(messages, 'corpus', { key: c.key, date, dates: entry.dates.join(', ') }) });
      }
    }
    return findings;
  },
};
