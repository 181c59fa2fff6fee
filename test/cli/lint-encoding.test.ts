// lint reads a draft as ingest reads a raw file: UTF-16 and GB18030 are decoded (and said so), a
// binary file is an error with exit 1, never linted as mojibake; a text with no resolution
// structure gets one structure note.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve('bin/resolution-drafter.js');
function lint(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'lint', '--format', 'json', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, findings: r.stdout ? (JSON.parse(r.stdout) as { file: string; rule: string; line: number; column: number }[]) : [] };
}
const withoutFile = (findings: { file: string }[]) => findings.map(({ file: _file, ...rest }) => rest);

let dir: string;
const broken = readFileSync('test/fixtures/broken.unres', 'utf8');
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-lint-enc-'));
  copyFileSync('test/fixtures/broken.unres', join(dir, 'utf8.unres'));
  writeFileSync(join(dir, 'utf16le.unres'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(broken, 'utf16le')]));
  writeFileSync(join(dir, 'utf16be.unres'), Buffer.from(broken, 'utf16le').swap16());
  copyFileSync('test/fixtures/raw/ecosoc-dec-2023-201.gb18030.txt', join(dir, 'gb18030.unres'));
  copyFileSync('test/fixtures/raw/ecosoc-dec-2023-201.unres', join(dir, 'ecosoc-utf8.unres'));
  writeFileSync(join(dir, 'scan.unres'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(dir, 'letter.unres'), '尊敬的主席先生：\n\n我谨随函转递我国政府关于该问题的立场文件，请将本函作为大会文件分发为荷。\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a UTF-16 draft (with or without byte-order mark) gives the same findings as its UTF-8 form, and the decoding is said', () => {
  const utf8 = lint([join(dir, 'utf8.unres')]);
  assert.ok(utf8.findings.length >= 3, 'the broken fixture has findings');
  for (const name of ['utf16le.unres', 'utf16be.unres']) {
    const r = lint([join(dir, name)]);
    assert.deepEqual(withoutFile(r.findings), withoutFile(utf8.findings), name);
    assert.equal(r.code, utf8.code);
    assert.match(r.stderr, new RegExp(`${name}: read as UTF-16(LE|BE) text`));
  }
});

test('a GB18030 draft is linted as its text, not as mojibake', () => {
  const gb = lint([join(dir, 'gb18030.unres')]);
  const utf8 = lint([join(dir, 'ecosoc-utf8.unres')]);
  assert.deepEqual(withoutFile(gb.findings), withoutFile(utf8.findings));
  assert.match(gb.stderr, /gb18030\.unres: read as GB18030 text and converted to UTF-8/);
});

test('a binary file is reported and exits 1; the other files are still linted', () => {
  const r = lint([join(dir, 'scan.unres'), join(dir, 'utf8.unres')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /scan\.unres: cannot lint: the file is binary, not text/);
  assert.ok(r.findings.some((f) => f.file.endsWith('utf8.unres')));
  assert.ok(!r.findings.some((f) => f.file.endsWith('scan.unres')));
  const alone = lint([join(dir, 'scan.unres')]);
  assert.equal(alone.code, 1);
});

test('a text with no resolution structure gets one structure note; a draft with structure gets none of it', () => {
  const r = lint([join(dir, 'letter.unres')]);
  const notes = r.findings.filter((f) => f.rule === 'structure');
  assert.equal(notes.length, 1, r.stdout);
  assert.deepEqual([notes[0].line, notes[0].column], [1, 1]);
  const sample = lint(['test/fixtures/sample.unres']);
  assert.equal(sample.findings.filter((f) => f.rule === 'structure').length, 0);
  for (const name of ['sc-2446-2018', 'ga-dec-77-555', 'ga-2159-xxi']) {
    const shape = lint([`test/fixtures/raw/${name}.unres`]);
    assert.ok(!shape.findings.some((f) => f.rule === 'structure' && /no resolution structure/.test(JSON.stringify(f))), name);
  }
});
