/**
 * Connecting to a corpus database: the connection string as a drafter sees it (never with its
 * password), the pooled client with a timeout per query, and what a failure means for a drafter.
 */
import type { Locale } from '../../core/rules/types';
import { databaseMessages } from './messages';
import type { Client, ClientConfig, Pool, PoolConfig } from 'pg';
import { parse } from 'pg-connection-string';
import { splitPassword } from './url-password';

/** Where the corpus database is and how to log in. The password never comes from a settings file. */
export interface CorpusServerConfig {
  /** `postgres://user@host:port/db?sslmode=…` (a password in it, `user:…@` or `?password=`, is used but never shown). */
  connectionString: string;
  /** From VS Code's SecretStorage (passed by the client) or the command line's environment; else `PGPASSFILE` / `~/.pgpass`. */
  password?: string;
  /** Per query, in ms (default 2000). */
  queryTimeout?: number;
  /** Connections in the pool (default 4 for a drafter's server). */
  max?: number;
  /** The language of the notes and faults told (the editor's display language, the command line's); English by default. */
  locale?: Locale;
}

/** Whether a text is a connection string (rather than the name of one stored elsewhere). */
export function isConnectionString(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text.trim());
}

/**
 * The connection string as it may be shown and logged: no password, no other query parameter than
 * `sslmode`. Something that is not a URL is shown as `(a connection string)`.
 */
export function displayConnection(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    const sslmode = url.searchParams.get('sslmode');
    const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
    const path = url.pathname && url.pathname !== '/' ? url.pathname : '';
    return `${url.protocol}//${user}${url.host}${path}${sslmode ? `?sslmode=${sslmode}` : ''}`;
  } catch {
    return '(a connection string)';
  }
}

/** The secrets of a configuration (the password in the URL, the separate password): what is scrubbed from every message. */
function secretsOf(config: CorpusServerConfig): string[] {
  const secrets: string[] = [];
  if (config.password) secrets.push(config.password);
  try {
    const url = new URL(config.connectionString);
    if (url.password) secrets.push(url.password, decodeURIComponent(url.password));
  } catch {
    /* not a URL: nothing more to find */
  }
  // `?password=…` (or a nested connection string's), as written and as read.
  const inUrl = splitPassword(config.connectionString).password;
  if (inUrl) secrets.push(inUrl, encodeURIComponent(inUrl), new URLSearchParams({ p: inUrl }).toString().slice(2));
  return [...new Set(secrets.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
}

/** A message with the configuration's secrets and its full connection string taken out. */
export function scrub(message: string, config: CorpusServerConfig): string {
  let out = message.split(config.connectionString).join(displayConnection(config.connectionString));
  for (const secret of secretsOf(config)) out = out.split(secret).join('***');
  return out;
}

/** What went wrong, for a drafter: each has its own status note. */
export type CorpusServerFault = 'unreachable' | 'refused' | 'schema-missing' | 'schema-too-old' | 'schema-too-new' | 'failed';

/** The editor command that stores the login (its title as package.nls.json gives it, with its category). */
export const SET_LOGIN_COMMAND_TITLE = databaseMessages.en.setLoginCommand;

/**
 * The database asked for a password and none is known (none given, none in the URL, no line of
 * PGPASSFILE / ~/.pgpass): told as such, at once, rather than as the driver's SCRAM error.
 */
export class PasswordMissingError extends Error {
  readonly code = 'RD_NO_PASSWORD';
  constructor(user: string | undefined, locale: Locale = 'en') {
    const say = databaseMessages[locale];
    super(say.noPassword(user, say.setLoginCommand));
  }
}

/** The kind of fault an error from `pg` (or the network) is. */
export function faultOf(err: unknown): CorpusServerFault {
  const e = err as { code?: string; message?: string } | undefined;
  const code = e?.code ?? '';
  if (code === 'RD_NO_PASSWORD') return 'refused';
  // 57014: the statement ran past its timeout (a slow question, the database is there).
  if (code === '57014') return 'failed';
  // 28P01 wrong password, 28000 no such role or not allowed by pg_hba, 3D000 no such database, 42501 no privilege, 25006 a read-only login.
  if (code === '28P01' || code === '28000' || code === '3D000' || code === '42501' || code === '25006') return 'refused';
  if (code === '3F000' || code === '42P01') return 'schema-missing';
  if (/^(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|ECONNRESET|EAI_AGAIN|ENETUNREACH|EPIPE)$/.test(code) || code.startsWith('08') || code === '57P01' || code === '57P03') return 'unreachable';
  const message = e?.message ?? String(err);
  if (/timeout|terminated|Connection terminated|connect/i.test(message)) return 'unreachable';
  if (/password|SASL|authentication/i.test(message)) return 'refused';
  return 'failed';
}

/** The message of an error, scrubbed of the configuration's secrets. */
export function errorMessage(err: unknown, config: CorpusServerConfig): string {
  return scrub(err instanceof Error ? err.message : String(err), config);
}

/**
 * Where to connect and with which password: the secret stored for this connection, else the one in
 * the URL, else `PGPASSFILE` (or ~/.pgpass), else none (trust, peer or certificate login). The URL
 * is read here rather than by `pg`, which lets a URL without a password override the one beside it.
 */
export function connectionConfig(config: CorpusServerConfig): PoolConfig {
  // A connection string nested in a parameter would replace this one's host, login and password in pg: not read.
  const parsed = parse(config.connectionString) as ReturnType<typeof parse> & { connectionString?: string };
  delete parsed.connectionString;
  const password = config.password ?? (parsed.password ? parsed.password : undefined);
  const where = { host: parsed.host ?? undefined, port: parsed.port ?? undefined, database: parsed.database ?? undefined, user: parsed.user ?? undefined };
  return {
    ...(parsed as PoolConfig),
    // Asked only when the database wants a password; none anywhere fails the login at once (the socket is closed by the client, see closingClient).
    password:
      password !== undefined
        ? () => Promise.resolve(password)
        : () => new Promise<string>((resolve, reject) => loadPgpass()(where, (found) => (found ? resolve(found) : reject(new PasswordMissingError(where.user, config.locale))))),
  };
}

/** The reader of `~/.pgpass`, loaded when a password is first looked for there (2 ms of every server start before). */
function loadPgpass(): typeof import('pgpass') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('pgpass') as typeof import('pgpass');
}

/**
 * The `pg` module, loaded on the first connection: a command line or a server with no corpus
 * database never loads it (with what it pulls in, about 50 ms of a `search`).
 */
function loadPg(): typeof import('pg') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('pg') as typeof import('pg');
}

