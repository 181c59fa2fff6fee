// The fuzz run of issue 15: random and mutated drafts through parse, validate, every quick fix
// and the renumberings (test/faults/edit-properties.ts). Prints count, crashes, hangs (a draft
// taking over 2 s) and text lost (a property broken), and the first few of each.
// Usage: node --import tsx scripts/fuzz.ts [count=100000] [seed=1]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraftEdits, PropertyFailure } from '../test/faults/edit-properties';
import { mutatedDrafts } from '../test/faults/mutate';

const count = Number(process.argv[2] ?? 100000);
const seed = Number(process.argv[3] ?? 1);
const corpus = join(__dirname, '..', 'corpus');
const drafts = readdirSync(corpus).filter((n) => n.endsWith('.unres')).sort().map((n) => readFileSync(join(corpus, n), 'utf8'));
const figures = { count: 0, fixes: 0, crashes: 0, hangs: 0, textLost: 0, slowestMs: 0 };
const examples: string[] = [];
const started = Date.now();
for (const text of mutatedDrafts(drafts, count, seed)) {
  const t0 = performance.now();
  try {
    figures.fixes += checkDraftEdits(text);
  } catch (err) {
    if (err instanceof PropertyFailure) figures.textLost++;
    else figures.crashes++;
    if (examples.length < 5) examples.push(String(err instanceof Error ? (err.stack ?? err.message) : err).slice(0, 800));
  }
  const ms = performance.now() - t0;
  figures.slowestMs = Math.max(figures.slowestMs, Math.round(ms));
  if (ms > 2000) figures.hangs++;
  figures.count++;
  if (figures.count % 10000 === 0) console.error(`${figures.count} drafts, ${Math.round((Date.now() - started) / 1000)} s`);
}
console.log(JSON.stringify({ ...figures, seed, seconds: Math.round((Date.now() - started) / 1000) }));
for (const e of examples) console.log(`---\n${e}`);
process.exitCode = figures.crashes + figures.hangs + figures.textLost > 0 ? 1 : 0;
