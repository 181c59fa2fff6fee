import { commands } from './commands';
import { setCliLocale, takeLocale, texts } from './locale';
import { endWhenDone } from '../exit-watch';

export { endWhenDone };

/** Exit codes: 0 fine, 1 findings or errors in the input, 2 usage errors. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

function usage(): string {
  const t = texts();
  const lines = [
    ...t.usage,
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${t.summaries[c.name] ?? c.summary}`),
    '',
    'Run `resolution-drafter <command> --help` for a command\'s options.',
    'Exit codes: 0 fine, 1 findings or errors in the input, 2 usage errors.',
  ];
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
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
