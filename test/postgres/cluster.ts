/**
 * A throwaway PostgreSQL cluster for the tests and the benchmark: Debian's `postgresql` (installed
 * by `.ci/run` through scripts/setup-postgres.sh), in a temporary folder, on a free loopback port
 * with its socket in that folder. Logins over TCP need a password (scram-sha-256), so that a wrong
 * one is refused as in a real deployment. Roles as the README sets them up: a writer that
 * publishes, a read-only drafter.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  port: number;
  /** The temporary folder (data, socket, log). */
  folder: string;
  /** Superuser `postgres` (password login), the writer and the drafter, each with their password, to database `corpus`. */
  adminUrl: string;
  writerUrl: string;
  drafterUrl: string;
  /** Runs SQL as the superuser in `corpus` or another database (through psql on the socket). */
  sql(statement: string, database?: string): string;
  stop(): void;
}

export const PASSWORDS = { admin: 'admin-pw-93af', writer: 'writer-pw-51c2', drafter: 'drafter-pw-7e0d' };

/** The folder of PostgreSQL's programs (the newest Debian version installed), or undefined when it is not installed. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0], 'bin') : undefined;
}

/**
 * Why the PostgreSQL tests cannot run here, or undefined when they can. Under CI=true a missing
 * PostgreSQL is a failure (the caller asserts), locally the tests skip with this message.
 */
export function postgresMissing(): string | undefined {
  return postgresBin() ? undefined : 'PostgreSQL is not installed (run `bash scripts/setup-postgres.sh` as root, or see README "Corpus database")';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs one of PostgreSQL's programs, as `postgres` when this process is root (initdb refuses root). */
function run(bin: string, program: string, args: string[]): string {
  const command = isRoot() ? 'runuser' : join(bin, program);
  const full = isRoot() ? ['-u', 'postgres', '--', join(bin, program), ...args] : args;
  return execFileSync(command, full, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

/** Starts a cluster with `pg_stat_statements` loaded, the database `corpus` and the two roles. */
export async function startCluster(): Promise<Cluster> {
  const bin = postgresBin();
  if (!bin) throw new Error(postgresMissing());
  const folder = mkdtempSync(join(tmpdir(), 'rd-pg-'));
  chmodSync(folder, 0o777);
  if (isRoot()) execFileSync('chown', ['postgres:postgres', folder]);
  const pwfile = join(folder, 'pw');
  writeFileSync(pwfile, PASSWORDS.admin + '\n', { mode: 0o644 });
  const data = join(folder, 'data');
  run(bin, 'initdb', ['-D', data, '-E', 'UTF8', '--locale=C.UTF-8', '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`]);
  const port = await freePort();
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'log'), '-w', '-t', '60', 'start']);
  const sql = (statement: string, database = 'corpus') => {
    const args = ['-h', folder, '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', statement];
    return run(bin, 'psql', args).trim();
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    spawnSync(isRoot() ? 'runuser' : join(bin, 'pg_ctl'), isRoot() ? ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'] : ['-D', data, '-m', 'immediate', '-w', 'stop'], { stdio: 'ignore', timeout: 60_000 });
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    sql('CREATE DATABASE corpus', 'postgres');
    for (const statement of setupStatements(PASSWORDS)) sql(statement);
  } catch (err) {
    stop();
    throw err;
  }
  const url = (user: string, password: string) => `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/corpus`;
  return {
    port,
    folder,
    adminUrl: url('postgres', PASSWORDS.admin),
    writerUrl: url('rd_publisher', PASSWORDS.writer),
    drafterUrl: url('rd_drafter', PASSWORDS.drafter),
    sql: (statement, database) => sql(statement, database),
    stop,
  };
}

/** The SQL the README gives for the roles (kept the same: the tests run it). */
export function setupStatements(passwords: { writer: string; drafter: string }): string[] {
  return [
    'CREATE EXTENSION IF NOT EXISTS pg_trgm',
    'CREATE EXTENSION IF NOT EXISTS pg_stat_statements',
    `CREATE ROLE rd_publisher LOGIN PASSWORD '${passwords.writer}'`,
    `CREATE ROLE rd_drafter LOGIN PASSWORD '${passwords.drafter}'`,
    'CREATE SCHEMA resolution_drafter AUTHORIZATION rd_publisher',
    'GRANT USAGE ON SCHEMA resolution_drafter TO rd_drafter',
    'ALTER DEFAULT PRIVILEGES FOR ROLE rd_publisher IN SCHEMA resolution_drafter GRANT SELECT ON TABLES TO rd_drafter',
    'ALTER ROLE rd_drafter SET default_transaction_read_only = on',
  ];
}

/** A TCP relay to the cluster that can refuse connections or hold every answer back. */
export class Relay {
  server?: Server;
  port = 0;
  accepting = true;
  delay = 0;
  /** Connections the relay has let through since it started. */
  accepted = 0;
  private readonly sockets = new Set<Socket>();
  private readonly clients = new Set<Socket>();
  constructor(private readonly target: number) {}
  /**
   * Connections open through the relay now. Unlike pg_stat_activity (which lists a backend only
   * once its login is done, before PostgreSQL 18), this counts one left waiting in the middle of a login.
   */
  get open(): number {
    return this.clients.size;
  }
  async start(): Promise<void> {
    this.server = createServer((client) => {
      if (!this.accepting) return client.destroy();
      const upstream = createConnection(this.target, '127.0.0.1');
      this.sockets.add(client).add(upstream);
      this.clients.add(client);
      this.accepted++;
      client.on('close', () => this.clients.delete(client));
      client.on('data', (d) => upstream.write(d));
      upstream.on('data', (d) => (this.delay > 0 ? setTimeout(() => client.write(d), this.delay) : client.write(d)));
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }
  /** Cuts every open connection (the database going away under a connected server). */
  drop(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }
  stop(): void {
    this.drop();
    this.server?.close();
  }
}
