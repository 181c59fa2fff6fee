/**
 * `resolution-drafter lint` of one small draft (A/RES/73/62 of the bundled corpus, 15 KB) as a
 * drafter runs it, with `.resolution-drafter.json` naming the corpus folders: the whole command,
 * from the process start to its exit. Fastest and median of a few runs (a process start is what a
 * busy machine delays most).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue, serializeCatalogue } from '../core/ingest';

const now = () => Number(process.hrtime.bigint()) / 1e6;

export interface LintFigures {
  fastestMs: number;
  medianMs: number;
  /** The first run, when it makes what the next ones read (the index of a large catalogue). */
  firstMs: number;
}

export function lintSmallDraft(corpusFolders: string[], bundledFolder: string, workFolder: string, runs: number): LintFigures {
  mkdirSync(workFolder, { recursive: true });
  const draft = join(workFolder, 'A-RES-73-62.unres');
  copyFileSync(join(bundledFolder, 'A-RES-73-62.unres'), draft);
  writeFileSync(join(workFolder, '.resolution-drafter.json'), JSON.stringify({ corpus: { folders: corpusFolders } }));
  // The bench runs from dist/bench.js; the command line's launcher is bin/ beside dist/.
  const bin = join(__dirname, '..', 'bin', 'resolution-drafter.js');
  const times: number[] = [];
  let firstMs = 0;
  for (let i = 0; i <= runs; i++) {
    const started = now();
    const r = spawnSync(process.execPath, [bin, 'lint', draft], { encoding: 'utf8' });
    if (i === 0) firstMs = Math.round(now() - started);
    else times.push(now() - started);
    if (r.status !== 0 && r.status !== 1) throw new Error(`lint failed (exit ${r.status}): ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  return { fastestMs: Math.round(times[0]), medianMs: Math.round(times[Math.floor(times.length / 2)]), firstMs };
}

/**
 * The `catalogue.json` that ingest would write for a synthetic corpus (the bench corpora have
 * none), in a folder of its own: lint reads nothing else of a corpus folder. Made once per
 * corpus (`.made-from` names it), in the bench's work folder; the shared corpus is only read.
 */
export function cataloguedCopy(corpusFolder: string, folder: string, stamp: string): string {
  const made = join(folder, '.made-from');
  if (existsSync(made) && readFileSync(made, 'utf8') === stamp && existsSync(join(folder, 'catalogue.json'))) return folder;
  mkdirSync(folder, { recursive: true });
  const names = readdirSync(corpusFolder).filter((n) => n.endsWith('.unres')).sort();
  const catalogue = buildCatalogue(names.map((file) => ({ file, source: file, text: readFileSync(join(corpusFolder, file), 'utf8') })));
  writeFileSync(join(folder, 'catalogue.json'), serializeCatalogue(catalogue));
  writeFileSync(made, stamp);
  return folder;
}
