// A corpus of several MB: the server answers diagnostics, hovers and completion while the corpus is
// read and indexed in the worker (from the catalogue, without parsing the corpus on its own
// thread), and answers from the whole corpus once the worker has digested it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CompletionList, Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { syntheticCorpus } from '../../server/src/bench/synthetic';
import { loadCorpus } from '../../server/src/corpus/load';
import { CorpusStatsRequest, CorpusStatusNotification, type CorpusStats } from '../../server/src/lsp/protocol';
import { startServer, type ServerHandle } from './harness';

let dir: string;
let folder: string;
let server: ServerHandle;
const statuses: CorpusStats[] = [];
let onStatus: () => void = () => undefined;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rd-large-assist-'));
  folder = syntheticCorpus(loadCorpus([resolve('corpus')]).drafts, 6, join(dir, 'corpus')).folder;
  // The bundled catalogue beside the synthetic drafts: what the server knows before the drafts are read.
  copyFileSync(resolve('corpus/catalogue.json'), join(folder, 'catalogue.json'));
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

function after_(text: string, needle: string): Position {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const lines = text.slice(0, i + needle.length).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

async function hover(uri: string, position: Position): Promise<string> {
  const h = (await server.request('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

const completion = async (uri: string, position: Position) => (await server.request('textDocument/completion', { textDocument: { uri }, position })) as CompletionList;

// The first synthetic draft: `51/1. 合成决议第 1 号`.
const firstSynthetic = () => readFileSync(join(folder, 'SYN-000001.unres'), 'utf8').split('\n').find((l) => /^\d+\/1\. /.test(l))!;

test('diagnostics, hovers and completion answer while the corpus is indexed; openers and the drafts’ own symbols come with the digest', async () => {
  const number = firstSynthetic().split('.')[0];
  const text = [
    '80/1. 测试决议',
    '',
    '大会，',
    '',
    `回顾其 2021 年 12 月 6 日第 76/54 号决议和第 ${number} 号决议，`,
    '',
    '又回顾《不扩',
    '',
    '1. 重申所有缔约国致力于实现消除核武器的最终目标；',
    '',
    '2. ',
  ].join('\n');
  const uri = await server.open('large.unres', text);

  // While indexing: the diagnostics, a hover from the catalogue, titles from the catalogue.
  const diagnostics = await server.diagnostics(uri);
  assert.ok(Array.isArray(diagnostics.diagnostics));
  const known = await hover(uri, after_(text, '第 76/5'));
  assert.ok(known.includes('建立无核武器世界的联合行动和面向未来的对话'), known);
  const titles = await completion(uri, after_(text, '《不扩'));
  assert.equal(titles.items[0]?.label, '不扩散核武器条约');
  assert.ok(Array.isArray((await completion(uri, after_(text, '2. '))).items));
  const during = (await server.request(CorpusStatsRequest, null)) as CorpusStats;
  assert.equal(during.indexing, true);
  assert.equal(statuses.filter((s) => !s.indexing).length, 0, 'answered before the index was ready');

  await new Promise<void>((ready) => {
    onStatus = () => {
      if (statuses.some((s) => !s.indexing)) ready();
    };
    onStatus();
  });

  // Now from the whole corpus: operative verbs counted over the synthetic drafts, and the drafts' own symbols.
  const verbs = await completion(uri, after_(text, '2. '));
  const counted = verbs.items.map((i) => /^operative part · (\d+) uses?/.exec(i.detail ?? '')).filter((m) => m !== null);
  assert.ok(counted.length > 5, verbs.items.map((i) => `${i.label} ${i.detail}`).join(' | '));
  // The bundled corpus has a few dozen operative paragraphs; the synthetic one thousands.
  assert.ok(Math.max(...counted.map((m) => Number(m[1]))) > 200, counted.map((m) => m[0]).join(' | '));
  const own = await hover(uri, after_(text, `第 ${number.slice(0, 2)}`));
  assert.ok(own.includes('合成决议第 1 号'), own);
  assert.match(own, /SYN-000001\.unres/);
});
