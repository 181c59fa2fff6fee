import { chinese } from '../lang/zh';
import type { Paragraph, ResolutionDocument } from '../model';
import type { Rule, RuleFinding } from './types';

const messages = {
  en: {
    preambular: (p) => `A preambular paragraph ends with “，”; this one ends with “${p.found}”.`,
    operative: (p) => `An operative paragraph ends with “；”; this one ends with “${p.found}”.`,
    subparagraph: (p) => `A subparagraph ends with “；”; this one ends with “${p.found}”.`,
    last: (p) => `The last operative paragraph ends with “。”; this one ends with “${p.found}”.`,
    introduces: (p) => `A paragraph that introduces subparagraphs ends with “：”; this one ends with “${p.found}”.`,
    fixTitle: (p) => `End the paragraph with “${p.expected}”`,
  },
  zh: {
    preambular: (p) => `序言段落应以“，”结尾；此段以“${p.found}”结尾。`,
    operative: (p) => `执行段落应以“；”结尾；此段以“${p.found}”结尾。`,
    subparagraph: (p) => `分段应以“；”结尾；此段以“${p.found}”结尾。`,
    last: (p) => `最后一个执行段落应以“。”结尾；此段以“${p.found}”结尾。`,
    introduces: (p) => `引出分段的段落应以“：”结尾；此段以“${p.found}”结尾。`,
    fixTitle: (p) => `以“${p.expected}”结尾`,
  },
} satisfies Rule['messages'];

/** Punctuation that can close a paragraph: a wrong one is replaced, otherwise the right one is added. */
const CLOSING_MARKS = new Set(['，', '；', '。', '：', ',', ';', '.', ':', '、']);

type Expectation = { key: 'preambular' | 'operative' | 'subparagraph' | 'last' | 'introduces'; chars: string[] };

/** The last paragraph of each part (`A`, `B` … or the whole text): it ends with 。. */
function lastParagraphs(model: ResolutionDocument): Set<Paragraph> {
  const lasts = new Map<number, Paragraph>();
  for (const p of model.operative) lasts.set(p.division, p);
  const out = new Set<Paragraph>();
  for (let last of lasts.values()) {
    while (last.children.length > 0) last = last.children[last.children.length - 1];
    out.add(last);
  }
  return out;
}

/** The five expectations, made once per check (a paragraph of a 50 MB draft no longer makes its own). */
function expectations(): (p: Paragraph, last: Set<Paragraph>) => Expectation {
  const e = chinese.endings;
  const introduces: Expectation = { key: 'introduces', chars: [e.introducesList] };
  const preambular: Expectation = { key: 'preambular', chars: [e.preambular] };
  const preambularSub: Expectation = { key: 'preambular', chars: [e.preambular, e.operative] };
  const lastOne: Expectation = { key: 'last', chars: [e.last] };
  const operative: Expectation = { key: 'operative', chars: [e.operative] };
  const subparagraph: Expectation = { key: 'subparagraph', chars: [e.operative] };
  return (p, last) => {
    if (p.children.length > 0) return introduces;
    if (p.part === 'preamble') return p.level === 0 ? preambular : preambularSub;
    if (last.has(p)) return lastOne;
    return p.level === 0 ? operative : subparagraph;
  };
}

/**
 * Resolution paragraphs end with fixed punctuation: preambular `，`, operative and subparagraphs
 * `；`, the last `。` (in each part `A`, `B`; a lone unnumbered operative paragraph too), a
 * paragraph that introduces subparagraphs `：`. Numbered texts (working papers) end their
 * sentences with `。` and are not checked; headings, part letters, annexes and the Security
 * Council's closing line are no paragraphs.
 */
export const paragraphEnding: Rule = {
  id: 'paragraph-ending',
  defaultSeverity: 'warning',
  description: 'A paragraph does not end with the punctuation its place calls for (，；。：).',
  messages,
  appliesTo: { kinds: ['resolution', 'decision'] },
  check({ model, say }) {
    if (model.shape !== 'resolution') return [];
    const findings: RuleFinding[] = [];
    const last = lastParagraphs(model);
    const expectation = expectations();
    // The few messages and titles there are, each made once (a file of many texts has 100,000s of findings).
    const said = new Map<string, string>();
    const once = (key: string, make: () => string) => {
      let text = said.get(key);
      if (text === undefined) said.set(key, (text = make()));
      return text;
    };
    for (const p of model.paragraphs) {
      if (!p.ending) continue;
      const want = expectation(p, last);
      if (want.chars.includes(p.ending.char)) continue;
      const expected = want.chars[0];
      const found = p.ending.char;
      const title = once(`title ${expected}`, () => say(messages, 'fixTitle', { expected }));
      findings.push({
        span: p.ending.span,
        message: once(`${want.key} ${found}`, () => say(messages, want.key, { found })),
        data: CLOSING_MARKS.has(p.ending.char)
          ? { fix: 'replace', newText: expected, title }
          : { fix: 'insert', at: p.ending.span.end, newText: expected, title },
      });
    }
    return findings;
  },
};
