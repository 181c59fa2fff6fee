// The language server answering inline continuation, provenance (code lenses, the new-language
// ranges, the sources in the hover) and the comparison with a predecessor from a corpus database
// (a throwaway PostgreSQL, see cluster.ts): a server whose only corpus is the database gives the
// same answers as one with the same corpus as local files; a database that is down, refuses the
// login or has another schema leaves the local answers as they are, with the status note; a slow
// one never holds the lenses up, and its answer is merged when it comes. Needs `npm run build`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, Hover, InlineCompletionList } from 'vscode-languageserver-protocol';
import { bundledCorpusFolder } from '../../server/src/corpus/load';
import { publishCorpus } from '../../server/src/corpus/postgres/publish';
import type { CompareJson } from '../../server/src/cli/commands/compare';
import type { ProvenanceFileRecord } from '../../server/src/cli/commands/provenance';
import type { CorpusServerStatus } from '../../server/src/corpus/postgres/remote';
import type { CompareResult, CorpusDocumentInfo, ProvenanceResult } from '../../server/src/lsp/protocol';
import { EARLIER_FILE, knownEdits, MOVED_START } from '../compare/known-edits';
import { startServer, type ServerHandle } from '../protocol/harness';
import { PASSWORDS, postgresMissing, Relay, startCluster, type Cluster } from './cluster';

const missing = postgresMissing();
if (missing && process.env.CI) test('PostgreSQL is installed for the corpus database provenance tests', () => assert.fail(missing));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Started {
  server: ServerHandle;
  logs: string[];
  statuses: CorpusServerStatus[];
  refreshes: number;
}

async function start(initializationOptions: Record<string, unknown>, workspace?: Record<string, unknown>): Promise<Started> {
  const server = await startServer({ initializationOptions, ...(workspace ? { workspace } : {}) });
  const started: Started = { server, logs: [], statuses: [], refreshes: 0 };
  server.connection.onNotification('window/logMessage', (m: { message: string }) => { started.logs.push(m.message); });
  server.connection.onNotification('resolutionDrafter/corpusServerStatus', (s: CorpusServerStatus) => { started.statuses.push(s); });
  server.connection.onRequest('workspace/codeLens/refresh', () => { started.refreshes++; return null; });
  return started;
}

async function waitForState(server: ServerHandle, state: string, ms = 20_000): Promise<CorpusServerStatus> {
  const until = Date.now() + ms;
  for (;;) {
    const status = (await server.request('resolutionDrafter/corpusServerStatus', null)) as CorpusServerStatus | null;
    if (status?.state === state) return status;
    if (Date.now() > until) assert.fail(`the corpus database state stayed ${status?.state ?? 'unset'} (${status?.message ?? ''}), not ${state}`);
    await sleep(100);
  }
}

/** Waits until the local phrase index is built (`paragraphs` of them: 0 for a server without a local corpus). */
async function indexReady(server: ServerHandle, some = true): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const stats = (await server.request('resolutionDrafter/corpusStats', null)) as { indexing: boolean; paragraphs: number };
    const ready = (await server.request('resolutionDrafter/provenance', { uri: 'file:///none.unres' })) as ProvenanceResult;
    if (!stats.indexing && (!some || stats.paragraphs > 0) && ready.ready !== false) return;
    await sleep(100);
  }
  assert.fail('the phrase index was not ready');
}

// A draft made from A/RES/73/62 as a drafter makes the next year's: a paragraph moved, one reworded,
// one inserted, one deleted, the recalled resolution updated (see test/compare/known-edits.ts).
const k = knownEdits();
const EDITED = k.draft.replace('73/62. ', '74/__. ');
const NEWER = readFileSync(`${bundledCorpusFolder()}/A-RES-76-54.unres`, 'utf8');

/** Places in a draft where a drafter pauses: after the first few characters of each paragraph line, and mid-line. */
function pauses(text: string): { line: number; character: number }[] {
  return text.split('\n').flatMap((line, i) => {
    if (line.length < 12 || line.startsWith('%') || /^[A-Z]/.test(line)) return [];
    return [6, 11, Math.floor(line.length / 2)].filter((c) => c < line.length).map((character) => ({ line: i, character }));
  });
}

