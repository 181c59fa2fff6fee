/** One subcommand of the command line. */
export interface Command {
  name: string;
  /** One line for the command list, in this run's language. */
  readonly summary: string;
  /** The full `--help` text, in this run's language. */
  readonly help: string;
  /** Runs the command; resolves to the exit code. */
  run(args: string[]): Promise<number>;
}
