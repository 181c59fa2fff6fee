// Bad input to `resolution-drafter ingest`: each bad file is named with its problem, the good
// files of the same batch are still ingested, and the exit code is 1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeRaw, ingestText } from '../../server/src/core/ingest';
import { ingestFiles } from '../../server/src/corpus/ingest-files';
import { rawFiles, runCli } from './helpers';

let dir: string;
let good: string;
const bad: Record<string, string> = {};

// 大会，重申 in GBK/GB18030 bytes: B4F3 BBE1 A3AC D6D8 C9EA.
const GBK = Uint8Array.from([0xb4, 0xf3, 0xbb, 0xe1, 0xa3, 0xac, 0x0a, 0x31, 0x2e, 0x20, 0xd6, 0xd8, 0xc9, 0xea, 0x0a]);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-bad-'));
  good = join(dir, 'good.txt');
  copyFileSync(rawFiles()[0], good);
  bad.empty = join(dir, 'empty.txt');
  writeFileSync(bad.empty, '');
  bad.blank = join(dir, 'blank.txt');
  writeFileSync(bad.blank, ' \n\n   \n');
  bad.binary = join(dir, 'scan.txt');
  writeFileSync(bad.binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0x01, 0x02, 0xff, 0xd8, 0x00, 0x10, 0x4a, 0x46]));
  bad.image = join(dir, 'image.txt');
  writeFileSync(bad.image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01, 0x00, 0x03]));
  bad.structureless = join(dir, 'notes.txt');
  writeFileSync(bad.structureless, '会议记录\n今天讨论了预算问题，没有结论。\nMeeting notes\n');
  bad.english = join(dir, 'english.txt');
  writeFileSync(bad.english, '76/54. Joint courses of action and future-oriented dialogue towards a world without nuclear weapons\n\nThe General Assembly,\n\nReaffirming that the ultimate goal of all the efforts of the States is a world without nuclear weapons,\n\n1. Decides to include in the provisional agenda of its seventy-seventh session the item.\n');
  bad.undecodable = join(dir, 'latin1.txt');
  writeFileSync(bad.undecodable, Buffer.from([0x52, 0xe9, 0x73, 0x6f, 0x6c, 0x75, 0x74, 0x69, 0x6f, 0x6e, 0x20, 0xe0, 0x20, 0xaa, 0x0a]));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('the GBK test bytes really are GB18030 for 大会，', () => {
  assert.equal(new TextDecoder('gb18030').decode(GBK), '大会，\n1. 重申\n');
});

test('each kind of bad input is recognised with a clear reason', () => {
  const problem = (file: string) => {
    const decoded = decodeRaw(readFileSync(file));
    if (!decoded.ok) return decoded.problem;
    const result = ingestText(decoded.text);
    return result.ok ? 'ok' : result.problem;
  };
  assert.match(problem(bad.empty), /empty/);
  assert.match(problem(bad.blank), /empty/);
  assert.match(problem(bad.binary), /a PDF file, not text; name it \.pdf and ingest it again/);
  assert.match(problem(bad.image), /binary, not text/);
  assert.match(problem(bad.structureless), /no recognisable structure/);
  assert.match(problem(bad.english), /in English, not Chinese/);
  assert.match(problem(bad.undecodable), /not text in an encoding the tool reads \(UTF-8, UTF-16 or GB18030\)/);
  assert.equal(problem(good), 'ok');
});

test('GB18030 and UTF-16 (with and without a byte-order mark) are decoded, and the result says so', () => {
  const gb = decodeRaw(GBK);
  assert.ok(gb.ok && gb.encoding === 'GB18030' && gb.text === '大会，\n1. 重申\n', JSON.stringify(gb));
  const text = readFileSync(good, 'utf8');
  const cases: [Buffer, string, boolean][] = [
    [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'UTF-16LE', true],
    [Buffer.from(text, 'utf16le'), 'UTF-16LE', false],
    [Buffer.from(text, 'utf16le').swap16(), 'UTF-16BE', false],
    [Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), 'UTF-16BE', true],
    // Chinese alone has no zero bytes in UTF-16: still recognised.
    [Buffer.from('大会，\n重申实现无核武器世界是国际社会的共同目标，\n', 'utf16le'), 'UTF-16LE', false],
  ];
  for (const [bytes, encoding, mark] of cases) {
    const decoded = decodeRaw(bytes);
    assert.ok(decoded.ok, JSON.stringify(decoded));
    assert.equal(decoded.encoding, encoding);
    assert.equal(decoded.byteOrderMark, mark);
    assert.ok(text.startsWith(decoded.text) || decoded.text.startsWith('大会，'), encoding);
  }
  // UTF-8 stays UTF-8, with or without its byte-order mark.
  const utf8 = decodeRaw(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
  assert.ok(utf8.ok && utf8.encoding === 'UTF-8' && utf8.text === text);
});

