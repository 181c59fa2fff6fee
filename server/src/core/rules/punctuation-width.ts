import type { Span } from '../text';
import type { Rule, RuleFinding } from './types';
import type { TitleMention } from '../model';
import { IntStack, isChinese, isIdeographCode, runningText } from './text-parts';

const messages = {
  en: {
    half: (p) => `Half-width “${p.ch}” in Chinese text: write “${p.full}”.`,
    fixTitle: (p) => `Write “${p.full}”`,
    fullParens: () => 'Full-width parentheses “（）”: this document uses half-width “()” (setting parentheses).',
    halfParens: () => 'Half-width parentheses “()”: this document uses full-width “（）” (setting parentheses).',
    mixed: (p) => `Parentheses “${p.here}” here, but the document mostly uses “${p.main}”: keep one style.`,
    example: (p) => `“${p.main}” used here.`,
    fixParens: (p) => `Write “${p.wanted}”`,
  },
  zh: {
    half: (p) => `中文文字中使用了半角“${p.ch}”：应为“${p.full}”。`,
    fixTitle: (p) => `改为“${p.full}”`,
    fullParens: () => '全角括号“（）”：本文件使用半角“()”(设置 parentheses)。',
    halfParens: () => '半角括号“()”：本文件使用全角“（）”(设置 parentheses)。',
    mixed: (p) => `此处使用“${p.here}”，但本文件主要使用“${p.main}”：请统一括号样式。`,
    example: (p) => `此处使用“${p.main}”。`,
    fixParens: (p) => `改为“${p.wanted}”`,
  },
} satisfies Rule['messages'];

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：' };

interface ParenPair {
  open: number;
  close: number;
  full: boolean;
}

/** Parenthesis pairs around Chinese text; pairs around symbols and numbers (`(A/54/42)`, `(2004)`) are half-width in every era. */
function chineseParenPairs(text: string, spans: Span[]): ParenPair[] {
  const pairs: ParenPair[] = [];
  // Reused for every stretch: a typed array per paragraph costs more than the scan.
  const opens = new IntStack();
  const counts = new IntStack();
  for (const span of spans) {
    // Each open parenthesis with the count of ideographs before it: the pair holds one when the
    // count has grown by its close (no rescan of the inside, however deep the nesting).
    opens.length = 0;
    counts.length = 0;
    let ideographs = 0;
    for (let i = span.start; i < span.end; i++) {
      const code = text.charCodeAt(i);
      if (isIdeographCode(code)) {
        ideographs++;
        continue;
      }
      if (code !== 0x28 && code !== 0x29 && code !== 0xff08 && code !== 0xff09) continue;
      if (code === 0x28 || code === 0xff08) {
        opens.push(i);
        counts.push(ideographs);
      } else if (opens.length > 0) {
        const open = opens.pop()!;
        const before = counts.pop()!;
        const full = text.charCodeAt(open) === 0xff08;
        if ((code === 0xff09) !== full) continue; // a mixed pair: bracket-pairs and the eye see it
        if (ideographs > before) pairs.push({ open, close: i, full });
      }
    }
  }
  return pairs;
}

/**
 * Whether a stretch lies inside a title (《…》, brackets excluded). Titles never overlap (a title
 * holds no 《 or 》), so only the last title starting before the stretch can hold it: a binary search.
 */
function titleLookup(titles: readonly TitleMention[]): (open: number, close: number) => boolean {
  const sorted = [...titles].sort((a, b) => a.span.start - b.span.start);
  return (open, close) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].span.start < open) lo = mid + 1;
      else hi = mid;
    }
    const t = sorted[lo - 1];
    return !!t && close < t.span.end;
  };
}

/**
 * Half-width `,` `;` `:` between Chinese characters; and parentheses in the style the setting
 * `parentheses` asks for (`consistent`: the document's majority style).
 */
export const punctuationWidth: Rule = {
  id: 'punctuation-width',
  defaultSeverity: 'warning',
  description: 'Half-width punctuation in Chinese text, or parentheses in a style other than the document\'s.',
  messages,
  check({ model, settings, say }) {
    const findings: RuleFinding[] = [];
    const text = model.text;
    const spans = runningText(model);
    for (const span of spans) {
      for (let i = span.start; i < span.end; i++) {
        const code = text.charCodeAt(i);
        if (code !== 0x2c && code !== 0x3b && code !== 0x3a) continue; // , ; :
        const full = FULL[text[i]];
        let before = i - 1;
        while (before > span.start && text[before] === ' ') before--;
        let after = i + 1;
        while (after < span.end - 1 && text[after] === ' ') after++;
        if (isChinese(text[before]) && isChinese(text[after])) {
          findings.push({ span: { start: i, end: i + 1 }, message: say(messages, 'half', { ch: text[i], full }), data: { fix: 'replace', newText: full, title: say(messages, 'fixTitle', { full }) } });
        }
      }
    }
    // Parentheses inside a title in 《》 belong to the title as it was published.
    const inTitle = titleLookup(model.titles);
    const pairs = chineseParenPairs(text, spans).filter((p) => !inTitle(p.open, p.close));
    const fullCount = pairs.filter((p) => p.full).length;
    const halfCount = pairs.length - fullCount;
    let wantFull: boolean;
    if (settings.parentheses === 'full-width') wantFull = true;
    else if (settings.parentheses === 'half-width') wantFull = false;
    else wantFull = fullCount > halfCount; // a tie keeps the current (2018+) half-width style
    const example = pairs.find((p) => p.full === wantFull);
    for (const p of pairs) {
      if (p.full === wantFull) continue;
      const wanted = wantFull ? '（）' : '()';
      const message =
        settings.parentheses === 'consistent'
          ? say(messages, 'mixed', { here: p.full ? '（）' : '()', main: wanted })
          : say(messages, wantFull ? 'halfParens' : 'fullParens');
      const title = say(messages, 'fixParens', { wanted });
      findings.push({
        span: { start: p.open, end: p.open + 1 },
        message,
        related: example && settings.parentheses === 'consistent' ? [{ span: { start: example.open, end: example.open + 1 }, message: say(messages, 'example', { main: wanted }) }] : undefined,
        data: {
          fix: 'edits',
          title,
          edits: [
            { span: { start: p.open, end: p.open + 1 }, newText: wanted[0] },
            { span: { start: p.close, end: p.close + 1 }, newText: wanted[1] },
          ],
        },
      });
    }
    return findings;
  },
};
