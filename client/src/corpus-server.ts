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
import { t } from './l10n';

const SECRET = (key: string) => `resolutionDrafter.corpus.server/${key}`;
const SET_LOGIN_COMMAND = Commands.setCorpusServerLogin;

/** The setting without any password written in it, and whether one was (it is then not used). */
export function withoutPassword(setting: string): { server: string; hadPassword: boolean } {
  if (!/^postgres(ql)?:\/\//i.test(setting)) return { server: setting, hadPassword: false };
  try {
    const url = new URL(setting);
    if (!url.password) return { server: setting, hadPassword: false };
    url.password = '';
    return { server: url.toString(), hadPassword: true };
  } catch {
    return { server: setting, hadPassword: false };
  }
}

/** What the server is started with: the connection string and the stored password, if any. */
export async function corpusServerOptions(secrets: vscode.SecretStorage, log: (line: string) => void): Promise<{ corpusServer?: string; corpusServerPassword?: string }> {
  const setting = (vscode.workspace.getConfiguration('resolutionDrafter').get<string>('corpus.server') ?? '').trim();
  if (!setting) return {};
  const { server, hadPassword } = withoutPassword(setting);
  if (hadPassword) log('The corpus database setting holds a password: it is not used. Store it with "Resolution Drafter: Set the corpus database login".');
  const secret = await secrets.get(SECRET(server));
  if (/^postgres(ql)?:\/\//i.test(server)) return { corpusServer: server, corpusServerPassword: secret };
  // A name: the stored secret is the whole connection string.
  return { corpusServer: secret ?? server };
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
