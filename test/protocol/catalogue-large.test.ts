// A large catalogue (above the size read whole) is read in the validation worker through its
// index, never parsed on the server thread: the diagnostics are the same as with the catalogue in
// memory (the corpus findings included), and the corpus status says how many documents it cites
// (from the worker the first time, which makes the index; from the index's header after).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledCorpusFolder } from '../../server/src/corpus/load';
import type { Catalogue } from '../../server/src/core';
import { CorpusStatsRequest, CorpusStatusNotification, type CorpusStats } from '../../server/src/lsp/protocol';
import { startServer } from './harness';
import { CORPUS_FACTS_DRAFT } from '../corpus/helpers';

const DRAFT = CORPUS_FACTS_DRAFT;

let dir: string;
let small: string;
let large: string;
let catalogue: Catalogue;
const env = () => ({ ...process.env, TMPDIR: join(dir, 'tmp'), TMP: join(dir, 'tmp'), TEMP: join(dir, 'tmp') });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-catalogue-large-'));
  mkdirSync(join(dir, 'tmp'));
  catalogue = JSON.parse(readFileSync(join(bundledCorpusFolder(), 'catalogue.json'), 'utf8')) as Catalogue;
  small = join(dir, 'small');
  mkdirSync(small);
  writeFileSync(join(small, 'catalogue.json'), JSON.stringify(catalogue));
  // The same catalogue with 20,000 more cited documents (3 MB): read through its index.
  const padded = structuredClone(catalogue);
  for (let i = 0; i < 20_000; i++) padded.cited.push({ symbol: `A/RES/PAD/${i}`, kind: 'resolution', titles: [], dates: ['2000-01-01'], citedBy: [{ symbol: 'A/RES/1/1', file: 'x.unres', line: i }], footnotes: [] });
  large = join(dir, 'large');
  mkdirSync(large);
  writeFileSync(join(large, 'catalogue.json'), JSON.stringify(padded, null, 2));
  assert.ok(statSync(join(large, 'catalogue.json')).size > 2 * 1024 * 1024);
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function diagnosed(folder: string): Promise<{ diagnostics: unknown[]; cited: number }> {
  const server = await startServer({ env: env(), settings: { footnotes: { reuse: 'allow' } }, initializationOptions: { useBundledCorpus: false, corpusFolders: [folder], storagePath: join(dir, 'storage') } });
  const statuses: CorpusStats[] = [];
  server.connection.onNotification(CorpusStatusNotification, (s: CorpusStats) => {
    statuses.push(s);
  });
  try {
    const uri = await server.open('draft.unres', DRAFT);
    const { diagnostics } = await server.diagnostics(uri);
    // The counts come once the worker has read the catalogue (at the latest with the diagnostics).
    let stats = (await server.request(CorpusStatsRequest, null)) as CorpusStats;
    for (let i = 0; i < 100 && stats.citedDocuments === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      stats = (await server.request(CorpusStatsRequest, null)) as CorpusStats;
    }
    assert.deepEqual(stats.problems, []);
    // The status sent said the count too, once known (the worker's answer is announced).
    assert.ok(statuses.some((s) => s.citedDocuments === stats.citedDocuments), JSON.stringify(statuses.map((s) => s.citedDocuments)));
    return { diagnostics, cited: stats.citedDocuments };
  } finally {
    await server.stop();
  }
}

const indexes = () => readdirSync(join(dir, 'tmp'), { recursive: true }).map(String).filter((n) => /catalogue-[0-9a-f]+\.bin$/.test(n));

test('a large catalogue gives the same diagnostics as the catalogue in memory, and its cited count', async () => {
  const inMemory = await diagnosed(small);
  const codes = inMemory.diagnostics.map((d) => (d as { code?: string }).code);
  assert.ok(codes.includes('citation-date') && codes.includes('footnote-reuse'), JSON.stringify(codes));
  assert.equal(inMemory.cited, catalogue.cited.length);
  assert.equal(indexes().length, 0, 'a small catalogue has no index');

  const first = await diagnosed(large);
  assert.deepEqual(first.diagnostics, inMemory.diagnostics);
  assert.equal(first.cited, catalogue.cited.length + 20_000);
  assert.equal(indexes().length, 1, 'the worker made the index');

  // Again: the index read, the count from its header.
  const again = await diagnosed(large);
  assert.deepEqual(again.diagnostics, inMemory.diagnostics);
  assert.equal(again.cited, catalogue.cited.length + 20_000);
  assert.equal(indexes().length, 1);
});
