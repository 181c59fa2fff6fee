// Emacs 28 with eglot (Debian `emacs-nox`, `elpa-eglot`) in batch mode against dist/server.js: a
// third client, beside VS Code and Neovim. Initialize, the diagnostics the command line finds,
// a hover and completion at the start of an operative paragraph. CI installs Emacs
// (scripts/setup-editors.sh); elsewhere the test skips without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const emacs = spawnSync('emacs', ['--batch', '-Q', '--eval', '(progn (add-to-list (quote package-directory-list) "/usr/share/emacs/site-lisp/elpa") (package-initialize) (require (quote eglot)))'], { encoding: 'utf8' });
const haveEmacs = emacs.status === 0;
const skip = haveEmacs || process.env.CI ? false : 'emacs with eglot is not installed (apt-get install emacs-nox elpa-eglot); the Emacs client test needs it';

// test/fixtures/broken.unres: what the command line finds there, the editor must get too.
const text = readFileSync('test/fixtures/broken.unres', 'utf8');
const lines = text.split('\n');

test('Emacs 28 + eglot (batch) talks to the server: diagnostics, hover, completion', { skip, timeout: 60_000 }, () => {
  assert.ok(haveEmacs, `emacs with eglot is missing (${emacs.stderr.trim()}), and CI must run the Emacs client test: scripts/setup-editors.sh installs emacs-nox elpa-eglot`);
  const folder = mkdtempSync(join(tmpdir(), 'rd-emacs-'));
  try {
    const draft = join(folder, 'draft.unres');
    writeFileSync(draft, text);
    const symbolLine = lines.findIndex((l) => l.includes('A/RES/76/54'));
    const paragraph2 = lines.findIndex((l) => l.startsWith('2. '));
    const run = spawnSync('emacs', ['--batch', '-Q', '-l', resolve('test/emacs/test.el')], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 50_000,
      env: { ...process.env, RD_SERVER: resolve('dist/server.js'), RD_DRAFT: draft, RD_HOVER: `${symbolLine}:${lines[symbolLine].indexOf('A/RES') + 2}`, RD_COMPLETE: `${paragraph2}:3` },
    });
    const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    assert.ok(line, `no result from emacs (exit ${run.status}, signal ${run.signal}):\n${run.stdout}\n${run.stderr.slice(-2000)}`);
    const result = JSON.parse(line.slice('RESULT '.length)) as { error?: string; serverName: string; diagnostics: { line: number; code: string }[]; hover: string; completion: string[] };
    assert.equal(result.error, undefined, result.error);
    assert.equal(result.serverName, 'resolution-drafter');
    const lint = spawnSync(process.execPath, ['dist/cli.js', 'lint', '--format', 'json', 'test/fixtures/broken.unres'], { encoding: 'utf8' });
    const expected = (JSON.parse(lint.stdout) as { line: number; rule: string }[]).map((f) => [f.line - 1, f.rule]);
    assert.deepEqual(result.diagnostics.map((d) => [d.line, d.code]), expected);
    assert.match(result.hover, /A\/RES\/76\/54 — resolution/);
    assert.ok(result.hover.includes('建立无核武器世界的联合行动和面向未来的对话'), result.hover);
    assert.ok(result.completion.length > 3 && result.completion.some((l) => l.startsWith('又')), result.completion.join(' '));
    assert.equal(run.status, 0, run.stderr.slice(-2000));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
