// .unres → .docx (the export) → the Word reader gives back the same draft, on every corpus draft
// and fixture. Blank lines and %% comments are free in the format, so the lines are compared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocx } from '../../server/src/corpus/docx';
import { draftLines } from '../../server/src/core/layout/assemble';
import { exportDocx } from '../../server/src/export/docx';
import { roundTripDrafts } from './helpers';

for (const draft of roundTripDrafts()) {
  test(`Word round trip: ${draft.name}`, async () => {
    const read = readDocx(await exportDocx(draft.text));
    assert.ok(read.ok, read.ok ? '' : read.problem);
    assert.deepEqual(draftLines(read.text), draftLines(draft.text));
  });
}
