/**
 * "Open Preview to the Side": the draft as the printed resolution, in a webview beside its
 * editor, from the same document layout as the Word export. Updated on every change (the layout
 * of a 100 KB draft takes a few milliseconds), scroll-synced both ways, a click reveals the
 * paragraph in the editor. Strict CSP: no remote content, one nonce'd script, text escaped.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { layoutOf } from '../../server/src/core/layout/layout';
import { PREVIEW_CSS, previewBodyHtml } from '../../server/src/core/layout/html';
import { t } from './l10n';

/** What the preview's script sends back. */
type FromPreview = { type: 'reveal'; line: number } | { type: 'scrolled'; line: number } | { type: 'rendered'; ms: number };

/** The script inside the webview: replaces the page on update, syncs scrolling, reports clicks. */
const PREVIEW_SCRIPT = `
const vscode = acquireVsCodeApi();
const root = document.getElementById('root');
let syncing = 0;
function blocks() { return Array.from(document.querySelectorAll('[data-line]')); }
function scrollToLine(line) {
  const all = blocks();
  let target = all[0];
  for (const b of all) { if (Number(b.dataset.line) <= line) target = b; else break; }
  if (!target) return;
  syncing = Date.now();
  window.scrollTo(0, target.getBoundingClientRect().top + window.scrollY - 8);
}
window.addEventListener('message', (event) => {
  const m = event.data;
  if (m.type === 'update') {
    const t0 = performance.now();
    root.innerHTML = m.html;
    vscode.postMessage({ type: 'rendered', ms: performance.now() - t0 });
  } else if (m.type === 'scroll') scrollToLine(m.line);
});
document.addEventListener('click', (event) => {
  const p = event.target.closest('[data-line]');
  if (!p) return;
  for (const r of document.querySelectorAll('.revealed')) r.classList.remove('revealed');
  p.classList.add('revealed');
  vscode.postMessage({ type: 'reveal', line: Number(p.dataset.line) });
});
window.addEventListener('scroll', () => {
  if (Date.now() - syncing < 150) return;
  const top = blocks().find((b) => b.getBoundingClientRect().bottom > 0);
  if (top) vscode.postMessage({ type: 'scrolled', line: Number(top.dataset.line) });
}, { passive: true });
`;

function nonce(): string {
  return randomBytes(16).toString('base64');
}

/** The webview's page: the CSP allows only this page's nonce'd style and script. */
function pageHtml(body: string, webview: vscode.Webview): string {
  const n = nonce();
  const csp = [`default-src 'none'`, `style-src 'nonce-${n}'`, `script-src 'nonce-${n}'`, `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`].join('; ');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${n}">${PREVIEW_CSS}</style></head>
<body><div id="root">${body}</div><script nonce="${n}">${PREVIEW_SCRIPT}</script></body></html>`;
}

/** One preview per draft; opening it again shows the one already open. */
export class Previews implements vscode.Disposable {
  private readonly panels = new Map<string, { panel: vscode.WebviewPanel; document: vscode.TextDocument; lastSync: number }>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** How long the last update took to lay out (ms), for tests and the log. */
  lastLayoutMs = 0;

  constructor(private readonly extensionUri: vscode.Uri) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.update(e.document)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.editorScrolled(e.textEditor)),
    );
  }

  /** Opens (or shows) the preview of a draft beside its editor. */
  open(document: vscode.TextDocument): vscode.WebviewPanel {
    const key = document.uri.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return existing.panel;
    }
    const name = document.uri.path.split('/').pop() ?? 'draft';
    const panel = vscode.window.createWebviewPanel('resolutionDrafter.preview', t('Preview {0}', name), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [this.extensionUri],
      retainContextWhenHidden: false,
    });
    const entry = { panel, document, lastSync: 0 };
    this.panels.set(key, entry);
    panel.webview.html = pageHtml(this.body(document), panel.webview);
    panel.webview.onDidReceiveMessage((m: FromPreview) => this.fromPreview(entry, m));
    panel.onDidDispose(() => this.panels.delete(key));
    return panel;
  }

  private body(document: vscode.TextDocument): string {
    const started = Date.now();
    const html = previewBodyHtml(layoutOf(document.getText()));
    this.lastLayoutMs = Date.now() - started;
    return html;
  }

  private update(document: vscode.TextDocument): void {
    const entry = this.panels.get(document.uri.toString());
    if (!entry) return;
    void entry.panel.webview.postMessage({ type: 'update', html: this.body(document) });
  }

  private editorScrolled(editor: vscode.TextEditor): void {
    const entry = this.panels.get(editor.document.uri.toString());
    if (!entry || Date.now() - entry.lastSync < 150) return;
    const line = editor.visibleRanges[0]?.start.line ?? 0;
    void entry.panel.webview.postMessage({ type: 'scroll', line });
  }

  private fromPreview(entry: { document: vscode.TextDocument; lastSync: number }, m: FromPreview): void {
    if (m.type !== 'reveal' && m.type !== 'scrolled') return;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === entry.document);
    const line = Math.max(0, Math.min(m.line, entry.document.lineCount - 1));
    const range = new vscode.Range(line, 0, line, 0);
    if (m.type === 'scrolled') {
      if (!editor) return;
      entry.lastSync = Date.now();
      editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
      return;
    }
    void vscode.window.showTextDocument(entry.document, { viewColumn: editor?.viewColumn, selection: range, preserveFocus: false }).then((e) => {
      e.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    });
  }

  dispose(): void {
    for (const { panel } of this.panels.values()) panel.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
