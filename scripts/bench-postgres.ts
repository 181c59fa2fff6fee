/**
 * The corpus database under load: `npm run bench:postgres [-- --mb 50] [--drafters 50] [--seconds 60]`.
 * --think MS is the mean pause between two completions of one drafter (default 1000). Drafters
 * start at random moments within the first pause and pause for 0.5–1.5 × MS (a seeded draw), as
 * people typing do; --lockstep starts them all at once with the same pause (the worst case: every
 * drafter's question at the same moment).
 * Starts a throwaway PostgreSQL (test/postgres/cluster.ts), publishes the bundled corpus plus a
 * synthetic corpus of --mb MB, then runs --drafters simulated drafters on loopback for --seconds,
 * each with its own pool (as each drafter's server has), typing (completion: openers and agreed
 * language after a growing stretch of a corpus paragraph), hovering (a symbol's facts) and asking
 * for similar text. Prints p50/p95/p99 per request kind, throughput, errors, the database's own
 * figures (pg_stat_statements), and the same queries against the local phrase index side by side.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { corpusParagraphs } from '../server/src/core/agreed/corpus-paragraphs';
import { PhraseIndex } from '../server/src/core/agreed/phrase-index';
import { bundledCorpusFolder, loadCorpus } from '../server/src/corpus/load';
import { loadOrBuildPhraseIndex } from '../server/src/corpus/phrase-index-store';
import { publishCorpus } from '../server/src/corpus/postgres/publish';
import { CorpusBusyError, RemoteCorpus } from '../server/src/corpus/postgres/remote';
// The seeded draw of the synthetic corpus: two runs ask the same questions at the same moments.
import { random, syntheticCorpus } from '../server/src/bench/synthetic';
import { startCluster } from '../test/postgres/cluster';
import { SIMILAR_BUDGET, TYPING_BUDGET } from '../server/src/lsp/features/remote-corpus';
import { INLINE_CONTEXT } from '../server/src/lsp/features/remote-provenance';
import { RemoteParagraphs } from '../server/src/corpus/postgres/remote-paragraphs';

const paragraphQuestions = new WeakMap<RemoteCorpus, RemoteParagraphs>();
const paragraphsOf = (remote: RemoteCorpus) => {
  let q = paragraphQuestions.get(remote);
  if (!q) paragraphQuestions.set(remote, (q = new RemoteParagraphs(remote)));
  return q;
};

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MB = arg('mb', 50);
const DRAFTERS = arg('drafters', 50);
const SECONDS = arg('seconds', 60);
/** A drafter's pause between two completions while typing (ms). */
const THINK = arg('think', 1000);
const LOCKSTEP = process.argv.includes('--lockstep');


const now = () => Number(process.hrtime.bigint()) / 1e6;
function percentiles(values: number[]): { n: number; p50: number; p95: number; p99: number } {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0) * 10) / 10;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

