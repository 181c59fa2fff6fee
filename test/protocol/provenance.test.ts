// Provenance and comparison in the real server: the code lenses, the requests, the sources in the
// hover of a paragraph's opening, and lenses computed without holding up other requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol';
import { CompareRequest, CorpusDocumentsRequest, ProvenanceRequest, type CompareResult, type CorpusDocumentInfo, type ProvenanceResult } from '../../server/src/lsp/protocol';
import { DELETED_START, EARLIER_FILE, INSERTED, knownEdits, MOVED_START, REWORDED_START } from '../compare/known-edits';
import { startServer, type ServerHandle } from './harness';
import { parseDraft } from '../../server/src/core';

let dir: string;
let corpus: string;
let server: ServerHandle;
let zhServer: ServerHandle;
const k = knownEdits();
const draftText = k.draft.replace('73/62. ', '74/__. ');

async function indexReady(s: ServerHandle): Promise<void> {
  const ready = new Promise<void>((resolve) => {
    s.connection.onNotification('resolutionDrafter/corpusStatus', (stats: { indexing: boolean }) => { if (!stats.indexing) resolve(); });
  });
  const stats = (await s.request('resolutionDrafter/corpusStats', {})) as { indexing: boolean; paragraphs: number };
  if (stats.indexing || stats.paragraphs === 0) await ready;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rd-provenance-lsp-'));
  corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  copyFileSync(EARLIER_FILE, join(corpus, 'A-RES-73-62.unres'));
  const initializationOptions = { useBundledCorpus: false, corpusFolders: [corpus], storagePath: join(dir, 'storage') };
  server = await startServer({ initializationOptions });
  zhServer = await startServer({ initializationOptions, locale: 'zh-cn' });
  await Promise.all([indexReady(server), indexReady(zhServer)]);
});
after(async () => {
  await server?.stop();
  await zhServer?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the server offers code lenses', () => {
  assert.deepEqual(server.initializeResult.capabilities.codeLensProvider, { resolveProvider: false });
});

test('a code lens at each paragraph: the corpus paragraph it is, or its agreed and new shares, in the display language', async () => {
  const uri = await server.open('edited.unres', draftText);
  const lenses = (await server.request('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
  const at = new Map(lenses.map((l) => [l.range.start.line, l.command?.title]));
  assert.equal(lenses.length, parseDraft(draftText).paragraphs.length);
  // The place in the display language, as the hovers give it.
  assert.equal(at.get(k.draftLine(MOVED_START)), '100 % A/RES/73/62 preambular paragraph 10');
  assert.equal(at.get(k.draftLine(INSERTED)), 'agreed 0 % · new 100 %');
  assert.match(at.get(k.draftLine(REWORDED_START)) ?? '', /^agreed 9\d % · new \d+ % · closest 9\d % A\/RES\/73\/62 operative paragraph 2$/);
  assert.ok(lenses.every((l) => l.command?.command === ''));
  const zhUri = await zhServer.open('edited.unres', draftText);
  const zh = (await zhServer.request('textDocument/codeLens', { textDocument: { uri: zhUri } })) as CodeLens[];
  const zhAt = new Map(zh.map((l) => [l.range.start.line, l.command?.title]));
  assert.equal(zhAt.get(k.draftLine(INSERTED)), '商定语言 0 % · 新语言 100 %');
  assert.equal(zhAt.get(k.draftLine(MOVED_START)), '100 % A/RES/73/62 序言部分第 10 段');
  assert.match(zhAt.get(k.draftLine(REWORDED_START)) ?? '', /^商定语言 9\d % · 新语言 \d+ % · 最接近 9\d % A\/RES\/73\/62 执行部分第 2 段$/);
});

test('a changed paragraph changes its lens; the others stay', async () => {
  const uri = await server.open('changing.unres', draftText);
  const before = (await server.request('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
  const lines = draftText.split('\n');
  const moved = k.draftLine(MOVED_START);
  lines[moved] = lines[moved].replace('公平代表和参与', '公平代表、充分参与和领导作用');
  await server.change(uri, 2, lines.join('\n'));
  const after = (await server.request('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
  const changed = after.filter((l, i) => l.command?.title !== before[i].command?.title);
  assert.deepEqual(changed.map((l) => l.range.start.line), [moved]);
  assert.match(changed[0].command?.title ?? '', /^agreed \d+ % · new \d+ % · closest \d+ % A\/RES\/73\/62 preambular paragraph 10$/);
});

test('resolutionDrafter/provenance: per paragraph the 0-based line, agreed share, new ranges, closest and sources', async () => {
  const uri = await server.open('request.unres', draftText);
  const result = (await server.request(ProvenanceRequest, { uri })) as ProvenanceResult;
  assert.equal(result.ready, true);
  const inserted = result.paragraphs.find((p) => p.line === k.draftLine(INSERTED));
  assert.deepEqual(inserted, { line: k.draftLine(INSERTED), agreed: 0, new: [[0, INSERTED.length]], closest: null, sources: [] });
  const moved = result.paragraphs.find((p) => p.line === k.draftLine(MOVED_START));
  assert.deepEqual(moved?.closest, { symbol: 'A/RES/73/62', where: '序言部分第 10 段', uri: pathToFileURL(join(corpus, 'A-RES-73-62.unres')).toString(), line: k.earlierLine(MOVED_START), score: 100 });
  assert.equal(moved?.sources[0].shared, 100);
  assert.deepEqual(await server.request(ProvenanceRequest, { uri: 'file:///not/open.unres' }), { ready: true, paragraphs: [] });
});

test('the hover of a paragraph\'s opening lists the documents its wording comes from, with links; elsewhere in the paragraph it does not', async () => {
  const uri = await server.open('hover.unres', draftText);
  const line = k.draftLine(MOVED_START);
  const hover = (await server.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 0 } })) as Hover;
  const value = (hover.contents as { value: string }).value;
  assert.match(value, /Agreed language in this paragraph/);
  assert.ok(value.includes(`preambular paragraph 10](${pathToFileURL(join(corpus, 'A-RES-73-62.unres')).toString()}#L${k.earlierLine(MOVED_START) + 1}) · 100 % of the paragraph`), value);
  const middle = (await server.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 20 } })) as Hover | null;
  assert.ok(!middle || !(middle.contents as { value: string }).value.includes('Agreed language in this paragraph'));
  const inserted = (await server.request('textDocument/hover', { textDocument: { uri }, position: { line: k.draftLine(INSERTED), character: 1 } })) as Hover;
  assert.match((inserted.contents as { value: string }).value, /No corpus document uses this wording/);
});

