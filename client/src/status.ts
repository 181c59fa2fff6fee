import * as vscode from 'vscode';
import type { CorpusStats } from '../../server/src/lsp/protocol';
import { Commands } from './command-ids';
import { t } from './l10n';
import { statusText, statusTooltip } from './present';

/** The status bar item for `unres` editors: the corpus in use, spinning while it is indexed; a click shows the statistics. */
export class CorpusStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item = vscode.window.createStatusBarItem('resolutionDrafter.corpus', vscode.StatusBarAlignment.Right, 100);
    this.item.name = t('Resolution Drafter corpus');
    this.item.command = Commands.showCorpusStats;
    this.update(undefined);
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => this.showForEditor()));
    this.showForEditor();
  }

  /** Shows what the server last said about the corpus (undefined: not known yet). */
  update(stats: CorpusStats | undefined): void {
    this.item.text = statusText(stats, t);
    this.item.tooltip = statusTooltip(stats, t);
  }

  /** Says that the server gives no statistics (it is stopped, or does not know the request). */
  unavailable(reason: string): void {
    this.item.text = `$(book) ${t('Corpus')}`;
    this.item.tooltip = reason;
  }

  private showForEditor(): void {
    if (vscode.window.activeTextEditor?.document.languageId === 'unres') this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
