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

test('the outline lists the preamble and each operative paragraph', async () => {
  const uri = await server.open('sample.unres', readFileSync('test/fixtures/sample.unres', 'utf8'));
  const symbols = (await server.request('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string; children?: unknown[] }[];
  const names = symbols.map((s) => s.name);
  assert.ok(names.includes('序言部分'));
  assert.ok(names.includes('1. 重申'), names.join(' | '));
  assert.ok(names.includes('2. 鼓励'), names.join(' | '));
  const second = symbols.find((s) => s.name === '2. 鼓励');
  assert.equal(second?.children?.length, 2);
});
