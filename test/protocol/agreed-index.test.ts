// The corpus phrase index in the real server: resolutionDrafter/similar, resolutionDrafter/corpusStats,
// the corpusStatus notification and work-done progress while the index is built.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusParagraphs } from '../../server/src/core/agreed/corpus-paragraphs';
import { loadCorpus } from '../../server/src/corpus/load';
import { CorpusStatsRequest, CorpusStatusNotification, ServerCommands, SimilarRequest, type CorpusStats, type SimilarMatch } from '../../server/src/lsp/protocol';
import { rawFiles } from '../corpus/helpers';
import { startServer, type ServerHandle } from './harness';

let server: ServerHandle;
let dir: string;
const statuses: CorpusStats[] = [];
const progress: { token: unknown; value: { kind: string; title?: string; message?: string; percentage?: number } }[] = [];
let waiters: (() => void)[] = [];

/** Resolves when a corpusStatus notification says the index is ready (after `since` notifications). */
function indexReady(since: number): Promise<void> {
  return new Promise((resolveReady) => {
    const check = () => {
      if (statuses.slice(since).some((s) => !s.indexing)) resolveReady();
      else waiters.push(check);
    };
    check();
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rd-agreed-index-'));
  // A corpus folder of the user's, empty at first: the ingest command adds to it below.
  mkdirSync(join(dir, 'mine'));
  server = await startServer({ initializationOptions: { corpusFolders: [join(dir, 'mine')] } });
  server.connection.onNotification(CorpusStatusNotification, (s: CorpusStats) => {
    statuses.push(s);
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  });
  server.connection.onNotification('$/progress', (p: (typeof progress)[number]) => {
    progress.push(p);
  });
  server.connection.onRequest('window/showMessageRequest', () => null);
  // The build started on `initialized`; the stats tell whether it is still running.
  const stats = (await server.request(CorpusStatsRequest, null)) as CorpusStats;
  if (stats.indexing) await indexReady(0);
});
after(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const corpus = loadCorpus([resolve('corpus')]);

test('corpusStats counts the documents, paragraphs and cited documents of the corpus', async () => {
  const stats = (await server.request(CorpusStatsRequest, null)) as CorpusStats;
  assert.equal(stats.indexing, false);
  assert.equal(stats.documents, corpus.drafts.length);
  assert.equal(stats.paragraphs, corpus.drafts.reduce((n, d) => n + corpusParagraphs(d.model).length, 0));
  assert.equal(stats.citedDocuments, corpus.catalogue.cited.length);
  assert.ok(stats.citedDocuments > 10);
  assert.deepEqual(stats.folders, [resolve('corpus'), join(dir, 'mine')]);
  assert.deepEqual(stats.problems, []);
});

test('similar: an exact corpus paragraph scores 100, a modified one less', async () => {
  const file = resolve('corpus/A-RES-73-62.unres');
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.startsWith('重申《不扩散核武器条约》¹ 作为国际核不扩散机制的基石'));
  const exact = (await server.request(SimilarRequest, { text: lines[line] })) as SimilarMatch[];
  assert.deepEqual(exact[0], {
    score: 100,
    symbol: 'A/RES/73/62',
    where: '序言部分第 3 段',
    text: lines[line].replace('¹ ', ''),
    uri: pathToFileURL(file).toString(),
    line,
  });
  const modified = (await server.request(SimilarRequest, { text: lines[line].replace('至关重要', '十分重要'), limit: 3 })) as SimilarMatch[];
  assert.ok(modified.length <= 3);
  assert.equal(modified[0].where, '序言部分第 3 段');
  assert.ok(modified[0].score < 100 && modified[0].score > 90, String(modified[0].score));
  assert.deepEqual(await server.request(SimilarRequest, { text: 42 }), []);
  const viaCommand = (await server.request('workspace/executeCommand', { command: ServerCommands.findSimilar, arguments: [lines[line], 1] })) as SimilarMatch[];
  assert.deepEqual(viaCommand, [exact[0]]);
  assert.ok(server.initializeResult.capabilities.executeCommandProvider?.commands.includes(ServerCommands.findSimilar));
});

test('adding a document to the corpus rebuilds the index, with progress and corpusStatus notifications', async () => {
  const before = statuses.length;
  const progressBefore = progress.length;
  const ready = indexReady(before);
  // The ingest command writes the draft into the user's corpus folder and reloads the corpus.
  const raw = rawFiles().find((f) => readFileSync(f, 'utf8').includes('73/62'))!;
  await server.request('workspace/executeCommand', { command: ServerCommands.ingest, arguments: [[raw], join(dir, 'mine')] });
  await ready;
  const seen = statuses.slice(before);
  assert.equal(seen[0].indexing, true);
  assert.equal(seen[seen.length - 1].indexing, false);
  assert.equal(seen[seen.length - 1].documents, corpus.drafts.length + 1);
  // The progress end may arrive just after the status; wait for it by asking once more.
  await server.request(CorpusStatsRequest, null);
  const kinds = progress.slice(progressBefore).map((p) => p.value.kind);
  assert.equal(kinds[0], 'begin');
  assert.equal(kinds[kinds.length - 1], 'end');
  assert.match(progress[progressBefore].value.title ?? '', /indexing the corpus/);
  // The new draft's paragraphs are found, in its new place.
  const added = loadCorpus([join(dir, 'mine')]).drafts[0];
  assert.equal(added.symbol, 'A/RES/73/62');
  const exact = (await server.request(SimilarRequest, { text: corpusParagraphs(added.model)[2].text })) as SimilarMatch[];
  assert.ok(exact.some((m) => m.score === 100 && m.uri === pathToFileURL(added.path).toString()), JSON.stringify(exact.slice(0, 3)));
});