test('the command line names every bad file, still ingests the good one and exits with 1', () => {
  const out = join(dir, 'out');
  const files = Object.values(bad);
  const result = runCli(['ingest', '--out', out, files[0], files[1], files[2], good, ...files.slice(3)]);
  assert.equal(result.status, 1, result.stderr);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, files.length, result.stderr);
  for (const f of files) assert.ok(lines.some((l) => l.startsWith(`${f}: `)), `${f} is named: ${result.stderr}`);
  assert.ok(existsSync(join(out, 'A-RES-76-54.unres')), 'the good file is ingested');
  const catalogue = JSON.parse(readFileSync(join(out, 'catalogue.json'), 'utf8')) as { documents: { symbol: string }[] };
  assert.deepEqual(catalogue.documents.map((d) => d.symbol), ['A/RES/76/54']);
  assert.match(result.stdout, /1 ingested, 7 failed/);
});

test('a missing file and a folder of good files', () => {
  const out = join(dir, 'out2');
  const result = runCli(['ingest', '--out', out, join(dir, 'missing.txt')]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /missing\.txt: cannot be read \(ENOENT\)/);
  const folder = runCli(['ingest', '--out', out, 'corpus/raw']);
  assert.equal(folder.status, 0, folder.stderr);
  assert.match(folder.stdout, /5 ingested, 0 failed/);
});

test('the same document twice: the second copy is reported, not written over the first', () => {
  const report = ingestFiles([good, rawFiles()[0]], join(dir, 'out3'));
  assert.equal(report.ingested.length, 1);
  assert.equal(report.failed.length, 1);
  assert.match(report.failed[0].problem, /same document \(A-RES-76-54\.unres\)/);
});

test('usage errors exit with 2 and --help explains the command', () => {
  assert.equal(runCli(['ingest']).status, 2);
  // No default folder: nothing is written into the bundled corpus by mistake.
  const noOut = runCli(['ingest', good]);
  assert.equal(noOut.status, 2);
  assert.match(noOut.stderr, /--out DIR/);
  assert.equal(runCli(['ingest', '--out']).status, 2);
  assert.equal(runCli(['ingest', '--bogus', 'x.txt']).status, 2);
  const help = runCli(['ingest', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: resolution-drafter ingest --out DIR FILE/);
  assert.match(runCli(['--help']).stdout, /ingest\s+Clean raw PDF-extracted documents/);
});

test('adding documents to a corpus folder keeps the drafts already there in the catalogue', () => {
  const out = join(dir, 'growing');
  const [first, second] = rawFiles();
  const one = ingestFiles([first], out);
  assert.deepEqual(one.kept, []);
  const two = ingestFiles([second], out);
  assert.deepEqual(two.kept, ['A-RES-76-54.unres']);
  const catalogue = JSON.parse(readFileSync(join(out, 'catalogue.json'), 'utf8')) as { documents: { symbol: string; source: string }[] };
  assert.deepEqual(catalogue.documents.map((d) => d.symbol), ['A/RES/73/62', 'A/RES/76/54']);
  assert.ok(catalogue.documents.every((d) => /^\/|^[A-Za-z]:|\.txt$/.test(d.source)), 'sources are kept');
});

test('a draft with a footnote that lost its marker is written, with a remark to check it', () => {
  const file = join(dir, 'lost-marker.txt');
  writeFileSync(file, ['76/54. 建立无核武器世界的联合行动', '', '大会，', '', '重申实现无核武器世界是共同目标，', '', '1. 决定列入分项。', '', '______', '1 联合国，《条约汇编》，第 729 卷，第 10485 号。'].join('\n'));
  const out = join(dir, 'out4');
  const result = runCli(['ingest', '--out', out, file]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /check: footnote 1 has no marker in the text/);
  assert.ok(readFileSync(join(out, 'A-RES-76-54.unres'), 'utf8').includes('¹ 联合国，《条约汇编》'));
  // The corpus seeds have nothing to check.
  const seeds = ingestFiles(rawFiles(), join(dir, 'out5'));
  assert.deepEqual(seeds.ingested.map((f) => f.remarks), [[], [], [], [], []]);
});

test('an output folder that cannot be written is named, without a stack trace', () => {
  const blocker = join(dir, 'a-file');
  writeFileSync(blocker, 'not a folder');
  const result = runCli(['ingest', '--out', join(blocker, 'corpus'), good]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /cannot write to .*a-file\/corpus \((ENOTDIR|EEXIST)\)/);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
});
