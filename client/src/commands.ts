/**
 * The commands in the palette. Each takes optional arguments so that a test (or another
 * extension) can run it through `vscode.commands.executeCommand` without dialogs, and returns
 * what it did.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import * as vscode from 'vscode';
import { ServerCommands, SimilarRequest, type CorpusStats, type SimilarMatch, type SimilarParams } from '../../server/src/lsp/protocol';
import { Commands } from './command-ids';
import type { Drafter } from './drafter';
import { SECTION } from './drafter';
import { t } from './l10n';
import { ingestSummary, keepMarkers, paragraphBody, sentences, similarItem, statsDetails, statsSummary, type IngestOutcome } from './present';
import { newDraftFileName, nextPlaceholder, templateSnippet } from './template';
import { registerProvenanceCommands } from './provenance';
import { Previews } from './preview';


/** How many similar paragraphs to offer. */
const SIMILAR_LIMIT = 20;

/** The draft a command acts on: the one named, else the active `unres` editor's. */
function targetDraft(uri: unknown): vscode.Uri | undefined {
  if (uri instanceof vscode.Uri) return uri;
  if (typeof uri === 'string') return vscode.Uri.parse(uri);
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'unres') return editor.document.uri;
  void vscode.window.showWarningMessage(t('Open a resolution draft (.unres) first.'));
  return undefined;
}

interface RenumberResult {
  applied: boolean;
  edits?: number;
  reason?: string;
}

async function renumber(drafter: Drafter, command: string, uriArg: unknown, done: string, nothing: string): Promise<RenumberResult | undefined> {
  const uri = targetDraft(uriArg);
  if (!uri) return undefined;
  const result = await drafter.serverCommand<RenumberResult | null>(command, [uri.toString()]);
  if (!result) return undefined;
  if (!result.applied) void vscode.window.showWarningMessage(t('The draft was not changed: {0}', result.reason ?? t('the edit was refused')));
  else vscode.window.setStatusBarMessage(result.edits ? done : nothing, 4000);
  return result;
}

interface InsertFootnoteResult {
  applied: boolean;
  number: number;
  stub: { line: number; character: number };
}

