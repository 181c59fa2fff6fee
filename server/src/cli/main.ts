import { commands } from './commands';
import { texts } from './locale';
import { endWhenDone } from '../exit-watch';
import { dispatch, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './dispatch';

export { endWhenDone, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE };

function usage(): string {
  const t = texts();
  const lines = [
    ...t.usage,
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    ...t.usageEnd,
  ];
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  return dispatch(argv, commands, usage);
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
