// ingest of a folder that holds no .txt, .pdf or .docx file says so, and names what it holds
// instead with the reason ingest gives for each; it once answered "name at least one raw file
// or folder" (exit 2) although a folder was named, also for a folder named x.txt.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve('bin/resolution-drafter.js');
function ingest(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'ingest', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-ingest-folder-'));
  mkdirSync(join(dir, 'empty'));
  mkdirSync(join(dir, 'x.txt'));
  const others = join(dir, 'others');
  mkdirSync(others);
  // An old Word file and an OpenDocument file (a zip), by their first bytes.
  writeFileSync(join(others, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  writeFileSync(join(others, 'minutes.odt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
  writeFileSync(join(others, 'notes.md'), '# notes\n');
  writeFileSync(join(others, '.DS_Store'), Buffer.from([0, 0, 0, 1]));
  mkdirSync(join(others, 'older'));
  const good = join(dir, 'good');
  mkdirSync(good);
  copyFileSync('test/fixtures/raw/ga-2159-xxi.txt', join(good, 'ga-2159-xxi.txt'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('an empty folder, and an empty folder named x.txt: said so (exit 1), nothing written', () => {
  for (const name of ['empty', 'x.txt']) {
    const out = join(dir, `out-${name}`);
    const r = ingest(['--out', out, join(dir, name)]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(
      r.stderr,
      `resolution-drafter ingest: the folder ${join(dir, name)} holds no .txt, .pdf or .docx file (it is empty)\n` +
        'resolution-drafter ingest: nothing to ingest; nothing was written.\n',
    );
    assert.doesNotMatch(r.stderr, /name at least one/);
    assert.ok(!existsSync(out));
  }
});

test('a folder of .doc, .odt and other files: each named with the reason it is not read', () => {
  const out = join(dir, 'out-others');
  const others = join(dir, 'others');
  const r = ingest(['--out', out, others]);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(
    r.stderr,
    [
      `resolution-drafter ingest: the folder ${others} holds no .txt, .pdf or .docx file; it holds:`,
      `  ${join(others, 'minutes.odt')}: the file is a Word (.docx) or other zipped file, not text; save it as .docx (Word) or PDF and ingest that`,
      `  ${join(others, 'notes.md')}: not a .txt, .pdf or .docx file (name it on the command line to ingest it as text)`,
      `  ${join(others, 'old.doc')}: the file is an old Word (.doc) file, not text; save it as .docx (Word) or PDF and ingest that`,
      `  ${join(others, 'older')}: a folder (the folders inside a folder are not read; name it to ingest it)`,
      'resolution-drafter ingest: nothing to ingest; nothing was written.',
      '',
    ].join('\n'),
  );
  // What ingest says of old.doc named on its own is the reason given above.
  const named = ingest(['--out', join(dir, 'out-doc'), join(others, 'old.doc')]);
  assert.match(named.stderr, /old\.doc: the file is an old Word \(\.doc\) file, not text; save it as \.docx \(Word\) or PDF and ingest that/);
  assert.ok(!existsSync(out));
});

test('an empty folder beside a folder with a document: the document is ingested, the empty folder named (exit 1)', () => {
  const out = join(dir, 'out-mixed');
  const r = ingest(['--out', out, join(dir, 'good'), join(dir, 'empty')]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, new RegExp(`the folder ${join(dir, 'empty').replace(/[.\\/]/g, '\\$&')} holds no \\.txt, \\.pdf or \\.docx file \\(it is empty\\)`));
  assert.match(r.stdout, /1 ingested, 0 failed/);
  assert.deepEqual(readdirSync(out).sort(), ['A-RES-2159-XXI.unres', 'catalogue.json']);
});

test('no file or folder at all is still a usage error (exit 2)', () => {
  const r = ingest(['--out', join(dir, 'out-none')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /name at least one raw file or folder/);
});
