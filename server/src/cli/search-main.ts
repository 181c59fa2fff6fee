/**
 * The command line with `search` alone, bundled on its own (dist/cli-search.js), as `lint` is
 * (see lint-main.ts): a search of the corpus index answers in less time than the whole command
 * line (5 MB) takes to load. bin/resolution-drafter.js chooses it when the command is `search`.
 */
import type { Worker } from 'node:worker_threads';
import { searchCommand, useScanWorker } from './commands/search';
import { dispatch } from './dispatch';
import { texts } from './locale';
import { endWhenDone } from '../exit-watch';

export { endWhenDone };

/**
 * The same answers as `main` of the whole command line, for `search`. `early.scanWorker`: a
 * worker thread on dist/scan-worker.js that bin/resolution-drafter.js started before this bundle
 * was loaded (the search scans the corpus in it).
 */
export async function main(argv: string[], early: { scanWorker?: Worker } = {}): Promise<number> {
  if (early.scanWorker) useScanWorker(early.scanWorker);
  return dispatch(argv, [searchCommand], () => texts().seeCommands);
}
