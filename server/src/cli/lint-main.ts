/**
 * The command line with `lint` alone, bundled on its own (dist/cli-lint.js): lint runs in CI and
 * in commit hooks once per draft, and loading the whole command line (5 MB with the PDF, Word and
 * PostgreSQL readers) took longer than linting a draft. bin/resolution-drafter.js chooses it when
 * the command is `lint`; everything else goes to the whole command line (dist/cli.js).
 */
import { lintCommand } from './commands/lint';
import { dispatch } from './dispatch';
import { texts } from './locale';
import { endWhenDone } from '../exit-watch';

export { endWhenDone };

/** The same answers as `main` of the whole command line, for `lint`. */
export async function main(argv: string[]): Promise<number> {
  return dispatch(argv, [lintCommand], () => texts().seeCommands);
}
