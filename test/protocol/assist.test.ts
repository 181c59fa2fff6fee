// Completion and hovers over LSP, against the real server bundle and the bundled corpus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CompletionItem, CompletionList, Hover, MarkupContent, Position, TextEdit } from 'vscode-languageserver-protocol';
import { startServer, type ServerHandle } from './harness';

const corpus7654 = readFileSync('corpus/A-RES-76-54.unres', 'utf8').split('\n');
const corpusLine = (startsWith: string) => {
  const found = corpus7654.find((l) => l.startsWith(startsWith));
  assert.ok(found, startsWith);
  return found;
};

let server: ServerHandle;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

/** The position right after the `occurrence`-th `needle` in `text`. */
function after_(text: string, needle: string): Position {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  const lines = text.slice(0, i + needle.length).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

async function completion(uri: string, position: Position): Promise<CompletionList> {
  return (await server.request('textDocument/completion', { textDocument: { uri }, position })) as CompletionList;
}

async function hover(uri: string, position: Position): Promise<string> {
  const h = (await server.request('textDocument/hover', { textDocument: { uri }, position })) as Hover | null;
  assert.ok(h, 'a hover');
  assert.ok(!h.range || h.range.start.line === position.line);
  return (h.contents as MarkupContent).value;
}

const head = ['76/54. 建立无核武器世界的联合行动和面向未来的对话', '', '大会，', '', corpusLine('重申实现无核武器世界'), ''];

test('the server declares completion (with its trigger characters) and hover', () => {
  const c = server.initializeResult.capabilities;
  assert.ok(c.hoverProvider);
  for (const ch of ['《', '第', '/', ' ', '¹', '^']) assert.ok(c.completionProvider?.triggerCharacters?.includes(ch), ch);
});

test('hover on A/RES/76/54 shows its title and adoption date, a link to the corpus draft and undocs.org', async () => {
  const text = [...head, '回顾其 A/RES/76/54 号决议，', ''].join('\n');
  const uri = await server.open('hover.unres', text);
  const md = await hover(uri, after_(text, 'A/RES/7'));
  assert.ok(md.includes('建立无核武器世界的联合行动和面向未来的对话'), md);
  assert.ok(md.includes('6 December 2021'), md);
  assert.match(md, /\]\(file:\/\/\/[^)]*A-RES-76-54\.unres\)/);
  assert.ok(md.includes('(https://undocs.org/ch/A/RES/76/54)'));
  assert.doesNotMatch(md, /command:|<[a-z]/i);
});

test('hover on 《不扩散核武器条约》 shows the Treaty Series footnote', async () => {
  const text = [...head, corpusLine('又重申《不扩散'), ''].join('\n');
  const uri = await server.open('title.unres', text);
  const md = await hover(uri, after_(text, '《不扩散'));
  assert.ok(md.includes('联合国，《条约汇编》，第 729 卷，第 10485 号。'), md);
});

test('hover on a symbol the corpus does not know says so', async () => {
  const text = [...head, '注意到 A/75/1000 号文件，', ''].join('\n');
  const uri = await server.open('unknown.unres', text);
  assert.match(await hover(uri, after_(text, 'A/75/1')), /Not in the corpus/);
});

test('completion after `2. ` offers operative verbs; the verb of paragraph 1 comes first with 又', async () => {
  const text = [...head, '1. 重申所有缔约国致力于实现消除核武器的最终目标；', '', '2. '].join('\n');
  const uri = await server.open('verbs.unres', text);
  const list = await completion(uri, after_(text, '2. '));
  assert.equal(list.isIncomplete, true);
  const labels = list.items.map((i) => i.label);
  assert.equal(labels[0], '又重申');
  for (const verb of ['促请', '鼓励', '敦促']) assert.ok(labels.includes(verb), labels.join());
  const urge = list.items.find((i) => i.label === '促请')!;
  assert.deepEqual((urge.textEdit as TextEdit).range, { start: after_(text, '2. '), end: after_(text, '2. ') });
  assert.match(urge.detail ?? '', /^operative part · \d+ uses?$/);
});

