import { placeholderPatterns, placeholderTitles } from '../lang/zh-template';
import { isSeparatorLine } from '../parse/parser';
import type { Rule, RuleFinding } from './types';

const messages = {
  en: {
    letters: (p) => `“${p.text}” is a placeholder still to be filled in.`,
    underscores: (p) => `“${p.text}” is a placeholder still to be filled in.`,
    ellipsis: () => '“……” stands for text still to be written.',
    title: (p) => `“${p.text}” stands for the resolution's title, still to be written.`,
  },
  zh: {
    letters: (p) => `“${p.text}”是尚待填写的占位符。`,
    underscores: (p) => `“${p.text}”是尚待填写的占位符。`,
    ellipsis: () => '“……”处的文字尚待填写。',
    title: (p) => `“${p.text}”处应写决议标题。`,
  },
} satisfies Rule['messages'];

/**
 * A placeholder left in the draft: `XX/XX.`, `XXXX 年 XX 月 XX 日`, `第 XX 次`, `76/__.`, `……`
 * (after an opener, in a footnote `³ ……。`), the template's `决议标题`. Reported as information
 * until it is filled; `%%` comment lines are left alone.
 */
export const placeholder: Rule = {
  id: 'placeholder',
  defaultSeverity: 'info',
  description: 'A placeholder still to be filled in (XX/XX., XXXX 年 XX 月 XX 日, 第 XX 次, ……).',
  messages,
  // A placeholder lies on its line, found in its text; the title's on the title line.
  scope: 'paragraph',
  check({ model, say, lines }) {
    const comments = new Set(model.comments.map((c) => c.line));
    const found: RuleFinding[] = [];
    const count = lines ? lines.length : model.lines.lineCount;
    for (let i = 0; i < count; i++) {
      const line = lines ? lines[i] : i;
      if (comments.has(line)) continue;
      const text = model.lines.lineText(line);
      // A line of underscores alone is the footnote separator (______), not a blank to fill.
      if (isSeparatorLine(text.trim())) continue;
      const start = model.lines.lineStarts[line];
      for (const { pattern, what } of placeholderPatterns) {
        for (const m of text.matchAll(pattern)) {
          found.push({ span: { start: start + m.index, end: start + m.index + m[0].length }, message: say(messages, what, { text: m[0] }) });
        }
      }
    }
    const title = model.title;
    if (title && placeholderTitles.includes(title.title.trim())) {
      found.push({ span: title.titleSpan, message: say(messages, 'title', { text: title.title.trim() }) });
    }
    return found;
  },
};
