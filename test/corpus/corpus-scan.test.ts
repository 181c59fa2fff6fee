import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { PHRASE_INDEX_FORMAT, scanCorpus } from '../../server/src/corpus/corpus-scan';

let dir: string;
let big: string;
let small: string;

// More drafts than the pass hashes in one call (512), so that the fingerprint is made of several.
const DRAFTS = 1300;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corpus-scan-'));
  big = join(dir, 'big');
  small = join(dir, 'small');
  mkdirSync(big);
  mkdirSync(small);
  for (let i = 0; i < DRAFTS; i++) writeFileSync(join(big, `A-RES-${String(i).padStart(5, '0')}.unres`), `大会，\n\n1.\t决定第 ${i} 段；\n`);
  writeFileSync(join(big, 'catalogue.json'), '[]');
  // Neither a draft nor a catalogue: not part of the corpus.
  writeFileSync(join(big, 'notes.txt'), 'draft notes');
  mkdirSync(join(big, 'raw'));
  writeFileSync(join(small, 'S-RES-2231.unres'), '安全理事会，\n\n1.\t核可；\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The fingerprint as index format 7 defines it, made here the slow way: per folder its path, its
 * count and sorted names of drafts and catalogues, then their sizes and times as little-endian doubles.
 */
function fingerprintAsDefined(folders: string[]): string {
  const hash = createHash('sha1');
  hash.update(`format ${PHRASE_INDEX_FORMAT}\n`);
  for (const folder of folders) {
    hash.update(`folder ${resolve(folder)}\n`);
    const names = readdirSync(folder)
      .filter((n) => n.endsWith('.unres') || n === 'catalogue.json')
      .sort();
    hash.update(`${names.length}\n`);
    for (const name of names) hash.update(`${name}\n`);
    const figures = Buffer.alloc(16 * names.length);
    names.forEach((name, i) => {
      const s = statSync(join(folder, name));
      figures.writeDoubleLE(s.size, 16 * i);
      figures.writeDoubleLE(s.mtimeMs, 16 * i + 8);
    });
    hash.update(figures);
  }
  return hash.digest('hex');
}

test('the fingerprint is the format\'s: names, sizes and times of every draft and catalogue, folder by folder (an index file keeps it: a change would rebuild every index)', () => {
  assert.equal(PHRASE_INDEX_FORMAT, 7);
  const scan = scanCorpus([big, small]);
  assert.equal(scan.fingerprint, fingerprintAsDefined([big, small]));
  assert.notEqual(scan.fingerprint, scanCorpus([small, big]).fingerprint, 'the order of the folders is part of the corpus');
});

test('the record of files gives each draft and catalogue by its absolute path, with its size and time, and nothing else', () => {
  const files = scanCorpus([big, relative(process.cwd(), small)]).files;
  assert.equal(Object.keys(files).length, DRAFTS + 2);
  const draft = join(big, 'A-RES-01299.unres');
  const s = statSync(draft);
  assert.equal(files[draft], `${s.size} ${s.mtimeMs}`);
  assert.ok(files[join(big, 'catalogue.json')]);
  assert.ok(files[join(small, 'S-RES-2231.unres')], 'a folder given by a relative path is named by its absolute path');
  assert.equal(files[join(big, 'notes.txt')], undefined);
  assert.ok(!Object.keys(files).some((p) => p.includes('raw')));
});

test('a draft edited in place, or only touched, changes the fingerprint; the same state gives the same', () => {
  const before = scanCorpus([big]).fingerprint;
  assert.equal(scanCorpus([big]).fingerprint, before);
  const draft = join(big, 'A-RES-00700.unres');
  const s = statSync(draft);
  utimesSync(draft, s.atime, new Date(s.mtimeMs + 5000));
  const touched = scanCorpus([big]);
  assert.notEqual(touched.fingerprint, before);
  assert.equal(touched.fingerprint, fingerprintAsDefined([big]));
  const now = statSync(draft);
  assert.ok(now.mtimeMs > s.mtimeMs);
  assert.equal(touched.files[draft], `${now.size} ${now.mtimeMs}`);
});

test('an unreadable or missing folder is part of the fingerprint, not an error', () => {
  const missing = join(dir, 'gone');
  const scan = scanCorpus([missing, small]);
  assert.notEqual(scan.fingerprint, scanCorpus([small]).fingerprint);
  assert.deepEqual(Object.keys(scan.files), [join(small, 'S-RES-2231.unres')]);
});
