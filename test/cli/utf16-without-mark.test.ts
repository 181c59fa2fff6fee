// UTF-16 without a byte-order mark, in a Chinese text with many 一: 一 (U+4E00) is 00 4E in
// UTF-16LE and an ASCII letter 41 00, so the zero bytes sit on both sides and could not tell the
// byte order. lint and ingest once refused such a draft as binary; a binary file is still refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve('bin/resolution-drafter.js');
function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DRAFT = 'test/fixtures/organs/A-RES-2159-XXI.unres';
const RAW = 'test/fixtures/raw/ga-2159-xxi.txt';
const utf16 = (text: string, order: 'le' | 'be') => (order === 'le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16());

/** Bytes that look like a PNG image: its signature and chunks, the pixels compressed. */
function pngBytes(): Buffer {
  let seed = 7;
  const pixels = Buffer.alloc(64 * 64 * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
  };
  const header = Buffer.from([0, 0, 0, 64, 0, 0, 0, 64, 8, 2, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

/** Random bytes from a fixed seed, an even number of them (the length UTF-16 would have). */
function randomBytes(n: number): Buffer {
  let seed = 2159;
  const bytes = Buffer.alloc(n);
  for (let i = 0; i < n; i++) bytes[i] = (seed = (seed * 1664525 + 1013904223) >>> 0) >>> 24;
  return bytes;
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-utf16-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the fixtures have zero bytes on both sides in UTF-16 (the case that was refused)', () => {
  for (const file of [DRAFT, RAW]) {
    const bytes = utf16(readFileSync(file, 'utf8'), 'le').subarray(0, 8192);
    let even = 0;
    let odd = 0;
    bytes.forEach((b, i) => {
      if (b === 0 && i % 2 === 0) even++;
      else if (b === 0) odd++;
    });
    assert.ok(Math.min(even, odd) > (even + odd) * 0.1, `${file}: ${even} zero bytes at even places, ${odd} at odd`);
  }
});

test('lint reads the 2159 (XXI) draft in UTF-16LE and UTF-16BE without a byte-order mark as its UTF-8 form', () => {
  const utf8 = cli(['lint', '--format', 'json', DRAFT]);
  const findings = (stdout: string) => (JSON.parse(stdout) as { file: string }[]).map(({ file: _file, ...rest }) => rest);
  for (const order of ['le', 'be'] as const) {
    const file = join(dir, `2159-${order}.unres`);
    writeFileSync(file, utf16(readFileSync(DRAFT, 'utf8'), order));
    const r = cli(['lint', '--format', 'json', file]);
    assert.equal(r.code, utf8.code, r.stderr);
    assert.doesNotMatch(r.stderr, /binary/);
    assert.match(r.stderr, new RegExp(`read as UTF-16${order.toUpperCase()} text without a byte-order mark`));
    assert.deepEqual(findings(r.stdout), findings(utf8.stdout));
  }
});

test('ingest reads the raw 2159 (XXI) text and the clean draft in both byte orders as their UTF-8 form', () => {
  for (const [name, source] of [['raw', RAW], ['draft', DRAFT]]) {
    const expected = cli(['ingest', '--out', join(dir, `${name}-from-utf8`), source]);
    assert.equal(expected.code, 0, expected.stderr);
    const clean = readFileSync(join(dir, `${name}-from-utf8`, 'A-RES-2159-XXI.unres'), 'utf8');
    for (const order of ['le', 'be'] as const) {
      const input = join(dir, `${name}-${order}.txt`);
      writeFileSync(input, utf16(readFileSync(source, 'utf8'), order));
      const out = join(dir, `${name}-from-${order}`);
      const r = cli(['ingest', '--out', out, input]);
      assert.equal(r.code, 0, `${name} ${order}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`note: read as UTF-16${order.toUpperCase()} text without a byte-order mark`));
      assert.deepEqual(readdirSync(out).filter((n) => n.endsWith('.unres')), ['A-RES-2159-XXI.unres']);
      assert.equal(readFileSync(join(out, 'A-RES-2159-XXI.unres'), 'utf8'), clean, `${name} ${order}`);
    }
  }
});

test('a PNG image and random bytes are still refused as binary by lint and ingest', () => {
  const binaries = join(dir, 'binaries');
  mkdirSync(binaries);
  writeFileSync(join(binaries, 'scan.txt'), pngBytes());
  writeFileSync(join(binaries, 'noise.txt'), randomBytes(20000));
  for (const name of ['scan.txt', 'noise.txt']) {
    const file = join(binaries, name);
    const linted = cli(['lint', file]);
    assert.equal(linted.code, 1);
    assert.match(linted.stderr, /cannot lint: the file is binary, not text/, name);
    const ingested = cli(['ingest', '--out', join(dir, `out-${name}`), file]);
    assert.equal(ingested.code, 1);
    assert.match(ingested.stderr, new RegExp(`${name}: the file is binary, not text`));
    assert.deepEqual(readdirSync(join(dir, `out-${name}`)).filter((n) => n.endsWith('.unres')), []);
  }
});
