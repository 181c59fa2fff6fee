/**
 * pdfjs, in a bundle of its own (`dist/pdfjs.js`): three and a half megabytes of JavaScript that
 * only reading a PDF needs. Kept out of the server and command-line bundles, which load in a
 * fraction of the time without it; `pdf.ts` loads this bundle on the first PDF.
 */
export async function loadPdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  // Its worker on this thread (a bundle has no worker file to start): set before the library is used.
  const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}
