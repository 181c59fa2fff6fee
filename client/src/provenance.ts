/**
 * Agreed language at a glance in the editor: "Highlight New Language" (decorations on the
 * characters no corpus text contains, in theme colours) and the comparison with the previous
 * resolution (or any corpus document) in VS Code's diff editor. The server computes both
 * (`resolutionDrafter/provenance`, `resolutionDrafter/compare`); the code lenses come from the
 * server through the language client.
 */
import * as vscode from 'vscode';
import {
  CompareRequest,
  CORPUS_DOCUMENT_SCHEME,
  CorpusDocumentTextRequest,
  CorpusDocumentsRequest,
  ProvenanceRequest,
  type CompareResult,
  type CorpusDocumentInfo,
  type ProvenanceResult,
} from '../../server/src/lsp/protocol';
import { Commands } from './command-ids';
import type { Drafter } from './drafter';
import { t } from './l10n';

/** Theme colour of new language (package.json `colors`). */
const NEW_LANGUAGE_COLOR = 'resolutionDrafter.newLanguageBackground';

function draftUri(uri: unknown): vscode.Uri | undefined {
  if (uri instanceof vscode.Uri) return uri;
  if (typeof uri === 'string') return vscode.Uri.parse(uri);
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'unres') return editor.document.uri;
  void vscode.window.showWarningMessage(t('Open a resolution draft (.unres) first.'));
  return undefined;
}

/** The new-language highlight: on or off for the whole window, redrawn as drafts change. */
export class NewLanguageHighlight implements vscode.Disposable {
  private on = false;
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor(NEW_LANGUAGE_COLOR),
    overviewRulerColor: new vscode.ThemeColor(NEW_LANGUAGE_COLOR),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly drafter: Drafter) {
    this.subscriptions.push(
      this.decoration,
      vscode.window.onDidChangeVisibleTextEditors(() => this.redrawAll()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!this.on || e.document.languageId !== 'unres') return;
        const key = e.document.uri.toString();
        clearTimeout(this.timers.get(key));
        this.timers.set(key, setTimeout(() => { this.timers.delete(key); void this.redraw(e.document); }, 400));
      }),
    );
  }

  /** Turns the highlight on or off (or to `state`); returns the new-language ranges drawn per draft. */
  async toggle(state?: boolean): Promise<{ on: boolean; ranges: number }> {
    this.on = state ?? !this.on;
    void vscode.commands.executeCommand('setContext', 'resolutionDrafter.newLanguageHighlighted', this.on);
    const ranges = await this.redrawAll();
    if (this.on) vscode.window.setStatusBarMessage(t('New language highlighted: {0} passages', ranges), 4000);
    return { on: this.on, ranges };
  }

  private async redrawAll(): Promise<number> {
    let total = 0;
    const seen = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.languageId !== 'unres' || seen.has(editor.document.uri.toString())) continue;
      seen.add(editor.document.uri.toString());
      total += await this.redraw(editor.document);
    }
    return total;
  }

  private async redraw(document: vscode.TextDocument): Promise<number> {
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document === document);
    if (!this.on) {
      for (const e of editors) e.setDecorations(this.decoration, []);
      return 0;
    }
    const result = await this.drafter.request<ProvenanceResult>(ProvenanceRequest, { uri: document.uri.toString() });
    if (!result.ready) vscode.window.setStatusBarMessage(t('The corpus is still being indexed; the highlight follows when it is ready.'), 4000);
    const ranges = result.paragraphs.flatMap((p) => p.new.map(([s, e]) => new vscode.Range(p.line, s, p.line, e)));
    if (this.on) for (const e of editors) e.setDecorations(this.decoration, ranges);
    return ranges.length;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Opens the diff editor: the earlier document on the left, the draft on the right. */
async function showDiff(result: CompareResult, uri: vscode.Uri): Promise<void> {
  if (!result.with) return;
  const counts = new Map<string, number>();
  for (const p of result.paragraphs) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  const title = t('{0} ↔ {1}', result.with.symbol, uri.path.split('/').pop() ?? '');
  await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse(result.with.uri), uri, title);
  const summary = t('Compared with {0} ({1}): {2} changed, {3} new, {4} deleted, {5} moved.', result.with.symbol, result.with.reason,
    counts.get('changed') ?? 0, counts.get('new') ?? 0, counts.get('deleted') ?? 0, counts.get('moved') ?? 0);
  const note = result.recalledMissing ? ' ' + t('The draft recalls {0}, which is not in the corpus.', result.recalledMissing) : '';
  void vscode.window.showInformationMessage(summary + note);
}

/** "Compare with Previous Resolution": the predecessor found by the server, in the diff editor. */
export async function compareWithPrevious(drafter: Drafter, uriArg?: unknown): Promise<CompareResult | undefined> {
  const uri = draftUri(uriArg);
  if (!uri) return undefined;
  const result = await drafter.request<CompareResult>(CompareRequest, { uri: uri.toString() });
  if (!result.with) {
    const message = result.recalledMissing
      ? t('The draft recalls {0}, which is not in the corpus, and no other corpus resolution is on the same item. Use "Compare with…" to choose one.', result.recalledMissing)
      : t('No previous resolution found in the corpus: {0}. Use "Compare with…" to choose one.', result.problem ?? '');
    void vscode.window.showWarningMessage(message);
    return result;
  }
  await showDiff(result, uri);
  return result;
}

/** "Compare with…": any corpus document, picked from a list (or named by symbol or file). */
export async function compareWith(drafter: Drafter, uriArg?: unknown, withArg?: unknown): Promise<CompareResult | undefined> {
  const uri = draftUri(uriArg);
  if (!uri) return undefined;
  let chosen = typeof withArg === 'string' ? withArg : undefined;
  if (!chosen) {
    const documents = await drafter.request<CorpusDocumentInfo[]>(CorpusDocumentsRequest);
    const pick = await vscode.window.showQuickPick(
      documents.map((d) => ({ label: d.symbol, description: d.title, document: d })),
      { placeHolder: t('Compare the draft with which document?'), matchOnDescription: true },
    );
    if (!pick) return undefined;
    chosen = pick.document.symbol;
  }
  const result = await drafter.request<CompareResult>(CompareRequest, { uri: uri.toString(), with: chosen });
  if (!result.with) {
    void vscode.window.showWarningMessage(t('Cannot compare: {0}', result.problem ?? ''));
    return result;
  }
  await showDiff(result, uri);
  return result;
}

/** The commands of this module, with the highlight they share. */
export function registerProvenanceCommands(drafter: Drafter, guarded: <A extends unknown[], R>(run: (...args: A) => Promise<R>) => (...args: A) => Promise<R | undefined>): vscode.Disposable[] {
  const highlight = new NewLanguageHighlight(drafter);
  return [
    highlight,
    vscode.commands.registerCommand(Commands.highlightNewLanguage, guarded((state?: unknown) => highlight.toggle(typeof state === 'boolean' ? state : undefined))),
    vscode.commands.registerCommand(Commands.compareWithPrevious, guarded((uri?: unknown) => compareWithPrevious(drafter, uri))),
    vscode.commands.registerCommand(Commands.compareWith, guarded((uri?: unknown, withWhat?: unknown) => compareWith(drafter, uri, withWhat))),
    // A document of the corpus database (compared with, on the diff editor's left), read through the server.
    vscode.workspace.registerTextDocumentContentProvider(CORPUS_DOCUMENT_SCHEME, {
      provideTextDocumentContent: async (uri) => (await drafter.request<{ text: string } | null>(CorpusDocumentTextRequest, { uri: uri.toString() }))?.text ?? '',
    }),
  ];
}
