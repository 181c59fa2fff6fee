/**
 * The corpus's fingerprint made in a worker thread (scan-worker.ts), so that the pass of `stat`s
 * over every draft runs beside the work that needs its answer rather than before it: `search`
 * queries the index as stored meanwhile, and takes the answer when the fingerprints agree (on
 * 22,783 drafts the pass costs about as much as the query).
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

export interface ScanRequest {
  folders: string[];
}

export type ScanReply = { fingerprint: string } | { error: string };

/** One worker thread, for one fingerprint: it ends once it has answered. */
export class CorpusScanThread {
  private ended = false;

  /**
   * Takes a worker started on scan-worker.js (bin/resolution-drafter.js starts it before the
   * command line's bundle is loaded, to have the thread ready by the time the folders are known).
   * It never keeps the process alive unless a fingerprint is awaited.
   */
  constructor(private readonly worker: Worker) {
    worker.unref();
    const end = () => {
      this.ended = true;
    };
    worker.on('error', end);
    worker.on('exit', end);
  }

  /** A thread on `file`, or undefined when there is no such file (the sources run by the tests) or no thread can be started. */
  static start(file: string): CorpusScanThread | undefined {
    if (!existsSync(file)) return undefined;
    try {
      return new CorpusScanThread(new Worker(file));
    } catch {
      return undefined;
    }
  }

  /** The fingerprint of these folders as `scanCorpus` makes it; undefined when the thread failed. The thread then ends. */
  fingerprint(folders: string[]): Promise<string | undefined> {
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      let settled = false;
      const done = (fingerprint: string | undefined) => {
        if (settled) return;
        settled = true;
        this.stop();
        resolve(fingerprint);
      };
      this.worker.once('message', (reply: ScanReply) => done('fingerprint' in reply ? reply.fingerprint : undefined));
      this.worker.once('error', () => done(undefined));
      this.worker.once('exit', () => done(undefined));
      this.worker.ref();
      this.worker.postMessage({ folders } satisfies ScanRequest);
    });
  }

  /** Ends the thread (a search that needs no fingerprint). */
  stop(): void {
    if (this.ended) return;
    this.ended = true;
    this.worker.unref();
    void this.worker.terminate();
  }
}
