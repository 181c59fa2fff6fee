// The light bulb's "Disable ‹rule› for this paragraph / file" and the fix-all source actions,
// through the real server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { startServer, type ServerHandle } from './harness';

// A/RES/76/54 with two preambular paragraphs ending in ； and 。 (a drafter's slips).
const DRAFT = [
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
  '又重申《不扩散核武器条约》是国际核不扩散制度的基石。',
  '',
  '1. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。',
  '',
  '2021 年 12 月 6 日',
  '第 45 次全体会议',
  '',
].join('\n');

let server: ServerHandle;
before(async () => {
  server = await startServer();
  server.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
});
after(async () => { await server.stop(); });

const apply = (uri: string, text: string, action: CodeAction) =>
  TextDocument.applyEdits(TextDocument.create(uri, 'unres', 1, text), (action.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[]);

test('every finding offers “Disable ‹rule› for this paragraph” and “… for this file”; applied, the comment silences it', async () => {
  const uri = await server.open('disable.unres', DRAFT);
  const { diagnostics } = await server.diagnostics(uri);
  const target = diagnostics.find((d) => d.code === 'paragraph-ending' && d.range.start.line === 8)!;
  const actions = (await server.request('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target], only: ['quickfix'] } })) as CodeAction[];
  const titles = actions.map((a) => a.title);
  assert.ok(titles.includes('Disable paragraph-ending for this paragraph'), titles.join(' | '));
  assert.ok(titles.includes('Disable paragraph-ending for this file'), titles.join(' | '));
  assert.ok(titles.includes('Fix all 2 paragraph-ending findings in this draft'), titles.join(' | '));
  // The finding's own fix comes first.
  assert.ok(!titles[0].startsWith('Disable') && !titles[0].startsWith('Fix all'), titles[0]);
  const silenced = apply(uri, DRAFT, actions.find((a) => a.title === 'Disable paragraph-ending for this paragraph')!);
  assert.match(silenced, /%% drafter-disable paragraph-ending\n重申实现无核武器世界是国际社会的共同目标；/);
  await server.change(uri, 2, silenced);
  const after = await server.diagnostics(uri, 2);
  assert.deepEqual(after.diagnostics.map((d) => [d.code, d.range.start.line]), [['paragraph-ending', 11]]);
});

test('Source Action… lists a fix-all per rule; applied, the draft is clean', async () => {
  const uri = await server.open('fix-all.unres', DRAFT);
  await server.diagnostics(uri);
  const actions = (await server.request('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] },
  })) as CodeAction[];
  const all = actions.find((a) => a.kind === 'source.fixAll.paragraph-ending');
  assert.ok(all, actions.map((a) => `${a.kind} ${a.title}`).join(' | '));
  await server.change(uri, 2, apply(uri, DRAFT, all));
  assert.deepEqual((await server.diagnostics(uri, 2)).diagnostics, []);
});

test('the fix-all of repeated-opener, from the validation worker: 重申 重申 重申 becomes 重申 又重申 还重申, as the quick fixes one by one', async () => {
  const three = DRAFT.replace('重申实现无核武器世界是国际社会的共同目标；', '重申实现无核武器世界是国际社会的共同目标，\n\n重申国际社会应立即采取共同行动，').replace('又重申《不扩散核武器条约》是国际核不扩散制度的基石。', '重申《不扩散核武器条约》是国际核不扩散制度的基石，');
  const uri = await server.open('fix-all-repeats.unres', three);
  await server.diagnostics(uri);
  const actions = (await server.request('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] },
  })) as CodeAction[];
  const all = actions.find((a) => a.kind === 'source.fixAll.repeated-opener');
  assert.ok(all, actions.map((a) => `${a.kind} ${a.title}`).join(' | '));
  const fixed = apply(uri, three, all);
  assert.match(fixed, /\n重申实现无核武器世界是国际社会的共同目标，\n\n又重申国际社会应立即采取共同行动，\n\n还重申《不扩散核武器条约》/);
  await server.change(uri, 2, fixed);
  assert.deepEqual((await server.diagnostics(uri, 2)).diagnostics.filter((d) => d.code === 'repeated-opener'), []);
});
