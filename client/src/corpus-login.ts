/**
 * What the server is started with for `resolutionDrafter.corpus.server` (no VS Code here, so that
 * it is tested as it is): the connection string, never with a password in it, and the password
 * beside it. A password written in the setting is not used; a stored connection string (for a
 * name) has its password moved beside it, since the server takes none from the URL.
 */
import { splitPassword } from '../../server/src/corpus/postgres/url-password';

const isUrl = (text: string) => /^postgres(ql)?:\/\//i.test(text);

/** The setting without any password written in it (`user:…@` or `?password=`), and whether one was. */
export function withoutPassword(setting: string): { server: string; hadPassword: boolean } {
  const { connectionString, password } = splitPassword(setting);
  return { server: connectionString, hadPassword: password !== undefined };
}

/**
 * The initialization options for a setting (already without its password: `withoutPassword`) and
 * the secret stored for it: the stored password for a connection string; for a name, the stored
 * connection string without its password and that password.
 */
export function serverOptionsFor(server: string, secret: string | undefined): { corpusServer: string; corpusServerPassword?: string } {
  if (isUrl(server)) return { corpusServer: server, ...(secret !== undefined ? { corpusServerPassword: secret } : {}) };
  // A name with nothing stored: the server says so.
  if (secret === undefined) return { corpusServer: server };
  const stored = splitPassword(secret.trim());
  return { corpusServer: stored.connectionString, ...(stored.password !== undefined ? { corpusServerPassword: stored.password } : {}) };
}
