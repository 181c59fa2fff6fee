// A corpus large enough that indexing takes a while: the server answers requests meanwhile
// (the index is built in a worker thread) and says so in corpusStats and corpusStatus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { syntheticCorpus } from '../../server/src/bench/synthetic';
import { loadCorpus } from '../../server/src/corpus/load';
import { CorpusStatsRequest, CorpusStatusNotification, SimilarRequest, type CorpusStats, type SimilarMatch } from '../../server/src/lsp/protocol';
import { startServer, type ServerHandle } from './harness';

let dir: string;
let folder: string;
let server: ServerHandle;
const statuses: CorpusStats[] = [];
let onStatus: () => void = () => undefined;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rd-large-corpus-'));
  folder = syntheticCorpus(loadCorpus([resolve('corpus')]).drafts, 6, join(dir, 'corpus')).folder;
  server = await startServer({ initializationOptions: { useBundledCorpus: false, corpusFolders: [folder], storagePath: join(dir, 'storage') } });
  server.connection.onNotification(CorpusStatusNotification, (s: CorpusStats) => {
    statuses.push(s);
    onStatus();
  });
});
after(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('requests are answered while the index is built, then the index answers', async () => {
  const during = (await server.request(CorpusStatsRequest, null)) as CorpusStats;
  assert.equal(during.indexing, true);
  assert.equal(statuses.filter((s) => !s.indexing).length, 0, 'answered before the index was ready');
  assert.equal(during.documents, readdirSync(folder).filter((n) => n.endsWith('.unres')).length);
  assert.deepEqual(await server.request(SimilarRequest, { text: '重申《不扩散核武器条约》' }), []);
  await new Promise<void>((ready) => {
    onStatus = () => {
      if (statuses.some((s) => !s.indexing)) ready();
    };
    onStatus();
  });
  const after = (await server.request(CorpusStatsRequest, null)) as CorpusStats;
  assert.equal(after.indexing, false);
  assert.equal(after.documents, during.documents);
  assert.ok(after.paragraphs > 10000, String(after.paragraphs));
  const first = readdirSync(folder).find((n) => n.endsWith('.unres'))!;
  const line = readFileSync(join(folder, first), 'utf8').split('\n').find((l) => l.startsWith('1. '))!;
  const found = (await server.request(SimilarRequest, { text: line.slice(3), limit: 1 })) as SimilarMatch[];
  assert.equal(found[0].score, 100);
});
