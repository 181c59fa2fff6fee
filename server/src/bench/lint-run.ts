/**
 * `resolution-drafter lint` of one small draft (A/RES/73/62 of the bundled corpus, 15 KB) as a
 * drafter runs it, with `.resolution-drafter.json` naming the corpus folders: the whole command,
 * from the process start to its exit. Fastest and median of a few runs (a process start is what a
 * busy machine delays most).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const now = () => Number(process.hrtime.bigint()) / 1e6;

export function lintSmallDraft(corpusFolders: string[], bundledFolder: string, workFolder: string, runs: number): { fastestMs: number; medianMs: number } {
  mkdirSync(workFolder, { recursive: true });
  const draft = join(workFolder, 'A-RES-73-62.unres');
  copyFileSync(join(bundledFolder, 'A-RES-73-62.unres'), draft);
  writeFileSync(join(workFolder, '.resolution-drafter.json'), JSON.stringify({ corpus: { folders: corpusFolders } }));
  // The bench runs from dist/bench.js; the command line's launcher is bin/ beside dist/.
  const bin = join(__dirname, '..', 'bin', 'resolution-drafter.js');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = now();
    const r = spawnSync(process.execPath, [bin, 'lint', draft], { encoding: 'utf8' });
    times.push(now() - started);
    if (r.status !== 0 && r.status !== 1) throw new Error(`lint failed (exit ${r.status}): ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  return { fastestMs: Math.round(times[0]), medianMs: Math.round(times[Math.floor(times.length / 2)]) };
}
