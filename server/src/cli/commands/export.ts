import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { readDraftFile } from '../../corpus/draft-file';
import { exportDocx } from '../../corpus/word';
import type { Command } from '../command';
import { argumentWords } from '../options';

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
    'Exit code 1 if a draft could not be read or written (the others are still written).',
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
      if (outIsFolder) mkdirSync(out, { recursive: true });
    }
    let failed = 0;
    for (const draft of drafts) {
      const target = out && !outIsFolder ? out : join(out ?? join(draft, '..'), basename(draft, extname(draft)) + '.docx');
      const read = readDraftFile(draft, 'export');
      if (!read.ok) {
        failed++;
        process.stderr.write(`${draft}: ${read.problem}\n`);
        continue;
      }
      if (read.note) process.stderr.write(`${draft}: ${read.note}\n`);
      try {
        const bytes = await exportDocx(read.text, { styles: template });
        writeFileSync(target, bytes);
        process.stdout.write(`${draft} → ${target}\n`);
      } catch (err) {
        failed++;
        const e = err as NodeJS.ErrnoException;
        process.stderr.write(`${draft}: ${e.code ? `cannot be read or written (${e.code})` : e.message}\n`);
      }
    }
    return failed > 0 ? 1 : 0;
  },
};
