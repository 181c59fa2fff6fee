/**
 * The corpus database under load: `npm run bench:postgres [-- --mb 50] [--drafters 50] [--seconds 60]`.
 * --think MS is the pause between two completions of one drafter (default 1000).
 * Starts a throwaway PostgreSQL (test/postgres/cluster.ts), publishes the bundled corpus plus a
 * synthetic corpus of --mb MB, then runs --drafters simulated drafters on loopback for --seconds,
 * each with its own pool (as each drafter's server has), typing (completion: openers and agreed
 * language after a growing stretch of a corpus paragraph), hovering (a symbol's facts) and asking
 * for similar text. Prints p50/p95/p99 per request kind, throughput, errors, the database's own
 * figures (pg_stat_statements), and the same queries against the local phrase index side by side.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { corpusParagraphs } from '../server/src/core/agreed/corpus-paragraphs';
import { PhraseIndex } from '../server/src/core/agreed/phrase-index';
import { bundledCorpusFolder, loadCorpus } from '../server/src/corpus/load';
import { loadOrBuildPhraseIndex } from '../server/src/corpus/phrase-index-store';
import { publishCorpus } from '../server/src/corpus/postgres/publish';
import { RemoteCorpus } from '../server/src/corpus/postgres/remote';
import { syntheticCorpus } from '../server/src/bench/synthetic';
import { startCluster } from '../test/postgres/cluster';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const MB = arg('mb', 50);
const DRAFTERS = arg('drafters', 50);
const SECONDS = arg('seconds', 60);
/** A drafter's pause between two completions while typing (ms). */
const THINK = arg('think', 1000);

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
    const first = await publishCorpus(folders, { connectionString: cluster.writerUrl });
    const publishMs = now() - started;
    console.log(`publish: ${first.added} documents, ${first.paragraphs} paragraphs in ${(publishMs / 1000).toFixed(1)} s (${Math.round(first.paragraphs / (publishMs / 1000))} paragraphs/s)`);
    started = now();
    const again = await publishCorpus(folders, { connectionString: cluster.writerUrl });
    console.log(`publish again, nothing changed: ${again.unchanged} unchanged in ${((now() - started) / 1000).toFixed(1)} s`);
    console.log(`database size: ${cluster.sql(`SELECT pg_size_pretty(pg_database_size('corpus'))`)}; paragraphs table + indexes: ${cluster.sql(`SELECT pg_size_pretty(pg_total_relation_size('resolution_drafter.paragraphs'))`)}; trigram index: ${cluster.sql(`SELECT pg_size_pretty(pg_relation_size('resolution_drafter.paragraphs_text_trgm'))`)}`);
    cluster.sql('SELECT pg_stat_statements_reset()');

    // What drafters type: stretches of real corpus paragraphs, symbols they hover, texts they look up.
    const paragraphs = bundled.drafts.flatMap((d) => corpusParagraphs(d.model).filter((p) => p.kind !== 'footnote' && p.text.length > 20).map((p) => p.text));
    const symbols = bundled.catalogue.cited.map((c) => c.symbol);
    const kinds = ['completion', 'hover', 'similar'] as const;
    const times: Record<(typeof kinds)[number], number[]> = { completion: [], hover: [], similar: [] };
    let errors = 0;
    const firstErrors: string[] = [];
    const drafters = await Promise.all(
      Array.from({ length: DRAFTERS }, async () => {
        const remote = new RemoteCorpus({ connectionString: cluster.drafterUrl, max: 2, queryTimeout: 5000 });
        await remote.start();
        return remote;
      }),
    );
    const end = now() + SECONDS * 1000;
    await Promise.all(
      drafters.map(async (remote, d) => {
        let step = d * 7;
        while (now() < end) {
          step++;
          const text = paragraphs[step % paragraphs.length];
          const cut = 4 + (step % Math.max(1, text.length - 4));
          try {
            let t = now();
            await Promise.all([remote.openers(), remote.continuations(text.slice(0, cut), 40)]);
            times.completion.push(now() - t);
            if (step % 4 === 0) {
              t = now();
              await remote.symbol(symbols[step % symbols.length]);
              times.hover.push(now() - t);
            }
            if (step % 10 === 0) {
              t = now();
              await remote.similar(text, { limit: 10, minScore: 50 });
              times.similar.push(now() - t);
            }
          } catch (err) {
            errors++;
            if (firstErrors.length < 3) firstErrors.push(err instanceof Error ? err.message : String(err));
          }
          // A drafter types a word every so often, not flat out.
          await new Promise((r) => setTimeout(r, THINK));
        }
      }),
    );
    await Promise.all(drafters.map((r) => r.close()));
    const total = kinds.reduce((n, k) => n + times[k].length, 0);
    console.log(`load average after the load: ${loadavg()[0].toFixed(1)}`);
    console.log(`\nload: ${DRAFTERS} drafters × ${SECONDS} s on loopback, a completion every ~${THINK} ms each (a hover every 4th, similar text every 10th); ${total} requests, ${Math.round(total / SECONDS)} per second, ${errors} errors${firstErrors.length ? ` (${firstErrors.join('; ')})` : ''}`);
    for (const k of kinds) console.log(`  database ${k.padEnd(10)} ${JSON.stringify(percentiles(times[k]))} ms`);
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
    for (let i = 0; i < 200; i++) {
      const text = paragraphs[(i * 13) % paragraphs.length];
      const before = text.slice(0, 4 + (i % Math.max(1, text.length - 4)));
      let t = now();
      local.continuations(before, 40);
      side.localCompletion.push(now() - t);
      t = now();
      await remote.continuations(before, 40).then(() => side.dbCompletion.push(now() - t), () => sideErrors++);
      if (i % 4 === 0) {
        t = now();
        local.similar(text, { limit: 10 });
        side.localSimilar.push(now() - t);
        t = now();
        await remote.similar(text, { limit: 10, minScore: 50 }).then(() => side.dbSimilar.push(now() - t), () => sideErrors++);
      }
    }
    if (sideErrors > 0) console.log(`side by side: ${sideErrors} database errors (timeouts)`);
    await remote.close();
    console.log('\nside by side (one drafter, same queries):');
    for (const [k, v] of Object.entries(side)) console.log(`  ${k.padEnd(16)} ${JSON.stringify(percentiles(v))} ms`);
  } finally {
    cluster.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
