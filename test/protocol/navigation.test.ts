// Navigation over LSP, against the real server bundle: folding, definition, references, rename,
// document links, the insert-footnote command and list numbering on Enter, on real corpus text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ApplyWorkspaceEditParams, DocumentLink, FoldingRange, Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { startServer, type ServerHandle } from './harness';

const sample = readFileSync('test/fixtures/sample.unres', 'utf8');
// A/RES/76/54 (corpus/raw/000): the preamble's footnotes 1–4 and the first operative paragraph.
const draft = [
  '76/54. 建立无核武器世界的联合行动和面向未来的对话',
  '',
  '大会，',
  '',
  '又重申《不扩散核武器条约》¹ 是国际核不扩散制度和追求实现相辅相成的核裁军、核不扩散及和平利用核能的基石，并重申决心进一步加强《条约》的普遍性，',
  '',
  '强调所有缔约国都必须履行《不扩散核武器条约》规定的各项核裁军和不扩散义务，并重申执行不扩散核武器条约缔约国 1995 年审议和延期大会² 以及不扩散核武器条约缔约国 2000 年³ 和 2010 年审议大会⁴ 最后文件所载承诺十分重要，',
  '',
  '回顾其 2019 年 12 月 12 日第 74/50 号决议和 2020 年 12 月 7 日第 76/54 号决议，',
  '',
  '1. **重申**《不扩散核武器条约》¹ 所有缔约国致力于实现消除核武器的最终目标；',
  '',
  '2. 根据上文第 1 段，**鼓励：**',
  '',
  '(a) 核武器国家明确阐述其核政策与核理论；',
  '',
  '(b) 所有国家就核裁军与安全的关系进行坦诚对话，支持根据 CD/1299 号文件开始谈判；',
  '',
  '---',
  '¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。',
  '² 《不扩散核武器条约缔约国 1995 年审议和延期大会，最后文件，第一部分》(NPT/CONF.1995/32(Part I))。',
  '³ 《2000 年不扩散核武器条约缔约国审议大会，最后文件》，第一卷(NPT/CONF.2000/28(Parts I and II))。',
  '⁴ 《2010 年不扩散核武器条约缔约国审议大会，最后文件》，第一卷(NPT/CONF.2010/50 (Vol.I))。',
  '',
].join('\n');
const lines = draft.split('\n');

/** Position of the `occurrence`-th `needle` (0-based), plus `shift` characters. */
function at(needle: string, occurrence = 0, shift = 0): { line: number; character: number } {
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    let from = 0;
    for (;;) {
      const i = lines[line].indexOf(needle, from);
      if (i < 0) break;
      if (seen++ === occurrence) return { line, character: i + shift };
      from = i + 1;
    }
  }
  throw new Error(`no ${needle} #${occurrence}`);
}
const textOf = (range: Range) => lines[range.start.line].slice(range.start.character, range.end.character);

let server: ServerHandle;
let corpusFolder: string;
before(async () => {
  // A corpus of one clean draft: the sample, which is A/RES/76/54.
  corpusFolder = mkdtempSync(join(tmpdir(), 'nav-corpus-'));
  writeFileSync(join(corpusFolder, 'A_RES_76_54.unres'), sample);
  server = await startServer({ initializationOptions: { useBundledCorpus: false, corpusFolders: [corpusFolder] } });
});
after(async () => {
  await server.stop();
  rmSync(corpusFolder, { recursive: true, force: true });
});

test('the server declares the navigation capabilities', () => {
  const c = server.initializeResult.capabilities;
  assert.ok(c.foldingRangeProvider && c.definitionProvider && c.referencesProvider && c.documentLinkProvider);
  assert.deepEqual(c.renameProvider, { prepareProvider: true });
  assert.equal(c.documentOnTypeFormattingProvider?.firstTriggerCharacter, '\n');
  assert.ok(c.executeCommandProvider?.commands.includes('resolutionDrafter.server.insertFootnote'));
});

