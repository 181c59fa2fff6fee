/**
 * The extension's one context object: it owns the output channel, the language client (and its
 * restarts), the status bar and what the server last said about the corpus. Commands receive it.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CorpusStatsRequest, CorpusStatusNotification, type CorpusStats } from '../../server/src/lsp/protocol';
import { t } from './l10n';
import { corpusInitializationOptions } from './present';
import { RestartPolicy } from './restart-policy';
import { CorpusStatusBar } from './status';
import { ContinuationStatus } from './continuation';
import { corpusServerOptions, registerCorpusServer, showCorpusServerStatus } from './corpus-server';

/** The settings section the server reads per document. */
export const SECTION = 'resolutionDrafter';

/** Settings that are read once when the server starts (the corpus is loaded once): changing them restarts it. */
const RESTART_SETTINGS = [`${SECTION}.corpus`];

export class Drafter implements vscode.Disposable {
  readonly output: vscode.LogOutputChannel;
  private client?: LanguageClient;
  private readonly statusBar: CorpusStatusBar;
  private readonly continuationStatus = new ContinuationStatus();
  /** The corpus database login read from SecretStorage before each start (never logged). */
  private corpusServer: { corpusServer?: string; corpusServerPassword?: string } = {};
  private readonly corpusServerItem: vscode.StatusBarItem;
  private readonly restarts = new RestartPolicy();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly statsChanged = new vscode.EventEmitter<CorpusStats | undefined>();
  /** What the server last said about the corpus; undefined until it answers. */
  stats?: CorpusStats;
  /** Fires when `stats` changes (a test can wait for the index to be ready). */
  readonly onDidChangeStats = this.statsChanged.event;

