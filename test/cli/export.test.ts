// export never writes over a file named on its command line, nor two drafts to one file, and a
// write error names the file it could not write. It once turned `export --out d.unres d.unres`
// into a .docx, wrote a nonsense .docx over `export mine.docx`, wrote out/draft.docx twice for
// a/draft.unres and b/draft.unres, and blamed the draft when the output's folder was missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';

const BIN = resolve('bin/resolution-drafter.js');
const SAMPLE = 'test/fixtures/sample.unres';
let dir: string;
let root = 0;
function cli(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [BIN, 'export', ...args], { encoding: 'utf8', cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** A fresh folder for one test, with the sample draft in it as draft.unres. */
function folder(): string {
  const f = join(dir, String(root++));
  mkdirSync(f);
  copyFileSync(SAMPLE, join(f, 'draft.unres'));
  return f;
}
const isDocx = (file: string) => 'word/document.xml' in unzipSync(readFileSync(file));

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-export-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('--out naming the draft itself is refused (exit 2), the draft unchanged; also through a link or another spelling', () => {
  const f = folder();
  const draft = join(f, 'draft.unres');
  const before = readFileSync(draft);
  symlinkSync(draft, join(f, 'link.docx'));
  for (const [out, given] of [[draft, draft], ['draft.unres', './draft.unres'], [join(f, 'link.docx'), draft]]) {
    const r = cli(['--out', out, given], f);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /the \.docx would be written over the draft itself/);
    assert.match(r.stderr, /nothing was written/);
    assert.equal(r.stdout, '');
    assert.deepEqual(readFileSync(draft), before, `--out ${out} ${given}`);
  }
});

test('a .docx never lands on another file named on the command line: a Word file named as a draft, or the --styles template', () => {
  const f = folder();
  const draft = join(f, 'draft.unres');
  assert.equal(cli([draft]).code, 0);
  const word = readFileSync(join(f, 'draft.docx'));
  // draft.unres → draft.docx, which is named too (as a draft): nothing is written.
  const both = cli([draft, join(f, 'draft.docx')]);
  assert.equal(both.code, 2, both.stderr);
  assert.match(both.stderr, /draft\.unres: its \.docx would be written over .*draft\.docx, named as a draft/);
  assert.deepEqual(readFileSync(join(f, 'draft.docx')), word);
  const styles = cli(['--styles', join(f, 'draft.docx'), draft]);
  assert.equal(styles.code, 2, styles.stderr);
  assert.match(styles.stderr, /would be written over .*draft\.docx, the --styles template/);
  assert.deepEqual(readFileSync(join(f, 'draft.docx')), word);
  // With another --out, the template is only read.
  const elsewhere = cli(['--styles', join(f, 'draft.docx'), '--out', join(f, 'styled.docx'), draft]);
  assert.equal(elsewhere.code, 0, elsewhere.stderr);
  assert.ok(isDocx(join(f, 'styled.docx')));
});

test('a Word or PDF file given as the draft is refused with a pointer to ingest (exit 1), and left as it was', () => {
  const f = folder();
  assert.equal(cli([join(f, 'draft.unres'), '--out', join(f, 'mine.docx')]).code, 0);
  const mine = readFileSync(join(f, 'mine.docx'));
  writeFileSync(join(f, 'scan.pdf'), '%PDF-1.7\n%âãÏÓ\n');
  for (const name of ['mine.docx', 'scan.pdf']) {
    const r = cli([join(f, name)]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`${name}: cannot export: it is a (Word|PDF) file, not a draft \\(\\.unres\\); turn it into one first with \`resolution-drafter ingest --out FOLDER .*${name}\``));
    assert.equal(r.stdout, '');
  }
  assert.deepEqual(readFileSync(join(f, 'mine.docx')), mine);
  assert.equal(readFileSync(join(f, 'scan.pdf'), 'utf8'), '%PDF-1.7\n%âãÏÓ\n');
  assert.ok(!existsSync(join(f, 'scan.docx')));
});

test('two drafts of the same name into one --out folder: refused before anything is written (exit 2), both named', () => {
  const f = folder();
  for (const sub of ['a', 'b']) {
    mkdirSync(join(f, sub));
    copyFileSync(SAMPLE, join(f, sub, 'draft.unres'));
  }
  const r = cli(['--out', 'out', join('a', 'draft.unres'), join('b', 'draft.unres')], f);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /a\/draft\.unres and b\/draft\.unres would both be written to out\/draft\.docx; export them one at a time/);
  assert.match(r.stderr, /nothing was written/);
  assert.ok(!existsSync(join(f, 'out')), 'not even the folder');
  // Beside each draft (no --out) they do not meet; the same draft named twice is exported once.
  const beside = cli([join('a', 'draft.unres'), join('b', 'draft.unres'), join('.', 'a', 'draft.unres')], f);
  assert.equal(beside.code, 0, beside.stderr);
  assert.equal(beside.stdout.trim().split('\n').length, 2);
  assert.ok(isDocx(join(f, 'a', 'draft.docx')) && isDocx(join(f, 'b', 'draft.docx')));
});

test('--out FILE in a folder that does not exist: the folder is made; a write error names the output, not the draft', () => {
  const f = folder();
  const draft = join(f, 'draft.unres');
  const target = join(f, 'new', 'deeper', 'x.docx');
  const r = cli(['--out', target, draft]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(isDocx(target));
  // A folder where the .docx beside the draft should go, and a file where the folder of --out should be.
  mkdirSync(join(f, 'draft.docx'));
  writeFileSync(join(f, 'plain'), 'not a folder');
  const cases: { args: string[]; message: string }[] = [
    { args: [draft], message: `${join(f, 'draft.docx')}: cannot be written (EISDIR)` },
    { args: ['--out', join(f, 'plain', 'x.docx'), draft], message: `${join(f, 'plain', 'x.docx')}: cannot be written: its folder ${join(f, 'plain')} cannot be made (a file stands where a folder should be)` },
  ];
  for (const { args, message } of cases) {
    const failed = cli(args);
    assert.equal(failed.code, 1, failed.stderr);
    assert.equal(failed.stderr, `${message}, so ${draft} was not exported\n`);
  }
  mkdirSync(join(f, 'taken.docx'));
  // taken.docx as --out is a folder: the draft goes into it.
  assert.equal(cli(['--out', join(f, 'taken.docx'), draft]).code, 0);
  assert.deepEqual(readdirSync(join(f, 'taken.docx')), ['draft.docx']);
});

test('exporting again replaces the .docx whole, through a file beside it renamed over it (no temporary file left behind)', () => {
  const f = folder();
  const draft = join(f, 'draft.unres');
  assert.equal(cli([draft]).code, 0);
  const first = readFileSync(join(f, 'draft.docx'));
  writeFileSync(draft, readFileSync(draft, 'utf8').replace('建立无核武器世界', '建立一个无核武器世界'));
  assert.equal(cli([draft]).code, 0);
  const second = readFileSync(join(f, 'draft.docx'));
  assert.ok(isDocx(join(f, 'draft.docx')));
  assert.notDeepEqual(second, first);
  assert.deepEqual(readdirSync(f).sort(), ['draft.docx', 'draft.unres']);
});
