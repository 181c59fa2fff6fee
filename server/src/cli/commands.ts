import type { Command } from './command';
import { parseCommand } from './commands/parse';
import { ingestCommand } from './commands/ingest';

/** Every subcommand, in the order `--help` lists them. */
export const commands: Command[] = [parseCommand, ingestCommand];
