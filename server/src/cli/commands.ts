import type { Command } from './command';
import { lintCommand } from './commands/lint';
import { parseCommand } from './commands/parse';
import { ingestCommand } from './commands/ingest';
import { searchCommand } from './commands/search';
import { indexCommand } from './commands/index-command';
import { publishCommand } from './commands/publish';
import { provenanceCommand } from './commands/provenance';
import { compareCommand } from './commands/compare';
import { exportCommand } from './commands/export';

/** Every subcommand, in the order `--help` lists them. */
export const commands: Command[] = [parseCommand, ingestCommand, lintCommand, searchCommand, indexCommand, provenanceCommand, compareCommand, exportCommand, publishCommand];