/** Inserts the next footnote marker at the cursor, and moves the cursor to its text after the `---` line. */
async function insertFootnote(drafter: Drafter, uriArg?: unknown, positionArg?: { line: number; character: number }): Promise<InsertFootnoteResult | undefined> {
  const uri = targetDraft(uriArg);
  if (!uri) return undefined;
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const position = positionArg ?? (editor ? { line: editor.selection.active.line, character: editor.selection.active.character } : undefined);
  if (!position) {
    void vscode.window.showWarningMessage(t('Put the cursor where the footnote marker goes.'));
    return undefined;
  }
  const result = await drafter.serverCommand<InsertFootnoteResult | null>(ServerCommands.insertFootnote, [uri.toString(), position]);
  if (!result) return undefined;
  if (!result.applied) {
    void vscode.window.showWarningMessage(t('The footnote was not inserted: the draft changed meanwhile. Try again.'));
  } else if (editor && !positionArg) {
    const stub = new vscode.Position(result.stub.line, result.stub.character);
    editor.selection = new vscode.Selection(stub, stub);
    editor.revealRange(new vscode.Range(stub, stub), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return result;
}

/**
 * Finds corpus paragraphs close to the selection (or the current line's paragraph) and replaces
 * it with the one chosen. Given a text, it only returns the matches (no dialog).
 */
async function findSimilar(drafter: Drafter, textArg?: unknown): Promise<SimilarMatch[] | undefined> {
  if (typeof textArg === 'string') return drafter.request<SimilarMatch[]>(SimilarRequest, { text: textArg, limit: SIMILAR_LIMIT } satisfies SimilarParams);

  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'unres') {
    void vscode.window.showWarningMessage(t('Open a resolution draft (.unres) first.'));
    return undefined;
  }
  let range: vscode.Range;
  let query: string;
  if (!editor.selection.isEmpty) {
    range = editor.selection;
    query = editor.document.getText(range);
  } else {
    const line = editor.document.lineAt(editor.selection.active.line);
    const body = paragraphBody(line.text);
    if (!body) {
      void vscode.window.showInformationMessage(t('Select some text, or put the cursor on a paragraph, to find similar agreed language.'));
      return undefined;
    }
    range = new vscode.Range(line.lineNumber, body.start, line.lineNumber, body.end);
    query = body.text;
  }
  const version = editor.document.version;
  const matches = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: t('Looking for similar agreed language…') },
    () => drafter.request<SimilarMatch[]>(SimilarRequest, { text: query, limit: SIMILAR_LIMIT } satisfies SimilarParams),
  );
  if (!matches || matches.length === 0) {
    const message = drafter.stats?.indexing
      ? t('The corpus index is still being built. Try again in a moment.')
      : t('No similar agreed language in the corpus.');
    void vscode.window.showInformationMessage(message);
    return matches ?? [];
  }
  const items = matches.map((m) => ({ ...similarItem(m, t, vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en'), match: m }));
  // Nothing reached 50 %: the closest few, said so.
  const weak = matches.every((m) => m.closest);
  const picked = await vscode.window.showQuickPick(items, {
    title: weak ? t('Nothing in the corpus reaches 50 %: the closest paragraphs') : t('Similar agreed language'),
    placeHolder: t('Choose a paragraph to put in place of "{0}"', query.length > 30 ? query.slice(0, 30) + '…' : query),
    matchOnDetail: true,
  });
  if (!picked) return matches;
  if (editor.document.version !== version) {
    void vscode.window.showWarningMessage(t('The draft changed meanwhile; nothing was replaced.'));
    return matches;
  }
  // The corpus text may carry its own label (5. ); the draft's label stays.
  const chosen = editor.selection.isEmpty ? (paragraphBody(picked.match.text)?.text ?? picked.match.text) : picked.match.text;
  // The draft's footnote markers stay at the same words; those with no such words are named first.
  const { text: replacement, lost } = keepMarkers(query, chosen);
  if (lost.length > 0) {
    const replace = t('Replace');
    const answer = await vscode.window.showWarningMessage(
      t('The chosen text has no place for the footnote markers {0}: replacing removes them, and their footnote texts become unused.', lost.join(' ')),
      { modal: true },
      replace,
    );
    if (answer !== replace) return matches;
    if (editor.document.version !== version) {
      void vscode.window.showWarningMessage(t('The draft changed meanwhile; nothing was replaced.'));
      return matches;
    }
  }
  await editor.edit((edit) => edit.replace(range, replacement));
  return matches;
}

/** Shows the corpus statistics in a message (details in the output); returns them. */
async function showCorpusStats(drafter: Drafter): Promise<CorpusStats | undefined> {
  const stats = await drafter.refreshStats();
  if (!stats) {
    void vscode.window.showWarningMessage(t('The server gives no corpus statistics yet. The output shows why.'));
    return undefined;
  }
  drafter.output.appendLine(statsDetails(stats, t));
  const details = t('Show details');
  void vscode.window.showInformationMessage(statsSummary(stats, t), details).then((choice) => {
    if (choice === details) drafter.output.show(true);
  });
  return stats;
}

/** Opens the preview of a draft beside it ("Open Preview to the Side"). */
function openPreview(previews: Previews, uriArg?: unknown): boolean {
  const uri = targetDraft(uriArg);
  const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!document) return false;
  previews.open(document);
  return true;
}

/** Writes the draft as a Word file; asks where unless a target is given. Returns the file written. */
async function exportToWord(drafter: Drafter, uriArg?: unknown, targetArg?: unknown, stylesArg?: unknown): Promise<string | undefined> {
  const uri = targetDraft(uriArg);
  if (!uri) return undefined;
  let target = typeof targetArg === 'string' ? targetArg : undefined;
  if (!target) {
    // An untitled draft (the template's A-RES-81-XX.unres, a Word draft opened) proposes its name, in the workspace's folder.
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const untitled = uri.scheme === 'untitled' ? uri.path.split('/').pop()?.replace(/\.unres$/i, '') : undefined;
    const base = uri.scheme === 'file' ? uri.fsPath.replace(/\.unres$/i, '') + '.docx' : untitled ? (folder ? vscode.Uri.joinPath(folder, `${untitled}.docx`).fsPath : `${untitled}.docx`) : undefined;
    const picked = await vscode.window.showSaveDialog({
      title: t('Export to Word'),
      defaultUri: base ? vscode.Uri.file(base) : undefined,
      filters: { [t('Word document')]: ['docx'] },
    });
    if (!picked) return undefined;
    target = picked.fsPath;
  }
  const result = await drafter.serverCommand<{ file: string } | null>(ServerCommands.exportWord, [uri.toString(), target, typeof stylesArg === 'string' ? stylesArg : undefined]);
  if (!result) return undefined;
  if (typeof targetArg !== 'string') {
    const reveal = t('Reveal in File Explorer');
    void vscode.window.showInformationMessage(t('Written: {0}', result.file), reveal).then((c) => {
      if (c === reveal) void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(result.file));
    });
  }
  return result.file;
}

/** Imports a .docx as a new, untitled draft, which is then checked like any other. */
async function openWordDraft(drafter: Drafter, pathArg?: unknown): Promise<vscode.TextDocument | undefined> {
  let path = typeof pathArg === 'string' ? pathArg : undefined;
  if (!path) {
    const picked = await vscode.window.showOpenDialog({ title: t('Open a Word draft'), canSelectMany: false, filters: { [t('Word document')]: ['docx'] } });
    if (!picked?.[0]) return undefined;
    path = picked[0].fsPath;
  }
  const read = await drafter.serverCommand<{ ok: true; text: string } | { ok: false; problem: string } | null>(ServerCommands.readWord, [path]);
  if (!read) return undefined;
  if (!read.ok) {
    void vscode.window.showErrorMessage(t('{0} {1}', path, read.problem));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'unres', content: read.text });
  await vscode.window.showTextDocument(document);
  return document;
}

