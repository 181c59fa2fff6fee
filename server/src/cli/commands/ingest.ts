import { statSync } from 'node:fs';
import { ingestDocuments } from '../../corpus/documents';
import { rawFilesIn, skippedIn, type IngestReport } from '../../corpus/ingest-files';
import type { Command } from '../command';
import { cliLocale, texts } from '../locale';

/** Turns raw PDF-extracted documents into clean `.unres` drafts and a corpus catalogue. */
export const ingestCommand: Command = {
  name: 'ingest',
  get summary() {
    return texts().summaries.ingest;
  },
  get help() {
    return texts().ingest.help;
  },
  async run(args) {
    const t = texts();
    const say = (message: string) => process.stderr.write(`resolution-drafter ingest: ${message}\n`);
    let out: string | undefined;
    const inputs: string[] = [];
    const emptyFolders: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--out' || a === '-o') {
        const value = args[++i];
        if (!value) {
          say(t.ingest.outNeedsFolder);
          return 2;
        }
        out = value;
      } else if (a.startsWith('--out=')) out = a.slice('--out='.length);
      else if (a.startsWith('-')) {
        say(t.unknownOption(a));
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
      say(t.ingest.nameInputs);
      return 2;
    }
    if (out === undefined) {
      say(t.ingest.nameOut);
      return 2;
    }
    // A folder named that gives nothing to ingest: said, with what it holds instead.
    for (const folder of emptyFolders) {
      const skipped = skippedIn(folder, undefined, cliLocale());
      say(t.ingest.emptyFolder(folder, skipped.length === 0));
      for (const f of skipped.slice(0, 20)) process.stderr.write(`  ${f.path}: ${f.reason}\n`);
      if (skipped.length > 20) process.stderr.write(`  ${t.ingest.andMore(skipped.length - 20)}\n`);
    }
    if (inputs.length === 0) {
      say(t.ingest.nothingToIngest);
      return 1;
    }
    let report: IngestReport;
    try {
      report = await ingestDocuments(inputs, out, cliLocale());
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      say(t.ingest.cannotWrite(out, code ?? String(err)));
      return 1;
    }
    for (const f of report.ingested) {
      process.stdout.write(`${f.input} → ${out}/${f.output}\n`);
      if (f.note) process.stdout.write(`${t.ingest.note(f.note)}\n`);
      for (const r of f.remarks) process.stdout.write(`${t.ingest.check(r)}\n`);
    }
    for (const f of report.failed) process.stderr.write(`${f.input}: ${f.problem}\n`);
    process.stdout.write(`${t.ingest.summary(report.ingested.length, report.failed.length, report.catalogue, report.kept.length, out)}\n`);
    return report.failed.length > 0 || emptyFolders.length > 0 ? 1 : 0;
  },
};
