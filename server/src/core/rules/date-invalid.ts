import type { Rule } from './types';

const messages = {
  en: { invalid: (p) => `${p.year}-${p.month}-${p.day} is not a real date: ${p.why}.`, month: () => 'there is no such month', day: (p) => `that month has ${p.days} days` },
  zh: { invalid: (p) => `${p.year} 年 ${p.month} 月 ${p.day} 日不是真实存在的日期：${p.why}。`, month: () => '没有这个月份', day: (p) => `该月只有 ${p.days} 天` },
} satisfies Rule['messages'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date that does not exist, such as `2021 年 2 月 30 日`. */
export const dateInvalid: Rule = {
  id: 'date-invalid',
  scope: 'paragraph',
  defaultSeverity: 'error',
  description: 'A date does not exist (2 月 30 日, 13 月).',
  messages,
  check({ model, say }) {
    return model.dates
      .filter((d) => !d.valid)
      .map((d) => ({
        span: d.span,
        message: say(messages, 'invalid', {
          year: d.year,
          month: d.month,
          day: d.day,
          why: d.month < 1 || d.month > 12 ? say(messages, 'month') : say(messages, 'day', { days: daysIn(d.year, d.month) }),
        }),
      }));
  },
};
