import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type ServerHandle } from './harness';

// A/RES/76/54, broken the way a drafter breaks it: paragraph 2 numbered 3, a footnote with no text,
// a preambular paragraph ending with ；.
const BROKEN = [
  '大 会',
  '第七十六届会议',
  '2021 年 12 月 6 日大会决议',
  '',
  '76/54. 建立无核武器世界的联合行动和面向未来的对话',
  '',
  '大会，',
  '',
  '重申实现无核武器世界是国际社会的共同目标；',
  '',
  '又重申《不扩散核武器条约》¹ 是国际核不扩散制度的基石，',
  '',
  '1. **重申**《不扩散核武器条约》所有缔约国致力于实现消除核武器的最终目标；',
  '',
  '3. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。',
  '',
  '2021 年 12 月 6 日',
  '第 45 次全体会议',
  '',
].join('\n');

let server: ServerHandle;
let settings: unknown = {};
before(async () => {
  server = await startServer();
  server.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
});
after(async () => { await server.stop(); });

function summary(diagnostics: Diagnostic[]) {
  return diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity]);
}

test('a broken draft gets diagnostics with rule codes and exact ranges', async () => {
  const uri = await server.open('broken.unres', BROKEN);
  const { diagnostics } = await server.diagnostics(uri);
  assert.ok(diagnostics.every((d) => d.source === 'resolution-drafter'));
  assert.deepEqual(summary(diagnostics), [
    ['paragraph-ending', 8, 20, 8, 21, 2],
    ['footnote-undefined', 10, 13, 10, 14, 1],
    ['operative-numbering', 14, 0, 14, 2, 1],
  ]);
  const numbering = diagnostics.find((d) => d.code === 'operative-numbering')!;
  assert.equal(numbering.relatedInformation?.[0].location.range.start.line, 12);
});

test('a quick fix applies and its fault is gone', async () => {
  const uri = await server.open('fix.unres', BROKEN);
  const { diagnostics } = await server.diagnostics(uri);
  const target = diagnostics.find((d) => d.code === 'operative-numbering')!;
  const actions = (await server.request('textDocument/codeAction', {
    textDocument: { uri },
    range: target.range,
    context: { diagnostics: [target], only: ['quickfix'] },
  })) as CodeAction[];
  const action = actions.find((a) => a.title.startsWith('Renumber the operative paragraphs'));
  assert.ok(action, actions.map((a) => a.title).join(' | '));
  assert.deepEqual(action.diagnostics?.map((d) => d.code), ['operative-numbering']);
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'unres', 1, BROKEN), change.edits as TextEdit[]);
  await server.change(uri, 2, fixed);
  const after = await server.diagnostics(uri, 2);
  assert.deepEqual(after.diagnostics.map((d) => d.code), ['paragraph-ending', 'footnote-undefined']);
});

test('the renumber command edits the draft through workspace/applyEdit', async () => {
  const uri = await server.open('command.unres', BROKEN);
  await server.diagnostics(uri);
  const applied = new Promise<{ edit: { documentChanges: TextDocumentEdit[] } }>((resolve) => {
    server.connection.onRequest('workspace/applyEdit', (params: { edit: { documentChanges: TextDocumentEdit[] } }) => {
      resolve(params);
      return { applied: true };
    });
  });
  const result = (await server.request('workspace/executeCommand', { command: 'resolutionDrafter.server.renumberParagraphs', arguments: [uri] })) as { applied: boolean };
  assert.equal(result.applied, true);
  const edit = (await applied).edit.documentChanges[0];
  assert.equal(edit.textDocument.uri, uri);
  assert.deepEqual((edit.edits as TextEdit[]).map((e) => [e.range.start.line, e.range.start.character, e.newText]), [[14, 0, '2.']]);
});

test('changing the settings re-validates open drafts', async () => {
  const uri = await server.open('settings.unres', BROKEN);
  const first = await server.diagnostics(uri);
  assert.ok(first.diagnostics.some((d) => d.code === 'paragraph-ending'));
  settings = { rules: { 'paragraph-ending': 'off', 'operative-numbering': 'hint' } };
  const next = server.nextDiagnostics(uri);
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  const { diagnostics } = await next;
  settings = {};
  assert.ok(!diagnostics.some((d) => d.code === 'paragraph-ending'));
  assert.equal(diagnostics.find((d) => d.code === 'operative-numbering')?.severity, 4);
});

test('structure notes stay a diagnostic of their own', async () => {
  const uri = await server.open('notes.unres', BROKEN + '---\n¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。\n这一行不是脚注。\n');
  const { diagnostics } = await server.diagnostics(uri);
  assert.ok(diagnostics.some((d) => d.code === 'structure' && d.range.start.line === 20), JSON.stringify(summary(diagnostics)));
  assert.ok(!diagnostics.some((d) => d.code === 'footnote-undefined'));
});

test('a draft of the corpus shipped with the extension, opened beside a draft (Compare with…), is not checked: its published faults are no problem of the drafter', async () => {
  const file = resolve('corpus/A-RES-59-76.unres');
  const text = readFileSync(file, 'utf8');
  const shipped = pathToFileURL(file).toString();
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: shipped, languageId: 'unres', version: 1, text } });
  // The same text anywhere else is checked (its half-width commas), and is validated after the shipped one would have been.
  const copy = await server.open('A-RES-59-76.unres', text);
  const { diagnostics } = await server.diagnostics(copy);
  assert.ok(diagnostics.some((d) => d.code === 'punctuation-width'), JSON.stringify(diagnostics.map((d) => d.code)));
  const actions = (await server.request('textDocument/codeAction', { textDocument: { uri: shipped }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })) as unknown[];
  assert.deepEqual(actions, []);
  // Drafts are validated in the order they come: had the shipped one been, its diagnostics would be here already.
  assert.equal(await Promise.race([server.diagnostics(shipped).then((p) => `published ${p.diagnostics.length}`), Promise.resolve('none')]), 'none');
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: shipped } });
});
