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

/** A node of the trie of the openers seen so far: the repeat prefixes written with the openers at or below it. */
interface TrieNode {
  children: Map<string, TrieNode>;
  /** The repeat prefixes ('' for none) of the openers that end here. */
  here?: Set<string>;
  /** The repeat prefixes of every opener at or below this node. */
  below: Set<string>;
}

/**
 * The openers seen so far in a part, as a trie of their characters: which of them are the same
 * verb as a new one (one is the start of the other, \`sameVerb\`) is a walk along the new
 * opener's characters, however many paragraphs came before.
 */
class OpenerTrie {
  private readonly root: TrieNode = { children: new Map(), below: new Set() };

  add(base: string, prefix: string): void {
    let node = this.root;
    node.below.add(prefix);
    for (const ch of base) {
      let next = node.children.get(ch);
      if (!next) node.children.set(ch, (next = { children: new Map(), below: new Set() }));
      node = next;
      node.below.add(prefix);
    }
    (node.here ??= new Set()).add(prefix);
  }

  /** The repeat prefixes of the openers seen that are the same verb as \`base\` (empty when there is none). */
  prefixesOfSameVerb(base: string): Set<string> {
    const out = new Set<string>(this.root.here);
    let node: TrieNode | undefined = this.root;
    for (const ch of base) {
      node = node.children.get(ch);
      if (!node) return out;
      // An opener seen that is the start of this one (强调 before 强调指出).
      if (node.here) for (const p of node.here) out.add(p);
    }
    // Openers seen that this one is the start of (强调指出 before 强调), and this one itself.
    for (const p of node.below) out.add(p);
    return out;
  }

  hasSameVerb(base: string): boolean {
    return base.length > 0 ? this.prefixesOfSameVerb(base).size > 0 : this.root.below.size > 0;
  }
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
      const seen = new OpenerTrie();
      let previous: Opener | undefined;
      for (const p of paragraphs) {
        const o = p.opener;
        const before = previous;
        previous = o;
        if (!o) continue;
        if (o.repeatPrefix && !seen.hasSameVerb(o.base)) {
          // The fix drops the 又: this is the first use.
          const base = o.text.slice(o.repeatPrefix.length);
          findings.push({
            span: o.span,
            message: say(messages, 'orphan', { text: o.text, base: o.base }),
            data: { fix: 'replace', newText: base, title: say(messages, 'orphanFixTitle', { base }) },
          });
        } else if (!o.repeatPrefix && before && sameVerb(before.base, o.base) && o.known) {
          // 又 for the second use, 还 once 又 is taken (重申 … 又重申 … 还重申).
          const used = seen.prefixesOfSameVerb(o.base);
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
        seen.add(o.base, o.repeatPrefix ?? '');
      }
    };
    // Each part (division) on its own: preamble, then operative paragraphs, in the order the parts come.
    const divisions = new Map<number, { preamble: Paragraph[]; operative: Paragraph[] }>();
    const of = (d: number) => {
      let lists = divisions.get(d);
      if (!lists) divisions.set(d, (lists = { preamble: [], operative: [] }));
      return lists;
    };
    for (const p of model.preamble) of(p.division).preamble.push(p);
    for (const p of model.operative) of(p.division).operative.push(p);
    for (const lists of divisions.values()) {
      part(lists.preamble);
      part(lists.operative);
    }
    return findings;
  },
};
