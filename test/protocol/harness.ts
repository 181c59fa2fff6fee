import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

/** A running `dist/server.js --stdio`, talked to over LSP. */
export interface ServerHandle {
  connection: ProtocolConnection;
  initializeResult: InitializeResult;
  /** Opens a draft (under a fake workspace folder) and returns its URI. */
  open(name: string, text: string): Promise<string>;
  change(uri: string, version: number, text: string): Promise<void>;
  request(method: string, params: unknown): Promise<unknown>;
  /** Resolves with the next diagnostics published for `uri` (optionally for a given version). */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** Resolves with the diagnostics published for `uri` after this call (e.g. after a settings change). */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export const SERVER_BUNDLE = resolve('dist/server.js');

/**
 * `locale` is the client's display language, as VS Code sends it in `initialize` (`zh-cn`, `en`);
 * `textDocument` replaces parts of the client's text document capabilities (a plain-text-only client).
 */
export async function startServer(
  options: {
    settings?: unknown;
    initializationOptions?: unknown;
    locale?: string;
    textDocument?: Record<string, unknown>;
    /** Replaces parts of the client's workspace capabilities (by default those VS Code declares). */
    workspace?: Record<string, unknown>;
    /** A client that never answers `workspace/configuration`. */
    silentConfiguration?: boolean;
    /** Extra arguments for the server process (e.g. node options come before the bundle). */
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<ServerHandle> {
  const child: ChildProcess = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, { version?: number; resolve: (p: PublishDiagnosticsParams) => void }[]>();
  const latest = new Map<string, PublishDiagnosticsParams>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    latest.set(p.uri, p);
    const list = waiting.get(p.uri) ?? [];
    const remaining = list.filter((w) => {
      if (w.version === undefined || p.version === undefined || p.version >= w.version) { w.resolve(p); return false; }
      return true;
    });
    waiting.set(p.uri, remaining);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
    options.silentConfiguration ? new Promise(() => undefined) : params.items.map(() => options.settings ?? {}),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const root = pathToFileURL(resolve('test/fixtures')).toString();
  const initializeResult = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'fixtures' }],
    initializationOptions: options.initializationOptions,
    locale: options.locale,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: true }, ...options.workspace },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        ...options.textDocument,
      },
      window: { workDoneProgress: true },
    },
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});
  let counter = 0;
  return {
    connection,
    initializeResult,
    async open(name, text) {
      const uri = `${root}/${++counter}-${name}`;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'unres', version: 1, text } });
      return uri;
    },
    async change(uri, version, text) {
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    request: (method, params) => connection.sendRequest(method, params),
    diagnostics(uri, version) {
      const have = latest.get(uri);
      if (have && (version === undefined || (have.version ?? 0) >= version)) return Promise.resolve(have);
      return new Promise((resolveDiagnostics) => {
        const list = waiting.get(uri) ?? [];
        list.push({ version, resolve: resolveDiagnostics });
        waiting.set(uri, list);
      });
    },
    nextDiagnostics(uri) {
      return new Promise((resolveDiagnostics) => {
        const list = waiting.get(uri) ?? [];
        list.push({ resolve: resolveDiagnostics });
        waiting.set(uri, list);
      });
    },
    async stop() {
      // A server that does not answer shutdown within 2 s is stopped anyway, and one that does not
      // end within 2 s of SIGTERM is killed: nothing here may keep the test file alive.
      const within = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());
      const ended = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));
      try {
        await Promise.race([connection.sendRequest('shutdown').then(() => connection.sendNotification('exit')), within(2000)]);
      } catch { /* already gone */ }
      connection.dispose();
      child.kill();
      await Promise.race([ended, within(2000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      child.stdin?.destroy();
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
}
