import type { ResolutionCitation } from '../model';
import type { Rule, RuleFinding } from './types';

/** `2019-12-12` as Chinese text writes it: `2019 年 12 月 12 日`. */
const zhDate = (iso: unknown) => String(iso).replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, d: string) => `${y} 年 ${Number(m)} 月 ${Number(d)} 日`);
const zhDates = (isos: unknown) => String(isos).split(', ').map(zhDate).join('、');

const messages = {
  en: {
    draft: (p) => `Resolution ${p.key} is cited here as adopted on ${p.date}, but elsewhere in this draft on ${p.other}.`,
    other: (p) => `Cited here as adopted on ${p.date}.`,
    corpus: (p) => `Resolution ${p.key} is cited here as adopted on ${p.date}; the corpus cites it as adopted on ${p.dates}.`,
    future: (p) => `Resolution ${p.key} is cited as adopted on ${p.date}, after this document's own date (${p.own}).`,
    fixTitle: (p) => `Write ${p.text}`,
  },
  zh: {
    draft: (p) => `此处引用第 ${p.key} 号决议的通过日期为 ${zhDate(p.date)}，但本草案别处为 ${zhDate(p.other)}。`,
    other: (p) => `此处引用的通过日期为 ${zhDate(p.date)}。`,
    corpus: (p) => `此处引用第 ${p.key} 号决议的通过日期为 ${zhDate(p.date)}；语料中的日期为 ${zhDates(p.dates)}。`,
    future: (p) => `第 ${p.key} 号决议的通过日期 ${zhDate(p.date)} 晚于本文件自身的日期(${zhDate(p.own)})。`,
    fixTitle: (p) => `改为 ${p.text}`,
  },
} satisfies Rule['messages'];

/**
 * The date as written (`2019 年 12 月 13 日`, `2019年12月13日`) with the numbers of `iso` put in:
 * the drafter's own spacing and words are kept.
 */
export function rewriteDate(written: string, iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const numbers = [year, month, day];
  let i = 0;
  return written.replace(/\d+/g, (n) => (i < 3 ? String(numbers[i++]) : n));
}

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
  check({ model, facts, today, say }) {
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
        const text = rewriteDate(model.text.slice(c.date.span.start, c.date.span.end), first.date!.iso);
        findings.push({
          span: c.date.span,
          message: say(messages, 'draft', { key: c.key, date, other: first.date!.iso }),
          related: [{ span: first.date!.span, message: say(messages, 'other', { date: first.date!.iso }) }],
          data: { fix: 'replace', newText: text, title: say(messages, 'fixTitle', { text }) },
        });
        continue;
      }
      if (first && first !== c) continue;
      const dates = c.symbol && facts ? facts.citedDates(c.symbol) : undefined;
      if (dates && dates.length > 0 && !dates.includes(date)) {
        // One date in the corpus is the date to write; several mean the corpus disagrees with itself.
        const text = dates.length === 1 ? rewriteDate(model.text.slice(c.date.span.start, c.date.span.end), dates[0]) : undefined;
        findings.push({
          span: c.date.span,
          message: say(messages, 'corpus', { key: c.key, date, dates: dates.join(', ') }),
          data: text ? { fix: 'replace', newText: text, title: say(messages, 'fixTitle', { text }) } : undefined,
        });
      }
    }
    return findings;
  },
};
