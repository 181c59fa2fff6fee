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
