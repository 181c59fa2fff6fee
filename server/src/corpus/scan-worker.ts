/**
 * The worker thread of `CorpusScanThread` (dist/scan-worker.js): the corpus's fingerprint, one
 * pass of `stat`s over its drafts, made beside the thread that asked for it.
 */
import { parentPort } from 'node:worker_threads';
import { scanCorpus } from './corpus-scan';
import type { ScanReply, ScanRequest } from './corpus-scan-thread';

parentPort?.on('message', (request: ScanRequest) => {
  let reply: ScanReply;
  try {
    reply = { fingerprint: scanCorpus(request.folders).fingerprint };
  } catch (err) {
    reply = { error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
