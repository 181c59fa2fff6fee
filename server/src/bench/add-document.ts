/**
 * One document added to a built corpus: how long until the index (and the knowledge) answer with
 * it. The corpus of the size measured plus a folder of the user's, empty when the index was
 * built; then one draft is added to that folder. Measured three ways: in this process as the
 * index worker and the server thread do it (the segment built, the composite index and the
 * knowledge put together, a continuation of the new draft found); a restart (the base and the
 * segment read from their files); and the real server, from the ingest command to the
 * corpusStatus that says the index is ready again with the new document, and from a draft
 * written into the corpus folder from outside (its watch) to the same.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { PhraseIndex } from '../core/agreed/phrase-index';
import { knowledgeData, knowledgeFromPacked, packKnowledge, symbolFacts, updatedKnowledge, type CorpusKnowledge } from '../core';
import { knowledgePaths, writeKnowledge } from '../corpus/knowledge-store';
import { bundledCorpusFolder, loadCorpus } from '../corpus/load';
import { corpusFingerprint, phraseIndexPaths, writePhraseIndex } from '../corpus/phrase-index-store';
import { corpusFileStats, loadOrUpdateIndexAndKnowledge, maskedDocuments, removeSegment, segmentedIndex, writeBaseManifest } from '../corpus/segment-store';
import type { CorpusStats, SimilarMatch } from '../lsp/protocol';
import { stopServer } from './server-start';

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** A new draft: a bundled draft with one paragraph no corpus document has. */
export interface NewDraft {
  name: string;
  text: string;
  symbol: string;
  /** The start of the new paragraph, and what follows it. */
  before: string;
  rest: string;
}

export async function addDocumentFigures(folder: string, base: PhraseIndex, baseKnowledge: CorpusKnowledge, storage: string, work: string, draft: NewDraft, quick: boolean): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = {};
  const extra = join(work, 'added-documents');
  rmSync(extra, { recursive: true, force: true });
  mkdirSync(extra, { recursive: true });
  const folders = [folder, extra];
  // The base: the index and knowledge just built, for the corpus with the user's folder still empty.
  const fingerprint = corpusFingerprint(folders);
  const path = phraseIndexPaths(folders, storage)[0];
  writePhraseIndex(path, base.data, fingerprint);
  writeKnowledge(knowledgePaths(folders, storage)[0], packKnowledge(knowledgeData(baseKnowledge)), fingerprint);
  writeBaseManifest(path, fingerprint, corpusFileStats(folders));
  removeSegment(path);

  // In this process, as the worker (segment) and the server thread (composite, knowledge) do it.
  const added = join(extra, draft.name);
  writeFileSync(added, draft.text);
  let started = now();
  const result = loadOrUpdateIndexAndKnowledge(folders, { storagePath: storage, haveBase: fingerprint, onKnowledge: () => undefined });
  if (result.kind !== 'segment' || !result.segment?.data) throw new Error(`adding a document did not make a segment (${result.kind})`);
  figures.addDocumentSegmentMs = Math.round(now() - started);
  const index = segmentedIndex(base, result.segment);
  const knowledge = updatedKnowledge(baseKnowledge, knowledgeFromPacked(result.segment.knowledge), maskedDocuments(base, result.segment));
  const offered = index.continuations(draft.before, 5);
  if (!offered.some((c) => draft.rest.startsWith(c.text))) throw new Error(`the added document's continuation is not offered: ${JSON.stringify(offered.map((c) => c.text))}`);
  if (!symbolFacts(knowledge, draft.symbol)?.draft?.path) throw new Error(`the added document ${draft.symbol} is not in the knowledge`);
  figures.addDocumentUsableMs = Math.round(now() - started);
  // A restart: the base and the segment read from their files, nothing built.
  started = now();
  const restarted = loadOrUpdateIndexAndKnowledge(folders, { storagePath: storage, onKnowledge: () => undefined });
  if (restarted.kind !== 'base' || restarted.segmentSource !== 'file') throw new Error('the restart did not read the segment from its file');
  segmentedIndex(restarted.loaded.index, restarted.segment).continuations(draft.before, 5);
  figures.restartWithSegmentMs = Math.round(now() - started);
  unlinkSync(added);
  removeSegment(path);

  // The real server: started on the corpus (its base read from the file), then the ingest command adds a document.
  // The raw text of a bundled draft with the new paragraph before its first 重申 (the corpus has
  // its other paragraphs many times over; the new one it has only there).
  const raw = join(bundledCorpusFolder(), 'raw');
  const text = readFileSync(join(raw, readdirSync(raw).filter((n) => n.endsWith('.txt')).sort()[0]), 'utf8');
  const at = text.search(/^重申/m);
  const input = join(work, 'added-raw.txt');
  writeFileSync(input, `${text.slice(0, at)}${draft.before}${draft.rest}\n\n${text.slice(at)}`);
  Object.assign(figures, await serverAddDocument(folders, storage, input, extra, `${draft.before}${draft.rest}`, quick ? 300_000 : 600_000));
  return figures;
}

