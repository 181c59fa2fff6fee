import { mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { readDraftFile } from '../../corpus/draft-file';
import { writeFileSafely } from '../../corpus/safe-fs';
import { exportDocx } from '../../corpus/word';
import type { Command } from '../command';
import { argumentWords } from '../options';

/**
 * Where a path leads, to tell when two names are one file: its real path (links followed), or,
 * for a file not yet written, its folder's real path and its name. Case is ignored on the
 * systems whose file names ignore it.
 */
function place(path: string): string {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    try {
      real = join(realpathSync(dirname(path)), basename(path));
    } catch {
      real = resolve(path);
    }
  }
  return process.platform === 'darwin' || process.platform === 'win32' ? real.toLowerCase() : real;
}

/** Writes drafts as Word files in the layout of a Chinese UN resolution. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'Write drafts as Word files (.docx) laid out as Chinese UN resolutions.',
  help: [
    'Usage: resolution-drafter export [--format docx] [--out FILE|FOLDER] [--styles TEMPLATE] DRAFT…',
    '',
    'Writes each .unres draft as a .docx: the heading block, the title, the organ line,',
    'paragraphs with their first-line indent, operative numbers and (a) subparagraphs as Word',
    'numbering, bold verbs, Word footnotes, SimSun and Times New Roman, A4.',
    '',
    'Options:',
    '  --format docx       the only format for now (the default)',
    '  --out FILE|FOLDER   a file for one draft; a folder for several (default: beside each draft)',
    '  --styles TEMPLATE   a .dotx or .docx whose styles the export takes',
    '',
    'A .docx is never written over a file named on the command line (a draft, the template), nor',
    'two drafts to one file (two drafts named draft.unres in different folders, with --out FOLDER):',
    'then nothing is written, and the message names the files. A Word or PDF file is not a draft:',
    'ingest turns it into one (resolution-drafter ingest --out FOLDER FILE). The folder of',
    '--out FILE and the folder --out FOLDER are made when missing.',
    '',
    'Exit codes: 0 written; 1 a draft could not be read, exported or written (the others are still',
    'written); 2 usage errors, or a .docx that would overwrite a named file or another draft\'s.',
  ].join('\n'),
  async run(args) {
    let out: string | undefined;
    let styles: string | undefined;
    const drafts: string[] = [];
    const fail = (message: string) => {
      process.stderr.write(`resolution-drafter export: ${message}\n`);
      return 2;
    };
    for (const { name, word, value } of argumentWords(args)) {
      if (name === '--format') {
        const f = value();
        if (f !== 'docx') return fail(`--format takes docx, not '${f ?? ''}'.`);
      } else if (name === '--out' || name === '-o') {
        out = value();
        if (!out) return fail('--out needs a file or a folder.');
      } else if (name === '--styles') {
        styles = value();
        if (!styles) return fail('--styles needs a .dotx or .docx file.');
      } else if (word.startsWith('-')) return fail(`unknown option '${word}'.`);
      else drafts.push(word);
    }
    if (drafts.length === 0) return fail('name at least one draft (.unres).');
    let template: Uint8Array | undefined;
    if (styles) {
      try {
        template = readFileSync(styles);
      } catch (err) {
        process.stderr.write(`${styles}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
        return 1;
      }
    }
    let outIsFolder = false;
    if (out) {
      try {
        outIsFolder = statSync(out).isDirectory();
      } catch {
        outIsFolder = drafts.length > 1 || !out.toLowerCase().endsWith('.docx');
      }
      if (!outIsFolder && drafts.length > 1) return fail('--out names one file, but there are several drafts: name a folder.');
    }
    // Every draft is read before anything is written: a .docx must never land on a file named on
    // the command line (the draft itself, another draft, the template), nor two drafts on one file.
    const planned: { draft: string; text: string; target: string }[] = [];
    const given = new Map<string, string>();
    for (const file of [...drafts, ...(styles ? [styles] : [])]) if (!given.has(place(file))) given.set(place(file), file);
    let failed = 0;
    const seen = new Set<string>();
    for (const draft of drafts) {
      // The same draft named twice is exported once.
      if (seen.has(place(draft))) continue;
      seen.add(place(draft));
      const read = readDraftFile(draft, 'export');
      if (!read.ok) {
        failed++;
        process.stderr.write(`${draft}: ${read.problem}\n`);
        continue;
      }
      if (read.note) process.stderr.write(`${draft}: ${read.note}\n`);
      const target = out && !outIsFolder ? out : join(out ?? dirname(draft), basename(draft, extname(draft)) + '.docx');
      planned.push({ draft, text: read.text, target });
    }
    const clashes: string[] = [];
    const byTarget = new Map<string, string>();
    for (const { draft, target } of planned) {
      const key = place(target);
      const input = given.get(key);
      if (input === draft) clashes.push(`${draft}: the .docx would be written over the draft itself; name another file with --out FILE.docx`);
      else if (input !== undefined) clashes.push(`${draft}: its .docx would be written over ${input}, ${input === styles ? 'the --styles template' : 'named as a draft'}; name another file or folder with --out`);
      const earlier = byTarget.get(key);
      if (earlier !== undefined) clashes.push(`${earlier} and ${draft} would both be written to ${target}; export them one at a time with --out FILE.docx, or into different folders`);
      else byTarget.set(key, draft);
    }
    if (clashes.length > 0) {
      for (const clash of clashes) process.stderr.write(`resolution-drafter export: ${clash}.\n`);
      process.stderr.write('resolution-drafter export: nothing was written.\n');
      return 2;
    }
    for (const { draft, text, target } of planned) {
      let bytes: Uint8Array;
      try {
        bytes = await exportDocx(text, { styles: template });
      } catch (err) {
        failed++;
        process.stderr.write(`${draft}: cannot be exported (${err instanceof Error ? err.message : String(err)})\n`);
        continue;
      }
      const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? String(err);
      try {
        // A folder named by --out, or the folder of --out FILE, is made when missing.
        mkdirSync(dirname(target), { recursive: true });
      } catch (err) {
        failed++;
        const why = code(err) === 'EEXIST' || code(err) === 'ENOTDIR' ? 'a file stands where a folder should be' : code(err);
        process.stderr.write(`${target}: cannot be written: its folder ${dirname(target)} cannot be made (${why}), so ${draft} was not exported\n`);
        continue;
      }
      try {
        // Beside it first, then renamed over it: a write that fails halfway leaves the old .docx whole.
        writeFileSafely(target, bytes);
        process.stdout.write(`${draft} → ${target}\n`);
      } catch (err) {
        failed++;
        process.stderr.write(`${target}: cannot be written (${code(err)}), so ${draft} was not exported\n`);
      }
    }
    return failed > 0 ? 1 : 0;
  },
};