test('completion on a new preambular line after 重申… offers 又重申 first', async () => {
  const text = [...head, ''].join('\n');
  const uri = await server.open('again.unres', text);
  const list = await completion(uri, { line: head.length, character: 0 });
  assert.equal(list.items[0].label, '又重申');
  assert.equal((list.items[0].textEdit as TextEdit).newText, '又重申');
});

test('completion inside 《 and after 第: titles and dated resolutions', async () => {
  const text = [...head, '回顾《不扩', '', '回顾其第 72/'].join('\n');
  const uri = await server.open('cite.unres', text);
  const titles = await completion(uri, after_(text, '《不扩'));
  assert.equal(titles.items[0].label, '不扩散核武器条约');
  assert.equal((titles.items[0].textEdit as TextEdit).newText, '不扩散核武器条约》');
  const resolutions = await completion(uri, after_(text, '第 72/'));
  const item = resolutions.items.find((i) => i.label === '第 72/50 号决议')!;
  assert.equal((item.textEdit as TextEdit).newText, ' 2017 年 12 月 4 日第 72/50 号决议');
});

test('a new footnote from completion: the marker and its line after --- in one item', async () => {
  const text = [...head, '回顾《不扩散核武器条约》^', ''].join('\n');
  const uri = await server.open('footnote.unres', text);
  const list = await completion(uri, after_(text, '》^'));
  const item = list.items.find((i: CompletionItem) => i.label.startsWith('¹'))!;
  assert.equal((item.textEdit as TextEdit).newText, '¹');
  assert.equal(item.additionalTextEdits?.length, 1);
  assert.equal(item.additionalTextEdits![0].newText, '\n---\n¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。');
  assert.deepEqual(item.additionalTextEdits![0].range.start, { line: head.length + 1, character: 0 });
});

test('a new footnote typed at the very end of a draft: one snippet edit, the cursor ($0) right after the marker', async () => {
  const text = [...head, '回顾《不扩散核武器条约》¹'].join('\n');
  const uri = await server.open('footnote-at-end.unres', text);
  const list = await completion(uri, after_(text, '》¹'));
  const item = list.items.find((i: CompletionItem) => i.label.startsWith('¹'))!;
  assert.equal(item.insertTextFormat, 2);
  assert.equal((item.textEdit as TextEdit).newText, '¹$0\n\n---\n¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。');
  assert.equal(item.additionalTextEdits?.length ?? 0, 0);
});

test('a Chinese display language gets Chinese hovers and completion notes, dates written as in the text', async () => {
  const zh = await startServer({ locale: 'zh-cn' });
  try {
    const text = [...head, corpusLine('又重申《不扩散'), '', '回顾其 A/RES/76/54 号决议，', '', '---', '¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。'].join('\n');
    const uri = await zh.open('zh-hover.unres', text);
    const hoverAt = async (needle: string) =>
      ((await zh.request('textDocument/hover', { textDocument: { uri }, position: after_(text, needle) })) as Hover).contents as MarkupContent;
    const symbol = (await hoverAt('A/RES/7')).value;
    assert.ok(symbol.startsWith('**A\\/RES\\/76\\/54** — 决议'), symbol);
    assert.ok(symbol.includes('通过日期：2021 年 12 月 6 日。'), symbol);
    assert.ok(symbol.includes('中文本：'), symbol);
    assert.match((await hoverAt('\n又')).value, /^\*\*又重申\*\*：本部分再次使用“重申”。\n\n语料中以“重申”开头的有 \d+ 个序言段落和 \d+ 个执行段落，见 \d+ 份文件。(\n\n---\n\n\*\*本段中的商定语言\*\*[\s\S]*)?$/);
    assert.match((await hoverAt('《不扩')).value, /^《不扩散核武器条约》：语料中引用 \d+ 次，见 \d+ 份文件。\n\n语料中的脚注：/);
    assert.equal((await hoverAt('》')).value, '**脚注 1**\n\n联合国，《条约汇编》，第 729 卷，第 10485 号。');
    // Completion notes too: a new footnote, a resolution with its date, an opener used above.
    const typed = [...head, '回顾其第 72/', '', '又重申《全面禁止核试验条约》^', '', ''].join('\n');
    const typedUri = await zh.open('zh-completion.unres', typed);
    const complete = async (needle: string) =>
      ((await zh.request('textDocument/completion', { textDocument: { uri: typedUri }, position: after_(typed, needle) })) as CompletionList).items;
    const resolution = (await complete('第 72/')).find((i) => i.label === '第 72/50 号决议')!;
    assert.ok(resolution.detail?.endsWith('2017 年 12 月 4 日'), resolution.detail);
    assert.match((resolution.documentation as MarkupContent).value, /通过日期：2017 年 12 月 4 日。/);
    const footnote = (await complete('》^'))[0];
    assert.equal(footnote.label, '¹ 新脚注');
    assert.match((footnote.documentation as MarkupContent).value, /^脚注 1：标注在此处/);
    const opener = (await complete('核试验条约》^\n\n')).find((i) => i.label === '还重申')!;
    assert.match((opener.documentation as MarkupContent).value, /^上文已有段落以“重申”开头|^本部分上文已有段落以“重申”开头/);
  } finally {
    await zh.stop();
  }
});

