/**
 * A password written in a connection string, taken out of it. pg-connection-string (and libpq)
 * read one from the URL's user part (`postgres://user:secret@host/db`) and from the query
 * parameter `password` (`?password=secret`, which wins over the user part); pg also reads a whole
 * second connection string from a `connectionString` parameter. No dependencies: the extension's
 * client uses this too.
 */

/** The query parameters (compared without case) that can carry a password. */
const PASSWORD_PARAMETERS = ['password', 'connectionstring'];

/**
 * The connection string without any password in it, and the password it held (the one pg would
 * use). A string without a
 * password, or that is not a URL, comes back as it is (the same text: it is a key of the stored logins).
 */
export function splitPassword(connectionString: string): { connectionString: string; password?: string } {
  if (!/^postgres(ql)?:\/\//i.test(connectionString.trim())) return { connectionString };
  // No host before the path (a socket given as `?host=`): read with a stand-in host, as pg-connection-string does.
  const text = connectionString.trim();
  const url = urlOf(text) ?? urlOf(text.replace('@/', `@${DUMMY_HOST}/`));
  if (!url) return { connectionString };
  // As pg reads them: a nested connection string's password over the last `password` parameter over the user part's.
  let nested: string | undefined;
  let parameter: string | undefined;
  let changed = false;
  for (const name of [...new Set(url.searchParams.keys())]) {
    const lower = name.toLowerCase();
    if (!PASSWORD_PARAMETERS.includes(lower)) continue;
    for (const value of url.searchParams.getAll(name)) {
      if (lower === 'password') parameter = value || parameter;
      else nested = splitPassword(value).password ?? nested;
    }
    url.searchParams.delete(name);
    changed = true;
  }
  const user = url.password ? safeDecode(url.password) : undefined;
  if (url.password) {
    url.password = '';
    changed = true;
  }
  const password = nested ?? parameter ?? user;
  if (!changed) return { connectionString };
  return { connectionString: url.toString().replace(`@${DUMMY_HOST}/`, '@/'), ...(password ? { password } : {}) };
}

const DUMMY_HOST = '___dummy___';

function urlOf(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
