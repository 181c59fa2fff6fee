/**
 * The phrase index build, in a worker thread: parsing a large corpus and sorting its suffixes
 * takes seconds to minutes, and the server must keep answering meanwhile. The worker loads the
 * index file or builds and writes it, reports progress, and hands the arrays over. The corpus
 * knowledge (completion and hovers) is read or made on the way and handed over first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadOrBuildIndexAndKnowledge } from '../corpus/knowledge-store';
import { loadOrBuildPhraseIndex, verifyPhraseIndex } from '../corpus/phrase-index-store';
import type { PhraseIndexData } from '../core/agreed/phrase-index';
import { knowledgeParts } from '../core';

/** What the server asks the worker. */
export interface IndexJob {
  folders: string[];
  storagePath?: string;
}

/** What the worker answers: progress, then the index data (and the file it was read from or written to). */
export type IndexWorkerMessage =
  | { type: 'progress'; stage: string; fraction: number }
  /**
   * The corpus knowledge for completion and hovers, as soon as it is ready (before the index when
   * that is built): parts of the packed knowledge (`PackedKnowledge`, its strings first) as UTF-8
   * JSON, moved without a copy, that the server thread parses one at a time in between requests
   * (one large message would hold it up).
   */
  | { type: 'knowledge'; source: 'file' | 'built'; parts: Uint8Array[] }
  /**
   * The index. One read from its file comes before its sections' checksums are checked: then
   * `verified` follows, or `damaged` and a second `done` with the index built again.
   */
  | { type: 'done'; source: 'file' | 'built'; path?: string; data: PhraseIndexData; problems: string[]; corpusProblems: string[] }
  | { type: 'verified' }
  | { type: 'damaged'; problem: string }
  | { type: 'failed'; message: string };

/** Moves the index's arrays to the server thread without a copy: their buffers are transferred. */
function postIndex(result: { source: 'file' | 'built'; path?: string; index: { data: PhraseIndexData }; problems: string[]; corpusProblems: string[] }): void {
  const data = result.index.data;
  const buffers = new Set<ArrayBuffer>();
  for (const value of Object.values(data)) if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
  parentPort?.postMessage({ type: 'done', source: result.source, path: result.path, data, problems: result.problems, corpusProblems: result.corpusProblems } satisfies IndexWorkerMessage, [...buffers]);
}

function post(message: IndexWorkerMessage): void {
  parentPort?.postMessage(message);
}

if (parentPort) {
  const job = workerData as IndexJob;
  try {
    post({ type: 'progress', stage: 'corpus', fraction: 0 });
    const result = loadOrBuildIndexAndKnowledge(job.folders, {
      storagePath: job.storagePath,
      // The server starts on the file at once; its checksums are checked below, meanwhile.
      verifyLater: true,
      progress: (stage, fraction) => post({ type: 'progress', stage, fraction }),
      onKnowledge: (data, source) => {
        const encoder = new TextEncoder();
        const parts = knowledgeParts(data).map((part) => encoder.encode(JSON.stringify(part)));
        parentPort?.postMessage({ type: 'knowledge', source, parts } satisfies IndexWorkerMessage, parts.map((p) => p.buffer as ArrayBuffer));
      },
    });
    postIndex(result);
    if (result.source === 'file' && result.path) {
      const problem = verifyPhraseIndex(result.path);
      if (problem === undefined) post({ type: 'verified' });
      else {
        // Damaged after all: built again from the corpus (and written over the damaged file).
        post({ type: 'damaged', problem });
        const rebuilt = loadOrBuildPhraseIndex(job.folders, { storagePath: job.storagePath, rebuild: true, progress: (stage, fraction) => post({ type: 'progress', stage, fraction }) });
        postIndex({ ...rebuilt, problems: [`${problem}; rebuilt it`, ...rebuilt.problems] });
      }
    }
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}
