import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SimilarParagraph } from '../../core/agreed/phrase-index';
import { bundledCorpusFolder } from '../../corpus/load';
import { queryUpdatedPhraseIndex } from '../../corpus/segment-store';
import { isConnectionString } from '../../corpus/postgres/connection';
import { RemoteCorpus } from '../../corpus/postgres/remote';
import type { Command } from '../command';
import { texts } from '../locale';
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
  const options: Options = { text: '', limit: 10, minScore: 50, format: 'text', folders: [], bundled: true };
  const words: string[] = [];
  for (const { name: arg, word, value: take } of argumentWords(args)) {
    if (arg === '--limit' || arg === '--min-score') {
      const v = take();
      const n = v !== undefined && /^\d+$/.test(v) ? Number(v) : NaN;
      if (arg === '--limit' && !(n >= 1)) return `--limit takes a whole number of at least 1, not '${v ?? ''}'.`;
      if (arg === '--min-score' && !(n >= 0 && n <= 100)) return `--min-score takes a number from 0 to 100, not '${v ?? ''}'.`;
      if (arg === '--limit') options.limit = n;
      else options.minScore = n;
    } else if (arg === '--format') {
      const f = take();
      if (f !== 'text' && f !== 'json') return `--format takes text or json, not '${f ?? ''}'.`;
      options.format = f;
    } else if (arg === '--corpus') {
      const c = take();
      if (!c) return '--corpus needs a folder.';
      if (!existsSync(c) || !statSync(c).isDirectory()) return `--corpus ${c}: no such folder.`;
      options.folders.push(resolve(c));
    } else if (arg === '--server') {
      const s = take();
      if (!s || !isConnectionString(s)) return `--server takes a connection string that starts with postgres://, not '${s ?? ''}'.`;
      options.server = s;
    } else if (arg === '--no-bundled') {
      options.bundled = false;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option '${arg}'.`;
    } else {
      words.push(word);
    }
  }
  if (words.length === 0) return 'give the text to look for (or - to read it from standard input).';
  options.text = words.length === 1 && words[0] === '-' ? readFileSync(0, 'utf8').trim() : words.join(' ');
  if (options.text.trim().length < 2) return 'the text to look for needs at least two characters.';
  if (!options.bundled && options.folders.length === 0 && !options.server) return '--no-bundled leaves no corpus: add --corpus FOLDER or --server postgres://….';
  return options;
}

/** The corpus database's similar paragraphs, or what went wrong (never with the password). */
async function searchServer(server: string, text: string, limit: number, minScore: number): Promise<SimilarParagraph[] | string> {
  const remote = new RemoteCorpus({ connectionString: server, password: process.env.PGPASSWORD || undefined, queryTimeout: 10_000, max: 1 });
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
  const note = m.contains ? `  ${texts().usesWordForWord}` : m.within !== undefined ? `  ${texts().closeStretch(m.within)}` : '';
  return `${String(m.score).padStart(3)}%  ${m.symbol}  ${m.where}${note}\n      ${m.text}`;
}

export const searchCommand: Command = {
  name: 'search',
  summary: 'Find corpus paragraphs close to a text (agreed language), with a match percentage.',
  help: [
    'Usage: resolution-drafter search [--limit N] [--min-score N] [--format text|json] [--corpus FOLDER]… [--no-bundled] TEXT',
    '',
    'Lists the corpus paragraphs and footnotes closest to TEXT, best first, with a percentage as',
    'translation memories show it (100 = the same text; footnote markers, ** and spaces are ignored),',
    'the symbol of the document and where in it (序言部分第 3 段, 执行部分第 5 段, 第 3 段(b), 脚注 1).',
    'Paragraphs that use TEXT word for word are listed too, whatever their percentage.',
    'TEXT - reads the text from standard input.',
    '',
    'Options:',
    '  --limit N            at most N paragraphs (default 10).',
    '  --min-score N        only matches of at least N percent (default 50).',
    '  --format text|json   text (default); json: an array of { score, symbol, where, text, file, line, contains? } (line 1-based).',
    '  --corpus FOLDER      also search this corpus folder (clean .unres drafts, as ingest writes them); may be repeated.',
    '  --no-bundled         leave out the corpus bundled with the tool.',
  '  --server URL         also search the corpus database at URL (postgres://…; password from PGPASSWORD or PGPASSFILE).',
    '',
    'The index is kept in corpus/.index/ (or the system temporary folder) and rebuilt when the corpus changes.',
    'Exit codes: 0 matches found, 1 nothing close enough, 2 usage errors; 3 the corpus database could not be searched (local matches still printed).',
  ].join('\n'),
  async run(args) {
    const options = parseArgs(args);
    if (typeof options === 'string') {
      process.stderr.write(`resolution-drafter search: ${options}\nRun 'resolution-drafter search --help' for usage.\n`);
      return 2;
    }
    const folders = [...(options.bundled ? [bundledCorpusFolder()] : []), ...options.folders];
    let matches: SimilarParagraph[] = [];
    if (folders.length > 0) {
      // Only what the search reads of the index file is read (a large corpus's index is read in
      // part), with the segment over the drafts changed since it was built.
      const { result, problems } = queryUpdatedPhraseIndex(folders, (index) => index.similar(options.text, { limit: options.limit, minScore: options.minScore }));
      for (const p of problems) process.stderr.write(`phrase index: ${p}\n`);
      matches = result;
    }
    let serverFailed = false;
    if (options.server) {
      const remote = await searchServer(options.server, options.text, options.limit, options.minScore);
      if (typeof remote === 'string') {
        process.stderr.write(`resolution-drafter search: ${remote}; local corpus only.\n`);
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
      process.stderr.write(`${texts().nothingClose(options.minScore)}\n`);
    }
    if (serverFailed) return 3;
    return matches.length > 0 ? 0 : 1;
  },
};
