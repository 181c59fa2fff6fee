// PDF in: the ODS-like PDF (made by LibreOffice, committed) ingests to the right structure, and bad
// PDFs are named with the reason while the rest of the batch is still ingested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDraft } from '../../server/src/core';
import { ingestDocuments } from '../../server/src/corpus/documents';
import { readPdf } from '../../server/src/corpus/pdf';
import { convertWithLibreOffice, libreOfficeSkip } from './helpers';

const ODS_LIKE = 'test/fixtures/documents/ods-like-A-RES-76-54.pdf';

test('an ODS-like PDF (running heads, job number, page n/m, footnotes at the foot, text across pages) ingests to the structure of 76/54', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rd-ods-in-'));
  try {
    const report = await ingestDocuments([ODS_LIKE], dir);
    assert.deepEqual(report.failed, []);
    assert.equal(report.ingested[0].output, 'A-RES-76-54.unres');
    const made = parseDraft(readFileSync(join(dir, 'A-RES-76-54.unres'), 'utf8'));
    const source = parseDraft(readFileSync('corpus/A-RES-76-54.unres', 'utf8'));
    assert.equal(made.title?.title, source.title?.title);
    assert.equal(made.organ?.organ, source.organ?.organ);
    assert.equal(made.preamble.length, source.preamble.length);
    assert.equal(made.operative.length, source.operative.length);
    assert.deepEqual(
      made.paragraphs.map((p) => p.label?.text),
      source.paragraphs.map((p) => p.label?.text),
    );
    // Markers exactly where they were, as superscripts; footnotes from several pages' feet, in order.
    assert.deepEqual(
      made.markers.map((m) => [m.number, m.paragraph?.index]),
      source.markers.map((m) => [m.number, m.paragraph?.index]),
    );
    assert.deepEqual(
      made.footnotes.map((f) => made.text.slice(f.textSpan.start, f.textSpan.end).replace(/\s/g, '')),
      source.footnotes.map((f) => source.text.slice(f.textSpan.start, f.textSpan.end).replace(/\s/g, '')),
    );
    // Bold operative verbs came back as **…**.
    assert.deepEqual(
      made.emphasis.map((e) => made.text.slice(e.innerSpan.start, e.innerSpan.end)),
      source.emphasis.map((e) => source.text.slice(e.innerSpan.start, e.innerSpan.end)),
    );
    // No page furniture left in the text.
    assert.doesNotMatch(made.text, /21-19234|\b\d\/4\b/);
    assert.equal(made.text.match(/A\/RES\/76\/54/g)?.length ?? 0, source.text.match(/A\/RES\/76\/54/g)?.length ?? 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged PDF, a PDF without text and a file that is no PDF are named; the rest of the batch is ingested', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rd-bad-pdf-'));
  try {
    const good = join(dir, 'good.pdf');
    copyFileSync(ODS_LIKE, good);
    const damaged = join(dir, 'damaged.pdf');
    writeFileSync(damaged, readFileSync(ODS_LIKE).subarray(0, 3000));
    const notPdf = join(dir, 'not.pdf');
    writeFileSync(notPdf, 'just text');
    // A page with nothing but a drawn square: what a scan without OCR gives.
    const imageOnly = join(dir, 'scan.pdf');
    writeFileSync(imageOnly, minimalPdf('0 0 1 rg 100 100 200 200 re f'));
    const report = await ingestDocuments([damaged, notPdf, imageOnly, good], join(dir, 'out'));
    assert.deepEqual(report.ingested.map((f) => f.input), [good]);
    const problem = (f: string) => report.failed.find((x) => x.input === f)?.problem ?? '';
    assert.match(problem(damaged), /damaged/);
    assert.match(problem(notPdf), /not a PDF/);
    assert.match(problem(imageOnly), /no text layer; run OCR first/);
    assert.ok(existsSync(join(dir, 'out', 'A-RES-76-54.unres')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an encrypted PDF is named as such', { skip: libreOfficeSkip() }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rd-enc-'));
  try {
    const txt = join(dir, 'secret.txt');
    writeFileSync(txt, '大会，\n\n1. 决定继续处理此案。\n');
    const filter = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"pw"}}';
    const out = convertWithLibreOffice([txt], filter);
    try {
      const read = await readPdf(readFileSync(join(out, 'secret.pdf')));
      assert.equal(read.ok, false);
      assert.match(read.ok ? '' : read.problem, /encrypted/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A one-page PDF whose page draws `content` (no text), with a correct cross-reference table. */
function minimalPdf(content: string): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}
