// dist/server.js compiles the server's bundle (dist/server-main.js) with V8's code cache, kept in
// a folder of the user's own: written after a start that had none, used by the next start (not
// written again), made again when it is damaged, and never read from a folder others can write.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './harness';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-code-cache-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cacheFolder = (temp: string) => join(temp, `resolution-drafter-${process.getuid?.() ?? 'user'}`, 'code-cache');

/** A server started with its own temporary folder: it answers a hover and an outline, and is stopped after `liveMs`. */
async function startAndUse(temp: string, liveMs: number): Promise<void> {
  const server = await startServer({ env: { ...process.env, TMPDIR: temp } });
  try {
    const uri = await server.open('draft.unres', '大会，\n\n回顾其 2019 年 12 月 12 日第 74/50 号决议，\n\n1. 重申其决议；\n');
    const diagnostics = await server.diagnostics(uri);
    assert.ok(Array.isArray(diagnostics.diagnostics));
    const symbols = (await server.request('textDocument/documentSymbol', { textDocument: { uri } })) as unknown[];
    assert.ok(symbols.length > 0, 'the outline');
    await new Promise((r) => setTimeout(r, liveMs));
  } finally {
    await server.stop();
  }
}

const cacheFiles = (temp: string) => (existsSync(cacheFolder(temp)) ? readdirSync(cacheFolder(temp)).filter((n) => n.endsWith('.bin')) : []);

test('the cache is written after the first start, used by the next (not written again), and made again when damaged', async () => {
  const temp = join(dir, 'own');
  mkdirSync(temp);
  await startAndUse(temp, 2600);
  const files = cacheFiles(temp);
  assert.equal(files.length, 1, 'one cache file');
  const path = join(cacheFolder(temp), files[0]);
  const written = statSync(path);
  assert.ok(written.size > 10_000, `${written.size} bytes`);
  assert.equal(statSync(cacheFolder(temp)).mode & 0o777, 0o700);
  // The next start takes it (V8 accepts it): it is not written again.
  await startAndUse(temp, 2600);
  assert.equal(statSync(path).mtimeMs, written.mtimeMs, 'used, not written again');
  // Damaged: V8 refuses it, the server starts all the same and writes it again.
  writeFileSync(path, Buffer.from('not a code cache'));
  await startAndUse(temp, 2600);
  assert.ok(statSync(path).size > 10_000, 'made again');
});

test('a cache folder others can write is not used: the server starts without it and writes nothing there', async () => {
  const temp = join(dir, 'shared');
  mkdirSync(cacheFolder(temp), { recursive: true });
  chmodSync(cacheFolder(temp), 0o777);
  await startAndUse(temp, 2600);
  assert.deepEqual(cacheFiles(temp), []);
});

test('the caches of other bundles beyond the four most recent are removed when one is written', async () => {
  const temp = join(dir, 'many');
  mkdirSync(cacheFolder(temp), { recursive: true, mode: 0o700 });
  chmodSync(join(temp, `resolution-drafter-${process.getuid?.() ?? 'user'}`), 0o700);
  // Six caches of earlier builds, an hour apart; another file there is left alone.
  const old = Array.from({ length: 6 }, (_, i) => `server-${String(i).repeat(16)}.bin`);
  old.forEach((name, i) => {
    const path = join(cacheFolder(temp), name);
    writeFileSync(path, 'an earlier build');
    const time = new Date(Date.now() - (i + 1) * 3_600_000);
    utimesSync(path, time, time);
  });
  writeFileSync(join(cacheFolder(temp), 'notes.txt'), 'mine');
  await startAndUse(temp, 2600);
  const left = readdirSync(cacheFolder(temp)).sort();
  assert.equal(left.filter((n) => n.endsWith('.bin')).length, 4, left.join(' '));
  assert.ok(left.includes('notes.txt'));
  assert.deepEqual(left.filter((n) => old.includes(n)), old.slice(0, 3).sort(), 'the three most recent earlier ones kept');
});
