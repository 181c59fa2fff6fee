// Word out and in through the server ("Export to Word", "Open a Word draft"), against the real
// server bundle: the Word libraries are in a bundle of their own (dist/word.js) that the server
// loads on the first Word document, not at its start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerCommands } from '../../server/src/lsp/protocol';
import { SERVER_BUNDLE, startServer, type ServerHandle } from './harness';

let server: ServerHandle;
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rd-word-'));
  server = await startServer();
});
after(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the server bundle (dist/server-main.js) holds neither docx nor xmldom; dist/word.js does', () => {
  const code = readFileSync(join(SERVER_BUNDLE, '..', 'server-main.js'), 'utf8');
  assert.ok(code.includes('node_modules/vscode-languageserver/'), 'the server bundle');
  assert.ok(!code.includes('node_modules/docx/') && !code.includes('node_modules/@xmldom/'), 'no Word library in dist/server-main.js');
  const word = join(SERVER_BUNDLE, '..', 'word.js');
  assert.ok(existsSync(word));
  const held = readFileSync(word, 'utf8');
  assert.ok(held.includes('node_modules/docx/') && held.includes('node_modules/@xmldom/'));
});

test('a corpus text exported to Word by the server and read back by it: the same paragraphs', async () => {
  const text = readFileSync('corpus/A-RES-76-54.unres', 'utf8');
  const uri = await server.open('A-RES-76-54.unres', text);
  const target = join(dir, 'A-RES-76-54.docx');
  const exported = (await server.request('workspace/executeCommand', { command: ServerCommands.exportWord, arguments: [uri, target] })) as { file: string };
  assert.equal(exported.file, target);
  assert.ok(statSync(target).size > 1000);
  assert.equal(readFileSync(target).subarray(0, 2).toString('latin1'), 'PK', 'a zip file (.docx)');
  const read = (await server.request('workspace/executeCommand', { command: ServerCommands.readWord, arguments: [target] })) as { ok: true; text: string } | { ok: false; problem: string };
  assert.ok(read.ok, JSON.stringify(read));
  const paragraphs = (t: string) => t.split('\n').map((l) => l.replace(/\*\*/g, '').trim()).filter((l) => /^\d+\. /.test(l));
  assert.ok(paragraphs(text).length >= 5);
  assert.deepEqual(paragraphs(read.text).map((l) => l.slice(0, 12)), paragraphs(text).map((l) => l.slice(0, 12)));
});

test('a file that is not a Word document: a reason, and the server goes on', async () => {
  const read = (await server.request('workspace/executeCommand', { command: ServerCommands.readWord, arguments: ['corpus/catalogue.json'] })) as { ok: boolean; problem?: string };
  assert.equal(read.ok, false);
  assert.ok(read.problem && read.problem.length > 0);
  const uri = await server.open('after.unres', '大会，\n\n1. 重申其决议；\n');
  assert.ok(Array.isArray((await server.diagnostics(uri)).diagnostics));
});
