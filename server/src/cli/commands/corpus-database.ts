/**
 * `--server postgres://…` for the commands that use a corpus database beside the local corpus
 * (provenance, compare): the option, and the database opened for the command's run. The password
 * comes from PGPASSWORD, else PGPASSFILE (or ~/.pgpass); it is never printed.
 */
import { isConnectionString } from '../../corpus/postgres/connection';
import { RemoteCorpus } from '../../corpus/postgres/remote';
import { RemoteParagraphs } from '../../corpus/postgres/remote-paragraphs';
import { cliLocale, texts } from '../locale';
import type { ArgumentWord } from '../options';

/** Reads `--server URL` when `word` is it: true when it was, a message when its value is wrong, false for another option. */
export function readServerOption(word: ArgumentWord, into: { server?: string }): boolean | string {
  if (word.name !== '--server') return false;
  const s = word.value();
  if (!s || !isConnectionString(s)) return texts().serverTakes(s ?? '');
  into.server = s;
  return true;
}

/** The corpus database for one command run: its questions when it answers, else why not (the local corpus is then used alone). */
export async function openCorpusDatabase(server: string): Promise<{ database?: RemoteParagraphs; problem?: string; close(): Promise<void> }> {
  const remote = new RemoteCorpus({ connectionString: server, password: process.env.PGPASSWORD || undefined, queryTimeout: 10_000, max: 2, locale: cliLocale() });
  const close = () => remote.close();
  try {
    await remote.start();
  } catch (err) {
    return { problem: `${remote.status.server}: ${err instanceof Error ? err.message : String(err)}`, close };
  }
  if (!remote.available) return { problem: `${remote.status.server}: ${remote.status.message}`, close };
  return { database: new RemoteParagraphs(remote), close };
}

/** A database answer, or undefined when the question fails (the message goes to `failed`). */
export function orNothing(failed: (message: string) => void): <T>(work: Promise<T>) => Promise<T | undefined> {
  return (work) => work.then((v) => v, (err: unknown) => (failed(err instanceof Error ? err.message : String(err)), undefined));
}
