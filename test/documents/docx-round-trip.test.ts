// .unres → .docx (the export) → the Word reader gives back the same draft, on every corpus draft
// and fixture. Blank lines and %% comments are free in the format, so the lines are compared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocx } from '../../server/src/corpus/docx';
import { draftLines } from '../../server/src/core/layout/assemble';
import { exportDocx } from '../../server/src/export/docx';
import { convertWithLibreOffice, libreOfficeSkip, roundTripDrafts } from './helpers';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

for (const draft of roundTripDrafts()) {
  test(`Word round trip: ${draft.name}`, async () => {
    const read = readDocx(await exportDocx(draft.text));
    assert.ok(read.ok, read.ok ? '' : read.problem);
    assert.deepEqual(draftLines(read.text), draftLines(draft.text));
  });
}

// The same drafts saved again by LibreOffice (its own numbering.xml, footnotes and runs): the
// reader reads what a real word processor writes, not only what the export writes.
test('Word round trip through LibreOffice: every corpus draft and fixture', { skip: libreOfficeSkip() }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rd-docx-lo-'));
  try {
    const drafts = roundTripDrafts().map((d, i) => ({ ...d, docx: join(dir, `draft-${i}.docx`) }));
    for (const d of drafts) writeFileSync(d.docx, await exportDocx(d.text));
    const out = convertWithLibreOffice(
      drafts.map((d) => d.docx),
      'docx:MS Word 2007 XML',
    );
    try {
      for (const [i, d] of drafts.entries()) {
        await t.test(d.name, () => {
          const read = readDocx(readFileSync(join(out, `draft-${i}.docx`)));
          assert.ok(read.ok, read.ok ? '' : read.problem);
          assert.deepEqual(draftLines(read.text), draftLines(d.text));
        });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
