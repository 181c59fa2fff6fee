import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayConnection, isConnectionString } from '../../corpus/postgres/connection';
import { publishCorpus, PublishError } from '../../corpus/postgres/publish';
import type { Command } from '../command';
import { argumentWords } from '../options';

export const publishCommand: Command = {
  name: 'publish',
  summary: 'Load clean corpus folders into a corpus database (PostgreSQL) that every drafter can use.',
  help: [
    'Usage: resolution-drafter publish FOLDER… --to postgres://USER@HOST[:PORT]/DATABASE[?sslmode=verify-full]',
    '',
    'Loads the clean drafts (.unres) and catalogue.json of each FOLDER into the schema resolution_drafter',
    'of the database: documents and their catalogue facts, paragraphs with their place, footnotes, titles,',
    'citations and what completion and hovers know. Creates the schema, or migrates it to this version.',
    'Incremental: a document whose draft and catalogue facts are unchanged is left as it is, a changed or',
    'new one is replaced, one that none of the FOLDERs holds any longer is deleted. The FOLDERs are the',
    'whole published corpus, in the order a drafter would list them.',
    '',
    'The login needs the writer role (README, "Corpus database"). The password: PGPASSWORD, else',
    'PGPASSFILE (or ~/.pgpass); one written in the URL is used but never printed.',
    '',
    'Exit codes: 0 published, 1 published with files skipped, 2 usage errors or the database refused.',
  ].join('\n'),
  async run(args) {
    const folders: string[] = [];
    let to: string | undefined;
    const fail = (message: string) => {
      process.stderr.write(`resolution-drafter publish: ${message}\nRun 'resolution-drafter publish --help' for usage.\n`);
      return 2;
    };
    for (const { name, word, value } of argumentWords(args)) {
      if (name === '--to') {
        to = value();
        if (!to) return fail('--to needs a connection string (postgres://…).');
      } else if (name.startsWith('-')) return fail(`unknown option '${name}'.`);
      else {
        if (!existsSync(word) || !statSync(word).isDirectory()) return fail(`${word}: no such folder.`);
        folders.push(resolve(word));
      }
    }
    if (folders.length === 0) return fail('name at least one corpus folder.');
    if (!to) return fail('--to postgres://… names the database.');
    if (!isConnectionString(to)) return fail('--to takes a connection string that starts with postgres:// or postgresql://.');
    const shown = displayConnection(to);
    process.stderr.write(`Publishing ${folders.length} folder(s) to ${shown}…\n`);
    try {
      const report = await publishCorpus(folders, { connectionString: to, password: process.env.PGPASSWORD || undefined }, (line) => process.stderr.write(`${line}\n`));
      for (const p of report.problems) process.stderr.write(`skipped: ${p}\n`);
      process.stdout.write(
        `${shown}: ${report.added} added, ${report.replaced} replaced, ${report.removed} removed, ${report.unchanged} unchanged; ` +
          `${report.paragraphs} paragraphs written in ${(report.milliseconds / 1000).toFixed(1)} s` +
          (report.schema.from !== report.schema.to ? ` (schema ${report.schema.from ? `migrated from version ${report.schema.from}` : 'created'}, version ${report.schema.to})` : '') +
          '\n',
      );
      return report.problems.length > 0 ? 1 : 0;
    } catch (err) {
      const message = err instanceof PublishError ? err.message : `publish failed (${err instanceof Error ? err.message : String(err)})`;
      process.stderr.write(`resolution-drafter publish: ${shown}: ${message}\n`);
      return 2;
    }
  },
};
