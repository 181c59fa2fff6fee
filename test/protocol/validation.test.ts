// How the real server validates: once per version, in its worker thread, with code actions read
// from the last validation, cancellation honoured, and other requests answered meanwhile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CancellationTokenSource, type CodeAction, type Hover, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { startServer, type ServerHandle } from './harness';
import { longDraft } from './long-draft';
import type { ValidationStatus } from '../../server/src/lsp/protocol';
import { FIRST_WITHOUT_MEMO } from '../../server/src/lsp/validation-run';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDraft, resolveSettings } from '../../server/src/core';
import { diagnose } from '../../server/src/lsp/features/diagnostics';
import { bundledCorpusFolder, readCatalogues } from '../../server/src/corpus/load';

const SAMPLE = readFileSync('test/fixtures/sample.unres', 'utf8');
/** The sample with operative paragraph 2 numbered 3: one finding with a quick fix. */
const BROKEN = SAMPLE.replace('2. 为促进', '3. 为促进');
const now = () => performance.now();

let server: ServerHandle;
/** Every diagnostics notification, per draft, in the order they came. */
const published = new Map<string, PublishDiagnosticsParams[]>();
before(async () => {
  server = await startServer();
  server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.set(p.uri, [...(published.get(p.uri) ?? []), p]);
  });
});
after(async () => {
  await server.stop();
});

const status = (uri: string) => server.request('resolutionDrafter/validationStatus', { uri }) as Promise<ValidationStatus>;

/** Resolves once diagnostics of `version` (or later) were published for `uri`. */
async function diagnosed(uri: string, version: number): Promise<PublishDiagnosticsParams> {
  for (;;) {
    const found = (published.get(uri) ?? []).find((p) => (p.version ?? 0) >= version);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('a draft is validated once when it is opened, in the worker thread', async () => {
  const uri = await server.open('once.unres', BROKEN);
  await diagnosed(uri, 1);
  // Past the change delay: the change event that comes with the open asks for no second validation.
  await new Promise((r) => setTimeout(r, 300));
  const s = await status(uri);
  assert.equal(s.worker, true);
  assert.equal(s.validatedVersion, 1);
  assert.equal(s.runs, 1);
  assert.equal(published.get(uri)?.length, 1);
  await server.change(uri, 2, SAMPLE);
  assert.deepEqual((await diagnosed(uri, 2)).diagnostics, []);
  assert.equal((await status(uri)).runs, 2);
});

test('code actions come from the last validation: asked for again and again, the draft is not validated again', async () => {
  const uri = await server.open('actions.unres', BROKEN);
  const { diagnostics } = await diagnosed(uri, 1);
  const numbering = diagnostics.find((d) => d.code === 'operative-numbering');
  assert.ok(numbering, 'the misnumbered paragraph is found');
  for (let i = 0; i < 20; i++) {
    // As the editor asks on every cursor move.
    const actions = (await server.request('textDocument/codeAction', { textDocument: { uri }, range: numbering.range, context: { diagnostics: [numbering] } })) as CodeAction[];
    assert.ok(actions.some((a) => a.title.includes('Renumber')), actions.map((a) => a.title).join(', '));
  }
  assert.equal((await status(uri)).runs, 1);
});

test('code actions asked for before the version is validated wait for it, and come from it', async () => {
  const uri = await server.open('actions-early.unres', SAMPLE);
  await diagnosed(uri, 1);
  await server.change(uri, 2, BROKEN);
  const at = { start: { line: BROKEN.split('\n').findIndex((l) => l.startsWith('3. 为促进')), character: 0 }, end: { line: BROKEN.split('\n').findIndex((l) => l.startsWith('3. 为促进')), character: 2 } };
  const actions = (await server.request('textDocument/codeAction', { textDocument: { uri }, range: at, context: { diagnostics: [] } })) as CodeAction[];
  assert.ok(actions.some((a) => a.title.includes('Renumber')), actions.map((a) => a.title).join(', '));
  assert.equal((await status(uri)).runs, 2);
});

test('Source Action… asked for while the draft changes is answered from the newest version, not with nothing', async () => {
  const uri = await server.open('source-late.unres', longDraft(3_000_000));
  // Asked while version 1 is validated; version 2 comes before that validation ends.
  const answer = server.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] } }) as Promise<CodeAction[]>;
  await new Promise((r) => setTimeout(r, 20));
  await server.change(uri, 2, BROKEN);
  const actions = await answer;
  assert.ok(actions.some((a) => a.title.includes('Renumber')), `the renumber action of version 2: ${actions.map((a) => a.title).join(', ') || 'none'}`);
  const versions = actions.flatMap((a) => (a.edit?.documentChanges ?? []).map((c) => ('textDocument' in c ? c.textDocument.version : undefined)));
  assert.ok(versions.every((v) => v === 2), `edits of version 2: ${versions.join(', ')}`);
  await diagnosed(uri, 2);
});