test('a client that shows plain text gets hovers and completion notes without Markdown escapes', async () => {
  const plain = await startServer({ textDocument: {
    hover: { contentFormat: ['plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['plaintext'] } },
  } });
  try {
    const text = [...head, '回顾其 A/RES/76/54 号决议和《不扩'].join('\n');
    const uri = await plain.open('plain.unres', text);
    const h = (await plain.request('textDocument/hover', { textDocument: { uri }, position: after_(text, 'A/RES/7') })) as Hover;
    const value = (h.contents as MarkupContent).value;
    assert.equal((h.contents as MarkupContent).kind, 'plaintext');
    assert.ok(value.startsWith('A/RES/76/54 — resolution'), value);
    assert.ok(value.includes('Adopted 6 December 2021.'), value);
    assert.ok(value.includes('undocs.org/ch/A/RES/76/54 <https://undocs.org/ch/A/RES/76/54>'), value);
    assert.doesNotMatch(value, /\\|\*\*/);
    const list = (await plain.request('textDocument/completion', { textDocument: { uri }, position: after_(text, '《不扩') })) as CompletionList;
    const doc = list.items[0].documentation as string;
    assert.equal(typeof doc, 'string');
    assert.ok(doc.includes('联合国，《条约汇编》，第 729 卷，第 10485 号。'), doc);
  } finally {
    await plain.stop();
  }
});

test('completion and hover on a closed draft answer empty', async () => {
  const gone = 'file:///nowhere/closed.unres';
  const list = await completion(gone, { line: 0, character: 0 });
  assert.deepEqual(list.items, []);
  assert.equal(await server.request('textDocument/hover', { textDocument: { uri: gone }, position: { line: 0, character: 0 } }), null);
});

/** Resolves once the server's phrase index is ready: at once if it is, else on the corpusStatus notification that says so. */
async function phraseIndexReady(): Promise<void> {
  const ready = new Promise<void>((resolve) => {
    server.connection.onNotification('resolutionDrafter/corpusStatus', (stats: { indexing: boolean }) => { if (!stats.indexing) resolve(); });
  });
  const stats = (await server.request('resolutionDrafter/corpusStats', {})) as { indexing: boolean };
  if (stats.indexing) await ready;
}

test('typing 重申《不扩散核武器条约》 offers the corpus continuations once the phrase index is ready', async () => {
  await phraseIndexReady();
  const text = [...head, '1. 重申《不扩散核武器条约》'].join('\n');
  const uri = await server.open('agreed.unres', text);
  const position = after_(text, '1. 重申《不扩散核武器条约》');
  const labels = (await completion(uri, position)).items.filter((i) => i.sortText && !i.sortText.startsWith('0-')).map((i) => i.label);
  assert.ok(labels.some((l) => l.startsWith('所有缔约国致力于实现消除核武器的最终目标')), labels.join(' | '));
});
