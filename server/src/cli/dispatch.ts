import type { Command } from './command';
import { setCliLocale, takeLocale, texts } from './locale';

/** Exit codes: 0 fine, 1 findings or errors in the input, 2 usage errors. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * Runs the command that `argv` names (after `--locale`) among `commands`: its `--help`, or the
 * command itself. `usage` is the command list, printed for no command, `--help` or an unknown one.
 */
export async function dispatch(argv: string[], commands: readonly Command[], usage: () => string): Promise<number> {
  const language = takeLocale(argv);
  if ('error' in language) {
    process.stderr.write(`resolution-drafter: ${language.error}\n`);
    return EXIT_USAGE;
  }
  setCliLocale(language.locale);
  const [name, ...rest] = language.rest;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? EXIT_OK : EXIT_USAGE;
  }
  if (name === '--version') {
    process.stdout.write('0.1.0\n');
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`resolution-drafter: ${texts().unknownCommand(name)}\n\n${usage()}\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help + '\n');
    return EXIT_OK;
  }
  return command.run(rest);
}