/** Opens an untitled draft with the resolution template, the cursor on the title. */
async function newResolution(): Promise<vscode.TextDocument> {
  // Named after its symbol (A-RES-81-XX.unres), in the workspace folder: what the save dialog
  // proposes (an untitled draft would be named after its first line, 大 会).
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = newDraftFileName();
  const taken = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  let uri: vscode.Uri;
  for (let n = 1; ; n++) {
    const file = n === 1 ? name : name.replace(/\.unres$/, `-${n}.unres`);
    uri = folder ? vscode.Uri.joinPath(folder, file).with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: file });
    const exists = folder ? await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, file)).then(() => true, () => false) : false;
    if (!taken.has(uri.path) && !exists) break;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'unres') await vscode.languages.setTextDocumentLanguage(document, 'unres');
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(templateSnippet()), new vscode.Position(0, 0));
  return document;
}

/**
 * Tab outside a snippet (after Escape, or in a draft reopened later): selects the next placeholder
 * still to fill in (`XX`, `……`, `决议标题`); with none left, Tab does what it always does.
 */
async function nextPlaceholderCommand(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'unres') return void (await vscode.commands.executeCommand('tab'));
  const document = editor.document;
  const next = nextPlaceholder(document.getText(), document.offsetAt(editor.selection.start), document.offsetAt(editor.selection.end));
  if (!next) return void (await vscode.commands.executeCommand('tab'));
  const range = new vscode.Range(document.positionAt(next.start), document.positionAt(next.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function pickFolder(title: string, openLabel: string, near?: string): Promise<string | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title,
    openLabel,
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: near ? vscode.Uri.file(near) : vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return picked?.[0]?.fsPath;
}

/** Adds an output folder to `resolutionDrafter.corpus.folders` (of the workspace when one is open); the server restarts to load it. */
async function addToCorpusSettings(folder: string): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = config.inspect<string[]>('corpus.folders');
  const current = (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  if (current.includes(folder)) return;
  await config.update('corpus.folders', [...current, folder], target);
}

function inCorpusSettings(folder: string): boolean {
  const folders = vscode.workspace.getConfiguration(SECTION).get<string[]>('corpus.folders') ?? [];
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return folders.some((f) => resolve(root && !isAbsolute(f) ? resolve(root, f) : f) === resolve(folder));
}

/**
 * "Add a folder to the corpus": raw `.txt` documents → clean drafts and a catalogue in a corpus
 * folder, then (if the user agrees, or `addToSettings` is true) that folder in the corpus settings.
 * With both folders given there is no dialog and no question unless `addToSettings` is undefined.
 */
async function addCorpusFolder(drafter: Drafter, inputArg?: unknown, outArg?: unknown, addToSettings?: unknown): Promise<IngestOutcome | undefined> {
  const input = typeof inputArg === 'string' ? inputArg : await pickFolder(t('Folder of raw documents (.txt, .pdf, .docx)'), t('Use these documents'));
  if (!input) return undefined;
  const outDir = typeof outArg === 'string' ? outArg : await pickFolder(t('Folder for the clean drafts and their catalogue'), t('Write the drafts here'), dirname(input));
  if (!outDir) return undefined;
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Adding documents to the corpus…') },
    // The client names the files it could not use in its own message (once, with the summary).
    () => drafter.serverCommand<IngestOutcome | null>(ServerCommands.ingest, [[input], outDir, { clientReports: true }]),
  );
  // null: the server could not write the folder and has said so.
  if (!report) return undefined;
  const summary = ingestSummary(report, t);
  drafter.log(summary);
  const show = (message: string, ...buttons: string[]) =>
    report.failed.length > 0 ? vscode.window.showWarningMessage(message, ...buttons) : vscode.window.showInformationMessage(message, ...buttons);
  if (inCorpusSettings(outDir)) {
    // Already part of the corpus: the server has read it again.
    void show(summary);
    await drafter.refreshStats();
    return report;
  }
  if (typeof addToSettings === 'boolean' || report.ingested.length === 0) {
    void show(summary);
    if (addToSettings === true && report.ingested.length > 0) await addToCorpusSettings(outDir);
    return report;
  }
  const add = t('Use it as corpus');
  const choice = await show(sentences(summary, t('Use {0} as corpus from now on?', outDir)), add);
  if (choice === add) await addToCorpusSettings(outDir);
  return report;
}

