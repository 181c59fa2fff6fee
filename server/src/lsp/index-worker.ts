/**
 * The phrase index build, in a worker thread: parsing a large corpus and sorting its suffixes
 * takes seconds to minutes, and the server must keep answering meanwhile. The worker loads the
 * index file or builds and writes it, reports progress, and hands the arrays over. The corpus
 * knowledge (completion and hovers) is read or made on the way and handed over first. When the
 * corpus changed a little since its index was built, only a segment over the changed documents
 * is built (segment-store.ts), and the base is not even read when the server holds it already.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { verifyPhraseIndex } from '../corpus/phrase-index-store';
import { corpusChangedSince, loadOrUpdateIndexAndKnowledge, readBaseManifest, rebuildIndexInFull, type SegmentPart } from '../corpus/segment-store';
import { readKnowledge } from '../corpus/knowledge-store';
import type { PhraseIndexData } from '../core/agreed/phrase-index';
import { knowledgeParts, type PackedKnowledge } from '../core';

/** What the server asks the worker. */
export interface IndexJob {
  folders: string[];
  storagePath?: string;
  /** The fingerprint of the base index the server holds: kept (not read again) while it is still the base. */
  haveBase?: string;
  /**
   * Start on the base index the store's record names as built for these folders, before any look
   * at the corpus: the server thread opens it itself (it answers from it without waiting for this
   * thread to start and hand it over), then tells this thread what it opened (`AsBuiltOpened`);
   * this thread reads its knowledge and checks the corpus (`stale` when it changed) and the file.
   * Off for the update that follows a `stale`.
   */
  asBuilt?: boolean;
}

/** What the server thread opened as built (`IndexJob.asBuilt`), or that it found none (then the usual way follows). */
export type AsBuiltOpened = { path: string; fingerprint: string; knowledgePath: string } | { none: true };

