import { chinese } from '../lang/zh';
import type { Opener, Paragraph } from '../model';
import type { Rule, RuleFinding } from './types';

const messages = {
  en: {
    orphan: (p) => `“${p.text}” says “also”, but no earlier paragraph in this part opens with “${p.base}”.`,
    repeated: (p) => `“${p.base}” opens an earlier paragraph of this part too; the convention writes “又${p.base}” (then “还${p.base}”).`,
    earlier: (p) => `“${p.base}” first opens this paragraph.`,
    fixTitle: (p) => `Write “${p.prefix}${p.base}”`,
    orphanFixTitle: (p) => `Write “${p.base}”`,
  },
  zh: {
    orphan: (p) => `“${p.text}”表示“又”，但本部分前面没有以“${p.base}”开头的段落。`,
    repeated: (p) => `本部分前面已有段落以“${p.base}”开头；按惯例应写作“又${p.base}”(再次为“还${p.base}”)。`,
    earlier: (p) => `“${p.base}”首次出现在此段。`,
    fixTitle: (p) => `改为“${p.prefix}${p.base}”`,
    orphanFixTitle: (p) => `改为“${p.base}”`,
  },
} satisfies Rule['messages'];

/** Whether two openers are the same verb, allowing a longer form of it (强调 / 强调指出). */
export function sameVerb(a: string, b: string): boolean {
  return a === b || a.startsWith(b) || b.startsWith(a);
}

/**
 * A repeated opener takes 又 (then 还): `重申` … `又重申`. `又重申` with no earlier `重申` in the
 * same part (preamble, operative) is an error; a plain opener used again is a style remark (hint):
 * the published texts do it too. Resolutions only.
 */
export const repeatedOpener: Rule = {
  id: 'repeated-opener',
  defaultSeverity: 'error',
  description: 'An opener marked 又/还 has no earlier use, or an opener is repeated without 又.',
  messages,
  check({ model, say }) {
    const findings: RuleFinding[] = [];
    // Numbered texts (working papers) are prose: 还 there is not the resolution convention.
    if (model.shape !== 'resolution') return findings;
    const part = (paragraphs: Paragraph[]) => {
      const seen: { base: string; opener: Opener }[] = [];
      for (const p of paragraphs) {
        const o = p.opener;
        if (!o) continue;
        const earlier = seen.find((s) => sameVerb(s.base, o.base));
        if (o.repeatPrefix && !earlier) {
          // The fix drops the 又: this is the first use.
          const base = o.text.slice(o.repeatPrefix.length);
          findings.push({
            span: o.span,
            message: say(messages, 'orphan', { text: o.text, base: o.base }),
            data: { fix: 'replace', newText: base, title: say(messages, 'orphanFixTitle', { base }) },
          });
        } else if (!o.repeatPrefix && earlier && o.known) {
          // 又 for the second use, 还 once 又 is taken (重申 … 又重申 … 还重申).
          const used = new Set(seen.filter((s) => sameVerb(s.base, o.base)).map((s) => s.opener.repeatPrefix ?? ''));
          const prefixes = chinese.repeatPrefixes;
          const prefix = prefixes.find((r) => !used.has(r)) ?? prefixes[prefixes.length - 1];
          findings.push({
            span: o.span,
            severity: 'hint',
            message: say(messages, 'repeated', { base: o.base }),
            related: [{ span: earlier.opener.span, message: say(messages, 'earlier', { base: o.base }) }],
            data: { fix: 'insert', at: o.span.start, newText: prefix, title: say(messages, 'fixTitle', { prefix, base: o.base }) },
          });
        }
        seen.push({ base: o.base, opener: o });
      }
    };
    part(model.preamble);
    part(model.operative);
    return findings;
  },
};
