import { chinese } from '../lang/zh';
import type { Opener, Paragraph } from '../model';
import type { Rule, RuleFinding } from './types';

const messages = {
  en: {
    orphan: (p) => `“${p.text}” says “also”, but no earlier paragraph in this part opens with “${p.base}”.`,
    repeated: (p) => `“${p.base}” also opens the paragraph right before; the convention writes “又${p.base}” (then “还${p.base}”).`,
    earlier: (p) => `“${p.base}” opens this paragraph.`,
    fixTitle: (p) => `Write “${p.prefix}${p.base}”`,
    orphanFixTitle: (p) => `Write “${p.base}”`,
  },
  zh: {
    orphan: (p) => `“${p.text}”表示“又”，但本部分前面没有以“${p.base}”开头的段落。`,
    repeated: (p) => `上一段也以“${p.base}”开头；按惯例应写作“又${p.base}”(再次为“还${p.base}”)。`,
    earlier: (p) => `“${p.base}”在此段开头。`,
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
 * same part (preamble, operative; each part `A`, `B` on its own) is an error. Calibrated on the
 * published texts (../shared/conventions.md): 又 is written when the paragraph right before opens
 * with the same word, so an adjacent repeat without 又 is a remark (hint), and a repeat further
 * down is written plain and is correct. Resolutions and decisions only.
 */
export const repeatedOpener: Rule = {
  id: 'repeated-opener',
  defaultSeverity: 'error',
  description: 'An opener marked 又/还 has no earlier use, or an opener is repeated without 又.',
  messages,
  appliesTo: { kinds: ['resolution', 'decision'] },
  check({ model, say }) {
    const findings: RuleFinding[] = [];
    // Numbered texts (working papers) are prose: 还 there is not the resolution convention.
    if (model.shape !== 'resolution') return findings;
    const part = (paragraphs: Paragraph[]) => {
      const seen: { base: string; opener: Opener }[] = [];
      let previous: Opener | undefined;
      for (const p of paragraphs) {
        const o = p.opener;
        const before = previous;
        previous = o;
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
        } else if (!o.repeatPrefix && before && sameVerb(before.base, o.base) && o.known) {
          // 又 for the second use, 还 once 又 is taken (重申 … 又重申 … 还重申).
          const used = new Set(seen.filter((s) => sameVerb(s.base, o.base)).map((s) => s.opener.repeatPrefix ?? ''));
          const prefixes = chinese.repeatPrefixes;
          const prefix = prefixes.find((r) => !used.has(r)) ?? prefixes[prefixes.length - 1];
          findings.push({
            span: o.span,
            severity: 'hint',
            message: say(messages, 'repeated', { base: o.base }),
            related: [{ span: before.span, message: say(messages, 'earlier', { base: o.base }) }],
            data: { fix: 'insert', at: o.span.start, newText: prefix, title: say(messages, 'fixTitle', { prefix, base: o.base }) },
          });
        }
        seen.push({ base: o.base, opener: o });
      }
    };
    const divisions = [...new Set([...model.preamble, ...model.operative].map((p) => p.division))];
    for (const d of divisions) {
      part(model.preamble.filter((p) => p.division === d));
      part(model.operative.filter((p) => p.division === d));
    }
    return findings;
  },
};
