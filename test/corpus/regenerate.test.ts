// The committed corpus is exactly what the ingest tool makes from corpus/raw: regenerate it into a
// temporary folder and compare byte for byte. The raw files are copied into `<tmp>/raw/` so that
// the catalogue's `source` paths (relative to the output folder) read `raw/…` as in corpus/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ingestFiles } from '../../server/src/corpus/ingest-files';
import { CORPUS, rawFiles, runCli } from './helpers';

function withRawCopy(run: (dir: string, inputs: string[]) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'rd-ingest-'));
  try {
    mkdirSync(join(dir, 'raw'));
    const inputs = rawFiles().map((f) => {
      const to = join(dir, 'raw', basename(f));
      copyFileSync(f, to);
      return to;
    });
    run(dir, inputs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Names of the generated files that differ from the committed ones. */
function differences(made: string): string[] {
  const pick = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.unres') || n === 'catalogue.json').sort();
  assert.deepEqual(pick(made), pick(CORPUS), 'the same files are generated as are committed');
  return pick(CORPUS).filter((name) => !readFileSync(join(CORPUS, name)).equals(readFileSync(join(made, name))));
}

test('ingestFiles on corpus/raw/* reproduces corpus/ byte for byte', () => {
  withRawCopy((dir, inputs) => {
    const report = ingestFiles(inputs, dir);
    assert.deepEqual(report.failed, []);
    assert.deepEqual(report.ingested.map((f) => f.output).sort(), [
      'A-RES-59-76.unres',
      'A-RES-62-42.unres',
      'A-RES-73-62.unres',
      'A-RES-76-54.unres',
      'NPT-CONF.2020-WP.77.unres',
    ]);
    assert.deepEqual(differences(dir), []);
  });
});

test('`resolution-drafter ingest FILES --out DIR` writes exactly the committed corpus', () => {
  withRawCopy((dir, inputs) => {
    const result = runCli(['ingest', ...inputs, '--out', dir]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /5 ingested, 0 failed/);
    assert.deepEqual(differences(dir), []);
  });
});

test('the catalogue records each source relative to the catalogue', () => {
  const catalogue = JSON.parse(readFileSync(join(CORPUS, 'catalogue.json'), 'utf8')) as { documents: { source: string }[] };
  assert.deepEqual(catalogue.documents.map((d) => d.source).sort(), rawFiles().map((f) => 'raw/' + basename(f)));
});
