/**
 * The corpus database as the extension sets it up: `resolutionDrafter.corpus.server` holds a
 * connection string without its password, or a name; the password (or, for a name, the whole
 * connection string) is kept in VS Code's SecretStorage and handed to the server at start, never
 * written to a settings file or the output. The server's `corpusServerStatus` notes show in a
 * status bar item.
 */
import * as vscode from 'vscode';
import { CorpusServerStatusNotification } from '../../server/src/lsp/protocol';
import { Commands } from './command-ids';
import { serverOptionsFor, withoutPassword } from './corpus-login';
import { t } from './l10n';

const SECRET = (key: string) => `resolutionDrafter.corpus.server/${key}`;
const SET_LOGIN_COMMAND = Commands.setCorpusServerLogin;

/** Settings whose written password the user has been told about (once per setting and session). */
const warned = new Set<string>();

/** Tells the user, once, that the password written in the setting is not used, and how to store it. */
function warnPasswordIgnored(server: string): void {
  if (warned.has(server)) return;
  warned.add(server);
  const store = t('Set the corpus database login');
  void vscode.window
    .showWarningMessage(t('The password written in resolutionDrafter.corpus.server is ignored: store it with "Resolution Drafter: Set the corpus database login" (or in a .pgpass line), and take it out of the setting.'), store)
    .then((choice) => (choice === store ? vscode.commands.executeCommand(SET_LOGIN_COMMAND) : undefined));
}

/**
 * What the server is started with: the connection string (never with a password in it) and the
 * password: the stored one for a connection string, the one in the stored connection string for a name.
 */
export async function corpusServerOptions(secrets: vscode.SecretStorage, log: (line: string) => void): Promise<{ corpusServer?: string; corpusServerPassword?: string }> {
  const setting = (vscode.workspace.getConfiguration('resolutionDrafter').get<string>('corpus.server') ?? '').trim();
  if (!setting) return {};
  const { server, hadPassword } = withoutPassword(setting);
  if (hadPassword) {
    log('The corpus database setting holds a password: it is not used. Store it with "Resolution Drafter: Set the corpus database login".');
    warnPasswordIgnored(server);
  }
  return serverOptionsFor(server, await secrets.get(SECRET(server)));
}

/** The command that stores the login, and the status bar item. */
export function registerCorpusServer(context: vscode.ExtensionContext, restart: () => Promise<void>): vscode.Disposable[] {
  const item = vscode.window.createStatusBarItem('resolutionDrafter.corpusServer', vscode.StatusBarAlignment.Right, 99);
  item.name = t('Resolution Drafter corpus database');
  item.command = SET_LOGIN_COMMAND;
  const command = vscode.commands.registerCommand(SET_LOGIN_COMMAND, async () => {
    const setting = (vscode.workspace.getConfiguration('resolutionDrafter').get<string>('corpus.server') ?? '').trim();
    if (!setting) {
      void vscode.window.showInformationMessage(t('Set resolutionDrafter.corpus.server first (a connection string without its password, or a name).'));
      return;
    }
    const { server } = withoutPassword(setting);
    const isUrl = /^postgres(ql)?:\/\//i.test(server);
    const value = await vscode.window.showInputBox({
      prompt: isUrl ? t('Password for {0}', server) : t('Connection string (with its password) for {0}', server),
      password: true,
      ignoreFocusOut: true,
    });
    if (value === undefined) return;
    await context.secrets.store(SECRET(server), value);
    await restart();
  });
  return [item, command];
}

/** Shows the server's notes about the corpus database in the status bar item. */
export function showCorpusServerStatus(client: { onNotification(method: string, handler: (status: { state: string; server: string; message: string }) => void): unknown }, item: vscode.StatusBarItem): void {
  client.onNotification(CorpusServerStatusNotification, (status) => {
    item.text = status.state === 'connected' ? '$(database) ' + t('Corpus database') : '$(warning) ' + t('Corpus database');
    item.tooltip = `${status.server}: ${status.message}`;
    item.show();
  });
}
