import { readFileSync } from 'node:fs';

/**
 * A long resolution of about `bytes` UTF-8 bytes for the tests of large drafts: the preambular
 * and operative paragraphs of the bundled A/RES/76/54 again and again, numbered on, with its
 * heading, organ line and closing, as one valid draft.
 */
export function longDraft(bytes: number): string {
  const lines = readFileSync('corpus/A-RES-76-54.unres', 'utf8').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '').split('\n');
  const preamble = lines.filter((l) => l.endsWith('，') && !l.startsWith('大会'));
  const operative = lines.filter((l) => /^\d+\. /.test(l)).map((l) => l.replace(/^\d+\. /, '').replace(/[。；]$/, ''));
  const out = ['大 会', '第七十九届会议', '', '79/__. 很长的决议草案', '', '大会，', ''];
  let size = 0;
  const half = bytes / 2;
  for (let i = 0; size < half; i++) {
    const p = preamble[i % preamble.length];
    out.push(p, '');
    size += Buffer.byteLength(p) + 2;
  }
  const ops: string[] = [];
  for (let i = 0; size < bytes; i++) {
    const p = operative[i % operative.length];
    ops.push(p);
    size += Buffer.byteLength(p) + 6;
  }
  ops.forEach((p, i) => out.push(`${i + 1}. ${p}${i === ops.length - 1 ? '。' : '；'}`, ''));
  out.push('2024 年 12 月 2 日', '第 50 次全体会议', '');
  return out.join('\n');
}
