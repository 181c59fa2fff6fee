/**
 * Word in and out, in a bundle of its own (`dist/word.js`): docx, xmldom and fflate are 690 KB of
 * the server's 1.9 MB, which it compiles and runs at every start otherwise. `word.ts` loads this
 * bundle on the first Word document read or written.
 */
export { readDocx } from './docx';
export { exportDocx } from '../export/docx';