test('folding ranges: heading, preamble, paragraph 2 with (a) and (b), footnotes', async () => {
  const uri = await server.open('7654.unres', draft);
  const ranges = (await server.request('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
  const shown = ranges.map((r) => `${r.startLine}-${r.endLine}`);
  assert.deepEqual(shown, [`2-${at('回顾其').line}`, `${at('2. ').line}-${at('(b)').line}`, `${at('---').line}-${at('⁴ 《').line}`]);
});

test('definition: a marker goes to its footnote text, the text number to its markers', async () => {
  const uri = await server.open('7654.unres', draft);
  const toText = (await server.request('textDocument/definition', { textDocument: { uri }, position: at('¹ 是') })) as Location[];
  assert.equal(toText.length, 1);
  assert.equal(toText[0].range.start.line, at('¹ 联合国').line);
  const toMarkers = (await server.request('textDocument/definition', { textDocument: { uri }, position: at('¹ 联合国') })) as Location[];
  assert.deepEqual(toMarkers.map((l) => l.range.start), [at('¹ 是'), at('¹ 所有')]);
});

test('definition: 上文第 1 段 goes to paragraph 1; a corpus resolution to its clean draft', async () => {
  const uri = await server.open('7654.unres', draft);
  const toParagraph = (await server.request('textDocument/definition', { textDocument: { uri }, position: at('上文第 1 段', 0, 3) })) as Location[];
  assert.equal(toParagraph.length, 1);
  assert.equal(toParagraph[0].range.start.line, at('1. **重申**').line);
  const toCorpus = (await server.request('textDocument/definition', { textDocument: { uri }, position: at('76/54 号决议', 0, 1) })) as Location[];
  assert.equal(toCorpus.length, 1);
  assert.equal(toCorpus[0].uri, pathToFileURL(join(corpusFolder, 'A_RES_76_54.unres')).toString());
  assert.equal(toCorpus[0].range.start.line, sample.split('\n').findIndex((l) => l.startsWith('76/54.')));
  const notInCorpus = (await server.request('textDocument/definition', { textDocument: { uri }, position: at('74/50', 0, 1) })) as Location[];
  assert.deepEqual(notInCorpus, []);
});

test('references on a marker list every marker and the footnote text', async () => {
  const uri = await server.open('7654.unres', draft);
  const refs = (await server.request('textDocument/references', { textDocument: { uri }, position: at('¹ 所有'), context: { includeDeclaration: true } })) as Location[];
  assert.deepEqual(refs.map((r) => r.range.start), [at('¹ 是'), at('¹ 所有'), at('¹ 联合国')]);
  assert.ok(refs.every((r) => textOf(r.range) === '¹'));
});

test('rename of a footnote number renumbers markers and text; a used number is refused', async () => {
  const uri = await server.open('7654.unres', draft);
  const prepared = (await server.request('textDocument/prepareRename', { textDocument: { uri }, position: at('¹ 是') })) as { range: Range; placeholder: string };
  assert.equal(prepared.placeholder, '1');
  assert.equal(textOf(prepared.range), '¹');
  assert.equal(await server.request('textDocument/prepareRename', { textDocument: { uri }, position: at('核裁军') }), null);
  const edit = (await server.request('textDocument/rename', { textDocument: { uri }, position: at('¹ 是'), newName: '5' })) as WorkspaceEdit;
  const edits = edit.changes?.[uri] ?? [];
  assert.deepEqual(edits.map((e) => [e.range.start, e.newText]), [[at('¹ 是'), '⁵'], [at('¹ 所有'), '⁵'], [at('¹ 联合国'), '⁵']]);
  await assert.rejects(
    server.request('textDocument/rename', { textDocument: { uri }, position: at('¹ 是'), newName: '2' }),
    /Footnote 2 already exists/,
  );
});

test('document links open symbols and citations on undocs.org (Chinese)', async () => {
  const uri = await server.open('7654.unres', draft);
  const links = (await server.request('textDocument/documentLink', { textDocument: { uri } })) as DocumentLink[];
  const targets = links.map((l) => l.target);
  for (const expected of [
    'https://undocs.org/ch/A/RES/74/50',
    'https://undocs.org/ch/A/RES/76/54',
    'https://undocs.org/ch/CD/1299',
    'https://undocs.org/ch/NPT/CONF.1995/32(PartI)',
  ]) assert.ok(targets.includes(expected), `${expected} in ${targets.join(' ')}`);
  const citation = links.find((l) => l.target === 'https://undocs.org/ch/A/RES/74/50');
  assert.equal(citation && textOf(citation.range), '2019 年 12 月 12 日第 74/50 号决议');
});

test('insert footnote: the next marker at the cursor, its stub after the last footnote', async () => {
  const uri = await server.open('7654.unres', draft);
  let applied: ApplyWorkspaceEditParams | undefined;
  server.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
    applied = params;
    return { applied: true };
  });
  const result = (await server.request('workspace/executeCommand', {
    command: 'resolutionDrafter.server.insertFootnote',
    arguments: [uri, at('所有缔约国致力于')],
  })) as { applied: boolean; number: number; stub: { line: number; character: number } };
  assert.equal(result.number, 5);
  assert.equal(result.applied, true);
  // The harness declares documentChanges, as VS Code does: one versioned edit of the draft.
  const change = (applied?.edit.documentChanges?.[0] as { edits?: { range: { start: unknown }; newText: string }[] } | undefined)?.edits;
  assert.deepEqual(change?.map((e) => [e.range.start, e.newText]), [
    [at('所有缔约国致力于'), '⁵'],
    [{ line: at('⁴ 《').line, character: lines[at('⁴ 《').line].length }, '\n⁵ '],
  ]);
  assert.deepEqual(result.stub, { line: at('⁴ 《').line + 1, character: 2 });
  // Bad arguments (also a negative position): InvalidParams, the draft untouched.
  applied = undefined;
  for (const position of ['nowhere', { line: -1, character: 0 }, { line: 0, character: -5 }]) {
    await assert.rejects(server.request('workspace/executeCommand', { command: 'resolutionDrafter.server.insertFootnote', arguments: [uri, position] }), (err: { code?: number }) => err.code === -32602);
  }
  assert.equal(applied, undefined);
});

