import type { Rule } from './types';

const messages = {
  en: { first: () => '同上 (Ibid.) refers to the footnote before it, but this is the first footnote. Write the full source.' },
  zh: { first: () => '“同上”指上一条脚注的出处，但这是第一条脚注。请写出完整出处。' },
} satisfies Rule['messages'];

/** `同上` with no preceding footnote text to refer to. */
export const footnoteIbid: Rule = {
  id: 'footnote-ibid',
  defaultSeverity: 'error',
  description: '同上 (Ibid.) stands in a footnote with no footnote before it.',
  messages,
  check({ model, say }) {
    const first = model.footnotes[0];
    if (!first || !first.ibid) return [];
    return [{ span: { start: first.textSpan.start, end: first.textSpan.start + 2 }, message: say(messages, 'first') }];
  },
};