test('a cancelled code action request is answered RequestCancelled at once, while its validation still runs', async () => {
  const big = longDraft(3_000_000);
  const uri = await server.open('cancel.unres', big);
  const source = new CancellationTokenSource();
  const asked = now();
  const answer = server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 8, character: 0 }, end: { line: 8, character: 1 } }, context: { diagnostics: [] } }, source.token);
  await new Promise((r) => setTimeout(r, 20));
  source.cancel();
  const error = await answer.then(
    () => undefined,
    (err: unknown) => err as { code?: number },
  );
  const took = now() - asked;
  assert.equal(error?.code, -32800, 'LSP RequestCancelled');
  const { diagnostics } = await diagnosed(uri, 1);
  const validatedAfter = now() - asked;
  assert.ok(took < validatedAfter, `the cancellation (${Math.round(took)} ms) came before the validation ended (${Math.round(validatedAfter)} ms)`);
  assert.ok(Array.isArray(diagnostics));
});

test('versions that came while a big draft was validated are dropped: only the newest is published', async () => {
  const big = longDraft(3_000_000);
  const uri = await server.open('stale.unres', big);
  // Typed while version 1 is validated: versions 2 and 3 come before it ends.
  await server.change(uri, 2, big.replace('大会，', '大会，\n'));
  await server.change(uri, 3, big.replace('大会，', '大会，\n\n'));
  await diagnosed(uri, 3);
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual((published.get(uri) ?? []).map((p) => p.version), [3]);
  const s = await status(uri);
  assert.equal(s.validatedVersion, 3);
  // Version 1 (already running when 2 came) and version 3; version 2 never ran.
  assert.equal(s.runs, 2);
});