test('the outline of a numbered text puts paragraphs under their sections (NPT/CONF.2020/WP.77)', async () => {
  const text = [
    '2. 缔约国重申，所有缔约国紧急、充分、有效履行上述承诺，对《条约》的完整性和公信力至关重要。',
    '一. 核裁军',
    '3. 在彻底消除核武器之前，缔约国承诺尽一切努力，确保永远不再使用核武器。',
    '二. 核不扩散',
    '44. 审议大会促请所有缔约国尽一切努力，促进各国普遍加入《条约》。',
  ].join('\n\n');
  const uri = await server.open('wp77.unres', text);
  const symbols = (await server.request('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string; children?: { name: string }[] }[];
  assert.deepEqual(symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]), [
    ['2. 重申', []],
    ['一. 核裁军', ['3. 在彻底消除核武器之前，缔…']],
    ['二. 核不扩散', ['44. 促请']],
  ]);
});

test('Enter after operative paragraph 1 starts paragraph 2; after (a) starts (b)', async () => {
  const opened = sample.replace('最终目标；\n', '最终目标；\n\n');
  const uri = await server.open('enter.unres', opened);
  const newLine = opened.split('\n').findIndex((l) => l.startsWith('1. **重申**')) + 1;
  const edits = (await server.request('textDocument/onTypeFormatting', {
    textDocument: { uri }, position: { line: newLine, character: 0 }, ch: '\n', options: { tabSize: 4, insertSpaces: true },
  })) as TextEdit[];
  assert.deepEqual(edits.map((e) => e.newText), ['2. ']);
  const sub = sample.replace('互动讨论；\n', '互动讨论；\n\n');
  const subUri = await server.open('enter-sub.unres', sub);
  const subLine = sub.split('\n').findIndex((l) => l.startsWith('(a)')) + 1;
  const subEdits = (await server.request('textDocument/onTypeFormatting', {
    textDocument: { uri: subUri }, position: { line: subLine, character: 0 }, ch: '\n', options: { tabSize: 4, insertSpaces: true },
  })) as TextEdit[];
  assert.deepEqual(subEdits.map((e) => e.newText), ['(b) ']);
});

test('Enter twice after paragraph 1 leaves a blank line and starts 2. below it; a third Enter ends the list', async () => {
  const para1 = sample.split('\n').find((l) => l.startsWith('1. **重申**'))!;
  const enter = async (uri: string, text: string) => {
    const line = text.split('\n').length - 1;
    const edits = (await server.request('textDocument/onTypeFormatting', {
      textDocument: { uri }, position: { line, character: 0 }, ch: '\n', options: { tabSize: 4, insertSpaces: true },
    })) as TextEdit[];
    const lines = text.split('\n');
    for (const e of edits) lines[e.range.start.line] = e.newText;
    return lines.join('\n');
  };
  // As the editor sends it: the line break typed, then the request on the new line.
  const once = await enter(await server.open('enter-once.unres', `大会，\n\n${para1}\n`), `大会，\n\n${para1}\n`);
  assert.equal(once, `大会，\n\n${para1}\n2. `);
  const twice = await enter(await server.open('enter-twice.unres', `${once}\n`), `${once}\n`);
  assert.equal(twice, `大会，\n\n${para1}\n\n2. `);
  const thrice = await enter(await server.open('enter-thrice.unres', `${twice}\n`), `${twice}\n`);
  assert.equal(thrice, `大会，\n\n${para1}\n\n\n`);
});

test('definition on the bundled corpus: a citation and a symbol open the clean drafts', async () => {
  const bundled = await startServer();
  try {
    const text = '回顾其 2018 年 12 月 5 日第 73/62 号决议和审议大会主席的工作文件(NPT/CONF.2020/WP.77)，';
    const uri = await bundled.open('bundled.unres', `大会，\n\n${text}\n`);
    const line = 2;
    const toResolution = (await bundled.request('textDocument/definition', { textDocument: { uri }, position: { line, character: text.indexOf('73/62') } })) as Location[];
    assert.deepEqual(toResolution.map((l) => l.uri), [pathToFileURL(resolve('corpus/A-RES-73-62.unres')).toString()]);
    const toPaper = (await bundled.request('textDocument/definition', { textDocument: { uri }, position: { line, character: text.indexOf('WP.77') } })) as Location[];
    assert.deepEqual(toPaper.map((l) => l.uri), [pathToFileURL(resolve('corpus/NPT-CONF.2020-WP.77.unres')).toString()]);
  } finally {
    await bundled.stop();
  }
});
