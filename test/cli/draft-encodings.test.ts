// Every command that reads a draft reads it as lint does: a draft saved in GB18030 or UTF-16 is
// its text (and the decoding is said on stderr), never mojibake. export, parse, provenance and
// compare once read drafts as UTF-8 whatever they were.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';

const BIN = resolve('bin/resolution-drafter.js');
let dir: string;
function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TMPDIR: dir } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SAMPLE = readFileSync('test/fixtures/sample.unres', 'utf8');
const TITLE = '建立无核武器世界的联合行动和面向未来的对话';
/** The sample draft in each encoding, with the name of the encoding lint reports. */
const ENCODINGS: [name: string, bytes: () => Buffer, said: RegExp][] = [
  ['gb18030', () => Buffer.from(spawnSync('iconv', ['-f', 'utf-8', '-t', 'gb18030'], { input: SAMPLE }).stdout), /read as GB18030 text/],
  ['utf16le-bom', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]), /read as UTF-16LE text with a byte-order mark/],
  ['utf16be', () => Buffer.from(SAMPLE, 'utf16le').swap16(), /read as UTF-16BE text without a byte-order mark/],
];
const haveIconv = spawnSync('iconv', ['--version']).status === 0;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-draft-enc-'));
  for (const [name, bytes] of ENCODINGS) if (name !== 'gb18030' || haveIconv) writeFileSync(join(dir, `${name}.unres`), bytes());
  writeFileSync(join(dir, 'utf8.unres'), SAMPLE);
});
after(() => rmSync(dir, { recursive: true, force: true }));

for (const [name, , said] of ENCODINGS) {
  const skip = name === 'gb18030' && !haveIconv ? 'iconv is not installed' : false;
  const file = () => join(dir, `${name}.unres`);

  test(`${name}: export writes the draft's Chinese text into the .docx, and says how it read it`, { skip }, () => {
    const out = join(dir, `export-${name}`);
    const r = cli(['export', '--out', out, file()]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, said);
    const xml = new TextDecoder().decode(unzipSync(readFileSync(join(out, `${name}.docx`)))['word/document.xml']);
    assert.match(xml, /大会/);
    assert.ok(xml.includes(TITLE), 'the title is in the document');
  });

  test(`${name}: parse gives the draft's title`, { skip }, () => {
    const r = cli(['parse', file()]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, said);
    const [parsed] = JSON.parse(r.stdout) as { title: { number: string; title: string } }[];
    assert.deepEqual(parsed.title, { number: '76/54', title: TITLE });
  });

  test(`${name}: provenance and compare read the draft as its UTF-8 form does`, { skip }, () => {
    const corpus = ['--no-bundled', '--corpus', resolve('corpus')];
    const provenance = (f: string) => cli(['provenance', '--format', 'json', ...corpus, f]);
    const expected = provenance(join(dir, 'utf8.unres'));
    const got = provenance(file());
    assert.equal(got.code, 0, got.stderr);
    assert.match(got.stderr, said);
    const paragraphs = (stdout: string) => (JSON.parse(stdout) as { paragraphs: unknown[] }[])[0].paragraphs;
    assert.deepEqual(paragraphs(got.stdout), paragraphs(expected.stdout));
    assert.ok(paragraphs(got.stdout).length >= 5);

    const compare = (f: string, more: string[] = []) => cli(['compare', '--format', 'json', ...more, ...corpus, f]);
    const compared = compare(file());
    assert.equal(compared.code, 0, compared.stderr);
    assert.match(compared.stderr, said);
    assert.deepEqual(JSON.parse(compared.stdout), JSON.parse(compare(join(dir, 'utf8.unres')).stdout));
    // The document compared with, given as a file in the same encoding: every paragraph unchanged.
    const itself = compare(join(dir, 'utf8.unres'), ['--with', file()]);
    assert.equal(itself.code, 0, itself.stderr);
    const statuses = new Set((JSON.parse(itself.stdout) as { paragraphs: { status: string }[] }).paragraphs.map((p) => p.status));
    assert.deepEqual([...statuses], ['unchanged']);
  });
}

test('a Word or PDF file named as a draft is refused with what to do, by every command that reads drafts', () => {
  const docs = join(dir, 'docs');
  mkdirSync(docs);
  writeFileSync(join(docs, 'mine.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
  writeFileSync(join(docs, 'scan.pdf'), '%PDF-1.7\n');
  // A Word file under a draft's name is known by its first bytes.
  writeFileSync(join(docs, 'renamed.unres'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
  for (const name of ['mine.docx', 'scan.pdf', 'renamed.unres']) {
    const file = join(docs, name);
    for (const [command, verb] of [['lint', 'lint'], ['parse', 'parse'], ['provenance', 'read'], ['compare', 'compare']]) {
      const r = cli([command, ...(command === 'lint' || command === 'parse' ? [] : ['--no-bundled', '--corpus', resolve('corpus')]), file]);
      assert.equal(r.code, 1, `${command} ${name}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`${name}: cannot ${verb}: it is a (Word|PDF) .*not a draft \\(\\.unres\\); turn it into one first with \`resolution-drafter ingest --out FOLDER `), `${command} ${name}`);
    }
  }
});
