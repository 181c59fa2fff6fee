/**
 * Documents in and out: pages per second of the PDF reader (on the ODS-like fixture, made by
 * LibreOffice), and the Word export and import of the bundled 76/54.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocx } from '../corpus/docx';
import { readPdf, readPdfPages } from '../corpus/pdf';
import { bundledCorpusFolder } from '../corpus/load';
import { exportDocx } from '../export/docx';

const PDF = 'test/fixtures/documents/ods-like-A-RES-76-54.pdf';
const now = () => Number(process.hrtime.bigint()) / 1e6;

export async function documentFigures(quick: boolean): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const draft = readFileSync(join(bundledCorpusFolder(), 'A-RES-76-54.unres'), 'utf8');
  const runs = quick ? 2 : 10;
  let t = now();
  let docx: Uint8Array = new Uint8Array();
  for (let i = 0; i < runs; i++) docx = await exportDocx(draft);
  figures.wordExportMs = Math.round(((now() - t) / runs) * 10) / 10;
  t = now();
  for (let i = 0; i < runs; i++) readDocx(docx);
  figures.wordReadMs = Math.round(((now() - t) / runs) * 10) / 10;
  if (!existsSync(PDF)) return figures;
  const bytes = readFileSync(PDF);
  await readPdf(bytes); // loads pdfjs once
  const pages = (await readPdfPages(bytes)).length;
  t = now();
  for (let i = 0; i < runs; i++) await readPdf(bytes);
  figures.pdfPagesPerSecond = Math.round((pages * runs) / ((now() - t) / 1000));
  return figures;
}
