import { mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { readDraftFile } from '../../corpus/draft-file';
import { writeFileSafely } from '../../corpus/safe-fs';
import { exportDocx } from '../../corpus/word';
import type { Command } from '../command';
import { cliLocale, texts } from '../locale';
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
  get summary() {
    return texts().summaries.export;
  },
  get help() {
    return texts().export.help;
  },
  async run(args) {
    const t = texts();
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
        if (f !== 'docx') return fail(t.formatTakes(['docx'], f ?? ''));
      } else if (name === '--out' || name === '-o') {
        out = value();
        if (!out) return fail(t.export.outNeeds);
      } else if (name === '--styles') {
        styles = value();
        if (!styles) return fail(t.export.stylesNeeds);
      } else if (word.startsWith('-')) return fail(t.unknownOption(word));
      else drafts.push(word);
    }
    if (drafts.length === 0) return fail(t.export.nameDrafts);
    let template: Uint8Array | undefined;
    if (styles) {
      try {
        template = readFileSync(styles);
      } catch (err) {
        process.stderr.write(`${t.export.cannotReadStyles(styles, (err as NodeJS.ErrnoException).code ?? String(err))}\n`);
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
      if (!outIsFolder && drafts.length > 1) return fail(t.export.outOneFile);
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
      const read = readDraftFile(draft, 'export', cliLocale());
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
      if (input === draft) clashes.push(t.export.overDraft(draft));
      else if (input !== undefined) clashes.push(t.export.overInput(draft, input, input === styles));
      const earlier = byTarget.get(key);
      if (earlier !== undefined) clashes.push(t.export.bothTo(earlier, draft, target));
      else byTarget.set(key, draft);
    }
    if (clashes.length > 0) {
      for (const clash of clashes) process.stderr.write(`resolution-drafter export: ${clash}\n`);
      process.stderr.write(`resolution-drafter export: ${t.export.nothingWritten}\n`);
      return 2;
    }
    for (const { draft, text, target } of planned) {
      let bytes: Uint8Array;
      try {
        bytes = await exportDocx(text, { styles: template });
      } catch (err) {
        failed++;
        process.stderr.write(`${t.export.cannotExport(draft, err instanceof Error ? err.message : String(err))}\n`);
        continue;
      }
      const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? String(err);
      try {
        // A folder named by --out, or the folder of --out FILE, is made when missing.
        mkdirSync(dirname(target), { recursive: true });
      } catch (err) {
        failed++;
        const why = code(err) === 'EEXIST' || code(err) === 'ENOTDIR' ? t.export.fileInTheWay : code(err);
        process.stderr.write(`${t.export.folderNotMade(target, dirname(target), why, draft)}\n`);
        continue;
      }
      try {
        // Beside it first, then renamed over it: a write that fails halfway leaves the old .docx whole.
        writeFileSafely(target, bytes);
        process.stdout.write(`${draft} → ${target}\n`);
      } catch (err) {
        failed++;
        process.stderr.write(`${t.export.cannotWrite(target, code(err), draft)}\n`);
      }
    }
    return failed > 0 ? 1 : 0;
  },
};
