// PDF in: the ODS-like PDF (made by LibreOffice, committed) ingests to the right structure, and bad
// PDFs are named with the reason while the rest of the batch is still ingested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseDraft } from '../../server/src/core';
import { ingestText } from '../../server/src/core/ingest';
import { ingestDocuments } from '../../server/src/corpus/documents';
import { readPdf, readPdfPages } from '../../server/src/corpus/pdf';
import { exportDocx } from '../../server/src/export/docx';
import { comparable, convertWithLibreOffice, fodtOfDraft, libreOfficeSkip } from './helpers';

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

/** Prints `file` with LibreOffice and ingests the PDF as `ingest` does: the reader, then the cleaner. */
async function ingestPrinted(file: string): Promise<{ text: string; remarks: string[]; pages: Awaited<ReturnType<typeof readPdfPages>> }> {
  const out = convertWithLibreOffice([file], 'pdf');
  try {
    const bytes = readFileSync(join(out, file.replace(/^.*\//, '').replace(/\.\w+$/, '.pdf')));
    const read = await readPdf(bytes);
    assert.ok(read.ok, read.ok ? '' : read.problem);
    const ingested = ingestText(read.text);
    assert.ok(ingested.ok, ingested.ok ? '' : ingested.problem);
    return { text: ingested.draft.text, remarks: ingested.draft.remarks, pages: await readPdfPages(bytes) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

test('running head and page number 2 cm from the page edge (a common Word page setup) are told by repeating on every page', { skip: libreOfficeSkip() }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rd-pdf-2cm-'));
  try {
    const source = readFileSync('corpus/A-RES-76-54.unres', 'utf8');
    // The export's page with 30 mm margins top and bottom, header and footer 20 mm from the edge.
    const files = unzipSync(await exportDocx(source));
    const xml = strFromU8(files['word/document.xml']);
    const moved = xml.replace(/<w:pgMar [^>]*\/>/, '<w:pgMar w:top="1701" w:right="1418" w:bottom="1701" w:left="1418" w:header="1134" w:footer="1134" w:gutter="0"/>');
    assert.notEqual(moved, xml, 'the export has a w:pgMar to change');
    files['word/document.xml'] = strToU8(moved);
    const docx = join(dir, 'margins-2cm.docx');
    writeFileSync(docx, zipSync(files));
    const { text, remarks, pages } = await ingestPrinted(docx);
    // The premise: head and foot stand outside the fixed band the reader also uses (6.5 % of the page).
    assert.ok(pages.length >= 3);
    for (const p of pages.slice(1)) {
      assert.ok(p.lines[0].y - p.lines[0].size > p.height * 0.065, 'the head is below the band');
      assert.ok(p.lines[p.lines.length - 1].y < p.height * 0.935, 'the foot is above the band');
    }
    assert.deepEqual(comparable(text), comparable(source));
    assert.doesNotMatch(text, /^\d+$/m);
    assert.deepEqual(remarks.filter((r) => /number on a line of its own|footnote/.test(r)), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("LibreOffice's own footnote area (the number not raised, under its separator, a body-size page number below) is read; a paragraph running over the page break is joined across it; the same on one page", { skip: libreOfficeSkip() }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rd-pdf-lo-notes-'));
  try {
    const source = readFileSync('corpus/A-RES-59-76.unres', 'utf8');
    const fodt = join(dir, 'lo-footnotes.fodt');
    writeFileSync(fodt, fodtOfDraft(source));
    const { text, remarks, pages } = await ingestPrinted(fodt);
    // The premises: the footnote area's numbers are plain digits at the start of its lines, and a
    // page whose feet carry footnotes ends in the middle of a paragraph.
    assert.ok(pages.length >= 3);
    const small = (l: (typeof pages)[number]['lines'][number]) => l.size < 11;
    assert.ok(pages.some((p) => p.lines.some((l) => small(l) && /^\d+$/.test(l.pieces[0].text))));
    const split = pages.filter((p) => p.lines.some(small)).map((p) => p.lines.filter((l) => !small(l)).at(-2));
    assert.ok(split.some((l) => l && !/[，；。：]$/.test(l.pieces.map((q) => q.text).join(''))), 'a paragraph runs on over a page with footnotes');
    assert.deepEqual(comparable(text), comparable(source));
    assert.deepEqual(remarks.filter((r) => /footnote|marker/.test(r)), []);
    // One page: nothing repeats, the page number below the footnote is told by its place and shape.
    const short = readFileSync('test/fixtures/sample.unres', 'utf8');
    const one = join(dir, 'lo-one-page.fodt');
    writeFileSync(one, fodtOfDraft(short));
    const printed = await ingestPrinted(one);
    assert.equal(printed.pages.length, 1);
    assert.deepEqual(comparable(printed.text), comparable(short));
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
