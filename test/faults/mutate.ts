/**
 * Random and mutated drafts for the property tests and the fuzz run, from a seed (the same seed
 * gives the same drafts): random text, soups of corpus lines, and corpus drafts cut to a part of
 * their paragraphs and footnotes, then mutated as drafting mutates them (lines deleted, repeated,
 * swapped; footnote texts shuffled; markers renumbered, repeated, put inside footnote texts;
 * comment and blank lines among the footnotes; labels changed; truncated; garbage inserted).
 */

/** A small fast PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const PIECES = ['¹', '²', '³', '⁴', '⁵', '¹⁰', '%% drafter-disable footnote-unused', '%% drafter-disable', '', '---', '(a) ', '(b) ', '㈠ ', '1. ', '2. ', '3．', '又重申', '上文第 2 段', '，', '；', '。', '：', '《条约》', '“', '”', '(', ')', '\r', '\uD800', '\u0000', '**', '同上。', '见上文脚注 2²'];

export interface DraftSource {
  next(): string;
}

export function* mutatedDrafts(corpus: string[], count: number, seed: number): Generator<string> {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const lines = corpus.map((t) => t.split('\n'));
  const allLines = lines.flat();
  const sup = (n: number) => [...String(n)].map((d) => SUP[Number(d)]).join('');
  for (let i = 0; i < count; i++) {
    const kind = rnd();
    if (kind < 0.05) {
      // Random characters, code points from everywhere.
      const n = Math.floor(rnd() * 300);
      let s = '';
      for (let j = 0; j < n; j++) s += rnd() < 0.5 ? pick(PIECES) : String.fromCharCode(Math.floor(rnd() * 0xffff));
      yield s;
      continue;
    }
    if (kind < 0.15) {
      // A soup of corpus lines.
      const n = 1 + Math.floor(rnd() * 40);
      yield Array.from({ length: n }, () => pick(allLines)).join('\n');
      continue;
    }
    // A corpus draft cut down: its head, some paragraphs, its footnotes.
    const draft = pick(lines);
    const sep = draft.findIndex((l) => /^(---|_{3,})\s*$/.test(l));
    const body = sep < 0 ? draft : draft.slice(0, sep);
    const notes = sep < 0 ? [] : draft.slice(sep);
    const head = body.slice(0, 12);
    const from = 12 + Math.floor(rnd() * Math.max(1, body.length - 12));
    let out = [...head, ...body.slice(from, from + 4 + Math.floor(rnd() * 30)), ...notes];
    const mutations = Math.floor(rnd() * 6);
    for (let m = 0; m < mutations; m++) {
      const at = Math.floor(rnd() * (out.length + 1));
      const r = rnd();
      if (r < 0.12) out.splice(at, 1);
      else if (r < 0.22) out.splice(at, 0, out[Math.floor(rnd() * out.length)] ?? '');
      else if (r < 0.32) {
        const b = Math.floor(rnd() * out.length);
        [out[at], out[b]] = [out[b], out[at]];
      } else if (r < 0.45) {
        // Footnote lines shuffled.
        const fn = out.map((l, k) => (/^[¹²³⁴⁵⁶⁷⁸⁹]/.test(l) ? k : -1)).filter((k) => k >= 0);
        const texts = fn.map((k) => out[k]).sort(() => rnd() - 0.5);
        fn.forEach((k, j) => (out[k] = texts[j]));
      } else if (r < 0.6) {
        // A marker renumbered, repeated or put somewhere (also inside a footnote text).
        const k = Math.floor(rnd() * out.length);
        const line = out[k] ?? '';
        const pos = Math.floor(rnd() * (line.length + 1));
        out[k] = line.slice(0, pos) + sup(1 + Math.floor(rnd() * 6)) + line.slice(pos);
      } else if (r < 0.7) out.splice(at, 0, pick(['%% drafter-disable footnote-unused', '%% drafter-disable', '', '%% 待核对']));
      else if (r < 0.78) {
        // A superscript digit changed.
        const k = Math.floor(rnd() * out.length);
        out[k] = (out[k] ?? '').replace(/[¹²³⁴⁵⁶⁷⁸⁹]/, () => SUP[1 + Math.floor(rnd() * 9)]);
      } else if (r < 0.86) {
        const k = Math.floor(rnd() * out.length);
        out[k] = (out[k] ?? '').replace(/^(\d+)[.．]/, () => `${1 + Math.floor(rnd() * 9)}.`).replace(/^\(([a-z])\)/, () => `(${'abcdefg'[Math.floor(rnd() * 7)]})`);
      } else if (r < 0.93) {
        const k = Math.floor(rnd() * out.length);
        const line = out[k] ?? '';
        const pos = Math.floor(rnd() * (line.length + 1));
        out[k] = line.slice(0, pos) + pick(PIECES) + line.slice(pos);
      } else out = out.slice(0, Math.max(1, at));
    }
    yield out.join(rnd() < 0.1 ? '\r\n' : '\n');
  }
}