/**
 * pg's client, closing its socket when the login fails on the client's side (no password, a SCRAM
 * error): pg reports the error but leaves the connection open, the database waiting for the rest
 * of the login (until its authentication_timeout, 60 s), and a command line alive.
 */
export function closingClient(): new (config?: ClientConfig) => Client {
  const pg = loadPg();
  return class ClosingClient extends pg.Client {
    constructor(config?: ClientConfig) {
      super(config);
      // Every error of the connection itself is fatal to it (pg then ends its queries): the socket goes too.
      this.connection.on('error', () => this.connection.stream.destroy());
    }
  };
}

/** A client (one connection, not pooled) connected, or its socket closed and the error thrown. */
export async function connectClient(config: ClientConfig): Promise<Client> {
  const client = new (closingClient())(config);
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    client.connection.stream.destroy();
    throw err;
  }
  return client;
}

/**
 * A pool of connections with a timeout on every statement (`statement_timeout` in the database
 * and `query_timeout` in the client, so that a database that stops answering cannot hold a
 * request) and on connecting.
 */
export function createPool(config: CorpusServerConfig, options: { readOnly?: boolean } = {}): Pool {
  const timeout = config.queryTimeout ?? 2000;
  const poolConfig: PoolConfig = {
    ...connectionConfig(config),
    Client: closingClient(),
    max: config.max ?? 4,
    // A login (SCRAM) on a busy database server takes a while; a late answer is dropped by the caller anyway.
    connectionTimeoutMillis: Math.max(5000, timeout),
    // Kept open between bursts of typing: logging in again costs more than the question.
    idleTimeoutMillis: 300_000,
    statement_timeout: timeout,
    query_timeout: timeout + 1000,
    application_name: 'resolution-drafter',
    // Similar text: paragraphs that share at least this share of trigrams are candidates.
    options: `-c search_path=resolution_drafter,public -c pg_trgm.similarity_threshold=0.3${options.readOnly ? ' -c default_transaction_read_only=on' : ''}`,
  };
  const pool = new (loadPg().Pool)(poolConfig);
  // An idle connection that the database drops must not take the process down.
  pool.on('error', () => undefined);
  return pool;
}
