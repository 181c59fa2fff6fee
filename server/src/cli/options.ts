/** One word of a command line: an option (`--name value` or `--name=value`) or another word. */
export interface ArgumentWord {
  /** The option's name without its `=value` (`--format`), or the word itself. */
  name: string;
  /** The word as given. */
  word: string;
  /** The option's value: after its `=`, else the next word (which is then used up). */
  value(): string | undefined;
}

/** The words of a command line in order; `value()` on an option takes its value. */
export function* argumentWords(args: readonly string[]): Generator<ArgumentWord> {
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const inline = eq > 0 ? word.slice(eq + 1) : undefined;
    yield {
      name: eq > 0 ? word.slice(0, eq) : word,
      word,
      value: () => inline ?? (i + 1 < args.length ? args[++i] : undefined),
    };
  }
}
