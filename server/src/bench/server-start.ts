/**
 * The real server from a fresh start, as an editor starts it: `dist/server.js --stdio` with the
 * corpus folders in the initialization options and the bundled corpus; the bench draft is opened
 * and the time until its diagnostics are published is taken. Talks LSP over the child's stdio only.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Times (ms) from the start of the process and from `didOpen` to the first diagnostics of the draft. */
export async function firstDiagnostics(corpusFolders: string[], draft: string, storagePath: string, timeoutMs = 120_000, serverBundle = join(__dirname, 'server.js')): Promise<{ startToDiagnostics: number; openToDiagnostics: number }> {
  const started = now();
  // The bench runs from dist/bench.js, beside the server bundle.
  const child = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(join(storagePath, 'bench-draft.unres')).toString();
  let opened = 0;
  let timer: NodeJS.Timeout | undefined;
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const diagnosed = new Promise<number>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no diagnostics from the server within ${timeoutMs} ms`)), timeoutMs);
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.uri !== uri) return;
      clearTimeout(timer);
      resolve(now());
    });
    child.on('exit', (code) => reject(new Error(`the server stopped (exit code ${code})`)));
  });
  // Awaited after the draft is opened; a server that stops before then must not be an unhandled rejection meanwhile.
  diagnosed.catch(() => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: { corpusFolders, useBundledCorpus: true, storagePath },
    });
    await connection.sendNotification('initialized', {});
    opened = now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'unres', version: 1, text: draft } });
    const at = await diagnosed;
    return { startToDiagnostics: Math.round(at - started), openToDiagnostics: Math.round(at - opened) };
  } finally {
    clearTimeout(timer);
    // The bench measures the start, not the build: the server and its index worker end here.
    await stopServer(child, connection, ended);
  }
}

/**
 * Ends a server the bench started: closes the connection and its input, waits for it to end
 * (`ended`, made when it was spawned; killed outright after 2 s), and closes its output, so that
 * the bench ends by itself.
 */
export async function stopServer(child: ChildProcessByStdio<Writable, Readable, null>, connection: { dispose(): void }, ended: Promise<void>): Promise<void> {
  connection.dispose();
  child.stdin.end();
  child.kill();
  await Promise.race([ended, new Promise<void>((r) => setTimeout(r, 2000).unref())]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child.stdout.destroy();
}
