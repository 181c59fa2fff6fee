/** One subcommand of the command line. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  /** Runs the command; resolves to the exit code. */
  run(args: string[]): Promise<number>;
}
