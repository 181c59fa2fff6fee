import * as vscode from 'vscode';
import type { CorpusStats } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { Drafter } from './drafter';
import { t } from './l10n';
import { suggestOpenersAfterNumbering } from './opener-suggest';

let drafter: Drafter | undefined;

/** What the extension gives other extensions and tests (`vscode.extensions.getExtension(…).exports`). */
export interface DrafterApi {
  /** Resolves once the server runs (rejects when it cannot start). */
  ready(): Promise<void>;
  /** What the server last said about the corpus. */
  corpusStats(): CorpusStats | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<DrafterApi> {
  const d = new Drafter(context);
  drafter = d;
  context.subscriptions.push(d, ...registerCommands(d), suggestOpenersAfterNumbering());
  try {
    await d.start();
  } catch (err) {
    // The commands that need no server (new resolution) still work; the user is told why the rest do not.
    const message = err instanceof Error ? err.message : String(err);
    d.log(`The server could not start: ${err instanceof Error ? (err.stack ?? message) : message}`);
    const show = t('Show output');
    void vscode.window.showErrorMessage(t('Resolution Drafter could not start its server: {0}', message), show).then((choice) => {
      if (choice === show) d.output.show(true);
    });
  }
  return {
    ready: async () => { await d.ready(); },
    corpusStats: () => d.stats,
  };
}

export async function deactivate(): Promise<void> {
  await drafter?.stop();
  drafter = undefined;
}
