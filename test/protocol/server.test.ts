import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, type ServerHandle } from './harness';

let server: ServerHandle;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

test('the server answers initialize with its capabilities', () => {
  assert.equal(server.initializeResult.serverInfo?.name, 'resolution-drafter');
  assert.ok(server.initializeResult.capabilities.documentSymbolProvider);
});

test('the outline lists the preamble and, in 执行部分, each operative paragraph, with kinds that read sensibly for a document', async () => {
  const uri = await server.open('sample.unres', readFileSync('test/fixtures/sample.unres', 'utf8'));
  type Symbol = { name: string; kind: number; children?: Symbol[] };
  const symbols = (await server.request('textDocument/documentSymbol', { textDocument: { uri } })) as Symbol[];
  const names = symbols.map((s) => s.name);
  assert.ok(names.includes('序言部分'));
  const operative = symbols.find((s) => s.name === '执行部分');
  const inner = (operative?.children ?? []).map((s) => s.name);
  assert.ok(inner.includes('1. 重申'), inner.join(' | '));
  const second = operative?.children?.find((s) => s.name === '2. 鼓励');
  assert.equal(second?.children?.length, 2);
  // LSP SymbolKind: no String (15), Field (8) or EnumMember (22) anywhere in the tree.
  const kinds = new Set<number>();
  const walk = (list: Symbol[]) => list.forEach((s) => { kinds.add(s.kind); walk(s.children ?? []); });
  walk(symbols);
  for (const wrong of [15, 8, 22]) assert.ok(!kinds.has(wrong), `kind ${wrong} in ${[...kinds].join(',')}`);
});
