import type { Command } from './command';
import { lintCommand } from './commands/lint';
import { parseCommand } from './commands/parse';
import { ingestCommand } from './commands/ingest';
import { searchCommand } from './commands/search';
import { indexCommand } from './commands/index-command';
import { exportCommand } from './commands/export';

/** Every subcommand, in the order `--help` lists them. */
export const commands: Command[] = [parseCommand, ingestCommand, lintCommand, searchCommand, indexCommand, exportCommand];
