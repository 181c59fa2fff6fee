/**
 * Synthetic corpora for the benchmark: the real corpus recombined and varied (clauses shuffled,
 * openers swapped, numbers and dates changed) into as many drafts as a target size needs. They
 * look like resolutions to the parser and have the phrase statistics of real text, repeated.
 * Written to a temporary folder; never committed.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinese } from '../core';
import { corpusParagraphs } from '../core/agreed/corpus-paragraphs';
import type { CorpusDraft } from '../corpus/load';

/** A small, seeded random generator (mulberry32): the same seed gives the same corpus. */
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

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const superscript = (n: number) => String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]);

interface Pools {
  preambular: string[];
  operative: string[];
  footnotes: string[];
}

function pools(drafts: CorpusDraft[]): Pools {
  const result: Pools = { preambular: [], operative: [], footnotes: [] };
  for (const d of drafts) {
    for (const p of corpusParagraphs(d.model)) {
      if (p.kind === 'preambular') result.preambular.push(p.text);
      else if (p.kind === 'operative' || p.kind === 'subparagraph') result.operative.push(p.text);
      else result.footnotes.push(p.text);
    }
  }
  return result;
}

/** One varied paragraph body: clauses shuffled, opener swapped, numbers changed, the ending set. */
function vary(text: string, next: () => number, openers: readonly string[], ending: string): string {
  let body = text.replace(/[，；。：]$/, '');
  const clauses = body.split('，');
  if (clauses.length > 2 && next() < 0.5) {
    // Keep the first clause (it carries the opener); shuffle the others.
    const rest = clauses.slice(1);
    for (let i = rest.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [rest[i], rest[j]] = [rest[j], rest[i]];
    }
    body = [clauses[0], ...rest].join('，');
  }
  if (next() < 0.5) {
    const opener = openers.find((o) => body.startsWith(o));
    if (opener) body = openers[Math.floor(next() * openers.length)] + body.slice(opener.length);
  }
  body = body.replace(/\d+/g, (digits) => {
    if (next() < 0.5) return digits;
    const n = Number(digits);
    if (digits.length === 4 && n >= 1945 && n <= 2030) return String(1950 + Math.floor(next() * 75));
    return String(Math.max(1, Math.floor(next() * 10 ** Math.min(digits.length, 3))));
  });
  return body + ending;
}

/** One synthetic resolution: heading, title, preamble, operative part, closing and footnotes. */
function syntheticDraft(number: number, pools: Pools, next: () => number): string {
  const pick = (list: string[]) => list[Math.floor(next() * list.length)];
  const session = 50 + (number % 30);
  const preambles = 10 + Math.floor(next() * 15);
  const operatives = 8 + Math.floor(next() * 25);
  const footnotes = Math.floor(next() * 8);
  const lines = [`第${session}届会议`, '', `${session}/${number}. 合成决议第 ${number} 号`, '', '大会，', ''];
  for (let i = 0; i < preambles; i++) {
    let p = vary(pick(pools.preambular), next, chinese.preambularOpeners, '，');
    if (i < footnotes) p += superscript(i + 1);
    lines.push(p, '');
  }
  for (let i = 1; i <= operatives; i++) lines.push(`${i}. ${vary(pick(pools.operative), next, chinese.operativeOpeners, i === operatives ? '。' : '；')}`, '');
  lines.push(`${1990 + (number % 35)} 年 12 月 ${1 + (number % 28)} 日`, `第 ${1 + (number % 70)} 次全体会议`, '');
  if (footnotes > 0) {
    lines.push('---');
    for (let i = 1; i <= footnotes; i++) lines.push(`${superscript(i)} ${pick(pools.footnotes)}`);
  }
  return lines.join('\n') + '\n';
}

function folderBytes(folder: string): number {
  return readdirSync(folder).filter((n) => n.endsWith('.unres')).reduce((n, f) => n + statSync(join(folder, f)).size, 0);
}

/**
 * A synthetic corpus of about `megabytes` MB in `folder`, made from `drafts`; reused when the
 * folder already holds one of that size (made with the same seed).
 */
export function syntheticCorpus(drafts: CorpusDraft[], megabytes: number, folder: string, seed = 1): { folder: string; bytes: number; files: number } {
  const target = megabytes * 1024 * 1024;
  const stamp = join(folder, `.complete-${megabytes}-${seed}`);
  if (existsSync(stamp)) return { folder, bytes: folderBytes(folder), files: readdirSync(folder).filter((n) => n.endsWith('.unres')).length };
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const next = random(seed);
  const source = pools(drafts);
  let bytes = 0;
  let files = 0;
  // One draft a file, as a real corpus folder holds them.
  while (bytes < target) {
    const draft = syntheticDraft(++files, source, next);
    writeFileSync(join(folder, `SYN-${String(files).padStart(6, '0')}.unres`), draft);
    bytes += Buffer.byteLength(draft);
  }
  writeFileSync(stamp, '');
  return { folder, bytes, files };
}
