// Publishing corpus folders into a real PostgreSQL (a throwaway cluster, see cluster.ts): the
// bundled corpus, a synthetic corpus, incremental publishing, schema versions, roles, and the
// password never printed. Needs Debian's postgresql (`.ci/run` installs it); without it the tests
// skip locally and fail under CI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadCorpus, bundledCorpusFolder } from '../../server/src/corpus/load';
import { publishCorpus } from '../../server/src/corpus/postgres/publish';
import { buildKnowledge } from '../../server/src/core';
import { corpusParagraphs } from '../../server/src/core/agreed/corpus-paragraphs';
import { loadOrBuildPhraseIndex } from '../../server/src/corpus/phrase-index-store';
import { RemoteCorpus } from '../../server/src/corpus/postgres/remote';
import { MIGRATIONS, SCHEMA_VERSION } from '../../server/src/corpus/postgres/schema';
import { Client } from 'pg';
import { syntheticCorpus } from '../../server/src/bench/synthetic';
import { PASSWORDS, postgresMissing, setupStatements, startCluster, type Cluster } from './cluster';

const missing = postgresMissing();
if (missing && process.env.CI) test('PostgreSQL is installed for the corpus database tests', () => assert.fail(missing));

/** The synthetic corpus size published in the tests (MB): the bench's 50 MB corpus (`RD_PG_TEST_MB=5` for a quicker run). */
const SYNTHETIC_MB = Number(process.env.RD_PG_TEST_MB ?? 50);

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [resolve('bin/resolution-drafter.js'), ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });

describe('publish to a corpus database', { skip: missing ?? false, timeout: 600_000 }, () => {
  let cluster: Cluster;
  let work: string;
  before(async () => {
    cluster = await startCluster();
    work = mkdtempSync(join(tmpdir(), 'rd-publish-'));
  });
  after(() => {
    cluster?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('the bundled corpus: every document, paragraph, footnote, title and citation; the knowledge as the local corpus has it', async () => {
    const report = await publishCorpus([bundledCorpusFolder()], { connectionString: cluster.writerUrl });
    const local = loadCorpus([bundledCorpusFolder()]);
    assert.equal(report.added, local.drafts.length);
    assert.deepEqual(report.problems, []);
    const count = (table: string) => Number(cluster.sql(`SELECT count(*) FROM resolution_drafter.${table}`));
    assert.equal(count('documents'), local.drafts.length);
    const footnotes = local.drafts.reduce((n, d) => n + d.model.footnotes.length, 0);
    assert.equal(count('footnotes'), footnotes);
    assert.equal(count('titles'), local.drafts.reduce((n, d) => n + d.model.titles.length, 0));
    assert.equal(count('citations'), local.catalogue.cited.reduce((n, c) => n + c.citedBy.length, 0));
    assert.equal(count('paragraphs'), report.paragraphs);
    // Catalogue facts are on the documents.
    const entry = local.catalogue.documents.find((d) => d.symbol === 'A/RES/76/54');
    assert.ok(entry);
    assert.equal(cluster.sql(`SELECT date || ' ' || agenda_item || ' ' || report FROM resolution_drafter.documents WHERE symbol = 'A/RES/76/54'`), `${entry.date} ${entry.agendaItem} ${entry.report}`);
    // A paragraph with its place.
    assert.match(cluster.sql(`SELECT place FROM resolution_drafter.paragraphs WHERE text LIKE '重申实现无核武器世界是国际社会的共同目标%'`), /序言部分第 1 段/);
    // The trigram index is there and used for a search inside Chinese text.
    const plan = cluster.sql(`SET enable_seqscan = off; EXPLAIN SELECT 1 FROM resolution_drafter.paragraphs WHERE text LIKE '%不扩散核武器%'`);
    assert.match(plan, /paragraphs_text_trgm/);
  });

  test('incremental: nothing is written again when nothing changed; a changed document is replaced, an added one added, a removed one deleted', async () => {
    const folder = join(work, 'corpus');
    cpSync(bundledCorpusFolder(), folder, { recursive: true, filter: (p) => !p.includes('/raw') && !p.includes('.index') });
    const config = { connectionString: cluster.writerUrl };
    const first = await publishCorpus([folder], config);
    assert.equal(first.added + first.replaced + first.unchanged, 5);
    const again = await publishCorpus([folder], config);
    assert.deepEqual([again.added, again.replaced, again.removed, again.unchanged, again.paragraphs], [0, 0, 0, 5, 0]);
    const idsBefore = cluster.sql(`SELECT string_agg(symbol || '=' || id, ',' ORDER BY symbol) FROM resolution_drafter.documents`);
    // Change one draft's wording, add one, remove one.
    const file = join(folder, 'A-RES-76-54.unres');
    writeFileSync(file, readFileSync(file, 'utf8').replace('重申实现无核武器世界是国际社会的共同目标', '重申实现无核武器世界是全人类的共同目标'));
    writeFileSync(join(folder, 'A-RES-77-1.unres'), '大会，\n\n1. **决定**继续审议这一问题。\n');
    unlinkSync(join(folder, 'A-RES-73-62.unres'));
    const changed = await publishCorpus([folder], config);
    assert.deepEqual([changed.added, changed.replaced, changed.removed, changed.unchanged], [1, 1, 1, 3]);
    const idsAfter = cluster.sql(`SELECT string_agg(symbol || '=' || id, ',' ORDER BY symbol) FROM resolution_drafter.documents`);
    // The unchanged documents kept their rows.
    for (const kept of idsBefore.split(',').filter((x) => !x.startsWith('A/RES/76/54=') && !x.startsWith('A/RES/73/62='))) assert.ok(idsAfter.includes(kept), kept);
    assert.equal(cluster.sql(`SELECT count(*) FROM resolution_drafter.paragraphs WHERE text LIKE '%全人类的共同目标%'`), '1');
    assert.equal(cluster.sql(`SELECT count(*) FROM resolution_drafter.documents WHERE symbol = 'A/RES/73/62'`), '0');
    // The knowledge follows: the removed document no longer uses any opener.
    assert.doesNotMatch(cluster.sql(`SELECT string_agg(array_to_string(documents, ','), ';') FROM resolution_drafter.opener_uses`), /A\/RES\/73\/62/);
    // Back to the bundled corpus for the other tests.
    await publishCorpus([bundledCorpusFolder()], config);
  });

  test(`a ${SYNTHETIC_MB} MB synthetic corpus publishes, and its paragraphs are searchable`, { timeout: 600_000 }, async () => {
    const bundled = loadCorpus([bundledCorpusFolder()]);
    const made = syntheticCorpus(bundled.drafts, SYNTHETIC_MB, join(work, 'synthetic'));
    const started = Date.now();
    const report = await publishCorpus([bundledCorpusFolder(), made.folder], { connectionString: cluster.writerUrl });
    const seconds = (Date.now() - started) / 1000;
    assert.equal(report.added + report.replaced + report.unchanged, made.files + 5, JSON.stringify(report));
    assert.ok(report.unchanged >= 4, JSON.stringify(report));
    process.stdout.write(`# published ${made.files} documents (${(made.bytes / 1024 / 1024).toFixed(1)} MB), ${report.paragraphs} paragraphs in ${seconds.toFixed(1)} s\n`);
    const remote = new RemoteCorpus({ connectionString: cluster.drafterUrl });
    await remote.start();
    try {
      assert.equal(remote.status.state, 'connected');
      const found = await remote.similar('重申实现无核武器世界是国际社会的共同目标，', { limit: 5, minScore: 50 });
      assert.ok(found.length > 0);
      // Copied with its label, an operative paragraph is the same text as the corpus keeps it: 100, as locally.
      const operative = bundled.drafts[0].model.operative.find((p) => p.label && p.children.length === 0)!;
      const line = bundled.drafts[0].model.lines.lineText(operative.line).trim();
      assert.equal((await remote.similar(line, { limit: 1, minScore: 50 }))[0]?.score, 100, line);
      // Against the local index of the same corpus: a common ending is sampled (256 places) on both
      // sides, in different orders, so the lists may differ past their head; the first continuation
      // and the source of a corpus paragraph lightly edited must agree.
      const { index } = loadOrBuildPhraseIndex([bundledCorpusFolder(), made.folder], { storagePath: join(work, 'index') });
      const texts = bundled.drafts.flatMap((d) => corpusParagraphs(d.model).filter((p) => p.kind !== 'footnote' && p.text.length > 30).map((p) => p.text));
      let asked = 0;
      let sameFirst = 0;
      let sourceFound = 0;
      for (let i = 0; i < 40; i++) {
        const text = texts[(i * 7) % texts.length];
        const before = text.slice(0, 6 + ((i * 5) % (text.length - 10)));
        const mine = index.continuations(before, 10);
        const theirs = await remote.continuations(before, 10);
        if (mine.length === 0 && theirs.length === 0) continue;
        asked++;
        if (mine[0]?.matched === theirs[0]?.matched && mine[0]?.text === theirs[0]?.text) sameFirst++;
        const edited = text.slice(0, 10) + '某' + text.slice(11);
        const near = await remote.similar(edited, { limit: 10, minScore: 50 });
        if (near.some((p) => p.text === text)) sourceFound++;
      }
      assert.ok(asked >= 30, `${asked} of 40 with continuations`);
      assert.ok(sameFirst >= 0.9 * asked, `the same first continuation in ${sameFirst} of ${asked}`);
      // (MinHash band keys find near copies; the bench measures recall against the local top 10.)
      assert.ok(sourceFound >= 36, `the edited paragraph's source among the database's similar paragraphs in ${sourceFound} of 40`);
      // Each opener with how many documents use it, as the local knowledge counts them, and only the first few symbols.
      const local = buildKnowledge(loadCorpus([bundledCorpusFolder(), made.folder])).openers;
      const openers = await remote.openers();
      assert.deepEqual(openers.map((o) => o.base).filter((b) => !local.has(b)), []);
      assert.deepEqual([...local.keys()].filter((b) => !openers.some((o) => o.base === b)), []);
      assert.equal(openers.length, local.size);
      const common = openers.filter((o) => (o.documentCount ?? 0) > 20);
      assert.ok(common.length > 0, 'some opener is used by more than 20 documents');
      for (const o of openers) {
        assert.equal(o.documentCount, local.get(o.base)?.documents.length, o.base);
        assert.ok(o.documents.length <= 20, o.base);
      }
    } finally {
      await remote.close();
    }
    // Back to the bundled corpus alone: the synthetic documents are deleted.
    const back = await publishCorpus([bundledCorpusFolder()], { connectionString: cluster.writerUrl });
    assert.equal(back.removed, made.files);
  });

  test('the drafter role reads but cannot publish; a refused login names the writer role and never prints the password', () => {
    const denied = cli(['publish', bundledCorpusFolder(), '--to', cluster.drafterUrl]);
    assert.equal(denied.status, 2, denied.stderr);
    assert.match(denied.stderr, /writer role/);
    const wrong = cluster.writerUrl.replace(encodeURIComponent(PASSWORDS.writer), 'not-the-password-1234');
    const refused = cli(['publish', bundledCorpusFolder(), '--to', wrong]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /refused/);
    for (const out of [denied.stdout, denied.stderr, refused.stdout, refused.stderr]) {
      assert.ok(!out.includes(PASSWORDS.drafter) && !out.includes('not-the-password-1234'), out);
    }
    // No password anywhere: said at once, and the command ends (no socket left open in the middle of the login).
    const started = Date.now();
    const none = cli(['publish', bundledCorpusFolder(), '--to', `postgres://rd_publisher@127.0.0.1:${cluster.port}/corpus`], { PGPASSWORD: '', PGPASSFILE: join(work, 'no-pgpass') });
    assert.equal(none.status, 2, none.stderr);
    assert.ok(none.stderr.includes('the corpus database asks a password for rd_publisher and none is set: set PGPASSWORD or a .pgpass line'), none.stderr);
    assert.ok(!/SASL|still alive/.test(none.stderr), none.stderr);
    assert.ok(Date.now() - started < 4000, `publish without a password took ${Date.now() - started} ms`);
    const ok = cli(['publish', bundledCorpusFolder(), '--to', cluster.writerUrl]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /5 unchanged/);
    assert.ok(!ok.stdout.includes(PASSWORDS.writer) && !ok.stderr.includes(PASSWORDS.writer));
    // Nothing written to the database holds it either.
    assert.equal(cluster.sql(`SELECT count(*) FROM resolution_drafter.documents WHERE text LIKE '%${PASSWORDS.writer}%'`), '0');
  });

  test('search --server finds the database paragraphs; an unreachable server is named without its password', () => {
    const found = cli(['search', '--no-bundled', '--server', cluster.drafterUrl, '--format', 'json', '重申实现无核武器世界是国际社会的共同目标']);
    assert.equal(found.status, 0, found.stderr);
    const records = JSON.parse(found.stdout) as { symbol: string; score: number }[];
    assert.equal(records[0].symbol, 'A/RES/76/54');
    const down = cli(['search', '--server', 'postgres://rd_drafter:secret-word-xyz@127.0.0.1:1/corpus', '重申实现无核武器世界']);
    assert.equal(down.status, 3);
    assert.match(down.stderr, /cannot reach/);
    assert.ok(!down.stderr.includes('secret-word-xyz') && !down.stdout.includes('secret-word-xyz'));
    // The local answer is still printed.
    assert.match(down.stdout, /A\/RES\/76\/54/);
    // A wrong password given as ?password= (used on the command line, as one in the user part): refused, never printed.
    const refused = cli(['search', '--server', `postgres://rd_drafter@127.0.0.1:${cluster.port}/corpus?password=q-secret-9x1`, '重申实现无核武器世界']);
    assert.equal(refused.status, 3, refused.stderr);
    assert.match(refused.stderr, /refused the login/);
    assert.ok(!refused.stderr.includes('q-secret-9x1') && !refused.stdout.includes('q-secret-9x1'), refused.stderr);
    assert.match(refused.stdout, /A\/RES\/76\/54/);
  });

  test('a schema newer than this program is refused by publish; the current one is kept as it is', async () => {
    cluster.sql(`INSERT INTO resolution_drafter.schema_version (version) VALUES (99)`);
    await assert.rejects(publishCorpus([bundledCorpusFolder()], { connectionString: cluster.writerUrl }), /version 99, newer/);
    cluster.sql(`DELETE FROM resolution_drafter.schema_version WHERE version = 99`);
    const report = await publishCorpus([bundledCorpusFolder()], { connectionString: cluster.writerUrl });
    assert.deepEqual(report.schema, { from: SCHEMA_VERSION, to: SCHEMA_VERSION });
  });

  test('a database at schema version 1 is migrated by publish: its paragraphs get their texts, and completion and similar text answer', async () => {
    cluster.sql('CREATE DATABASE corpus_v1', 'postgres');
    for (const statement of setupStatements(PASSWORDS).filter((q) => !q.startsWith('CREATE ROLE') && !q.startsWith('ALTER ROLE'))) cluster.sql(statement, 'corpus_v1');
    const url = cluster.writerUrl.replace(/\/corpus$/, '/corpus_v1');
    // Version 1 as its publish left it: one document with two paragraphs (one text twice).
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE TABLE resolution_drafter.schema_version (version int NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      await client.query(`SET search_path = resolution_drafter, public`);
      await client.query(MIGRATIONS[0].sql);
      await client.query(`INSERT INTO resolution_drafter.schema_version (version) VALUES (1)`);
      await client.query(`INSERT INTO resolution_drafter.documents (source, symbol, symbol_key, file, folder_order, content_hash, kind, shape, text) VALUES ('9/old.unres', 'A/RES/1/1', 'A/RES/1/1', 'old.unres', 9, 'x', 'resolution', 'resolution', '')`);
      await client.query(`INSERT INTO resolution_drafter.paragraphs (document_id, ord, kind, place, line, text) SELECT id, o, 'operative', '执行部分第 1 段', 3, '重申其以往各项决议，' FROM resolution_drafter.documents, generate_series(0, 1) o`);
    } finally {
      await client.end();
    }
    const report = await publishCorpus([bundledCorpusFolder()], { connectionString: url });
    assert.deepEqual(report.schema, { from: 1, to: SCHEMA_VERSION });
    assert.equal(report.removed, 1);
    const sql = (q: string) => cluster.sql(q, 'corpus_v1');
    assert.equal(sql(`SELECT count(*) FROM resolution_drafter.paragraphs WHERE text_id IS NULL`), '0');
    assert.equal(sql(`SELECT count(*) FROM resolution_drafter.paragraph_texts WHERE NOT ended OR uses < 1`), '0');
    // Each text once, its uses the paragraphs that have it; no text of the removed document is left.
    assert.equal(sql(`SELECT sum(uses) = (SELECT count(*) FROM resolution_drafter.paragraphs) FROM resolution_drafter.paragraph_texts`), 't');
    assert.equal(sql(`SELECT count(*) FROM resolution_drafter.paragraphs p JOIN resolution_drafter.paragraph_texts t ON t.id = p.text_id WHERE t.text <> p.text`), '0');
    const remote = new RemoteCorpus({ connectionString: cluster.drafterUrl.replace(/\/corpus$/, '/corpus_v1') });
    await remote.start();
    try {
      const found = await remote.continuations('重申实现无核武器世界是', 5);
      assert.ok(found.length > 0 && found[0].documents.includes('A/RES/76/54'), JSON.stringify(found.slice(0, 2)));
      const similar = await remote.similar('重申实现无核武器世界是国际社会的共同目标', { limit: 5, minScore: 50 });
      assert.ok(similar.some((p) => p.symbol === 'A/RES/76/54'), JSON.stringify(similar));
    } finally {
      await remote.close();
    }
  });
});