  constructor(readonly extension: vscode.ExtensionContext) {
    // A log channel: the language client 10 writes its own messages there with levels and times.
    this.output = vscode.window.createOutputChannel('Resolution Drafter', { log: true });
    this.statusBar = new CorpusStatusBar();
    const [corpusServerItem, ...corpusServerRest] = registerCorpusServer(extension, () => this.restart());
    this.corpusServerItem = corpusServerItem as vscode.StatusBarItem;
    this.subscriptions.push(corpusServerItem, ...corpusServerRest);
    this.subscriptions.push(
      this.output,
      this.statusBar,
      this.continuationStatus,
      this.statsChanged,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (RESTART_SETTINGS.some((s) => e.affectsConfiguration(s))) {
          this.log('The corpus settings changed: restarting the server to load the corpus again.');
          void this.restart().catch((err) => this.reportFailure(err));
        }
      }),
      // Restricted Mode: the workspace's corpus folders are read only once the workspace is trusted
      // (package.json declares them restricted). Trust given later loads them, unless the settings
      // event above has already restarted the server with them.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        const corpus = vscode.workspace.getConfiguration(SECTION).get<{ folders?: unknown; useBundled?: unknown }>('corpus') ?? {};
        const folders = JSON.stringify(corpusInitializationOptions(corpus, vscode.workspace.workspaceFolders?.[0]?.uri.fsPath).corpusFolders);
        if (folders === this.startedWithFolders) return;
        this.log('The workspace is now trusted: restarting the server to read the corpus folders its settings name.');
        void this.restart().catch((err) => this.reportFailure(err));
      }),
    );
  }

  /** The corpus folders the server was last started with (JSON), to tell whether trust changed them. */
  private startedWithFolders?: string;

  log(message: string): void {
    this.output.info(message);
  }

  /** Starts the server; throws with a message a drafter can act on when it cannot. */
  async start(): Promise<void> {
    if (this.client) return;
    const serverModule = this.extension.asAbsolutePath('dist/server.js');
    if (!existsSync(serverModule)) throw new Error(t('The server is missing ({0}). Reinstall the extension, or run the build when working on it.', serverModule));
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ language: 'unres' }],
      // Rules, footnote policy and parentheses are asked per document and applied at once.
      synchronize: { configurationSection: SECTION },
      // Read again at every (re)start: the corpus settings are applied by restarting.
      initializationOptions: () => this.initializationOptions(),
      outputChannel: this.output,
      // Shows where the ghost text (inline completion) comes from.
      middleware: { ...this.continuationStatus.middleware },
      errorHandler: {
        error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
        closed: () => this.serverClosed(),
      },
    };
    this.corpusServer = await corpusServerOptions(this.extension.secrets, (line) => this.log(line));
    const client = new LanguageClient('resolutionDrafter', 'Resolution Drafter', serverOptions, clientOptions);
    this.client = client;
    showCorpusServerStatus(client, this.corpusServerItem);
    client.onNotification(CorpusStatusNotification, (stats: CorpusStats) => this.setStats(stats));
    this.subscriptions.push(
      client.onDidChangeState((e) => {
        // After a restart (ours or the client's own after a crash), ask again what corpus is in use.
        if (e.newState === State.Running) void this.refreshStats();
        if (e.newState === State.Stopped) this.setStats(undefined);
      }),
    );
    try {
      await client.start();
    } catch (err) {
      this.client = undefined;
      await client.dispose().catch(() => undefined);
      throw err;
    }
    this.log('The server is running.');
  }

  private initializationOptions() {
    const corpus = vscode.workspace.getConfiguration(SECTION).get<{ folders?: unknown; useBundled?: unknown }>('corpus') ?? {};
    const options = corpusInitializationOptions(corpus, vscode.workspace.workspaceFolders?.[0]?.uri.fsPath);
    this.startedWithFolders = JSON.stringify(options.corpusFolders);
    this.log(`Corpus: ${options.useBundledCorpus ? 'bundled corpus' : 'no bundled corpus'}${options.corpusFolders.length ? ' + ' + options.corpusFolders.join(', ') : ''}`);
    // A writable place for the corpus phrase index: the extension's own folder may be read-only.
    return { ...options, ...this.corpusServer, storagePath: this.extension.globalStorageUri.fsPath };
  }

  private serverClosed() {
    if (this.restarts.crashed()) {
      this.log('The server stopped unexpectedly; restarting it.');
      void vscode.window.showWarningMessage(t('The Resolution Drafter server stopped unexpectedly and has been restarted.'));
      return { action: CloseAction.Restart, handled: true };
    }
    this.log('The server stopped again and again; it is not restarted.');
    void this.offerRestart(t('The Resolution Drafter server stopped several times in a few minutes and will not be restarted. The output shows why.'));
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  private async offerRestart(message: string): Promise<void> {
    const restart = t('Restart');
    const show = t('Show output');
    const choice = await vscode.window.showErrorMessage(message, restart, show);
    if (choice === restart) await this.restart().catch((err) => this.reportFailure(err));
    if (choice === show) this.output.show(true);
  }

  /** Tells the user that something failed, with the output at hand (and a restart when the server is down). */
  reportFailure(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    this.log(`Failed: ${err instanceof Error ? (err.stack ?? message) : message}`);
    const text = t('Resolution Drafter: {0}', message);
    if (this.client?.state === State.Running) {
      const show = t('Show output');
      void vscode.window.showErrorMessage(text, show).then((choice) => {
        if (choice === show) this.output.show(true);
      });
    } else {
      void this.offerRestart(text);
    }
  }

  /** Stops and starts the server (settings read at start are read again). */
  async restart(): Promise<void> {
    this.restarts.reset();
    if (!this.client) return this.start();
    this.setStats(undefined);
    // The corpus database's login read again (the command that stores it restarts the server to use it).
    this.corpusServer = await corpusServerOptions(this.extension.secrets, (line) => this.log(line));
    if (this.client.state === State.Stopped) await this.client.start();
    else await this.client.restart();
    this.log('The server was restarted.');
  }

  /** The running client; starts the server if it is not running. */
  async ready(): Promise<LanguageClient> {
    if (!this.client) await this.start();
    const client = this.client as LanguageClient;
    if (client.state === State.Stopped) await client.start();
    return client;
  }

  /** Runs a `workspace/executeCommand` command of the server. */
  async serverCommand<R>(command: string, args: unknown[]): Promise<R> {
    const client = await this.ready();
    return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<R>;
  }

  /** Sends a custom request to the server. */
  async request<R>(method: string, params?: unknown): Promise<R> {
    const client = await this.ready();
    return client.sendRequest<R>(method, params);
  }

  /** Asks the server for the corpus statistics; undefined when it cannot say. */
  async refreshStats(): Promise<CorpusStats | undefined> {
    try {
      const client = await this.ready();
      const stats = await client.sendRequest<CorpusStats>(CorpusStatsRequest);
      this.setStats(stats);
      return stats;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log(`corpusStats: ${message}`);
      this.statusBar.unavailable(t('The server gives no corpus statistics: {0}', message));
      return undefined;
    }
  }

  private setStats(stats: CorpusStats | undefined): void {
    this.stats = stats;
    this.statusBar.update(stats);
    this.statsChanged.fire(stats);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.dispose();
  }

  dispose(): void {
    void this.stop();
    for (const s of this.subscriptions) s.dispose();
  }
}
