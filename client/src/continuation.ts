/**
 * Inline continuation in the client: the server answers `textDocument/inlineCompletion` (the
 * language client 10 registers VS Code's inline provider for it). This adds what VS Code does not
 * show by itself: where the grey text comes from, on the left of the status bar, from the item's
 * command title (`A/RES/73/62 序言部分第 3 段 · 4 份文件`), for as long as that ghost text is offered.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { t } from './l10n';

export class ContinuationStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Where the shown ghost text stands: the status goes when the cursor leaves it. */
  private shownAt?: { uri: string; line: number };

  constructor() {
    this.item = vscode.window.createStatusBarItem('resolutionDrafter.continuation', vscode.StatusBarAlignment.Left, 100);
    this.item.name = t('Source of the agreed language');
    this.subscriptions.push(
      vscode.window.onDidChangeTextEditorSelection((e) => {
        const at = e.selections[0]?.active;
        if (this.shownAt && (e.textEditor.document.uri.toString() !== this.shownAt.uri || at?.line !== this.shownAt.line)) this.hide();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.hide()),
    );
  }

  /** The middleware that reads each answer's source and shows it. */
  readonly middleware: Pick<Middleware, 'provideInlineCompletionItems'> = {
    provideInlineCompletionItems: async (document, position, context, token, next) => {
      const result = await next(document, position, context, token);
      const items = Array.isArray(result) ? result : (result?.items ?? []);
      const title = items[0]?.command?.title;
      if (title && !token.isCancellationRequested) this.show(title, document.uri.toString(), position.line);
      else if (!token.isCancellationRequested) this.hide();
      return result;
    },
  };

  private show(title: string, uri: string, line: number): void {
    this.item.text = `$(quote) ${title}`;
    this.item.tooltip = t('Where the grey text comes from: {0}. Tab accepts it, Ctrl+Right Arrow one word, typing goes on.', title);
    this.shownAt = { uri, line };
    this.item.show();
  }

  private hide(): void {
    this.shownAt = undefined;
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