/** The real server: ms from the ingest command to the corpusStatus that counts the new document, ready. */
async function serverAddDocument(folders: string[], storage: string, input: string, into: string, paragraph: string, timeoutMs: number): Promise<Record<string, unknown>> {
  const child = spawn(process.execPath, [join(__dirname, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const logs: string[] = [];
  let status: ((s: CorpusStats) => void) | undefined;
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  connection.onNotification('resolutionDrafter/corpusStatus', (s: CorpusStats) => status?.(s));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.listen();
  const until = (test: (s: CorpusStats) => boolean) =>
    new Promise<CorpusStats>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server's index was not ready within ${timeoutMs} ms`)), timeoutMs);
      status = (s) => {
        if (!test(s)) return;
        clearTimeout(timer);
        resolve(s);
      };
    });
  try {
    const started = now();
    const first = until((s) => !s.indexing);
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { corpusFolders: folders, useBundledCorpus: false, storagePath: storage } });
    await connection.sendNotification('initialized', {});
    const ready = await first;
    const startMs = Math.round(now() - started);
    const added = until((s) => !s.indexing && s.documents === ready.documents + 1);
    const t = now();
    await connection.sendRequest('workspace/executeCommand', { command: 'resolutionDrafter.server.ingest', arguments: [[input], into] });
    const after = await added;
    const usable = Math.round(now() - t);
    // The new draft's paragraphs are found where it was written.
    const draft = loadCorpus([into]).drafts[0];
    const similar = (await connection.sendRequest('resolutionDrafter/similar', { text: paragraph, limit: 3 })) as SimilarMatch[];
    if (!similar.some((m) => m.score === 100 && m.uri === pathToFileURL(draft.path).toString())) throw new Error(`the added document is not found by the server: ${JSON.stringify(similar)}`);
    const line = logs.filter((l) => l.startsWith('phrase index:')).at(-1) ?? '';
    if (!/not rebuilt/.test(line)) throw new Error(`the server rebuilt the index: ${line}`);
    // A draft copied into the corpus folder itself (22,783 drafts at 200 MB) from outside the
    // editor: the server's watch of the folder notices it (after 600 ms without another change),
    // and the index takes it in as a segment.
    const copied = join(folders[0], 'COPIED-99-998.unres');
    const copiedParagraph = '呼吁各国就深海采矿的环境影响开展联合研究并交流最佳做法，';
    const watched = until((s) => !s.indexing && s.documents === after.documents + 1);
    let watchedMs: number;
    try {
      const w = now();
      writeFileSync(copied, readFileSync(draft.path, 'utf8').replace(/^99\/999\./m, '99/998.').replace(paragraph, copiedParagraph));
      await watched;
      watchedMs = Math.round(now() - w);
      const found = (await connection.sendRequest('resolutionDrafter/similar', { text: copiedParagraph, limit: 3 })) as SimilarMatch[];
      if (!found.some((m) => m.score === 100 && m.uri === pathToFileURL(copied).toString())) throw new Error(`the copied draft is not found by the server: ${JSON.stringify(found)}`);
    } finally {
      rmSync(copied, { force: true });
    }
    return { serverStartMs: startMs, serverAddDocumentUsableMs: usable, serverSegmentDocuments: after.segmentDocuments ?? 0, serverWatchedDraftUsableMs: watchedMs };
  } finally {
    await stopServer(child, connection, ended);
  }
}
