/**
 * Suffix array construction by induced sorting (SA-IS, Nong, Zhang and Chan 2009): linear time,
 * typed arrays only, so that a corpus of tens of millions of UTF-16 code units sorts in seconds
 * and a few bytes per character. Chinese has no spaces, so the phrase index works on characters,
 * not words: every position of the corpus text is a suffix.
 */

type IntArray = Int32Array | Uint16Array;

/**
 * The suffix array of `text` (UTF-16 code units): the start offsets of all suffixes in
 * lexicographic order of code units. The text must not contain code unit 0xFFFF (it is shifted
 * by one to leave room for the end sentinel).
 */
export function buildSuffixArray(text: Uint16Array): Int32Array {
  const n = text.length;
  if (n === 0) return new Int32Array(0);
  // The algorithm wants a unique smallest sentinel at the end: shift every code unit by one.
  const shifted = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) shifted[i] = text[i] + 1;
  shifted[n] = 0;
  const sa = new Int32Array(n + 1);
  sais(shifted, sa, n + 1, 0x10001);
  // sa[0] is the sentinel; the rest are the suffixes of the text (a view: no copy of a large array).
  return sa.subarray(1);
}

function bucketBounds(s: IntArray, n: number, bkt: Int32Array, k: number, ends: boolean): void {
  bkt.fill(0, 0, k);
  for (let i = 0; i < n; i++) bkt[s[i]]++;
  let sum = 0;
  for (let c = 0; c < k; c++) {
    sum += bkt[c];
    bkt[c] = ends ? sum : sum - bkt[c];
  }
}

/** `s[n-1]` is the unique smallest symbol; symbols are in [0, k). Writes the suffix array into `sa[0..n)`. */
function sais(s: IntArray, sa: Int32Array, n: number, k: number): void {
  // Suffix types: 1 = S (smaller than the next suffix), 0 = L.
  const type = new Uint8Array(n);
  type[n - 1] = 1;
  for (let i = n - 2; i >= 0; i--) type[i] = s[i] < s[i + 1] || (s[i] === s[i + 1] && type[i + 1] === 1) ? 1 : 0;
  const isLms = (i: number) => i > 0 && type[i] === 1 && type[i - 1] === 0;
  const bkt = new Int32Array(k);

  const induce = () => {
    bucketBounds(s, n, bkt, k, false);
    for (let i = 0; i < n; i++) {
      const j = sa[i] - 1;
      if (j >= 0 && type[j] === 0) sa[bkt[s[j]]++] = j;
    }
    bucketBounds(s, n, bkt, k, true);
    for (let i = n - 1; i >= 0; i--) {
      const j = sa[i] - 1;
      if (j >= 0 && type[j] === 1) sa[--bkt[s[j]]] = j;
    }
  };

  // Step 1: sort the LMS substrings by placing LMS positions at their bucket ends and inducing.
  bucketBounds(s, n, bkt, k, true);
  sa.fill(-1, 0, n);
  for (let i = 1; i < n; i++) if (isLms(i)) sa[--bkt[s[i]]] = i;
  induce();

  // Step 2: gather the sorted LMS positions at the front and name the LMS substrings.
  let n1 = 0;
  for (let i = 0; i < n; i++) if (isLms(sa[i])) sa[n1++] = sa[i];
  sa.fill(-1, n1, n);
  let name = 0;
  let previous = -1;
  for (let i = 0; i < n1; i++) {
    const pos = sa[i];
    let differs = previous < 0;
    for (let d = 0; !differs; d++) {
      if (s[pos + d] !== s[previous + d] || type[pos + d] !== type[previous + d]) differs = true;
      else if (d > 0 && (isLms(pos + d) || isLms(previous + d))) break;
    }
    if (differs) {
      name++;
      previous = pos;
    }
    // LMS positions are at least two apart, so pos >> 1 is a unique slot.
    sa[n1 + (pos >> 1)] = name - 1;
  }
  for (let i = n - 1, j = n - 1; i >= n1; i--) if (sa[i] >= 0) sa[j--] = sa[i];

  // Step 3: sort the reduced string, recursively when names repeat.
  const reduced = sa.subarray(n - n1, n);
  const reducedSa = sa.subarray(0, n1);
  if (name < n1) sais(reduced, reducedSa, n1, name);
  else for (let i = 0; i < n1; i++) reducedSa[reduced[i]] = i;

  // Step 4: map back to LMS positions in sorted order, place them and induce the full order.
  for (let i = 1, j = 0; i < n; i++) if (isLms(i)) reduced[j++] = i;
  for (let i = 0; i < n1; i++) reducedSa[i] = reduced[reducedSa[i]];
  sa.fill(-1, n1, n);
  bucketBounds(s, n, bkt, k, true);
  for (let i = n1 - 1; i >= 0; i--) {
    const j = sa[i];
    sa[i] = -1;
    sa[--bkt[s[j]]] = j;
  }
  induce();
}