/** Registers every command; the disposables go to the extension's subscriptions. */
export function registerCommands(drafter: Drafter): vscode.Disposable[] {
  const guarded = <A extends unknown[], R>(run: (...args: A) => Promise<R>) => async (...args: A): Promise<R | undefined> => {
    try {
      return await run(...args);
    } catch (err) {
      drafter.reportFailure(err);
      return undefined;
    }
  };
  const previews = new Previews(drafter.extension.extensionUri);
  return [
    previews,
    vscode.commands.registerCommand(Commands.openPreviewToSide, (uri?: unknown) => openPreview(previews, uri)),
    vscode.commands.registerCommand(Commands.exportToWord, guarded((uri?: unknown, target?: unknown, styles?: unknown) => exportToWord(drafter, uri, target, styles))),
    vscode.commands.registerCommand(Commands.openWordDraft, guarded((path?: unknown) => openWordDraft(drafter, path))),
    vscode.commands.registerCommand(Commands.renumberParagraphs, guarded((uri?: unknown) =>
      renumber(drafter, ServerCommands.renumberParagraphs, uri, t('Operative paragraphs renumbered.'), t('The operative paragraphs are already numbered in order.')))),
    vscode.commands.registerCommand(Commands.renumberFootnotes, guarded((uri?: unknown) =>
      renumber(drafter, ServerCommands.renumberFootnotes, uri, t('Footnotes renumbered.'), t('The footnotes are already numbered in order of appearance.')))),
    vscode.commands.registerCommand(Commands.insertFootnote, guarded((uri?: unknown, position?: { line: number; character: number }) => insertFootnote(drafter, uri, position))),
    vscode.commands.registerCommand(Commands.findSimilar, guarded((text?: unknown) => findSimilar(drafter, text))),
    vscode.commands.registerCommand(Commands.showCorpusStats, guarded(() => showCorpusStats(drafter))),
    vscode.commands.registerCommand(Commands.newResolution, guarded(() => newResolution())),
    vscode.commands.registerCommand(Commands.nextPlaceholder, guarded(() => nextPlaceholderCommand())),
    vscode.commands.registerCommand(Commands.addCorpusFolder, guarded((input?: unknown, out?: unknown, add?: unknown) => addCorpusFolder(drafter, input, out, add))),
    vscode.commands.registerCommand(Commands.restartServer, guarded(async () => {
      await drafter.restart();
      vscode.window.setStatusBarMessage(t('Resolution Drafter server restarted.'), 4000);
    })),
    ...registerProvenanceCommands(drafter, guarded),
  ];
}
