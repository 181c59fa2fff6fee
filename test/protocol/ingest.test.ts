// "Add a folder to the corpus" through the real server: workspace/executeCommand
// resolutionDrafter.server.ingest with [[folder], corpusFolder].
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ServerCommands } from '../../server/src/lsp/protocol';
import { rawFiles } from '../corpus/helpers';
import { startServer, type ServerHandle } from './harness';

let server: ServerHandle;
let dir: string;
const warnings: string[] = [];

before(async () => {
  server = await startServer();
  // vscode-languageserver sends window.showWarningMessage as a window/showMessageRequest.
  server.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
    warnings.push(p.message);
    return null;
  });
  server.connection.onNotification('window/showMessage', (p: { message: string }) => {
    warnings.push(p.message);
  });
  dir = mkdtempSync(join(tmpdir(), 'rd-server-ingest-'));
});
after(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Report {
  ingested: { input: string; output: string; note?: string }[];
  failed: { input: string; problem: string }[];
  catalogue: string;
}

test('the server lists the ingest command', () => {
  assert.ok(server.initializeResult.capabilities.executeCommandProvider?.commands.includes(ServerCommands.ingest));
});

test('adding a folder of raw texts writes the clean drafts and the catalogue; a bad file is named', async () => {
  const folder = join(dir, 'raw');
  mkdirSync(folder);
  for (const f of rawFiles().slice(0, 2)) copyFileSync(f, join(folder, basename(f)));
  writeFileSync(join(folder, 'empty.txt'), '');
  const out = join(dir, 'corpus');
  const report = (await server.request('workspace/executeCommand', { command: ServerCommands.ingest, arguments: [[folder], out] })) as Report;
  assert.deepEqual(report.ingested.map((f) => f.output).sort(), ['A-RES-73-62.unres', 'A-RES-76-54.unres']);
  assert.deepEqual(report.failed.map((f) => [basename(f.input), f.problem]), [['empty.txt', 'the file is empty']]);
  assert.ok(existsSync(join(out, 'A-RES-76-54.unres')));
  const catalogue = JSON.parse(readFileSync(join(out, 'catalogue.json'), 'utf8')) as { documents: { symbol: string }[] };
  assert.deepEqual(catalogue.documents.map((d) => d.symbol), ['A/RES/73/62', 'A/RES/76/54']);
  assert.ok(warnings.some((w) => w.includes('empty.txt') && w.includes('the file is empty')), warnings.join(' | '));
});

test('a PDF added through the server is read (pdfjs from its own bundle, loaded on this first PDF) into the clean draft', async () => {
  const folder = join(dir, 'pdf');
  mkdirSync(folder);
  copyFileSync('test/fixtures/documents/ods-like-A-RES-76-54.pdf', join(folder, 'A_RES_76_54.pdf'));
  const out = join(dir, 'from-pdf');
  const report = (await server.request('workspace/executeCommand', { command: ServerCommands.ingest, arguments: [[folder], out] })) as Report;
  assert.deepEqual(report.failed, []);
  assert.deepEqual(report.ingested.map((f) => f.output), ['A-RES-76-54.unres']);
  const draft = readFileSync(join(out, 'A-RES-76-54.unres'), 'utf8');
  assert.match(draft, /^76\/54\. 建立无核武器世界的联合行动和面向未来的对话$/m);
  assert.match(draft, /^1\. \*\*重申\*\*《不扩散核武器条约》所有缔约国/m);
});

test('bad arguments are answered InvalidParams and the server keeps working', async () => {
  await assert.rejects(server.request('workspace/executeCommand', { command: ServerCommands.ingest, arguments: ['not a list'] }), (err: { code?: number }) => err.code === -32602);
  const uri = await server.open('after.unres', '大会，\n\n1. 决定。\n');
  const symbols = (await server.request('textDocument/documentSymbol', { textDocument: { uri } })) as unknown[];
  assert.ok(Array.isArray(symbols) && symbols.length > 0);
});

test('a corpus folder that does not exist yet is created; UTF-16 is read, an English text is named with its reason', async () => {
  const folder = join(dir, 'mixed');
  mkdirSync(folder);
  copyFileSync('test/fixtures/raw/sc-2446-2018.txt', join(folder, 'sc.txt'));
  copyFileSync('test/fixtures/raw/sc-2446-2018-en.txt', join(folder, 'sc-en.txt'));
  writeFileSync(join(folder, 'hrc.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync('test/fixtures/raw/hrc-52-1.txt', 'utf8'), 'utf16le')]));
  const out = join(dir, 'not', 'yet', 'there');
  assert.ok(!existsSync(out));
  warnings.length = 0;
  const report = (await server.request('workspace/executeCommand', { command: ServerCommands.ingest, arguments: [[folder], out] })) as Report;
  assert.ok(existsSync(join(out, 'catalogue.json')));
  assert.deepEqual(report.ingested.map((f) => f.output).sort(), ['A-HRC-RES-52-1.unres', 'S-RES-2446-2018.unres']);
  assert.ok(report.ingested.some((f) => f.note === 'read as UTF-16LE text with a byte-order mark and converted to UTF-8'));
  assert.deepEqual(report.failed.map((f) => basename(f.input)), ['sc-en.txt']);
  assert.ok(warnings.some((w) => w.includes('sc-en.txt') && w.includes('in English, not Chinese')), warnings.join(' | '));
});

test('a client that presents the report itself gets no second message about the files it could not use', async () => {
  const folder = join(dir, 'raw-quiet');
  mkdirSync(folder);
  writeFileSync(join(folder, 'empty.txt'), '');
  warnings.length = 0;
  const report = (await server.request('workspace/executeCommand', { command: ServerCommands.ingest, arguments: [[folder], join(dir, 'corpus-quiet'), { clientReports: true }] })) as Report;
  assert.equal(report.failed.length, 1);
  assert.deepEqual(warnings.filter((w) => w.includes('empty.txt')), []);
});