async function main(): Promise<void> {
  const bundled = loadCorpus([bundledCorpusFolder()]);
  const made = syntheticCorpus(bundled.drafts, MB, join(tmpdir(), 'resolution-drafter-bench', `corpus-${MB}MB`));
  const folders = [bundledCorpusFolder(), made.folder];
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg()[0].toFixed(1)}; corpus: bundled + ${made.files} synthetic documents (${(made.bytes / 1024 / 1024).toFixed(1)} MB)`);
  const cluster = await startCluster();
  try {
    let started = now();
    const first = await publishCorpus(folders, { connectionString: cluster.writerUrl }, (line) => {
      if (!/documents written/.test(line)) console.log(`  ${((now() - started) / 1000).toFixed(1)} s: ${line}`);
    });
    const publishMs = now() - started;
    console.log(`publish: ${first.added} documents, ${first.paragraphs} paragraphs in ${(publishMs / 1000).toFixed(1)} s (${Math.round(first.paragraphs / (publishMs / 1000))} paragraphs/s), load average ${loadavg()[0].toFixed(1)}`);
    started = now();
    const again = await publishCorpus(folders, { connectionString: cluster.writerUrl });
    console.log(`publish again, nothing changed: ${again.unchanged} unchanged in ${((now() - started) / 1000).toFixed(1)} s`);
    // One document more (a folder of its own), then gone again: what an incremental publish costs.
    const extra = mkdtempSync(join(tmpdir(), 'rd-bench-extra-'));
    const one = readdirSync(made.folder).find((n) => n.endsWith('.unres')) ?? '';
    writeFileSync(join(extra, 'EXTRA-1.unres'), readFileSync(join(made.folder, one), 'utf8').replace(/。/, '，并再次重申。'));
    started = now();
    const added = await publishCorpus([...folders, extra], { connectionString: cluster.writerUrl });
    const addMs = now() - started;
    started = now();
    const removed = await publishCorpus(folders, { connectionString: cluster.writerUrl });
    console.log(`publish with one document added: ${added.added} added in ${(addMs / 1000).toFixed(1)} s; without it again: ${removed.removed} removed in ${((now() - started) / 1000).toFixed(1)} s`);
    rmSync(extra, { recursive: true, force: true });
    const size = (relation: string) => cluster.sql(`SELECT pg_size_pretty(pg_total_relation_size('resolution_drafter.${relation}'))`);
    console.log(`database size: ${cluster.sql(`SELECT pg_size_pretty(pg_database_size('corpus'))`)}; paragraphs + indexes: ${size('paragraphs')} (trigram index ${cluster.sql(`SELECT pg_size_pretty(pg_relation_size('resolution_drafter.paragraphs_text_trgm'))`)}); paragraph texts: ${cluster.sql('SELECT count(*) FROM resolution_drafter.paragraph_texts')} (${size('paragraph_texts')}); text endings: ${cluster.sql('SELECT count(*) FROM resolution_drafter.text_endings')} rows (${size('text_endings')}); text signatures: ${size('text_signatures')}`);
    cluster.sql('SELECT pg_stat_statements_reset()');

    // What drafters type: stretches of real corpus paragraphs, symbols they hover, texts they look up.
    const paragraphs = bundled.drafts.flatMap((d) => corpusParagraphs(d.model).filter((p) => p.kind !== 'footnote' && p.text.length > 20).map((p) => p.text));
    const symbols = bundled.catalogue.cited.map((c) => c.symbol);
    const kinds = ['completion', 'inline', 'hover', 'similar'] as const;
    // As the language server does: the database's answer is merged when it comes within the budget, else dropped.
    const budget: Record<(typeof kinds)[number], number> = { completion: TYPING_BUDGET, inline: TYPING_BUDGET, hover: TYPING_BUDGET, similar: SIMILAR_BUDGET };
    const times: Record<(typeof kinds)[number], number[]> = { completion: [], inline: [], hover: [], similar: [] };
    const late: Record<(typeof kinds)[number], number> = { completion: 0, inline: 0, hover: 0, similar: 0 };
    const skipped: Record<(typeof kinds)[number], number> = { completion: 0, inline: 0, hover: 0, similar: 0 };
    let errors = 0;
    const firstErrors: string[] = [];
    const loadBefore = loadavg()[0];
    const drafters = await Promise.all(
      Array.from({ length: DRAFTERS }, async () => {
        // Each drafter's server has its own pool (2 connections here: 50 drafters, 100 connections), with the server's 2 s per statement.
        const remote = new RemoteCorpus({ connectionString: cluster.drafterUrl, max: 2, queryTimeout: 2000 });
        await remote.start();
        return remote;
      }),
    );
    /** Completion times by 10 s of the run, to tell a slow start from a steady state. */
    const windows: number[][] = [];
    const timed = async (kind: (typeof kinds)[number], work: () => Promise<unknown>) => {
      const t = now();
      try {
        await work();
        const ms = now() - t;
        times[kind].push(ms);
        if (kind === 'completion') (windows[Math.floor((t - loadStarted) / 10_000)] ??= []).push(ms);
        if (ms > budget[kind]) late[kind]++;
      } catch (err) {
        // Skipped by a busy pool: no answer to merge, as when it is late (the server drops both).
        if (err instanceof CorpusBusyError) skipped[kind]++;
        else {
          errors++;
          if (firstErrors.length < 3) firstErrors.push(err instanceof Error ? err.message : String(err));
        }
      }
    };
    const cpuBefore = process.cpuUsage();
    const loadStarted = now();
    const end = loadStarted + SECONDS * 1000;
    // How long this process (the 50 drafters' own processing) kept answers waiting: part of every time measured.
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    await Promise.all(
      drafters.map(async (remote, d) => {
        let step = d * 7;
        const draw = random(d + 1);
        const pause = () => (LOCKSTEP ? THINK : THINK * (0.5 + draw()));
        // Drafters do not all start typing in the same millisecond.
        if (!LOCKSTEP) await new Promise((r) => setTimeout(r, THINK * draw()));
        while (now() < end) {
          step++;
          const text = paragraphs[step % paragraphs.length];
          const cut = 4 + (step % Math.max(1, text.length - 4));
          await timed('completion', () => Promise.all([remote.openers(), remote.continuations(text.slice(0, cut), 40)]));
          // The ghost text at the same pause (its paragraphs; the server computes on them as on the local index).
          await timed('inline', () => paragraphsOf(remote).continuing(text.slice(0, cut), INLINE_CONTEXT.shortest, INLINE_CONTEXT.longest));
          if (step % 4 === 0) await timed('hover', () => remote.symbol(symbols[step % symbols.length]));
          if (step % 10 === 0) await timed('similar', () => remote.similar(text, { limit: 10, minScore: 50 }));
          // A drafter types a word every so often, not flat out.
          await new Promise((r) => setTimeout(r, pause()));
        }
      }),
    );
    const cpu = process.cpuUsage(cpuBefore);
    lag.disable();
    await Promise.all(drafters.map((r) => r.close()));
    const total = kinds.reduce((n, k) => n + times[k].length + skipped[k], 0) + errors;
    console.log(`load average before / after the load: ${loadBefore.toFixed(1)} / ${loadavg()[0].toFixed(1)}; the simulated drafters' own processing (one Node process): ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU-s of the ${SECONDS} s`);
    console.log(`\nload: ${DRAFTERS} drafters × ${SECONDS} s on loopback, a completion and a ghost text every ~${THINK} ms each (${LOCKSTEP ? 'all at the same moments' : 'starts and pauses drawn at random'}; a hover every 4th, similar text every 10th); ${total} requests, ${Math.round(total / SECONDS)} per second, ${errors} errors${firstErrors.length ? ` (${firstErrors.join('; ')})` : ''}`);
    for (const k of kinds) console.log(`  database ${k.padEnd(10)} ${JSON.stringify(percentiles(times[k]))} ms; later than the server's ${budget[k]} ms budget (dropped): ${late[k]} of ${times[k].length}; skipped by a busy pool or answered after the 3 s client timeout (dropped): ${skipped[k]}`);
    console.log(`  completion p95 by 10 s of the run: ${windows.map((w) => percentiles(w).p95).join(' · ')} ms`);
    console.log(`  the drafters' process's event loop held up (${lag.count} samples): p50 ${(lag.percentile(50) / 1e6).toFixed(1)}, p99 ${(lag.percentile(99) / 1e6).toFixed(1)}, longest ${(lag.max / 1e6).toFixed(1)} ms`);
    console.log('\npg_stat_statements (top by total time):');
    console.log(
      cluster.sql(`SELECT calls || ' calls, mean ' || round(mean_exec_time::numeric, 2) || ' ms, max ' || round(max_exec_time::numeric, 1) || ' ms: ' || left(regexp_replace(query, '\\s+', ' ', 'g'), 90) FROM pg_stat_statements WHERE query LIKE '%resolution_drafter%' ORDER BY total_exec_time DESC LIMIT 8`),
    );

    // The same queries, one at a time, against the database and against the local phrase index.
    const { index } = loadOrBuildPhraseIndex(folders);
    const local = index as PhraseIndex;
    const remote = new RemoteCorpus({ connectionString: cluster.drafterUrl, max: 1, queryTimeout: 5000 });
    await remote.start();
    const side = { localCompletion: [] as number[], dbCompletion: [] as number[], localSimilar: [] as number[], dbSimilar: [] as number[] };
    let sideErrors = 0;
    const agree = { lists: 0, first: 0, asked: 0, similarAsked: 0, localTop: 0, sameParagraph: 0, asGood: 0 };
    for (let i = 0; i < 200; i++) {
      const text = paragraphs[(i * 13) % paragraphs.length];
      const before = text.slice(0, 4 + (i % Math.max(1, text.length - 4)));
      let t = now();
      const mine = local.continuations(before, 40);
      side.localCompletion.push(now() - t);
      t = now();
      const theirs = await remote.continuations(before, 40).then((v) => (side.dbCompletion.push(now() - t), v), () => (sideErrors++, undefined));
      if (theirs) {
        agree.asked++;
        const key = (c: { matched: string; text: string }) => `${c.matched}\u0000${c.text}`;
        if (mine.slice(0, 10).map(key).join('\n') === theirs.slice(0, 10).map(key).join('\n')) agree.lists++;
        if ((mine[0] ? key(mine[0]) : '') === (theirs[0] ? key(theirs[0]) : '')) agree.first++;
      }
      if (i % 4 === 0) {
        t = now();
        const near = local.similar(text, { limit: 10 });
        side.localSimilar.push(now() - t);
        t = now();
        const found = await remote.similar(text, { limit: 10, minScore: 50 }).then((v) => (side.dbSimilar.push(now() - t), v), () => (sideErrors++, undefined));
        if (found) {
          agree.similarAsked++;
          agree.localTop += near.length;
          // Recall of the local top 10: the same paragraph, or one scoring as well (equal scores are many copies of one text).
          const ids = new Set(found.map((p) => `${p.symbol}\u0000${p.where}`));
          const scores = found.map((p) => p.score);
          for (const p of near) {
            if (ids.has(`${p.symbol}\u0000${p.where}`)) agree.sameParagraph++;
            const at = scores.findIndex((s) => s >= p.score);
            if (at >= 0) {
              agree.asGood++;
              scores.splice(at, 1);
            }
          }
        }
      }
    }
    if (sideErrors > 0) console.log(`side by side: ${sideErrors} database errors (timeouts)`);
    await remote.close();
    console.log('\nside by side (one drafter, same queries, local phrase index vs database):');
    for (const [k, v] of Object.entries(side)) console.log(`  ${k.padEnd(16)} ${JSON.stringify(percentiles(v))} ms`);
    console.log(`  completion: the same 10 continuations in ${agree.lists} of ${agree.asked}, the same first one in ${agree.first}`);
    console.log(`  similar text, recall of the local top 10: the same paragraph ${agree.sameParagraph} of ${agree.localTop}, one scoring as well ${agree.asGood} of ${agree.localTop} (${agree.similarAsked} queries)`);
  } finally {
    cluster.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