test('resolutionDrafter/compare: the predecessor the draft recalls and exactly the known edits; with: another document; corpusDocuments lists them', async () => {
  const uri = await server.open('compare.unres', draftText);
  const result = (await server.request(CompareRequest, { uri })) as CompareResult;
  assert.deepEqual(result.with, { symbol: 'A/RES/73/62', uri: pathToFileURL(join(corpus, 'A-RES-73-62.unres')).toString(), rule: 'recalled', reason: 'the draft recalls A/RES/73/62' });
  assert.deepEqual(result.paragraphs.filter((p) => p.status !== 'unchanged').map((p) => [p.status, p.line, p.withLine]), [
    ['changed', k.draftLine('回顾其 2018 年'), k.earlierLine('回顾其 2017 年')],
    ['new', k.draftLine(INSERTED), undefined],
    ['moved', k.draftLine(MOVED_START), k.earlierLine(MOVED_START)],
    ['changed', k.draftLine(REWORDED_START), k.earlierLine(REWORDED_START)],
    ['deleted', undefined, k.earlierLine(DELETED_START)],
  ]);
  const docs = (await server.request(CorpusDocumentsRequest, {})) as CorpusDocumentInfo[];
  assert.deepEqual(docs, [{ symbol: 'A/RES/73/62', uri: pathToFileURL(join(corpus, 'A-RES-73-62.unres')).toString() }]);
  const given = (await server.request(CompareRequest, { uri, with: docs[0].uri })) as CompareResult;
  assert.equal(given.with?.rule, 'given');
  assert.equal(given.paragraphs.length, result.paragraphs.length);
  // 73/62 (the corpus's only document, never its own predecessor) recalls 72/50, which this corpus lacks: the answer names it.
  const original = await zhServer.open('original.unres', k.earlier);
  const missing = (await zhServer.request(CompareRequest, { uri: original })) as CompareResult;
  assert.equal(missing.with, null);
  assert.equal(missing.recalledMissing, 'A/RES/72/50');
  assert.equal(missing.problem, '草案回顾的 A/RES/72/50 不在语料中');
  const bad = (await server.request(CompareRequest, { uri, with: 'A/RES/1/1' })) as CompareResult;
  assert.equal(bad.with, null);
  assert.match(bad.problem ?? '', /neither a file nor a document of the corpus/);
});

test('a large draft\'s lenses never hold up a hover asked after them: the hover is answered first', async () => {
  // About 100 KB of paragraphs, each made new (so nothing comes from memory).
  const paragraphs = k.earlier.split('\n').filter((l) => /[，；]$/.test(l)).map((l) => l.replace(/^\d+\. /, ''));
  const body: string[] = [];
  for (let i = 0; body.join('\n').length < 35_000; i++) body.push(`${paragraphs[i % paragraphs.length].slice(0, -1)}，其中第 ${i} 项，`);
  const text = ['大会，', '', ...body.flatMap((b) => [b, ''])].join('\n');
  const uri = await server.open('large.unres', text);
  const order: string[] = [];
  const lenses = server.request('textDocument/codeLens', { textDocument: { uri } }).then((r) => { order.push('lenses'); return r as CodeLens[]; });
  const hover = server.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 40 } }).then(() => order.push('hover'));
  await Promise.all([lenses, hover]);
  assert.deepEqual(order, ['hover', 'lenses']);
  assert.equal((await lenses).length, body.length);
});