/** The draft cut at `position` (what a drafter has typed so far in that paragraph). */
function typedUpTo(text: string, position: { line: number; character: number }): string {
  const lines = text.split('\n');
  return [...lines.slice(0, position.line), lines[position.line].slice(0, position.character)].join('\n');
}

/** Links to local files and to database documents said the same way (the database has no files). */
const unlinked = (s: string) => s.replace(/\[([^\]]*)\]\((?:file|resolution-drafter-corpus):[^)]*\)/g, '$1');

function provenanceOf(result: ProvenanceResult) {
  return result.paragraphs.map((p) => ({
    line: p.line,
    agreed: p.agreed,
    new: p.new,
    closest: p.closest ? { symbol: p.closest.symbol, where: p.closest.where, score: p.closest.score, line: p.closest.line } : null,
    sources: p.sources.map((s) => ({ symbol: s.symbol, where: s.where, shared: s.shared, line: s.line })),
  }));
}

/** The hover's provenance section at each paragraph's opening. */
async function sourcesInHovers(server: ServerHandle, uri: string, text: string): Promise<string[]> {
  const out: string[] = [];
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    if (lines[line].length < 12 || /^[A-Z%]/.test(lines[line])) continue;
    const hover = (await server.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 0 } })) as Hover | null;
    const value = (hover?.contents as { value?: string } | undefined)?.value ?? '';
    const at = value.indexOf('**Agreed language in this paragraph**');
    out.push(at >= 0 ? unlinked(value.slice(at)) : '');
  }
  return out;
}

