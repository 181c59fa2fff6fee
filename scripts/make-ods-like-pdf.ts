// Makes test/fixtures/documents/ods-like-A-RES-76-54.pdf: resolution 76/54 laid out as the
// Official Document System prints it (the symbol as running head, the job number and page n/m at
// each page's foot, footnotes at the foot of their page, paragraphs running on across pages),
// written by LibreOffice from the Word export. Run: node --import tsx scripts/make-ods-like-pdf.ts
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportDocx } from '../server/src/export/docx';

void (async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rd-ods-'));
  const docx = join(dir, 'ods-like-A-RES-76-54.docx');
  writeFileSync(docx, await exportDocx(readFileSync('corpus/A-RES-76-54.unres', 'utf8'), { jobNumber: '21-19234 (C)' }));
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { env: { ...process.env, HOME: dir }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  copyFileSync(join(dir, 'ods-like-A-RES-76-54.pdf'), 'test/fixtures/documents/ods-like-A-RES-76-54.pdf');
  rmSync(dir, { recursive: true, force: true });
})();
