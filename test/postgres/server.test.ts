// The language server with a corpus database (a throwaway PostgreSQL, see cluster.ts): the same
// answers from the database as from the local index for the same corpus, and each fault
// (unreachable, login refused, schema too old or too new, a slow database) giving a status note,
// one log line and local answers only, never a password. Needs `npm run build` and Debian's postgresql.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol';
import { bundledCorpusFolder } from '../../server/src/corpus/load';
import { publishCorpus } from '../../server/src/corpus/postgres/publish';
import { CorpusBusyError, RemoteCorpus, type CorpusServerStatus } from '../../server/src/corpus/postgres/remote';
import { SCHEMA_VERSION } from '../../server/src/corpus/postgres/schema';
import { KEPT_ALIVE } from '../../server/src/exit-watch';
import { startServer, type ServerHandle } from '../protocol/harness';
import { PASSWORDS, postgresMissing, Relay, startCluster, type Cluster } from './cluster';

const missing = postgresMissing();
if (missing && process.env.CI) test('PostgreSQL is installed for the corpus database server tests', () => assert.fail(missing));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server with its log lines, messages shown to the user and status notes collected. */
async function start(initializationOptions: Record<string, unknown>, env?: NodeJS.ProcessEnv): Promise<{ server: ServerHandle; logs: string[]; shown: { type: number; message: string }[]; statuses: CorpusServerStatus[] }> {
  const server = await startServer({ initializationOptions, ...(env ? { env } : {}) });
  const logs: string[] = [];
  const shown: { type: number; message: string }[] = [];
  const statuses: CorpusServerStatus[] = [];
  server.connection.onNotification('window/logMessage', (m: { message: string }) => { logs.push(m.message); });
  server.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => { shown.push(m); });
  server.connection.onNotification('resolutionDrafter/corpusServerStatus', (s: CorpusServerStatus) => { statuses.push(s); });
  return { server, logs, shown, statuses };
}

/** An environment with no password anywhere: no PGPASSWORD, a PGPASSFILE that does not exist. */
function noPasswordEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PGPASSFILE: join(tmpdir(), 'rd-no-such-pgpass') };
  delete env.PGPASSWORD;
  return env;
}

const NO_PASSWORD = /^the corpus database asks a password for rd_drafter and none is set: set PGPASSWORD or a \.pgpass line \(in the editor: “Resolution Drafter: Set the corpus database login”\)$/;

/** Waits until the database state is `state` (asked, so that a note sent before listening is not missed). */
async function waitForState(server: ServerHandle, state: string, ms = 20_000): Promise<CorpusServerStatus> {
  const until = Date.now() + ms;
  for (;;) {
    const status = (await server.request('resolutionDrafter/corpusServerStatus', null)) as CorpusServerStatus | null;
    if (status?.state === state) return status;
    if (Date.now() > until) assert.fail(`the corpus database state stayed ${status?.state ?? 'unset'} (${status?.message ?? ''}), not ${state}`);
    await sleep(100);
  }
}

async function indexReady(server: ServerHandle): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const stats = (await server.request('resolutionDrafter/corpusStats', null)) as { indexing: boolean; paragraphs: number };
    if (!stats.indexing && stats.paragraphs > 0) return;
    await sleep(100);
  }
  assert.fail('the phrase index was not ready');
}

const DRAFT = readFileSync(`${bundledCorpusFolder()}/A-RES-76-54.unres`, 'utf8');
/** A draft being written: places where a drafter asks for completion. */
const TYPING = [
  '大会，',
  '',
  '重申实现无核武器世界是',
  '',
  '又重申《不扩散',
  '',
  '回顾其 2019 年 12 月 12 日第 7',
  '',
  '1. ',
  '',
  '2. **鼓励**所有国家',
].join('\n');

function positionsOf(text: string): { line: number; character: number }[] {
  return text.split('\n').flatMap((line, i) => (line.length > 0 ? [{ line: i, character: line.length }] : []));
}

