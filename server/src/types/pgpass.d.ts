/** The `pgpass` package (node-postgres's reader of `PGPASSFILE` / `~/.pgpass`). */
declare module 'pgpass' {
  function pgpass(connection: { host?: string; port?: number | string; database?: string; user?: string }, callback: (password: string | undefined) => void): void;
  export = pgpass;
}
