import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayConnection, isConnectionString } from '../../corpus/postgres/connection';
import { publishCorpus, PublishError } from '../../corpus/postgres/publish';
import type { Command } from '../command';
import { cliLocale, texts } from '../locale';
import { argumentWords } from '../options';

export const publishCommand: Command = {
  name: 'publish',
  get summary() {
    return texts().summaries.publish;
  },
  get help() {
    return texts().publish.help;
  },
  async run(args) {
    const t = texts();
    const folders: string[] = [];
    let to: string | undefined;
    const fail = (message: string) => {
      process.stderr.write(`resolution-drafter publish: ${message}\n${t.seeHelp('publish')}\n`);
      return 2;
    };
    for (const { name, word, value } of argumentWords(args)) {
      if (name === '--to') {
        to = value();
        if (!to) return fail(t.publish.toNeeds);
      } else if (name.startsWith('-')) return fail(t.unknownOption(name));
      else {
        if (!existsSync(word) || !statSync(word).isDirectory()) return fail(t.publish.noSuchFolder(word));
        folders.push(resolve(word));
      }
    }
    if (folders.length === 0) return fail(t.publish.nameFolders);
    if (!to) return fail(t.publish.toNames);
    if (!isConnectionString(to)) return fail(t.publish.toTakes);
    const shown = displayConnection(to);
    process.stderr.write(`${t.publish.publishing(folders.length, shown)}\n`);
    try {
      const report = await publishCorpus(folders, { connectionString: to, password: process.env.PGPASSWORD || undefined, locale: cliLocale() }, (line) => process.stderr.write(`${line}\n`));
      for (const p of report.problems) process.stderr.write(`${t.publish.skipped(p)}\n`);
      const { added, replaced, removed, unchanged, paragraphs, schema } = report;
      process.stdout.write(`${t.publish.result({ shown, added, replaced, removed, unchanged, paragraphs, seconds: (report.milliseconds / 1000).toFixed(1), schema })}\n`);
      return report.problems.length > 0 ? 1 : 0;
    } catch (err) {
      const message = err instanceof PublishError ? err.message : t.publish.failed(err instanceof Error ? err.message : String(err));
      process.stderr.write(`resolution-drafter publish: ${shown}: ${message}\n`);
      return 2;
    }
  },
};