const itemsOf = (list: CompletionList | null) =>
  (list?.items ?? []).map((i) => ({ label: i.label, kind: i.kind, detail: i.detail, newText: i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : i.insertText }));

describe('the language server with a corpus database', { skip: missing ?? false, timeout: 600_000 }, () => {
  let cluster: Cluster;
  let urlWithoutPassword: string;
  before(async () => {
    cluster = await startCluster();
    await publishCorpus([bundledCorpusFolder()], { connectionString: cluster.writerUrl });
    urlWithoutPassword = `postgres://rd_drafter@127.0.0.1:${cluster.port}/corpus`;
  });
  after(() => cluster?.stop());

  test('the database gives the same completions, hovers and similar text as the local index of the same corpus', async () => {
    const local = await start({});
    // No local corpus at all: every answer comes from the database (the password as the client passes it from SecretStorage).
    const remote = await start({ useBundledCorpus: false, corpusServer: urlWithoutPassword, corpusServerPassword: PASSWORDS.drafter, corpusServerBudget: 5000 });
    try {
      await indexReady(local.server);
      await waitForState(remote.server, 'connected');
      const uriLocal = await local.server.open('typing.unres', TYPING);
      const uriRemote = await remote.server.open('typing.unres', TYPING);
      let compared = 0;
      for (const position of positionsOf(TYPING)) {
        const a = itemsOf((await local.server.request('textDocument/completion', { textDocument: { uri: uriLocal }, position })) as CompletionList);
        const b = itemsOf((await remote.server.request('textDocument/completion', { textDocument: { uri: uriRemote }, position })) as CompletionList);
        assert.deepEqual(b, a, `completion at ${JSON.stringify(position)}`);
        if (a.length > 0) compared++;
      }
      assert.ok(compared >= 5, `completions compared at ${compared} places`);
      // Hovers on symbols, citations, titles and openers of a real resolution.
      const docLocal = await local.server.open('a.unres', DRAFT);
      const docRemote = await remote.server.open('a.unres', DRAFT);
      const lines = DRAFT.split('\n');
      const places = [
        ...['A/76/444', '第 74/50 号决议', '1540(2004)', '《不扩散核武器条约》'].flatMap((needle) => {
          const line = lines.findIndex((l) => l.includes(needle));
          return line >= 0 ? [{ line, character: lines[line].indexOf(needle) + 2 }] : [];
        }),
        { line: lines.findIndex((l) => l.startsWith('重申')), character: 1 },
      ];
      assert.ok(places.length >= 4, `hover places: ${JSON.stringify(places)}`);
      // The paragraph's provenance (the hover's last section at an opening) is computed from the local
      // phrase index only: the database does not serve provenance yet, so that section is left out here.
      const withoutProvenance = (h: Hover | null) => {
        const value = (h?.contents as { value?: string } | undefined)?.value;
        return typeof value === 'string' ? { ...(h?.contents as object), value: value.split('\n\n---\n\n**Agreed language in this paragraph**')[0] } : (h?.contents ?? null);
      };
      const strip = (h: Hover | null) => JSON.stringify(withoutProvenance(h)).replace(/\]\(file:[^)]*\)/g, '](…)');
      for (const position of places) {
        const a = (await local.server.request('textDocument/hover', { textDocument: { uri: docLocal }, position })) as Hover | null;
        const b = (await remote.server.request('textDocument/hover', { textDocument: { uri: docRemote }, position })) as Hover | null;
        assert.ok(a, `a local hover at ${JSON.stringify(position)}`);
        // The database has no local files to link to: the same text without the links.
        assert.equal(strip(b).replace(/\[([^\]]*)\]\(…\)/g, '$1'), strip(a).replace(/\[([^\]]*)\]\(…\)/g, '$1'), `hover at ${JSON.stringify(position)}`);
      }
      for (const text of ['重申实现无核武器世界是国际社会的共同目标', '所有国家，特别是核武器国家，立即采取具体措施提高透明度和相互信任', '不扩散核武器条约']) {
        const strip2 = (list: unknown) => (list as { score: number; symbol: string; where: string; text: string; contains?: boolean }[]).map(({ score, symbol, where, text: t, contains }) => ({ score, symbol, where, text: t, contains }));
        const a = strip2(await local.server.request('resolutionDrafter/similar', { text, limit: 10 }));
        const b = strip2(await remote.server.request('resolutionDrafter/similar', { text, limit: 10 }));
        assert.ok(a.length > 0, `local similar to ${text}`);
        assert.deepEqual(b, a, `similar to ${text}`);
      }
    } finally {
      await local.server.stop();
      await remote.server.stop();
    }
  });

  test('unreachable: a status note, one log line, local answers only, and it connects once the database is back (backoff)', async () => {
    const relay = new Relay(cluster.port);
    relay.accepting = false;
    await relay.start();
    const { server, logs, statuses } = await start({ corpusServer: `postgres://rd_drafter@127.0.0.1:${relay.port}/corpus`, corpusServerPassword: PASSWORDS.drafter });
    try {
      await indexReady(server);
      const down = await waitForState(server, 'unreachable');
      assert.match(down.message, /cannot reach/);
      const uri = await server.open('t.unres', TYPING);
      const list = (await server.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 11 } })) as CompletionList;
      assert.ok(list.items.length > 0, 'the local corpus still answers');
      await sleep(3500);
      assert.equal(logs.filter((l) => l.includes('corpus database')).length, 1, logs.join('\n') + JSON.stringify(statuses));
      relay.accepting = true;
      await waitForState(server, 'connected', 70_000);
      assert.equal(statuses.at(-1)?.state, 'connected');
      for (const text of [...logs, JSON.stringify(statuses)]) assert.ok(!text.includes(PASSWORDS.drafter));
    } finally {
      await server.stop();
      relay.stop();
    }
  });

  test('credentials refused: a status note that says so, never the password', async () => {
    const wrong = 'wrong-password-q8z1';
    const { server, logs, statuses } = await start({ corpusServer: `postgres://rd_drafter@127.0.0.1:${cluster.port}/corpus`, corpusServerPassword: wrong });
    try {
      const status = await waitForState(server, 'refused');
      assert.match(status.message, /refused the login/);
      assert.ok(!status.server.includes(wrong));
      await sleep(300);
      const seen = [...logs, JSON.stringify(statuses), JSON.stringify(status)].join('\n');
      assert.ok(!seen.includes(wrong), seen);
      assert.equal(logs.filter((l) => l.includes('corpus database')).length, 1, logs.join('\n'));
    } finally {
      await server.stop();
    }
  });

  test('no password anywhere: the status says so at once, and no connection is left open by the attempts again (1, 2, 4 s)', async () => {
    const relay = new Relay(cluster.port);
    await relay.start();
    const { server, logs, statuses } = await start({ corpusServer: `postgres://rd_drafter@127.0.0.1:${relay.port}/corpus` }, noPasswordEnv());
    try {
      const started = Date.now();
      const status = await waitForState(server, 'refused');
      assert.ok(Date.now() - started < 3000, `told after ${Date.now() - started} ms`);
      assert.match(status.message, NO_PASSWORD);
      // Through the attempts again: connections open through the relay (one waiting in its login
      // counts) and those PostgreSQL lists for the drafter.
      let most = 0;
      let listed = 0;
      const until = Date.now() + 8000;
      while (Date.now() < until) {
        most = Math.max(most, relay.open);
        listed = Math.max(listed, Number(cluster.sql("SELECT count(*) FROM pg_stat_activity WHERE usename = 'rd_drafter'")));
        await sleep(250);
      }
      assert.ok(relay.accepted >= 4, `${relay.accepted} attempts in 8 s`);
      assert.ok(most <= 1, `${most} connections open at once`);
      assert.ok(listed <= 1, `${listed} connections in pg_stat_activity`);
      await sleep(300);
      assert.equal(relay.open, 0, 'a connection left open between attempts');
      assert.equal(logs.filter((l) => l.includes('corpus database')).length, 1, logs.join('\n'));
      assert.deepEqual(statuses.map((s) => s.state), ['refused']);
      const similar = (await server.request('resolutionDrafter/similar', { text: '重申实现无核武器世界是国际社会的共同目标' })) as unknown[];
      assert.ok(similar.length > 0, 'the local corpus still answers');
    } finally {
      await server.stop();
      relay.stop();
    }
  });

  test('the command line with no password anywhere: search and provenance say so at once, print the local answers, exit 3, and end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-cli-nopw-'));
    try {
      const draft = join(dir, 'draft.unres');
      copyFileSync(`${bundledCorpusFolder()}/A-RES-76-54.unres`, draft);
      const cli = (args: string[]) => {
        const at = Date.now();
        const r = spawnSync(process.execPath, [resolve('bin/resolution-drafter.js'), ...args], { encoding: 'utf8', env: noPasswordEnv(), timeout: 30_000 });
        return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - at };
      };
      for (const [command, args] of [['search', ['重申实现无核武器世界']], ['provenance', ['--format', 'json', draft]]] as const) {
        const local = cli([command, ...args]);
        assert.equal(local.code, 0, local.stderr);
        const r = cli([command, '--server', urlWithoutPassword, ...args]);
        assert.equal(r.code, 3, `${command}: ${r.stderr}`);
        assert.equal(r.stdout, local.stdout, `${command}: the local answers`);
        assert.ok(r.stderr.includes('the corpus database asks a password for rd_drafter and none is set: set PGPASSWORD or a .pgpass line'), r.stderr);
        assert.ok(!r.stderr.includes('SASL') && !r.stderr.includes(KEPT_ALIVE), r.stderr);
        assert.match(r.stderr, /local corpus only/);
        // The local run's time and a connection: well under the 5 s the exit watch waits for a handle left open.
        assert.ok(r.ms < local.ms + 2000, `${command} --server took ${r.ms} ms, ${local.ms} ms without`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a password written in the connection string (?password= or user:…@) is not used by the server: a warning once, never the password', async () => {
    for (const written of [`postgres://rd_drafter@127.0.0.1:${cluster.port}/corpus?password=${PASSWORDS.drafter}`, `postgres://rd_drafter:${PASSWORDS.drafter}@127.0.0.1:${cluster.port}/corpus?sslmode=disable`]) {
      const { server, logs, shown, statuses } = await start({ corpusServer: written }, noPasswordEnv());
      try {
        // The right password, yet none is used.
        const status = await waitForState(server, 'refused');
        assert.match(status.message, NO_PASSWORD);
        await sleep(300);
        const warnings = shown.filter((m) => m.type === 2 && /password written in the corpus database setting .* is ignored: store it with “Resolution Drafter: Set the corpus database login”/.test(m.message));
        assert.equal(warnings.length, 1, JSON.stringify(shown));
        assert.equal(logs.filter((l) => l.includes('is ignored')).length, 1, logs.join('\n'));
        const seen = [...logs, ...shown.map((m) => m.message), JSON.stringify(statuses), JSON.stringify(status)].join('\n');
        assert.ok(!seen.includes(PASSWORDS.drafter), seen);
      } finally {
        await server.stop();
      }
    }
    // The password given beside it is the one used (a wrong one in the URL changes nothing).
    const { server } = await start({ corpusServer: `postgres://rd_drafter@127.0.0.1:${cluster.port}/corpus?password=wrong-in-url`, corpusServerPassword: PASSWORDS.drafter }, noPasswordEnv());
    try {
      await waitForState(server, 'connected');
    } finally {
      await server.stop();
    }
  });

  test('a schema too old or too new: a status note naming what to do, local answers only', async () => {
    for (const [database, version, state] of [['corpus_old', 0, 'schema-too-old'], ['corpus_new', 99, 'schema-too-new']] as const) {
      cluster.sql(`CREATE DATABASE ${database}`, 'postgres');
      cluster.sql(`CREATE SCHEMA resolution_drafter; CREATE TABLE resolution_drafter.schema_version (version int NOT NULL); INSERT INTO resolution_drafter.schema_version VALUES (${version}); GRANT USAGE ON SCHEMA resolution_drafter TO rd_drafter; GRANT SELECT ON resolution_drafter.schema_version TO rd_drafter`, database);
      const { server } = await start({ corpusServer: `postgres://rd_drafter@127.0.0.1:${cluster.port}/${database}`, corpusServerPassword: PASSWORDS.drafter });
      try {
        await indexReady(server);
        const status = await waitForState(server, state);
        assert.match(status.message, new RegExp(state === 'schema-too-old' ? `older than ${SCHEMA_VERSION}: publish` : `newer than ${SCHEMA_VERSION}: update`));
        const similar = (await server.request('resolutionDrafter/similar', { text: '重申实现无核武器世界是国际社会的共同目标' })) as unknown[];
        assert.ok(similar.length > 0, 'the local corpus still answers');
      } finally {
        await server.stop();
      }
    }
  });

  test('answers later than the client timeout are dropped without a fault; only a database that stops answering turns it off', async () => {
    const relay = new Relay(cluster.port);
    await relay.start();
    const statuses: string[] = [];
    // statement_timeout 200 ms in the database, 1.2 s in the client.
    const remote = new RemoteCorpus({ connectionString: `postgres://rd_drafter@127.0.0.1:${relay.port}/corpus`, password: PASSWORDS.drafter, queryTimeout: 200, max: 1 }, (s) => statuses.push(s.state));
    try {
      await remote.start();
      assert.equal(remote.status.state, 'connected');
      relay.delay = 1500;
      for (let i = 0; i < 4; i++) await assert.rejects(remote.symbol('A/RES/76/54'), CorpusBusyError);
      assert.equal(remote.status.state, 'connected', 'late answers are no fault');
      relay.delay = 0;
      // The late answers still on their way come in first.
      await sleep(2500);
      assert.ok(await remote.symbol('A/RES/76/54'), 'it answers again');
      relay.delay = 1500;
      for (let i = 0; i < 4; i++) await assert.rejects(remote.symbol('A/RES/76/54'), CorpusBusyError);
      await assert.rejects(remote.symbol('A/RES/76/54'), (err: Error) => !(err instanceof CorpusBusyError));
      assert.equal(remote.status.state, 'unreachable', 'five timeouts in a row: the database stopped answering');
      assert.deepEqual(statuses, ['connected', 'unreachable']);
    } finally {
      await remote.close();
      relay.stop();
    }
  });

  test('a slow database never delays typing: the local answer comes within the budget', async () => {
    const relay = new Relay(cluster.port);
    await relay.start();
    const { server } = await start({ corpusServer: `postgres://rd_drafter@127.0.0.1:${relay.port}/corpus`, corpusServerPassword: PASSWORDS.drafter });
    try {
      await indexReady(server);
      await waitForState(server, 'connected');
      const uri = await server.open('t.unres', TYPING);
      const position = { line: 2, character: 11 };
      const quick = (await server.request('textDocument/completion', { textDocument: { uri }, position })) as CompletionList;
      relay.delay = 3000;
      const started = Date.now();
      const slow = (await server.request('textDocument/completion', { textDocument: { uri }, position })) as CompletionList;
      const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } });
      const elapsed = Date.now() - started;
      assert.ok(elapsed < 1000, `completion and hover took ${elapsed} ms with a database 3 s slow`);
      assert.deepEqual(itemsOf(slow), itemsOf(quick));
      assert.ok(hover);
    } finally {
      await server.stop();
      relay.stop();
    }
  });
});
