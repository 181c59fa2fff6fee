// Inline continuation (LSP 3.18 textDocument/inlineCompletion) against the real server and the
// bundled corpus; and the completion list that comes up by itself without continuations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CompletionTriggerKind, type CompletionList, type InlineCompletionList, type Position } from 'vscode-languageserver-protocol';
import { startServer, type ServerHandle } from './harness';

const corpus7654 = readFileSync('corpus/A-RES-76-54.unres', 'utf8').split('\n');
const corpus7362 = readFileSync('corpus/A-RES-73-62.unres', 'utf8');
// Footnote markers and the spaces around them are not part of the language the index keeps.
const corpus6242 = readFileSync('corpus/A-RES-62-42.unres', 'utf8').replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+ ?/g, '');
const head = ['76/54. 建立无核武器世界的联合行动和面向未来的对话', '', '大会，', '', corpus7654.find((l) => l.startsWith('重申实现无核武器世界'))!, ''];

/** Resolves once the server's phrase index is ready: at once if it is, else on the corpusStatus notification that says so. */
async function indexReady(handle: ServerHandle): Promise<void> {
  const ready = new Promise<void>((resolve) => {
    handle.connection.onNotification('resolutionDrafter/corpusStatus', (stats: { indexing: boolean }) => {
      if (!stats.indexing) resolve();
    });
  });
  const stats = (await handle.request('resolutionDrafter/corpusStats', {})) as { indexing: boolean };
  if (stats.indexing) await ready;
}

let server: ServerHandle;
before(async () => {
  server = await startServer();
  await indexReady(server);
});
after(async () => {
  await server.stop();
});

const endOf = (lines: string[]): Position => ({ line: lines.length - 1, character: lines[lines.length - 1].length });
const inline = async (uri: string, position: Position) =>
  (await server.request('textDocument/inlineCompletion', { textDocument: { uri }, position, context: { triggerKind: 2 } })) as InlineCompletionList;
const completion = async (uri: string, position: Position, triggerKind: CompletionTriggerKind, triggerCharacter?: string) =>
  (await server.request('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind, triggerCharacter } })) as CompletionList;

test('the server declares inline completion', () => {
  assert.ok(server.initializeResult.capabilities.inlineCompletionProvider);
});

test('after 重申《不扩散核武器条约》作为 the ghost text is what 73/62 and 59/76 agree on, up to where they part', async () => {
  const lines = [...head, '重申《不扩散核武器条约》作为'];
  const uri = await server.open('inline.unres', lines.join('\n'));
  const { items } = await inline(uri, endOf(lines));
  assert.equal(items.length, 1);
  // 73/62: 作为国际核不扩散机制的基石…; 59/76: 作为国际核不扩散制度的基石…: they agree on 国际核不扩散.
  assert.equal(items[0].insertText, '国际核不扩散');
  assert.ok(corpus7362.includes(`作为${items[0].insertText as string}机制`));
  assert.match(items[0].command?.title ?? '', /^A\/RES\/73\/62 preambular paragraph \d+ · 2 documents$/);
  assert.deepEqual(items[0].range?.start, endOf(lines));
});

test('a whole clause comes in one piece after the longest ending the corpus knows (…所构成的危险，: 62/42 has …的危险，)', async () => {
  const lines = [...head, '深为关切核武器继续存在所构成的危险，'];
  const uri = await server.open('clause.unres', lines.join('\n'));
  const { items } = await inline(uri, endOf(lines));
  const text = items[0]?.insertText as string;
  assert.ok(text && text.endsWith('，'), text);
  assert.ok(corpus6242.includes(`武器的危险，${text}`), text);
  assert.match(items[0].command?.title ?? '', /^A\/RES\/62\/42 preambular paragraph \d+ · 1 document$/);
});

test('no ghost text before text on the same line, nor outside the paragraphs', async () => {
  const lines = [...head, '重申《不扩散核武器条约》作为国际'];
  const uri = await server.open('midline.unres', lines.join('\n'));
  assert.deepEqual((await inline(uri, { line: lines.length - 1, character: 14 })).items, []);
  assert.deepEqual((await inline(uri, { line: 0, character: 5 })).items, []);
});

test('the list that comes up by itself after ，holds no continuation; Ctrl+Space (Invoked) brings them', async () => {
  const lines = [...head, '深为关切核武器继续存在所构成的危险，'];
  const uri = await server.open('auto.unres', lines.join('\n'));
  const automatic = await completion(uri, endOf(lines), CompletionTriggerKind.TriggerCharacter, '，');
  assert.deepEqual(automatic.items.map((i) => i.label), []);
  const refined = await completion(uri, endOf(lines), CompletionTriggerKind.TriggerForIncompleteCompletions);
  assert.deepEqual(refined.items.map((i) => i.label), []);
  const asked = await completion(uri, endOf(lines), CompletionTriggerKind.Invoked);
  assert.ok(asked.items.some((i) => (i.label as string).startsWith('迫切需要作出协调一致的国际努力')), asked.items.map((i) => i.label).join(' | '));
});

test('Enter at the end of a preambular paragraph brings the openers by itself (line feed trigger)', async () => {
  assert.ok(server.initializeResult.capabilities.completionProvider?.triggerCharacters?.includes('\n'));
  const lines = [...head, ''];
  const uri = await server.open('opener.unres', lines.join('\n'));
  const list = await completion(uri, endOf(lines), CompletionTriggerKind.TriggerCharacter, '\n');
  const labels = list.items.map((i) => i.label);
  for (const opener of ['重申', '回顾']) assert.ok(labels.includes(opener), labels.join(' | '));
});

test('titles and citations still come up by themselves', async () => {
  const lines = [...head, '回顾《不扩散'];
  const uri = await server.open('title-auto.unres', lines.join('\n'));
  const titles = await completion(uri, endOf(lines), CompletionTriggerKind.TriggerForIncompleteCompletions);
  assert.ok(titles.items.some((i) => i.label === '不扩散核武器条约'), titles.items.map((i) => i.label).join(' | '));
  const cites = [...head, '回顾其第 72/'];
  const uri2 = await server.open('cite-auto.unres', cites.join('\n'));
  const numbers = await completion(uri2, endOf(cites), CompletionTriggerKind.TriggerCharacter, '/');
  assert.ok(numbers.items.some((i) => /72\/50/.test(i.label)), numbers.items.map((i) => i.label).join(' | '));
});

test('a Chinese display language gets the source in Chinese: A/RES/73/62 序言部分第 3 段 · 2 份文件', async () => {
  const zh = await startServer({ locale: 'zh-cn' });
  try {
    const lines = [...head, '重申《不扩散核武器条约》作为'];
    const uri = await zh.open('zh.unres', lines.join('\n'));
    await indexReady(zh);
    const list = (await zh.request('textDocument/inlineCompletion', { textDocument: { uri }, position: endOf(lines), context: { triggerKind: 2 } })) as InlineCompletionList;
    assert.equal(list.items[0]?.command?.title, 'A/RES/73/62 序言部分第 3 段 · 2 份文件');
  } finally {
    await zh.stop();
  }
});
