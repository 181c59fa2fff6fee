// Footnotes from the corpus: Insert Footnote after a title pre-fills the title's corpus footnote,
// and an empty footnote line (`¹ `) is offered the corpus's footnotes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionList, TextEdit } from 'vscode-languageserver-protocol/node';
import { ServerCommands } from '../../server/src/lsp/protocol';
import { startServer, type ServerHandle } from './harness';

const HEAD = ['76/54. 建立无核武器世界的联合行动和面向未来的对话', '', '大会，', '', '重申实现无核武器世界是国际社会的共同目标，', ''];
const NPT_FOOTNOTE = '联合国，《条约汇编》，第 729 卷，第 10485 号。';

let server: ServerHandle;
before(async () => {
  server = await startServer();
});
after(async () => { await server.stop(); });

test('Insert Footnote right after 《不扩散核武器条约》 writes its corpus footnote under ---', async () => {
  const text = [...HEAD, '又重申《不扩散核武器条约》是国际核不扩散制度的基石，', ''].join('\n');
  const uri = await server.open('insert.unres', text);
  await server.diagnostics(uri);
  // The harness declares documentChanges support, as VS Code does: the edit comes as a text document edit.
  const applied = new Promise<TextEdit[]>((resolve) => {
    server.connection.onRequest('workspace/applyEdit', (params: { edit: { documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[]; changes?: Record<string, TextEdit[]> } }) => {
      resolve(params.edit.documentChanges?.find((c) => c.textDocument.uri === uri)?.edits ?? params.edit.changes?.[uri] ?? []);
      return { applied: true };
    });
  });
  const character = '又重申《不扩散核武器条约》'.length;
  const result = (await server.request('workspace/executeCommand', { command: ServerCommands.insertFootnote, arguments: [uri, { line: 6, character }] })) as { number: number };
  assert.equal(result.number, 1);
  const edit = await applied;
  const inserted = edit.map((e) => e.newText).join('');
  assert.ok(inserted.includes(`¹ ${NPT_FOOTNOTE}`), JSON.stringify(inserted));
});

test('completion on an empty “¹ ” footnote line offers the corpus footnotes, the one of the marker\'s title first', async () => {
  const text = [...HEAD, '又重申《不扩散核武器条约》¹ 是国际核不扩散制度的基石，', '', '---', '¹ '].join('\n');
  const uri = await server.open('empty-footnote.unres', text);
  await server.diagnostics(uri);
  const list = (await server.request('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 2 } })) as CompletionList;
  assert.ok(list.items.length > 1, JSON.stringify(list.items.map((i) => i.label)));
  assert.equal(list.items.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0].label, NPT_FOOTNOTE);
  const edit = list.items[0].textEdit as { newText: string; range: { start: { character: number } } };
  assert.equal(edit.newText, ` ${NPT_FOOTNOTE}`);
  assert.equal(edit.range.start.character, 1);
});
