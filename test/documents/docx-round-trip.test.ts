// .unres → .docx (the export) → the Word reader gives back the same draft, on every corpus draft
// and fixture, and on the drafts of every organ and kind. Blank lines and %% comments are free in
// the format, so the lines are compared. A plain-digit footnote of an older Security Council text
// (`…通过。 1`) is a Word footnote, so it comes back as the superscript ingest writes (`…通过。¹`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDocx } from '../../server/src/corpus/docx';
import { draftLines } from '../../server/src/core/layout/assemble';
import { exportDocx } from '../../server/src/export/docx';
import { unzipSync } from 'fflate';
import { convertWithLibreOffice, libreOfficeSkip, organDrafts, roundTripDrafts, withSuperscriptMarkers } from './helpers';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const drafts = () => [...roundTripDrafts(), ...organDrafts()];

for (const draft of drafts()) {
  test(`Word round trip: ${draft.name}`, async () => {
    const read = readDocx(await exportDocx(draft.text));
    assert.ok(read.ok, read.ok ? '' : read.problem);
    assert.deepEqual(draftLines(read.text), draftLines(withSuperscriptMarkers(draft.text)));
  });
}

test('a plain-digit footnote (…通过。 1, old Security Council style) is exported as a Word footnote, its digit not as text', async () => {
  const text = readFileSync('test/fixtures/organs/S-RES-347-1974.unres', 'utf8');
  assert.match(text, /通过。 1\n/);
  const files = unzipSync(await exportDocx(text));
  const document = new TextDecoder().decode(files['word/document.xml']);
  const footnotes = new TextDecoder().decode(files['word/footnotes.xml']);
  assert.equal(document.match(/<w:footnoteReference /g)?.length, 1);
  assert.match(document, /通过。<\/w:t><\/w:r><w:r>(?:(?!<\/w:r>).)*<w:footnoteReference /);
  assert.doesNotMatch(document, /通过。 ?1/);
  assert.match(footnotes, /二理事国未参加表决。/);
  assert.equal(withSuperscriptMarkers('安全理事会，\n\n1. 决定继续积极处理此案。\n'), '安全理事会，\n\n1. 决定继续积极处理此案。\n');
  // What the round trips compare a plain-digit draft with.
  assert.match(withSuperscriptMarkers(text), /\n第 1769 次会议以 13 票对 0 票通过。¹\n\n---\n¹ 二理事国未参加表决。\n$/);
});

// The same drafts saved again by LibreOffice (its own numbering.xml, footnotes and runs): the
// reader reads what a real word processor writes, not only what the export writes.
test('Word round trip through LibreOffice: every corpus draft, fixture and organ draft', { skip: libreOfficeSkip() }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rd-docx-lo-'));
  try {
    const files = drafts().map((d, i) => ({ ...d, docx: join(dir, `draft-${i}.docx`) }));
    for (const d of files) writeFileSync(d.docx, await exportDocx(d.text));
    const out = convertWithLibreOffice(
      files.map((d) => d.docx),
      'docx:MS Word 2007 XML',
    );
    try {
      for (const [i, d] of files.entries()) {
        await t.test(d.name, () => {
          const read = readDocx(readFileSync(join(out, `draft-${i}.docx`)));
          assert.ok(read.ok, read.ok ? '' : read.problem);
          assert.deepEqual(draftLines(read.text), draftLines(withSuperscriptMarkers(d.text)));
        });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