/** A segment as it is handed over: its index arrays, the base drafts it masks, its knowledge in parts. */
export interface SegmentMessage {
  data?: PhraseIndexData;
  masked: string[];
  knowledge: Uint8Array[];
  source: 'file' | 'built';
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
   * The index (a base, with the segment over the changes since when there is one). A base read
   * from its file comes before its sections' checksums are checked: then `verified` follows, or
   * `damaged` and a second `done` with the index built again in full over the corpus as it is
   * now (no segment: the full build replaces base and segment).
   */
  | { type: 'done'; source: 'file' | 'built'; path?: string; data: PhraseIndexData; problems: string[]; corpusProblems: string[]; baseFingerprint?: string; segment?: SegmentMessage; knowledgeFollows?: boolean }
  | { type: 'verified' }
  | { type: 'damaged'; problem: string }
  /** The server's base is still the base: only the segment over the changes since (none when there are none). */
  | { type: 'segment'; path: string; baseFingerprint: string; problems: string[]; segment?: SegmentMessage }
  /**
   * After a `done` of the index as built (`asBuilt`): the corpus changed since that index was built
   * (or its knowledge could not be read, `full`); the server runs the usual update over it.
   */
  | { type: 'stale'; full: boolean; problem?: string }
  | { type: 'failed'; message: string };

function post(message: IndexWorkerMessage): void {
  parentPort?.postMessage(message);
}

function encodeKnowledge(data: PackedKnowledge): Uint8Array[] {
  const encoder = new TextEncoder();
  return knowledgeParts(data).map((part) => encoder.encode(JSON.stringify(part)));
}

/** The buffers of an index's arrays, to move them to the server thread without a copy. */
function buffersOf(data: PhraseIndexData | undefined, into: Set<ArrayBuffer>): void {
  if (data) for (const value of Object.values(data)) if (ArrayBuffer.isView(value)) into.add(value.buffer as ArrayBuffer);
}

function segmentMessage(segment: SegmentPart | undefined, source: 'file' | 'built' | undefined, buffers: Set<ArrayBuffer>): SegmentMessage | undefined {
  if (!segment) return undefined;
  const knowledge = encodeKnowledge(segment.knowledge);
  for (const part of knowledge) buffers.add(part.buffer as ArrayBuffer);
  buffersOf(segment.data, buffers);
  return { data: segment.data, masked: segment.masked, knowledge, source: source ?? 'built' };
}

/**
 * After the server thread has opened the index as built: its knowledge is read and handed over, the corpus checked against its record (`stale` when it changed), and
 * its sections' checksums (`damaged` and a build in full when one is wrong).
 */
function checkAsBuilt(job: IndexJob, asBuilt: Exclude<AsBuiltOpened, { none: true }>, progress: (stage: string, fraction: number) => void, onKnowledge: (data: PackedKnowledge, source: 'file' | 'built') => void): void {
  const knowledge = readKnowledge(asBuilt.knowledgePath, asBuilt.fingerprint);
  if (knowledge.data) onKnowledge(knowledge.data, 'file');
  const manifest = knowledge.data ? readBaseManifest(asBuilt.path) : undefined;
  if (!knowledge.data) post({ type: 'stale', full: true, problem: knowledge.problem ?? `${asBuilt.knowledgePath} is missing` });
  // A record of another state than the file (or one unreadable): read as if there were none.
  else if (manifest?.fingerprint !== asBuilt.fingerprint) post({ type: 'stale', full: true, problem: `the record of ${asBuilt.path} does not name it as built` });
  else if (corpusChangedSince(job.folders, manifest)) post({ type: 'stale', full: false });
  const problem = verifyPhraseIndex(asBuilt.path);
  if (problem === undefined) post({ type: 'verified' });
  else {
    post({ type: 'damaged', problem });
    const rebuilt = rebuildIndexInFull(job.folders, { storagePath: job.storagePath, progress, onKnowledge });
    const again = new Set<ArrayBuffer>();
    buffersOf(rebuilt.loaded.index.data, again);
    parentPort?.postMessage(
      { type: 'done', source: 'built', path: rebuilt.loaded.path, data: rebuilt.loaded.index.data, problems: [`${problem}; rebuilt it`, ...rebuilt.loaded.problems], corpusProblems: rebuilt.loaded.corpusProblems, baseFingerprint: rebuilt.baseFingerprint } satisfies IndexWorkerMessage,
      [...again],
    );
  }
}

/** The job, once the server thread has said what it opened as built (with `IndexJob.asBuilt`). */
function run(job: IndexJob, opened?: AsBuiltOpened): void {
  if (!parentPort) return;
  try {
    post({ type: 'progress', stage: 'corpus', fraction: 0 });
    const progress = (stage: string, fraction: number) => post({ type: 'progress', stage, fraction });
    const onKnowledge = (data: PackedKnowledge, source: 'file' | 'built') => {
      const parts = encodeKnowledge(data);
      parentPort?.postMessage({ type: 'knowledge', source, parts } satisfies IndexWorkerMessage, parts.map((p) => p.buffer as ArrayBuffer));
    };
    if (opened && !('none' in opened)) {
      // The server thread answers from the index as built: its knowledge, the corpus and the file checked here.
      checkAsBuilt(job, opened, progress, onKnowledge);
    } else {
      const result = loadOrUpdateIndexAndKnowledge(job.folders, {
        storagePath: job.storagePath,
        haveBase: job.haveBase,
        // The server starts on the base's file at once; its checksums are checked below, meanwhile.
        verifyLater: true,
        // Its suffix array and bigram postings stay in the file: the server reads them a page at a time.
        paged: true,
        progress,
        onKnowledge,
      });
      const buffers = new Set<ArrayBuffer>();
      if (result.kind === 'segment') {
        const segment = segmentMessage(result.segment, result.segmentSource, buffers);
        parentPort.postMessage({ type: 'segment', path: result.path, baseFingerprint: result.baseFingerprint, problems: result.problems, segment } satisfies IndexWorkerMessage, [...buffers]);
      } else {
        // The arrays move to the server thread without a copy: their buffers are transferred.
        const { loaded } = result;
        const data = loaded.index.data;
        buffersOf(data, buffers);
        const segment = segmentMessage(result.segment, result.segmentSource, buffers);
        parentPort.postMessage({ type: 'done', source: loaded.source, path: loaded.path, data, problems: loaded.problems, corpusProblems: loaded.corpusProblems, baseFingerprint: result.baseFingerprint, segment } satisfies IndexWorkerMessage, [...buffers]);
        if (loaded.source === 'file' && loaded.path) {
          const problem = verifyPhraseIndex(loaded.path);
          if (problem === undefined) post({ type: 'verified' });
          else {
            // Damaged after all: built again in full from the corpus as it is now (written over the
            // damaged file; a segment is dropped, and the knowledge made again when there was one).
            post({ type: 'damaged', problem });
            const rebuilt = rebuildIndexInFull(job.folders, { storagePath: job.storagePath, progress, onKnowledge: segment ? onKnowledge : undefined });
            const again = new Set<ArrayBuffer>();
            buffersOf(rebuilt.loaded.index.data, again);
            parentPort.postMessage(
              { type: 'done', source: 'built', path: rebuilt.loaded.path, data: rebuilt.loaded.index.data, problems: [`${problem}; rebuilt it`, ...rebuilt.loaded.problems], corpusProblems: rebuilt.loaded.corpusProblems, baseFingerprint: rebuilt.baseFingerprint } satisfies IndexWorkerMessage,
              [...again],
            );
          }
        }
      }
    }
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}

if (parentPort) {
  const job = workerData as IndexJob;
  if (job.asBuilt) parentPort.once('message', (opened: AsBuiltOpened) => run(job, opened));
  else run(job);
}
