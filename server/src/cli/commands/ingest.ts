import { statSync } from 'node:fs';
import { ingestDocuments } from '../../corpus/documents';
import { rawFilesIn, skippedIn, type IngestReport } from '../../corpus/ingest-files';
import type { Command } from '../command';

/** Turns raw PDF-extracted documents into clean `.unres` drafts and a corpus catalogue. */
export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Clean raw PDF-extracted documents into .unres drafts and a corpus catalogue.',
  help: [
    'Usage: resolution-drafter ingest --out DIR FILE|FOLDER…',
    '',
    'Reads raw text extracted from PDF (UTF-8, UTF-16 or GB18030), undoes the extraction damage (broken lines,',
    'running heads, page numbers, footnote blocks, lost superscripts, letter-spaced text) and',
    'writes one clean draft per document, named from its symbol (A-RES-76-54.unres), plus',
    'catalogue.json describing every document and everything it cites. Drafts already in the',
    'folder stay, and the catalogue describes them too.',
    '',
    'A folder stands for the .txt, .pdf and .docx files in it. Chinese documents of every organ are read (General',
    'Assembly, Security Council, ECOSOC, Human Rights Council; resolutions and decisions, old and new).',
    'PDF files (.pdf, with a text layer) and Word files (.docx) are read with their layout',
    '(superscript markers, footnotes, bold, numbering) and then cleaned the same way.',
    '',
    'Options:',
    '  --out DIR   where to write the drafts and catalogue.json (required; the bundled corpus is',
    '              regenerated with --out corpus)',
    '',
    'Files that cannot be ingested (empty, binary, in another encoding or language, no recognisable',
    'structure) are named on stderr with the reason; the others are still written. A file read as',
    'UTF-16 or GB18030 is said so. A folder with no .txt, .pdf or .docx file in it is named, with',
    'the files it holds and why each is not read. Exit code 1 if any file failed or a folder gave',
    'nothing (when nothing at all is left to ingest, nothing is written).',
  ].join('\n'),
  async run(args) {
    let out: string | undefined;
    const inputs: string[] = [];
    const emptyFolders: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--out' || a === '-o') {
        const value = args[++i];
        if (!value) {
          process.stderr.write('resolution-drafter ingest: --out needs a folder.\n');
          return 2;
        }
        out = value;
      } else if (a.startsWith('--out=')) out = a.slice('--out='.length);
      else if (a.startsWith('-')) {
        process.stderr.write(`resolution-drafter ingest: unknown option '${a}'.\n`);
        return 2;
      } else {
        let folder = false;
        try {
          folder = statSync(a).isDirectory();
        } catch {
          folder = false;
        }
        const files = folder ? rawFilesIn(a) : [a];
        if (folder && files.length === 0) emptyFolders.push(a);
        inputs.push(...files);
      }
    }
    if (inputs.length === 0 && emptyFolders.length === 0) {
      process.stderr.write('resolution-drafter ingest: name at least one raw file or folder.\n');
      return 2;
    }
    if (out === undefined) {
      process.stderr.write('resolution-drafter ingest: name the folder to write the drafts to with --out DIR (there is no default, so that nothing is written into a corpus by mistake).\n');
      return 2;
    }
    // A folder named that gives nothing to ingest: said, with what it holds instead.
    for (const folder of emptyFolders) {
      const skipped = skippedIn(folder);
      const holds = skipped.length === 0 ? ' (it is empty)' : '; it holds:';
      process.stderr.write(`resolution-drafter ingest: the folder ${folder} holds no .txt, .pdf or .docx file${holds}\n`);
      for (const f of skipped.slice(0, 20)) process.stderr.write(`  ${f.path}: ${f.reason}\n`);
      if (skipped.length > 20) process.stderr.write(`  … and ${skipped.length - 20} more\n`);
    }
    if (inputs.length === 0) {
      process.stderr.write('resolution-drafter ingest: nothing to ingest; nothing was written.\n');
      return 1;
    }
    let report: IngestReport;
    try {
      report = await ingestDocuments(inputs, out);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      process.stderr.write(`resolution-drafter ingest: cannot write to ${out} (${code ?? String(err)}).\n`);
      return 1;
    }
    for (const f of report.ingested) {
      process.stdout.write(`${f.input} → ${out}/${f.output}\n`);
      if (f.note) process.stdout.write(`  note: ${f.note}\n`);
      for (const r of f.remarks) process.stdout.write(`  check: ${r}\n`);
    }
    for (const f of report.failed) process.stderr.write(`${f.input}: ${f.problem}\n`);
    const kept = report.kept.length ? ` (with ${report.kept.length} draft${report.kept.length > 1 ? 's' : ''} already in ${out})` : '';
    process.stdout.write(`${report.ingested.length} ingested, ${report.failed.length} failed; catalogue: ${report.catalogue}${kept}\n`);
    return report.failed.length > 0 || emptyFolders.length > 0 ? 1 : 0;
  },
};
