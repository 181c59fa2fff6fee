import { commands } from './commands';
import { endWhenDone } from '../exit-watch';

export { endWhenDone };

/** Exit codes: 0 fine, 1 findings or errors in the input, 2 usage errors. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

function usage(): string {
  const lines = [
    'resolution-drafter: check and build United Nations resolution drafts (.unres).',
    '',
    'Usage: resolution-drafter <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    'Run `resolution-drafter <command> --help` for a command\'s options.',
    'Exit codes: 0 fine, 1 findings or errors in the input, 2 usage errors.',
  ];
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
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
    process.stderr.write(`resolution-drafter: unknown command '${name}'.\n\n${usage()}\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help + '\n');
    return EXIT_OK;
  }
  return command.run(rest);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      endWhenDone('resolution-drafter');
    },
    (err: unknown) => {
      process.stderr.write(`resolution-drafter: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = EXIT_FINDINGS;
    },
  );
}
