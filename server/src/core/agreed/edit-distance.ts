/**
 * Levenshtein distance with bit vectors (Myers' algorithm in Hyyrö's block form): 32 cells of the
 * dynamic-programming table at a time, so a 300-character paragraph against another costs about
 * 3,000 steps instead of 90,000. Gives exactly what the one-row table gives (`editDistance` in
 * phrase-index.ts), which the tests compare it with.
 */

const HIGH = 0x80000000 | 0;

/** The number of single-character insertions, deletions and substitutions (UTF-16 code units) from `a` to `b`. */
export function levenshtein(a: string, b: string): number {
  // The shorter text is cut into blocks of 32 rows; the longer is read one column at a time.
  const [p, t] = a.length <= b.length ? [a, b] : [b, a];
  return bitDistance(p, t, false);
}

/**
 * Edit distance from `short` to the closest stretch of `long` (the stretch's start and end are
 * free): how far a phrase is from being found inside a paragraph. The same bit vectors as
 * `levenshtein`, with row 0 of the table at 0 in every column (a free start) and the least value
 * of the last row kept (a free end), so exactly what the full table gives.
 */
export function distanceWithin(short: string, long: string): number {
  return bitDistance(short, long, true);
}

/** Myers/Hyyrö over `p` (rows, in blocks of 32) and `t` (columns); `free`: the match may start and end anywhere in `t`. */
function bitDistance(p: string, t: string, free: boolean): number {
  const m = p.length;
  if (m === 0) return free ? 0 : t.length;
  const blocks = (m + 31) >>> 5;
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const c = p.charCodeAt(i);
    let bits = peq.get(c);
    if (!bits) peq.set(c, (bits = new Int32Array(blocks)));
    bits[i >>> 5] |= 1 << (i & 31);
  }
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  const lastMask = (1 << ((m - 1) & 31)) | 0;
  let score = m;
  let best = m;
  // Row 0 of the table counts up by one per column (the distance from the empty text), or stays 0 (a free start).
  const rowZero = free ? 0 : 1;
  for (let j = 0; j < t.length; j++) {
    const eqs = peq.get(t.charCodeAt(j));
    let hin = rowZero;
    for (let k = 0; k < blocks; k++) {
      let eq = eqs ? eqs[k] : 0;
      const Pv = pv[k];
      const Mv = mv[k];
      const hinNeg = hin < 0 ? 1 : 0;
      const xv = eq | Mv;
      eq |= hinNeg;
      const xh = ((((eq & Pv) + Pv) | 0) ^ Pv) | eq;
      let ph = Mv | ~(xh | Pv);
      let mh = Pv & xh;
      const top = k === blocks - 1 ? lastMask : HIGH;
      const hout = (ph & top) !== 0 ? 1 : (mh & top) !== 0 ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pv[k] = mh | ~(xv | ph);
      mv[k] = ph & xv;
      hin = hout;
    }
    score += hin;
    if (score < best) best = score;
  }
  return free ? best : score;
}
