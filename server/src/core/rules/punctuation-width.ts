import type { Span } from '../text';
import type { Rule, RuleFinding } from './types';
import type { ResolutionDocument, TitleMention } from '../model';
import { IntStack, isChinese, isIdeographCode } from './text-parts';

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

// Reused for every stretch: a typed array per paragraph costs more than the scan.
const opens = new IntStack();
const counts = new IntStack();

/** Parenthesis pairs around Chinese text; pairs around symbols and numbers (`(A/54/42)`, `(2004)`) are half-width in every era. */
function chineseParenPairs(text: string, spans: Span[]): ParenPair[] {
  const pairs: ParenPair[] = [];
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
 * What one stretch of running text holds, relative to its line's start: the half-width `,` `;`
 * `:` between Chinese characters, and the parenthesis pairs around Chinese text outside titles
 * (open, close, 1 for full-width), in the order the check reports them.
 */
interface Stretch {
  half: number[];
  pairs: number[];
}

/** The line a stretch of running text belongs to: the title's, a paragraph's, a footnote's. */
function owners(model: ResolutionDocument): { span: Span; line: number }[] {
  const out: { span: Span; line: number }[] = [];
  if (model.title) out.push({ span: model.title.titleSpan, line: model.title.line });
  for (const p of model.paragraphs) out.push({ span: p.body, line: p.line });
  for (const f of model.footnotes) out.push({ span: f.textSpan, line: f.line });
  return out;
}

/**
 * Per line, what its stretches of running text hold (in the order `runningText` gives them):
 * all that the rule reads of a line, depending only on the line's text and what the parser found
 * on it, so the draft's memo keeps it for the lines an edit left alone.
 */
function summarize(model: ResolutionDocument): (Stretch[] | undefined)[] {
  const text = model.text;
  const starts = model.lines.lineStarts;
  const out: (Stretch[] | undefined)[] = [];
  // Parentheses inside a title in 《》 belong to the title as it was published.
  const inTitle = titleLookup(model.titles);
  for (const { span, line } of owners(model)) {
    const base = starts[line];
    const half: number[] = [];
    for (let i = span.start; i < span.end; i++) {
      const code = text.charCodeAt(i);
      if (code !== 0x2c && code !== 0x3b && code !== 0x3a) continue; // , ; :
      let before = i - 1;
      while (before > span.start && text[before] === ' ') before--;
      let after = i + 1;
      while (after < span.end - 1 && text[after] === ' ') after++;
      if (isChinese(text[before]) && isChinese(text[after])) half.push(i - base);
    }
    const pairs: number[] = [];
    for (const p of chineseParenPairs(text, [span])) if (!inTitle(p.open, p.close)) pairs.push(p.open - base, p.close - base, p.full ? 1 : 0);
    const list = (out[line] ??= []);
    list.push({ half, pairs });
  }
  return out;
}

/**
 * Half-width `,` `;` `:` between Chinese characters; and parentheses in the style the setting
 * `parentheses` asks for (`consistent`: the document's majority style). The style is decided over
 * the whole draft, from per-line summaries the draft's memo keeps: after an edit only the lines
 * that changed are read again.
 */
export const punctuationWidth: Rule = {
  id: 'punctuation-width',
  defaultSeverity: 'warning',
  description: 'Half-width punctuation in Chinese text, or parentheses in a style other than the document\'s.',
  messages,
  check({ model, settings, say, memo }) {
    const findings: RuleFinding[] = [];
    const text = model.text;
    const starts = model.lines.lineStarts;
    const byLine = memo ? memo.summaries('punctuation-width', model, (view) => summarize(view)) : summarize(model);
    // The stretches in the order of the running text (a line's own in the order they were summarized).
    const stretches: { stretch: Stretch; base: number }[] = [];
    const taken = new Map<number, number>();
    for (const { line } of owners(model)) {
      const list = byLine[line];
      if (!list) continue;
      const k = list.length === 1 ? 0 : (taken.get(line) ?? 0);
      if (list.length > 1) taken.set(line, k + 1);
      const stretch = list[k];
      if (stretch && (stretch.half.length > 0 || stretch.pairs.length > 0)) stretches.push({ stretch, base: starts[line] });
    }
    for (const { stretch, base } of stretches) {
      for (const rel of stretch.half) {
        const i = base + rel;
        const full = FULL[text[i]];
        findings.push({ span: { start: i, end: i + 1 }, message: say(messages, 'half', { ch: text[i], full }), data: { fix: 'replace', newText: full, title: say(messages, 'fixTitle', { full }) } });
      }
    }
    const pairs: ParenPair[] = [];
    for (const { stretch, base } of stretches) {
      const p = stretch.pairs;
      for (let i = 0; i < p.length; i += 3) pairs.push({ open: base + p[i], close: base + p[i + 1], full: p[i + 2] === 1 });
    }
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
