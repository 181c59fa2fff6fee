/**
 * Openers come up by themselves at the start of an empty paragraph. In the preamble the server
 * answers the line feed (a trigger character); in the operative part the new line has no label
 * yet when Enter is typed, and the label (`2. `, `(b) `, `㈡ `) comes from the server's on-type
 * formatting a moment later, which VS Code does not count as typing. So when such a label has just
 * been written at the cursor, the suggest list is opened here.
 */
import * as vscode from 'vscode';

/** A label at the end of inserted text, as the server's numbering writes it. */
const LABEL_WRITTEN = /(?:^|\n)[ \t]*(?:\d+[.．]|\([a-z]{1,4}\)|[㈠-㈩])[ \t]?$/;

export function suggestOpenersAfterNumbering(): vscode.Disposable {
  return vscode.workspace.onDidChangeTextDocument((e) => {
    const editor = vscode.window.activeTextEditor;
    if (e.document.languageId !== 'unres' || editor?.document !== e.document || e.contentChanges.length !== 1) return;
    const change = e.contentChanges[0];
    if (!LABEL_WRITTEN.test(change.text)) return;
    // Only a label the numbering wrote whole (not one typed character by character: the space
    // after it is a trigger character already), with the cursor at its end and the line otherwise empty.
    if (change.text.trim().length < 2) return;
    setTimeout(() => {
      const cursor = editor.selection.active;
      const line = editor.document.lineAt(cursor.line).text;
      if (cursor.character === line.length && LABEL_WRITTEN.test(line)) void vscode.commands.executeCommand('editor.action.triggerSuggest');
    }, 0);
  });
}