/** Everything inline continuation, provenance and comparison answer for the two drafts. */
async function answers(s: Started): Promise<{
  inline: (string | null)[];
  lenses: string[][];
  provenance: ReturnType<typeof provenanceOf>[];
  hovers: string[][];
  compare: unknown[];
  documents: string[];
}> {
  const { server } = s;
  const inline: (string | null)[] = [];
  for (const text of [EDITED, NEWER]) {
    for (const position of pauses(text).slice(0, 60)) {
      const uri = await server.open('typing.unres', typedUpTo(text, position));
      const list = (await server.request('textDocument/inlineCompletion', { textDocument: { uri }, position, context: { triggerKind: 2 } })) as InlineCompletionList | null;
      const item = list?.items[0];
      inline.push(item ? `${String(item.insertText)} ← ${item.command?.title ?? ''}` : null);
    }
  }
  const lenses: string[][] = [];
  const provenance: ReturnType<typeof provenanceOf>[] = [];
  const hovers: string[][] = [];
  const compare: unknown[] = [];
  for (const text of [EDITED, NEWER]) {
    const uri = await server.open('draft.unres', text);
    const list = (await server.request('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    lenses.push(list.map((l) => `${l.range.start.line}: ${l.command?.title ?? ''}`));
    provenance.push(provenanceOf((await server.request('resolutionDrafter/provenance', { uri })) as ProvenanceResult));
    hovers.push(await sourcesInHovers(server, uri, text));
    for (const withWhat of [undefined, 'A/RES/62/42']) {
      const result = (await server.request('resolutionDrafter/compare', { uri, ...(withWhat ? { with: withWhat } : {}) })) as CompareResult;
      compare.push({ with: result.with ? { symbol: result.with.symbol, rule: result.with.rule, reason: result.with.reason } : null, problem: result.problem, paragraphs: result.paragraphs });
    }
  }
  const documents = ((await server.request('resolutionDrafter/corpusDocuments', null)) as CorpusDocumentInfo[]).map((d) => `${d.symbol} ${d.title ?? ''}`);
  return { inline, lenses, provenance, hovers, compare, documents };
}

describe('inline continuation, provenance and comparison from a corpus database', { skip: missing ?? false, timeout: 600_000 }, () => {
  let cluster: Cluster;
  let url: string;
  let local: Awaited<ReturnType<typeof answers>>;
  before(async () => {
    cluster = await startCluster();
    await publishCorpus([bundledCorpusFolder()], { connectionString: cluster.writerUrl });
    url = `postgres://rd_drafter@127.0.0.1:${cluster.port}/corpus`;
    const s = await start({});
    try {
      await indexReady(s.server);
      local = await answers(s);
    } finally {
      await s.server.stop();
    }
  });
  after(() => cluster?.stop());

  test('a server whose only corpus is the database gives the same answers as the local index of the same corpus', async () => {
    // No local corpus at all: every answer comes from the database (the password as the client passes it from SecretStorage).
    const s = await start({ useBundledCorpus: false, corpusServer: url, corpusServerPassword: PASSWORDS.drafter, corpusServerBudget: 10_000 });
    try {
      await indexReady(s.server, false);
      await waitForState(s.server, 'connected');
      const remote = await answers(s);
      const continued = local.inline.filter((x) => x !== null).length;
      assert.ok(continued >= 20, `inline continuations at ${continued} of ${local.inline.length} pauses`);
      assert.deepEqual(remote.inline, local.inline);
      assert.ok(local.lenses[0].some((l) => /agreed \d+ % · new/.test(l)) && local.lenses[0].some((l) => /^\d+: 100 % A\/RES\/73\/62/.test(l)), local.lenses[0].join('\n'));
      assert.deepEqual(remote.lenses, local.lenses);
      assert.ok(local.provenance[0].some((p) => p.new.length > 0 && p.sources.length > 0));
      assert.deepEqual(remote.provenance, local.provenance);
      assert.ok(local.hovers[0].filter((h) => /A\\?\/RES\\?\/73\\?\/62/.test(h)).length >= 10, local.hovers[0].join('\n'));
      assert.deepEqual(remote.hovers, local.hovers);
      const [previous] = local.compare as { with: { symbol: string; rule: string } | null }[];
      assert.equal(previous.with?.symbol, 'A/RES/73/62');
      // The same document, rule and paragraph pairs. The count in the overlap rule's reason may be
      // lower from the database: its similar text (schema v2) finds near copies by band keys and can
      // miss a paragraph that scores only 40-50 locally (the rule's threshold is 40).
      const shared = /shares the most paragraphs with the draft \((\d+) of/;
      const remoteCount = Number(shared.exec(JSON.stringify(remote.compare))?.[1] ?? 0);
      const localCount = Number(shared.exec(JSON.stringify(local.compare))?.[1] ?? 0);
      assert.ok(remoteCount >= 1 && remoteCount <= localCount, `database ${remoteCount}, local ${localCount}`);
      const withoutCount = (c: unknown) => JSON.parse(JSON.stringify(c).replace(new RegExp(shared.source, 'g'), 'shares the most paragraphs with the draft (N of')) as unknown;
      assert.deepEqual(withoutCount(remote.compare), withoutCount(local.compare));
      assert.deepEqual(remote.documents, local.documents);
      // The document compared with is opened in the diff editor through the server: the text published.
      const uri = await s.server.open('edited.unres', EDITED);
      const result = (await s.server.request('resolutionDrafter/compare', { uri })) as CompareResult;
      assert.match(result.with?.uri ?? '', /^resolution-drafter-corpus:\//);
      const shown = (await s.server.request('resolutionDrafter/corpusDocumentText', { uri: result.with?.uri })) as { text: string } | null;
      assert.equal(shown?.text, readFileSync(EARLIER_FILE, 'utf8'));
      // "Compare with…" names a database document by the URI the list gave.
      const listed = ((await s.server.request('resolutionDrafter/corpusDocuments', null)) as CorpusDocumentInfo[]).find((d) => d.symbol === 'A/RES/62/42');
      const byUri = (await s.server.request('resolutionDrafter/compare', { uri, with: listed?.uri })) as CompareResult;
      assert.equal(byUri.with?.symbol, 'A/RES/62/42');
      assert.ok(byUri.paragraphs.length > 0);
    } finally {
      await s.server.stop();
    }
  });

  test('the command line: provenance and compare with --server and no local corpus give the local answers; a database that cannot be used leaves them, exit 3, never the password', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-serve-cli-'));
    try {
      const draft = join(dir, 'draft.unres');
      writeFileSync(draft, EDITED);
      const cli = (args: string[], env: Record<string, string> = {}) => {
        const r = spawnSync(process.execPath, [resolve('bin/resolution-drafter.js'), ...args], { encoding: 'utf8', env: { ...process.env, TMPDIR: dir, PGPASSFILE: join(dir, 'none'), ...env } });
        return { code: r.status, stdout: r.stdout, stderr: r.stderr };
      };
      const pw = { PGPASSWORD: PASSWORDS.drafter };
      const files = (out: string) => (JSON.parse(out) as ProvenanceFileRecord[]).map((f) => f.paragraphs.map(({ closest, sources, ...p }) => ({ ...p, closest: closest && { ...closest, file: undefined }, sources: sources.map((x) => ({ ...x, file: undefined })) })));
      const localProvenance = cli(['provenance', '--format', 'json', draft]);
      assert.equal(localProvenance.code, 0, localProvenance.stderr);
      const remoteProvenance = cli(['provenance', '--no-bundled', '--server', url, '--format', 'json', draft], pw);
      assert.equal(remoteProvenance.code, 0, remoteProvenance.stderr);
      assert.ok(files(localProvenance.stdout)[0].some((p) => p.agreed > 0 && p.agreed < 100));
      assert.deepEqual(files(remoteProvenance.stdout), files(localProvenance.stdout));
      const localCompare = cli(['compare', '--format', 'json', draft]);
      const remoteCompare = cli(['compare', '--no-bundled', '--server', url, '--format', 'json', draft], pw);
      assert.equal(remoteCompare.code, 0, remoteCompare.stderr);
      const a = JSON.parse(localCompare.stdout) as CompareJson;
      const b = JSON.parse(remoteCompare.stdout) as CompareJson;
      assert.equal(a.with?.symbol, 'A/RES/73/62');
      assert.equal(b.with?.file, 'resolution-drafter-corpus:/A%2FRES%2F73%2F62.unres');
      assert.deepEqual({ ...b, with: { ...b.with, file: '' } }, { ...a, with: { ...a.with, file: '' } });
      // Refused and unreachable: the local answers, exit 3, the server named without its password.
      const wrong = 'cli-wrong-pw-77';
      for (const server of [`postgres://rd_drafter:${wrong}@127.0.0.1:${cluster.port}/corpus`, `postgres://rd_drafter:${wrong}@127.0.0.1:1/corpus`]) {
        const p = cli(['provenance', '--format', 'json', '--server', server, draft]);
        assert.equal(p.code, 3, p.stderr);
        assert.deepEqual(files(p.stdout), files(localProvenance.stdout));
        assert.match(p.stderr, /local corpus only/);
        const c = cli(['compare', '--format', 'json', '--server', server, draft]);
        assert.equal(c.code, 3, c.stderr);
        assert.deepEqual(JSON.parse(c.stdout), a);
        for (const text of [p.stdout, p.stderr, c.stdout, c.stderr]) assert.ok(!text.includes(wrong), text);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the database beside the same local corpus changes nothing (each paragraph once)', async () => {
    const s = await start({ corpusServer: url, corpusServerPassword: PASSWORDS.drafter, corpusServerBudget: 10_000 });
    try {
      await indexReady(s.server);
      await waitForState(s.server, 'connected');
      const both = await answers(s);
      assert.deepEqual(both, local);
    } finally {
      await s.server.stop();
    }
  });

  test('database unreachable, login refused, schema too new: the local answers as they are, a status note, one log line, never the password', async () => {
    const closed = new Relay(cluster.port);
    closed.accepting = false;
    await closed.start();
    cluster.sql('CREATE DATABASE corpus_future', 'postgres');
    cluster.sql('CREATE SCHEMA resolution_drafter; CREATE TABLE resolution_drafter.schema_version (version int NOT NULL); INSERT INTO resolution_drafter.schema_version VALUES (99); GRANT USAGE ON SCHEMA resolution_drafter TO rd_drafter; GRANT SELECT ON resolution_drafter.schema_version TO rd_drafter', 'corpus_future');
    const wrong = 'not-the-password-4k2';
    const cases = [
      { state: 'unreachable', options: { corpusServer: `postgres://rd_drafter@127.0.0.1:${closed.port}/corpus`, corpusServerPassword: PASSWORDS.drafter }, secret: PASSWORDS.drafter },
      { state: 'refused', options: { corpusServer: url, corpusServerPassword: wrong }, secret: wrong },
      { state: 'schema-too-new', options: { corpusServer: `postgres://rd_drafter@127.0.0.1:${cluster.port}/corpus_future`, corpusServerPassword: PASSWORDS.drafter }, secret: PASSWORDS.drafter },
    ];
    try {
      for (const c of cases) {
        const s = await start(c.options);
        try {
          await indexReady(s.server);
          const status = await waitForState(s.server, c.state);
          assert.deepEqual(await answers(s), local, c.state);
          const lines = s.logs.filter((l) => l.includes('corpus database'));
          assert.equal(lines.length, 1, `${c.state}: ${lines.join('\n')}`);
          assert.match(lines[0], /local corpus only/);
          const seen = [...s.logs, JSON.stringify(s.statuses), JSON.stringify(status)].join('\n');
          assert.ok(!seen.includes(c.secret), `${c.state}: the password shows`);
        } finally {
          await s.server.stop();
        }
      }
    } finally {
      closed.stop();
    }
  });

  test('the database going away while in use: local answers, one note and one log line, attempts after 1, 2, 4, 8 s, and its answers again once it is back', async () => {
    const relay = new Relay(cluster.port);
    await relay.start();
    const s = await start({ corpusServer: `postgres://rd_drafter@127.0.0.1:${relay.port}/corpus`, corpusServerPassword: PASSWORDS.drafter, corpusServerBudget: 10_000 }, { codeLens: { refreshSupport: true } });
    try {
      await indexReady(s.server);
      await waitForState(s.server, 'connected');
      assert.deepEqual(await answers(s), local);
      const refreshes = s.refreshes;
      relay.accepting = false;
      relay.drop();
      const uri = await s.server.open('edited.unres', EDITED);
      const started = Date.now();
      const lenses = (await s.server.request('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
      assert.ok(Date.now() - started < 5000, `the lenses took ${Date.now() - started} ms`);
      assert.deepEqual(lenses.map((l) => `${l.range.start.line}: ${l.command?.title ?? ''}`), local.lenses[0]);
      // The attempts: each a little later than the one before.
      const delays: number[] = [];
      const until = Date.now() + 9000;
      while (Date.now() < until) {
        const status = (await s.server.request('resolutionDrafter/corpusServerStatus', null)) as CorpusServerStatus;
        if (status.retryIn !== undefined && delays.at(-1) !== status.retryIn) delays.push(status.retryIn);
        await sleep(100);
      }
      assert.deepEqual(delays.slice(0, 4), [1000, 2000, 4000, 8000], JSON.stringify(delays));
      await waitForState(s.server, 'unreachable');
      assert.deepEqual(await answers(s), local);
      const lines = s.logs.filter((l) => l.includes('corpus database'));
      assert.equal(lines.length, 2, lines.join('\n'));
      assert.match(lines[1], /cannot reach the corpus database.*local corpus only/);
      assert.deepEqual(s.statuses.map((x) => x.state), ['connected', 'unreachable']);
      relay.accepting = true;
      await waitForState(s.server, 'connected', 30_000);
      // The lenses made while it was away are asked for again.
      await sleep(300);
      assert.ok(s.refreshes > refreshes, 'no lens refresh when the database came back');
      assert.deepEqual(await answers(s), local);
      for (const text of [...s.logs, JSON.stringify(s.statuses)]) assert.ok(!text.includes(PASSWORDS.drafter));
    } finally {
      await s.server.stop();
      relay.stop();
    }
  });

  test('the password from PGPASSFILE (nothing in the settings or the initialization options), and no password anywhere in the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-serve-pgpass-'));
    try {
      const passfile = join(dir, 'pgpass');
      writeFileSync(passfile, `127.0.0.1:${cluster.port}:corpus:rd_drafter:${PASSWORDS.drafter}\n`, { mode: 0o600 });
      const env: NodeJS.ProcessEnv = { ...process.env, PGPASSFILE: passfile };
      // (PGPASSWORD, even empty, turns PGPASSFILE off, as for psql.)
      delete env.PGPASSWORD;
      const server = await startServer({ initializationOptions: { useBundledCorpus: false, corpusServer: url, corpusServerBudget: 10_000 }, env });
      try {
        await indexReady(server, false);
        await waitForState(server, 'connected');
        const uri = await server.open('edited.unres', EDITED);
        const lenses = (await server.request('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
        assert.deepEqual(lenses.map((l) => `${l.range.start.line}: ${l.command?.title ?? ''}`), local.lenses[0]);
      } finally {
        await server.stop();
      }
      // Publishing wrote the writer's connection string with its password: none of it is kept.
      const tables = cluster.sql("SELECT string_agg(table_name, ' ') FROM information_schema.tables WHERE table_schema = 'resolution_drafter'").split(' ');
      assert.ok(tables.length >= 8, tables.join(' '));
      for (const table of tables) {
        for (const secret of Object.values(PASSWORDS)) {
          const found = cluster.sql(`SELECT count(*) FROM resolution_drafter.${table} t WHERE t::text LIKE '%${secret}%'`);
          assert.equal(found, '0', `${secret} in ${table}`);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a slow database: the lenses and the ghost text come at once with the local answers, the lenses are refreshed when the database answers', async () => {
    const relay = new Relay(cluster.port);
    await relay.start();
    const s = await start({ useBundledCorpus: false, corpusServer: `postgres://rd_drafter@127.0.0.1:${relay.port}/corpus`, corpusServerPassword: PASSWORDS.drafter, corpusServerBudget: 300 }, { codeLens: { refreshSupport: true } });
    try {
      await indexReady(s.server, false);
      await waitForState(s.server, 'connected');
      const refreshed = s.refreshes;
      relay.delay = 400;
      const uri = await s.server.open('edited.unres', EDITED);
      let started = Date.now();
      const first = (await s.server.request('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
      assert.ok(Date.now() - started < 1000, `the lenses took ${Date.now() - started} ms with a database 0.4 s slow`);
      // The local corpus is empty: before the database answers, every paragraph is new language.
      assert.ok(first.every((l) => l.command?.title === 'agreed 0 % · new 100 %'), first.map((l) => l.command?.title).join('\n'));
      const line = k.draftLine(MOVED_START);
      started = Date.now();
      const ghost = await s.server.request('textDocument/inlineCompletion', { textDocument: { uri }, position: { line, character: 6 }, context: { triggerKind: 2 } });
      assert.ok(Date.now() - started < 1000, `the ghost text took ${Date.now() - started} ms`);
      assert.ok(ghost === null || (ghost as InlineCompletionList).items.length === 0);
      // The database's answers come (one paragraph at a time behind the relay's delay) and the client is asked to fetch the lenses again.
      const until = Date.now() + 120_000;
      while (s.refreshes === refreshed && Date.now() < until) await sleep(200);
      assert.ok(s.refreshes > refreshed, 'no lens refresh');
      relay.delay = 0;
      // Every paragraph's answer in (they come one at a time): the database's lenses.
      const titles = async () => ((await s.server.request('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[]).map((l) => `${l.range.start.line}: ${l.command?.title ?? ''}`);
      let merged = await titles();
      while (JSON.stringify(merged) !== JSON.stringify(local.lenses[0]) && Date.now() < until) {
        await sleep(500);
        merged = await titles();
      }
      assert.deepEqual(merged, local.lenses[0]);
    } finally {
      await s.server.stop();
      relay.stop();
    }
  });
});
