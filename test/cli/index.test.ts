import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Runs the built command line (npm run build first, as for the protocol tests).
const BIN = resolve('bin/resolution-drafter.js');
let dir: string;
let folder: string;
function index(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'index', ...args], { encoding: 'utf8', env: { ...process.env, TMPDIR: dir } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-index-'));
  folder = join(dir, 'corpus');
  cpSync('corpus', folder, { recursive: true, filter: (src) => !src.includes('raw') && !src.includes('.index') });
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('index builds the phrase index of a corpus folder, then reads it back while the corpus is unchanged', () => {
  const first = index(['--no-bundled', '--corpus', folder]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^Phrase index of 5 documents, \d+ paragraphs: built and written to (.+\.bin) \(\d+ ms\)\.\n$/);
  const path = /written to (.+\.bin)/.exec(first.stdout)![1];
  assert.ok(existsSync(path) && path.startsWith(dir), path);
  const second = index(['--no-bundled', '--corpus', folder]);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, new RegExp(`read from ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.match(index(['--no-bundled', '--corpus', folder, '--rebuild']).stdout, /built and written to/);
});

test('index: usage errors exit 2 with a message', () => {
  const none = index(['--no-bundled']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /leaves no corpus/);
  const bad = index(['--corpus', join(dir, 'nowhere')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /no such folder/);
  assert.equal(index(['--fast']).code, 2);
});