test('a big draft: its first version is validated whole without memos, the next ones incrementally with the memos made after it, all with the diagnostics of a full validation', async () => {
  const catalogue = readCatalogues([bundledCorpusFolder()]).catalogue;
  let document = TextDocument.create('x', 'unres', 1, longDraft(3_300_000));
  assert.ok(document.getText().length >= FIRST_WITHOUT_MEMO, `a draft of ${document.getText().length} characters`);
  const full = () => JSON.parse(JSON.stringify(diagnose(uri, parseDraft(document.getText()), resolveSettings({}), { locale: 'en', catalogue }))) as unknown;
  const uri = await server.open('first-without-memo.unres', document.getText());
  assert.deepStrictEqual((await diagnosed(uri, 1)).diagnostics, full());
  assert.equal((await status(uri)).keptLines, 0, 'the first version: no line from a memo');
  for (const [version, at, text] of [[2, 0.5, '的'], [3, 0.25, '，'], [4, 0.9, '\n']] as const) {
    const offset = document.getText().indexOf('。', Math.floor(document.getText().length * at));
    const range = { start: document.positionAt(offset), end: document.positionAt(offset) };
    document = TextDocument.update(document, [{ range, text }], version);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    assert.deepStrictEqual((await diagnosed(uri, version)).diagnostics, full(), `version ${version}`);
    const s = await status(uri);
    assert.equal(s.validatedVersion, version);
    assert.ok((s.keptLines ?? 0) > document.lineCount / 2, `version ${version}: ${s.keptLines} of ${document.lineCount} lines from the memo`);
  }
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('hovers and completion on a small draft and on the big one are answered while a big draft is validated', async () => {
  const small = await server.open('small.unres', SAMPLE);
  await diagnosed(small, 1);
  const bigText = longDraft(3_000_000);
  const big = await server.open('big.unres', bigText);
  const bigLine = bigText.split('\n').findIndex((l) => l.includes('《不扩散核武器条约》'));
  const smallLine = SAMPLE.split('\n').findIndex((l) => l.includes('《不扩散核武器条约》'));
  const times: number[] = [];
  let beforeDiagnostics = 0;
  for (let i = 0; i < 20; i++) {
    // The small draft first; then the big one, whose first request has the server thread parse it (once per version).
    const onBig = i >= 16;
    const uri = onBig ? big : small;
    const line = onBig ? bigLine : smallLine;
    const character = (onBig ? bigText : SAMPLE).split('\n')[line].indexOf('不扩散') + 1;
    const t = now();
    if (i % 2 === 0) {
      const hover = (await server.request('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover | null;
      assert.ok(hover, 'a hover on the treaty title');
    } else {
      await server.request('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    }
    times.push(now() - t);
    if (!(published.get(big) ?? []).length) beforeDiagnostics++;
  }
  await diagnosed(big, 1);
  if (process.env.SHOW_TIMES) console.log(times.map(Math.round).join(', '), beforeDiagnostics);
  assert.ok(beforeDiagnostics >= 5, `${beforeDiagnostics} answers came before the big draft's diagnostics`);
  const sorted = [...times].sort((a, b) => a - b);
  // The median answer is quick: the server thread does not validate. (The first request on the
  // big draft parses it in the server thread, once.)
  assert.ok(sorted[Math.floor(sorted.length / 2)] < 50, `median ${Math.round(sorted[Math.floor(sorted.length / 2)])} ms: ${times.map(Math.round).join(', ')}`);
});

test('after random edits sent as incremental changes, the worker\'s diagnostics are those of a full validation of the same text', async () => {
  const catalogue = readCatalogues([bundledCorpusFolder()]).catalogue;
  const drafts = ['test/fixtures/sample.unres', 'corpus/A-RES-76-54.unres', 'corpus/NPT-CONF.2020-WP.77.unres', 'test/fixtures/broken.unres'].map((f) => readFileSync(f, 'utf8'));
  const pieces = ['的', '\n', '1. ', '(a) ', '¹', '《', '》', '，', '；', '。', '又', '---\n', '%% drafter-disable\n', '上文第 2 段', '2021 年 2 月 30 日', 'A/RES/76/54', '大会，\n'];
  const edits = fc.array(fc.record({ at: fc.nat(), remove: fc.nat(8), insert: fc.constantFrom(...pieces, '') }), { minLength: 1, maxLength: 10 });
  await fc.assert(
    fc.asyncProperty(fc.nat(drafts.length - 1), edits, async (which, changes) => {
      let document = TextDocument.create('x', 'unres', 1, drafts[which]);
      const uri = await server.open('edited.unres', document.getText());
      let version = 1;
      for (const c of changes) {
        const start = c.at % (document.getText().length + 1);
        const end = Math.min(document.getText().length, start + c.remove);
        const range = { start: document.positionAt(start), end: document.positionAt(end) };
        version++;
        document = TextDocument.update(document, [{ range, text: c.insert }], version);
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: c.insert }] });
      }
      const { diagnostics } = await diagnosed(uri, version);
      const expected = diagnose(uri, parseDraft(document.getText()), resolveSettings({}), { locale: 'en', catalogue });
      assert.deepStrictEqual(diagnostics, JSON.parse(JSON.stringify(expected)));
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }),
    { numRuns: 25, seed: 13 },
  );
});

test('each version after an edit is validated incrementally (paragraph-local rules on the changed lines) and gets the diagnostics of a full validation', async () => {
  const catalogue = readCatalogues([bundledCorpusFolder()]).catalogue;
  const pieces = ['的', '\n', '\n\n', '1. ', '(a) ', '¹', '《', '》', '(', '）', '，', ',', '。', 'A/RES/76/54', 'a/res/7', '2021 年 2 月 30 日', '第七十九届会议临时议程', '大会，\n'];
  const next = (() => {
    let s = 12345;
    return () => ((s = (s * 48271) % 2147483647) / 2147483647);
  })();
  for (const file of ['corpus/A-RES-76-54.unres', 'test/fixtures/sample.unres']) {
    let document = TextDocument.create('x', 'unres', 1, readFileSync(file, 'utf8'));
    const uri = await server.open(`incremental-${file.replace(/\W/g, '-')}`, document.getText());
    await diagnosed(uri, 1);
    for (let version = 2; version <= 16; version++) {
      const start = Math.floor(next() * (document.getText().length + 1));
      const end = Math.min(document.getText().length, start + (next() < 0.3 ? Math.floor(next() * 12) : 0));
      const text = pieces[Math.floor(next() * pieces.length)];
      const range = { start: document.positionAt(start), end: document.positionAt(end) };
      document = TextDocument.update(document, [{ range, text }], version);
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
      const { diagnostics } = await diagnosed(uri, version);
      const expected = diagnose(uri, parseDraft(document.getText()), resolveSettings({}), { locale: 'en', catalogue });
      assert.deepStrictEqual(diagnostics, JSON.parse(JSON.stringify(expected)), `${file}, version ${version}`);
    }
    assert.equal((await status(uri)).runs, 16, 'every version was validated, each after the previous one');
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
});

test('a big draft with a thousand findings and more: its diagnostics go out before the server thread parses it for a request', async () => {
  // Every operative paragraph ends with ， (paragraph-ending): the diagnostics are capped, a message of some 400 KB.
  const bigText = longDraft(3_000_000).replace(/；\n/g, '，\n');
  const line = bigText.split('\n').findIndex((l) => l.includes('《不扩散核武器条约》'));
  const character = bigText.split('\n')[line].indexOf('不扩散') + 1;
  const started = now();
  parseDraft(bigText);
  const parseMs = now() - started;
  const uri = await server.open('big-many-findings.unres', bigText);
  // Asked at once: the server thread waits for the validation, then parses the draft itself.
  const hovered = server.request('textDocument/hover', { textDocument: { uri }, position: { line, character } }).then(() => now());
  const diagnosedAt = (await diagnosed(uri, 1), now());
  const hoveredAt = await hovered;
  assert.ok((published.get(uri) ?? [])[0].diagnostics.length > 1000, 'capped: more findings than shown');
  // Written before that parse, the diagnostics come a parse's time before the hover (they came
  // together, both after it, when the publication was left to finish behind the parse).
  assert.ok(hoveredAt - diagnosedAt > parseMs / 3, `the diagnostics came ${Math.round(hoveredAt - diagnosedAt)} ms before the hover; a parse takes ${Math.round(parseMs)} ms`);
});
