/**
 * Differences inside a changed paragraph, in characters and words rather than whole lines: a
 * Chinese character is a word of its own; a run of Latin letters or digits (a symbol, a year) is
 * one word, so that `2019` → `2021` reads as one change, not three.
 */

/** One piece of a difference: text kept, inserted or deleted. */
export interface DiffPiece {
  kind: 'same' | 'inserted' | 'deleted';
  text: string;
}

/** The words of a text: runs of letters and digits (with `/`, `.`, `-` inside a symbol), white space runs, any other character alone. */
export function diffWords(text: string): string[] {
  return text.match(/[A-Za-z0-9]+(?:[/.-][A-Za-z0-9]+)*|\s+|[\s\S]/gu) ?? [];
}

/** Cells of the longest-common-subsequence table beyond which the difference is given coarsely. */
const TABLE_LIMIT = 4_000_000;

/** The differences between `before` and `after`, word by word (longest common subsequence), adjacent pieces merged. */
export function diffText(before: string, after: string): DiffPiece[] {
  const a = diffWords(before);
  const b = diffWords(after);
  // Common beginning and end first: a changed paragraph usually differs in a few places.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const pieces: DiffPiece[] = [];
  const push = (kind: DiffPiece['kind'], text: string) => {
    if (text.length === 0) return;
    const last = pieces[pieces.length - 1];
    if (last && last.kind === kind) last.text += text;
    else pieces.push({ kind, text });
  };
  push('same', a.slice(0, head).join(''));
  if (am.length * bm.length > TABLE_LIMIT) {
    push('deleted', am.join(''));
    push('inserted', bm.join(''));
  } else {
    const n = am.length;
    const m = bm.length;
    // lengths[i][j]: the longest common subsequence of am[i..] and bm[j..].
    const lengths = new Int32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * (m + 1) + j] = am[i] === bm[j] ? lengths[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    const middle: DiffPiece[] = [];
    const add = (kind: DiffPiece['kind'], text: string) => {
      const last = middle[middle.length - 1];
      if (last && last.kind === kind) last.text += text;
      else middle.push({ kind, text });
    };
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        add('same', am[i++]);
        j++;
      } else if (j < m && (i === n || lengths[i * (m + 1) + j + 1] >= lengths[(i + 1) * (m + 1) + j])) add('inserted', bm[j++]);
      else add('deleted', am[i++]);
    }
    for (const piece of cleanUp(middle)) push(piece.kind, piece.text);
  }
  push('same', a.slice(a.length - tail).join(''));
  return pieces;
}

/**
 * A single kept character between two changes (`至关重要的意义` → `重要意义` keeping `的` by chance)
 * makes a difference hard to read: it is folded into the changes on both sides.
 */
function cleanUp(pieces: DiffPiece[]): DiffPiece[] {
  const changed = (p?: DiffPiece) => p !== undefined && p.kind !== 'same';
  const out: DiffPiece[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k];
    if (p.kind === 'same' && p.text.length === 1 && changed(pieces[k - 1]) && changed(pieces[k + 1])) {
      out.push({ kind: 'deleted', text: p.text }, { kind: 'inserted', text: p.text });
    } else out.push(p);
  }
  // Gather each run of changes into one deletion followed by one insertion.
  const merged: DiffPiece[] = [];
  for (let k = 0; k < out.length; ) {
    if (out[k].kind === 'same') {
      merged.push(out[k++]);
      continue;
    }
    let deleted = '';
    let inserted = '';
    while (k < out.length && out[k].kind !== 'same') {
      if (out[k].kind === 'deleted') deleted += out[k].text;
      else inserted += out[k].text;
      k++;
    }
    if (deleted) merged.push({ kind: 'deleted', text: deleted });
    if (inserted) merged.push({ kind: 'inserted', text: inserted });
  }
  return merged;
}
