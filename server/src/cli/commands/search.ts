import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { CorpusScanThread } from '../../corpus/corpus-scan-thread';
import type { SimilarParagraph } from '../../core/agreed/phrase-index';
import { bundledCorpusFolder } from '../../corpus/load';
import { queryUpdatedPhraseIndex, queryUpdatedPhraseIndexBesideScan } from '../../corpus/segment-store';
import type { CorpusPhraseIndex } from '../../core/agreed/segmented-index';
import { isConnectionString } from '../../corpus/postgres/connection';
import { RemoteCorpus } from '../../corpus/postgres/remote';
import type { Command } from '../command';
import { cliLocale, texts } from '../locale';
import { argumentWords } from '../options';

/** One match as `--format json` prints it: a similar paragraph, its line 1-based (as lint prints lines). */
export type SearchRecord = SimilarParagraph;

interface Options {
  text: string;
  limit: number;
  minScore: number;
  format: 'text' | 'json';
  folders: string[];
  bundled: boolean;
  /** A corpus database searched as well (`--server postgres://…`). */
  server?: string;
}

function parseArgs(args: string[]): Options | string {
  const t = texts();
  const options: Options = { text: '', limit: 10, minScore: 50, format: 'text', folders: [], bundled: true };
  const words: string[] = [];
  for (const { name: arg, word, value: take } of argumentWords(args)) {
    if (arg === '--limit' || arg === '--min-score') {
      const v = take();
      const n = v !== undefined && /^\d+$/.test(v) ? Number(v) : NaN;
      if (arg === '--limit' && !(n >= 1)) return t.search.limitTakes(v ?? '');
      if (arg === '--min-score' && !(n >= 0 && n <= 100)) return t.search.minScoreTakes(v ?? '');
      if (arg === '--limit') options.limit = n;
      else options.minScore = n;
    } else if (arg === '--format') {
      const f = take();
      if (f !== 'text' && f !== 'json') return t.formatTakes(['text', 'json'], f ?? '');
      options.format = f;
    } else if (arg === '--corpus') {
      const c = take();
      if (!c) return t.corpusNeedsFolder;
      if (!existsSync(c) || !statSync(c).isDirectory()) return t.noSuchCorpusFolder(c);
      options.folders.push(resolve(c));
    } else if (arg === '--server') {
      const s = take();
      if (!s || !isConnectionString(s)) return t.serverTakes(s ?? '');
      options.server = s;
    } else if (arg === '--no-bundled') {
      options.bundled = false;
    } else if (arg.startsWith('-') && arg !== '-') {
      return t.unknownOption(arg);
    } else {
      words.push(word);
    }
  }
  if (words.length === 0) return t.search.giveText;
  options.text = words.length === 1 && words[0] === '-' ? readFileSync(0, 'utf8').trim() : words.join(' ');
  if (options.text.trim().length < 2) return t.search.textTooShort;
  if (!options.bundled && options.folders.length === 0 && !options.server) return t.noCorpusOrServerLeft;
  return options;
}

/** The corpus database's similar paragraphs, or what went wrong (never with the password). */
async function searchServer(server: string, text: string, limit: number, minScore: number): Promise<SimilarParagraph[] | string> {
  const remote = new RemoteCorpus({ connectionString: server, password: process.env.PGPASSWORD || undefined, queryTimeout: 10_000, max: 1, locale: cliLocale() });
  try {
    await remote.start();
    if (!remote.available) return `${remote.status.server}: ${remote.status.message}`;
    return await remote.similar(text, { limit, minScore });
  } catch (err) {
    return `${remote.status.server}: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    await remote.close();
  }
}

/** A match as the text format prints it: score, source and place, then the paragraph. */
export function formatMatch(m: SimilarParagraph): string {
  const t = texts().search;
  const note = m.contains ? `  ${t.usesWordForWord}` : m.within !== undefined ? `  ${t.closeStretch(m.within)}` : '';
  return `${String(m.score).padStart(3)}%  ${m.symbol}  ${m.where}${note}\n      ${m.text}`;
}

/** The scan thread bin/resolution-drafter.js started on scan-worker.js before the bundle loaded (see `useScanWorker`). */
let startedScan: CorpusScanThread | undefined;

/**
 * Hands `search` a worker thread already started on dist/scan-worker.js: the thread is ready by
 * the time the folders are known, instead of starting after them (a thread takes 20 to 30 ms).
 */
export function useScanWorker(worker: Worker): void {
  startedScan = new CorpusScanThread(worker);
}

export const searchCommand: Command = {
  name: 'search',
  get summary() {
    return texts().summaries.search;
  },
  get help() {
    return texts().search.help;
  },
  async run(args) {
    const scan = startedScan;
    startedScan = undefined;
    const options = parseArgs(args);
    if (typeof options === 'string') {
      scan?.stop();
      process.stderr.write(`resolution-drafter search: ${options}\n${texts().seeHelp('search')}\n`);
      return 2;
    }
    const folders = [...(options.bundled ? [bundledCorpusFolder()] : []), ...options.folders];
    let matches: SimilarParagraph[] = [];
    if (folders.length > 0) {
      // Only what the search reads of the index file is read (a large corpus's index is read in
      // part), with the segment over the drafts changed since it was built. The corpus is scanned
      // in a worker thread meanwhile (a thread of the bundle's own when none was started before it).
      // Without a thread (the sources run as they are, or the bundled corpus alone: five drafts are
      // scanned sooner than a thread starts), the corpus is scanned first, here.
      const scanner = scan ?? (options.folders.length > 0 ? CorpusScanThread.start(join(__dirname, 'scan-worker.js')) : undefined);
      const similar = (index: CorpusPhraseIndex) => index.similar(options.text, { limit: options.limit, minScore: options.minScore });
      const { result, problems } = scanner ? await queryUpdatedPhraseIndexBesideScan(folders, similar, scanner.fingerprint(folders)) : queryUpdatedPhraseIndex(folders, similar);
      for (const p of problems) process.stderr.write(`${texts().phraseIndexProblem(p)}\n`);
      matches = result;
    } else scan?.stop();
    let serverFailed = false;
    if (options.server) {
      const remote = await searchServer(options.server, options.text, options.limit, options.minScore);
      if (typeof remote === 'string') {
        process.stderr.write(`resolution-drafter search: ${texts().localOnly(remote)}\n`);
        serverFailed = true;
      } else {
        const key = (m: SimilarParagraph) => `${m.symbol}\u0000${m.where}\u0000${m.text}`;
        const have = new Set(matches.map(key));
        matches = [...matches, ...remote.filter((m) => !have.has(key(m)))].sort((a, b) => b.score - a.score).slice(0, options.limit);
      }
    }
    if (options.format === 'json') {
      const records: SearchRecord[] = matches.map((m) => ({ ...m, line: m.line === undefined ? undefined : m.line + 1 }));
      process.stdout.write(JSON.stringify(records, null, 2) + '\n');
    } else if (matches.length > 0) {
      process.stdout.write(matches.map(formatMatch).join('\n') + '\n');
    } else {
      process.stderr.write(`${texts().search.nothingClose(options.minScore)}\n`);
    }
    if (serverFailed) return 3;
    return matches.length > 0 ? 0 : 1;
  },
};
