// .unres → .docx (the export) → PDF (LibreOffice headless, a real word processor) → ingest (the PDF
// reader, then the cleaner) gives back the same draft, on every corpus draft and fixture and every
// organ's and kind's draft (test/fixtures/organs: plain-digit footnotes come back as superscripts,
// as from Word). What a PDF's text layer
// cannot hold is left out of the comparison, and only that: a space between a Chinese character
// and a digit or Latin letter where the line wraps (the PDF draws no glyph for it; the
// conventions call these spaces PDF artefacts), and a space right after a footnote marker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPdf } from '../../server/src/corpus/pdf';
import { ingestText } from '../../server/src/core/ingest';
import { exportDocx } from '../../server/src/export/docx';
import { comparable, convertWithLibreOffice, libreOfficeSkip, organDrafts, roundTripDrafts, withSuperscriptMarkers } from './helpers';

const skip = libreOfficeSkip();

test('PDF round trip through LibreOffice: every corpus draft, fixture and organ draft', { skip }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rd-pdf-rt-'));
  try {
    const drafts = [...roundTripDrafts(), ...organDrafts()].map((d, i) => ({ ...d, docx: join(dir, `draft-${i}.docx`) }));
    for (const d of drafts) writeFileSync(d.docx, await exportDocx(d.text));
    const out = convertWithLibreOffice(
      drafts.map((d) => d.docx),
      'pdf',
    );
    try {
      for (const [i, d] of drafts.entries()) {
        await t.test(d.name, async () => {
          const read = await readPdf(readFileSync(join(out, `draft-${i}.pdf`)));
          assert.ok(read.ok, read.ok ? '' : read.problem);
          // What ingest writes: the reader, then the cleaner every input goes through.
          const ingested = ingestText(read.text);
          assert.ok(ingested.ok, ingested.ok ? '' : ingested.problem);
          assert.deepEqual(comparable(ingested.draft.text), comparable(withSuperscriptMarkers(d.text)));
        });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
