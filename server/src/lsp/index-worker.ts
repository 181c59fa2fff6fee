/**
 * The phrase index build, in a worker thread: parsing a large corpus and sorting its suffixes
 * takes seconds to minutes, and the server must keep answering meanwhile. The worker loads the
 * index file or builds and writes it, and reports progress; the server then reads the file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadOrBuildPhraseIndex } from '../corpus/phrase-index-store';
import type { PhraseIndexData } from '../core/agreed/phrase-index';

/** What the server asks the worker. */
export interface IndexJob {
  folders: string[];
  storagePath?: string;
}

/** What the worker answers: progress, then the result (a file to read, or the data when nothing could be written). */
export type IndexWorkerMessage =
  | { type: 'progress'; stage: string; fraction: number }
  | { type: 'done'; source: 'file' | 'built'; path?: string; data?: PhraseIndexData; problems: string[] }
  | { type: 'failed'; message: string };

function post(message: IndexWorkerMessage): void {
  parentPort?.postMessage(message);
}

if (parentPort) {
  const job = workerData as IndexJob;
  try {
    post({ type: 'progress', stage: 'corpus', fraction: 0 });
    const result = loadOrBuildPhraseIndex(job.folders, {
      storagePath: job.storagePath,
      progress: (stage, fraction) => post({ type: 'progress', stage, fraction }),
    });
    post({ type: 'done', source: result.source, path: result.path, data: result.path ? undefined : result.index.data, problems: result.problems });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}
