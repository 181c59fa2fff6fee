/** Shared helpers for the corpus tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

export const CORPUS = 'corpus';
export const RAW = join(CORPUS, 'raw');

export function rawFiles(): string[] {
  return readdirSync(RAW).filter((n) => n.endsWith('.txt')).sort().map((n) => join(RAW, n));
}

export function cleanDraft(file: string): string {
  return readFileSync(join(CORPUS, file), 'utf8');
}

/** Runs the command line from its sources (no build needed), as a user would run it. */
export function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Cites A/RES/49/75 E with a day the corpus catalogue does not give it (1994-12-15), and reuses
// footnote 1 after 《全面禁止核试验条约》, whose footnote the catalogue knows is another text.
export const CORPUS_FACTS_DRAFT = [
  '第七十七届会议',
  '2022 年 12 月 7 日大会决议',
  '77/60. 为建立无核武器世界采取联合行动',
  '大会，',
  '回顾其关于逐步减少核威胁的 1994 年 12 月 16 日第 49/75 E 号决议，',
  '重申《不扩散核武器条约》¹ 作为国际核不扩散机制的基石具有至关重要的意义，',
  '1. **促请**所有国家签署和批准《全面禁止核试验条约》¹；',
  '2. **决定**将题为“全面彻底裁军”的项目列入大会第七十八届会议临时议程。',
  '---',
  '¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。',
  '',
].join('\n');
