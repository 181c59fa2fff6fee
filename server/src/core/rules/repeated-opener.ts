import { chinese } from '../lang/zh';
import type { Opener } from '../model';
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
 * verb as a new one (one is the start of the other, `sameVerb`) is a walk along the new
 * opener's characters, however many paragraphs came before.
 */
class OpenerTrie {
  private readonly root: TrieNode = { children: new Map(), below: new Set() };
  /** The repeat prefixes added with each opener: a pair seen before adds nothing, and is not walked again. */
  private readonly added = new Map<string, Set<string>>();
  /** The answers of `prefixesOfSameVerb` since the last opener or prefix new to the trie (a part of 100,000 paragraphs has a few dozen). */
  private readonly answers = new Map<string, Set<string>>();

  add(base: string, prefix: string): void {
    let prefixes = this.added.get(base);
    if (prefixes?.has(prefix)) return;
    if (!prefixes) this.added.set(base, (prefixes = new Set()));
    prefixes.add(prefix);
    this.answers.clear();
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

  /** The repeat prefixes of the openers seen that are the same verb as `base` (empty when there is none; not to be changed). */
  prefixesOfSameVerb(base: string): ReadonlySet<string> {
    let out = this.answers.get(base);
    if (!out) this.answers.set(base, (out = this.walk(base)));
    return out;
  }

  private walk(base: string): Set<string> {
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

/** A part's preamble or operative paragraphs as far as read: the openers seen, the last paragraph's, the findings. */
interface PartState {
  seen: OpenerTrie;
  /** The openers seen as they read once every finding above is fixed (what a fix-all writes follows from these). */
  fixed: OpenerTrie;
  previous?: Opener;
  findings: RuleFinding[];
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
    // Each part (division) on its own: preamble, then operative paragraphs, in the order the parts
    // come. One pass over each list, a part's state looked up by its division (the same as the
    // paragraph before's, mostly), instead of copying every paragraph into a list per part first.
    const parts = new Map<number, { preamble: PartState; operative: PartState }>();
    const partOf = (division: number) => {
      let state = parts.get(division);
      if (!state) parts.set(division, (state = { preamble: { seen: new OpenerTrie(), fixed: new OpenerTrie(), findings: [] }, operative: { seen: new OpenerTrie(), fixed: new OpenerTrie(), findings: [] } }));
      return state;
    };
    const step = (state: PartState, o: Opener | undefined) => {
      const before = state.previous;
      state.previous = o;
      if (!o) return;
      const seen = state.seen;
      // The prefix this paragraph's opener has once the findings up to it are fixed.
      let fixedPrefix = o.repeatPrefix ?? '';
      if (o.repeatPrefix && !seen.hasSameVerb(o.base)) {
        // The fix drops the 又: this is the first use.
        const base = o.text.slice(o.repeatPrefix.length);
        state.findings.push({
          span: o.span,
          message: say(messages, 'orphan', { text: o.text, base: o.base }),
          data: { fix: 'replace', newText: base, title: say(messages, 'orphanFixTitle', { base }) },
        });
        fixedPrefix = '';
      } else if (!o.repeatPrefix && before && sameVerb(before.base, o.base) && o.known) {
        // 又 for the second use, 还 once 又 is taken (重申 … 又重申 … 还重申).
        // Alone, the prefix the text as it is leaves free; with the findings above fixed too (a
        // fix-all), the one their fixes leave free: 重申 重申 重申 → 重申 又重申 还重申.
        const free = (used: ReadonlySet<string>) => prefixes.find((r) => !used.has(r)) ?? prefixes[prefixes.length - 1];
        const prefixes = chinese.repeatPrefixes;
        const prefix = free(seen.prefixesOfSameVerb(o.base));
        fixedPrefix = free(state.fixed.prefixesOfSameVerb(o.base));
        state.findings.push({
          span: o.span,
          severity: 'hint',
          message: say(messages, 'repeated', { base: o.base }),
          related: [{ span: before.span, message: say(messages, 'earlier', { base: o.base }) }],
          data: { fix: 'insert', at: o.span.start, newText: prefix, title: say(messages, 'fixTitle', { prefix, base: o.base }), ...(fixedPrefix !== prefix ? { together: fixedPrefix } : {}) },
        });
      }
      seen.add(o.base, o.repeatPrefix ?? '');
      state.fixed.add(o.base, fixedPrefix);
    };
    let division = NaN;
    let state: { preamble: PartState; operative: PartState } | undefined;
    for (const p of model.preamble) {
      if (p.division !== division || !state) state = partOf((division = p.division));
      step(state.preamble, p.opener);
    }
    state = undefined;
    for (const p of model.operative) {
      if (p.division !== division || !state) state = partOf((division = p.division));
      step(state.operative, p.opener);
    }
    for (const { preamble, operative } of parts.values()) {
      for (const f of preamble.findings) findings.push(f);
      for (const f of operative.findings) findings.push(f);
    }
    return findings;
  },
};
