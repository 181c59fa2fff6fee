// One mixed folder, as a drafter collects it: Chinese texts of the General Assembly, the Security
// Council, ECOSOC and the Human Rights Council, old and new, in UTF-8, GB18030 and UTF-16 (with
// and without a byte-order mark), a barcode page, and the English twin of one of them. Every
// Chinese document is written; the English one is refused with its reason and shadows nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ingestFiles, rawFilesIn } from '../../server/src/corpus/ingest-files';
import { CORPUS, rawFiles, runCli } from './helpers';

const FIXTURES = 'test/fixtures/raw';
/** Fixtures in UTF-8 that go into the folder as they are, with the published form each must give. */
const UTF8 = ['sc-2446-2018', 'sc-0347-1974', 'ecosoc-2023-2', 'hrc-52-1', 'hrc-7-12', 'ga-dec-77-555', 'ga-2159-xxi', 'ga-78-31'];

let dir: string;
let folder: string;
const english = '0-english-twin.txt';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-mixed-'));
  folder = join(dir, 'downloads');
  mkdirSync(folder);
  for (const name of UTF8) copyFileSync(join(FIXTURES, `${name}.txt`), join(folder, `${name}.txt`));
  copyFileSync(join(FIXTURES, 'ecosoc-dec-2023-201.gb18030.txt'), join(folder, 'ecosoc-dec-2023-201.txt'));
  // The English twin sorts first, so it is read before its Chinese original.
  copyFileSync(join(FIXTURES, 'sc-2446-2018-en.txt'), join(folder, english));
  const [ga2021, , ga2004, , ga2007] = rawFiles();
  copyFileSync(ga2021, join(folder, 'ga-76-54.txt'));
  writeFileSync(join(folder, 'ga-59-76-utf16le-bom.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(ga2004, 'utf8'), 'utf16le')]));
  writeFileSync(join(folder, 'ga-62-42-utf16be.txt'), Buffer.from(readFileSync(ga2007, 'utf8'), 'utf16le').swap16());
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('every Chinese document of the mixed folder is written; the English twin is refused with its reason', () => {
  const out = join(dir, 'corpus');
  const inputs = rawFilesIn(folder);
  assert.equal(inputs.length, 13);
  const report = ingestFiles(inputs, out);
  assert.deepEqual(
    report.failed.map((f) => [basename(f.input), f.problem]),
    [[english, 'the text is in English, not Chinese; only Chinese documents can be ingested until a profile for English exists']],
  );
  assert.equal(report.ingested.length, 12);
  const outputs = report.ingested.map((f) => f.output);
  assert.equal(new Set(outputs).size, outputs.length, `each document has its own draft: ${outputs.join(', ')}`);
  for (const o of outputs) assert.ok(existsSync(join(out, o)), o);
  const byInput = new Map(report.ingested.map((f) => [basename(f.input), f]));
  // The Chinese original keeps its name: the twin took nothing.
  assert.equal(byInput.get('sc-2446-2018.txt')?.output, 'S-RES-2446-2018.unres');
  for (const name of UTF8) {
    const f = byInput.get(`${name}.txt`)!;
    assert.equal(readFileSync(join(out, f.output), 'utf8'), readFileSync(join(FIXTURES, `${name}.unres`), 'utf8'), name);
    assert.equal(f.note, undefined);
  }
  const gb = byInput.get('ecosoc-dec-2023-201.txt')!;
  assert.equal(gb.note, 'read as GB18030 text and converted to UTF-8');
  assert.equal(readFileSync(join(out, gb.output), 'utf8'), readFileSync(join(FIXTURES, 'ecosoc-dec-2023-201.unres'), 'utf8'));
  const le = byInput.get('ga-59-76-utf16le-bom.txt')!;
  assert.equal(le.note, 'read as UTF-16LE text with a byte-order mark and converted to UTF-8');
  assert.equal(readFileSync(join(out, le.output), 'utf8'), readFileSync(join(CORPUS, 'A-RES-59-76.unres'), 'utf8'));
  const be = byInput.get('ga-62-42-utf16be.txt')!;
  assert.equal(be.note, 'read as UTF-16BE text without a byte-order mark and converted to UTF-8');
  assert.equal(readFileSync(join(out, be.output), 'utf8'), readFileSync(join(CORPUS, 'A-RES-62-42.unres'), 'utf8'));
  assert.equal(readFileSync(join(out, byInput.get('ga-76-54.txt')!.output), 'utf8'), readFileSync(join(CORPUS, 'A-RES-76-54.unres'), 'utf8'));
  const catalogue = JSON.parse(readFileSync(report.catalogue, 'utf8')) as { documents: { file: string }[] };
  assert.deepEqual(catalogue.documents.map((d) => d.file).sort(), [...outputs].sort());
});

test('the command line on the mixed folder: the English file named on stderr with its reason, the decodings said, exit 1', () => {
  const out = join(dir, 'cli-corpus');
  const result = runCli(['ingest', '--out', out, folder]);
  assert.equal(result.status, 1, result.stderr);
  assert.equal(result.stderr.trim(), `${join(folder, english)}: the text is in English, not Chinese; only Chinese documents can be ingested until a profile for English exists`);
  assert.match(result.stdout, /ecosoc-dec-2023-201\.txt → .*\n {2}note: read as GB18030 text and converted to UTF-8\n/);
  assert.match(result.stdout, /12 ingested, 1 failed/);
});
