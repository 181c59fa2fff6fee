// Neovim's built-in LSP client against dist/server.js: a second client, independent of VS Code,
// must accept the server — initialize, diagnostics, outline, hover/completion when offered, and the
// navigation requests. Needs `nvim` (Debian `neovim`); CI installs it, elsewhere the test skips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const haveNvim = nvim.status === 0;
// Without nvim: skip with the reason locally, fail under CI (where .ci/run installs it).
const skip = haveNvim || process.env.CI ? false : 'nvim is not installed (apt-get install neovim); the Neovim client test needs it';

// A/RES/76/54 as in the corpus, with one stray line among the footnotes that the server reports.
const lines = readFileSync('test/fixtures/sample.unres', 'utf8').replace(/\n$/, '').split('\n');
lines.push('https://undocs.org/ch/A/RES/72/50');
// A preambular paragraph being typed, for inline completion (Neovim 0.7 shows no ghost text: the request is sent as such).
const typing = '重申《不扩散核武器条约》作为';
lines.splice(lines.findIndex((l) => l.startsWith('重申实现无核武器世界')) + 1, 0, '', typing);
const draftText = lines.join('\n') + '\n';
const find = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));

interface Outcome {
  error?: string;
  serverName: string;
  capabilities: Record<string, unknown>;
  diagnostics: { line: number; message: string }[];
  buffer: string[];
  results: Record<string, { result?: unknown; error?: { message?: string } | null }>;
}

test('Neovim (headless, built-in LSP client) talks to the server', { skip, timeout: 60_000 }, () => {
  assert.ok(haveNvim, 'nvim is not installed, and CI must run the Neovim client test: .ci/run installs Debian neovim before npm test');
  const folder = mkdtempSync(join(tmpdir(), 'nav-nvim-'));
  try {
    const draft = join(folder, 'draft.unres');
    writeFileSync(draft, draftText);
    const marker = lines[find('又重申')].indexOf('¹');
    const requests = [
      { name: 'symbols', method: 'textDocument/documentSymbol', params: {} },
      { name: 'folding', method: 'textDocument/foldingRange', params: {} },
      { name: 'links', method: 'textDocument/documentLink', params: {} },
      { name: 'definition', method: 'textDocument/definition', params: { position: { line: find('又重申'), character: marker } } },
      { name: 'references', method: 'textDocument/references', params: { position: { line: find('¹ 联合国'), character: 0 }, context: { includeDeclaration: true } } },
      { name: 'rename', method: 'textDocument/rename', params: { position: { line: find('又重申'), character: marker }, newName: '2' } },
      { name: 'hover', method: 'textDocument/hover', params: { position: { line: find('1. **重申**'), character: 6 } } },
      {
        name: 'insertFootnote',
        method: 'workspace/executeCommand',
        params: { command: 'resolutionDrafter.server.insertFootnote', arguments: [{ line: find('3. **决定**'), character: lines[find('3. **决定**')].length - 1 }] },
      },
      { name: 'completion', method: 'textDocument/completion', params: { position: { line: find('1. **重申**'), character: 3 } } },
      {
        name: 'inlineCompletion',
        method: 'textDocument/inlineCompletion',
        params: { position: { line: find(typing), character: typing.length }, context: { triggerKind: 1 } },
        untilItems: true,
      },
    ];
    const run = spawnSync('nvim', ['--headless', '--clean', '-u', resolve('test/neovim/test.lua'), draft], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 50_000,
      env: { ...process.env, RD_SERVER: resolve('dist/server.js'), RD_REQUESTS: JSON.stringify(requests) },
    });
    const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    assert.ok(line, `no result from nvim (exit ${run.status}, signal ${run.signal}):\n${run.stdout}\n${run.stderr}`);
    const outcome = JSON.parse(line.slice('RESULT '.length)) as Outcome;
    assert.equal(outcome.error, undefined, outcome.error);
    assert.equal(run.status, 0, run.stderr);

    // Diagnostics: the stray line among the footnotes.
    assert.ok(outcome.diagnostics.some((d) => d.line === find('https://')), JSON.stringify(outcome.diagnostics));

    type Symbol = { name: string; children?: Symbol[] };
    const symbols = outcome.results.symbols.result as Symbol[];
    // Operative paragraphs stand in the 执行部分 group, beside 序言部分.
    const names = symbols.flatMap(function all(s: Symbol): string[] { return [s.name, ...(s.children ?? []).flatMap(all)]; });
    assert.ok(symbols.some((s) => s.name === '执行部分') && names.includes('1. 重申') && names.includes('2. 鼓励'), names.join(' | '));

    const folding = outcome.results.folding.result as { startLine: number; endLine: number }[];
    assert.ok(folding.some((r) => r.startLine === find('2. ') && r.endLine === find('(b)')), JSON.stringify(folding));

    const links = outcome.results.links.result as { target: string }[];
    assert.ok(links.some((l) => l.target === 'https://undocs.org/ch/A/RES/74/50'), JSON.stringify(links));

    const definition = outcome.results.definition.result as { range: { start: { line: number } } }[];
    assert.equal(definition[0]?.range.start.line, find('¹ 联合国'));

    const references = outcome.results.references.result as { range: { start: { line: number } } }[];
    assert.deepEqual(references.map((r) => r.range.start.line), [find('又重申'), find('¹ 联合国')]);

    const rename = outcome.results.rename.result as { changes: Record<string, { newText: string }[]> };
    const edits = Object.values(rename.changes)[0];
    assert.deepEqual(edits.map((e) => e.newText), ['²', '²']);

    // Insert footnote: Neovim applied the server's workspace/applyEdit to the buffer.
    const inserted = outcome.results.insertFootnote.result as { applied: boolean; number: number };
    assert.deepEqual([inserted.applied, inserted.number], [true, 2]);
    assert.ok(outcome.buffer[find('3. **决定**')].endsWith('的分项²。'), outcome.buffer[find('3. **决定**')]);
    assert.equal(outcome.buffer[find('¹ 联合国') + 1], '² ');

    // Hover and completion come from the assist feature: checked whenever the server offers them.
    if (outcome.capabilities.hoverProvider) {
      const hover = outcome.results.hover.result as { contents: unknown } | null;
      assert.ok(hover && JSON.stringify(hover.contents).length > 2, 'the server offers hover but gave none on 重申');
    }
    if (outcome.capabilities.completionProvider) {
      const completion = outcome.results.completion.result as { items?: unknown[] } | unknown[] | null;
      const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
      assert.ok(items.length > 0, 'the server offers completion but gave none after 1. ');
    }

    // Inline completion (LSP 3.18) from the phrase index: what 73/62 and 59/76 agree on after 作为.
    const inline = outcome.results.inlineCompletion.result as { items: { insertText: string; command?: { title: string } }[] } | null;
    assert.equal(inline?.items[0]?.insertText, '国际核不扩散', JSON.stringify(outcome.results.inlineCompletion));
    assert.match(inline?.items[0]?.command?.title ?? '', /^A\/RES\/73\/62 preambular paragraph \d+ · 2 documents$/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
