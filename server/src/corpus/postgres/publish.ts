/**
 * Publishing clean corpus folders into a corpus database: documents and their catalogue facts,
 * paragraphs with their place, footnotes, titles, citations and what each document adds to the
 * knowledge. Incremental: a document whose content (draft and catalogue facts) has the same hash
 * as in the database is left alone; a changed or new one is replaced; one no longer in the folders
 * is deleted. The merged lists are made again at the end.
 */
import { databaseMessages } from './messages';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'pg';
import { KnowledgeBuilder, knowledgeData, parseDraft, symbolKey, chineseAssist, type Catalogue, type CatalogueDocument, type CitedDocument, type CitedTitle } from '../../core';
import { corpusParagraphs } from '../../core/agreed/corpus-paragraphs';
import { bandKeys } from '../../core/agreed/text-signature';
import { readCatalogue } from '../load';
import { connectClient, connectionConfig, errorMessage, faultOf, PasswordMissingError, type CorpusServerConfig } from './connection';
import { endingRows, migrate, SCHEMA } from './schema';

export interface PublishReport {
  added: number;
  replaced: number;
  unchanged: number;
  removed: number;
  /** Paragraphs written (of the added and replaced documents). */
  paragraphs: number;
  /** Files skipped, with the reason. */
  problems: string[];
  milliseconds: number;
  schema: { from: number; to: number };
}

/** What the catalogue of a folder says about one of its files. */
interface CatalogueSlice {
  document?: CatalogueDocument;
  cited: CitedDocument[];
  titles: CitedTitle[];
}

/**
 * Cuts a folder's catalogue into what concerns each file: its own entry, and the cited documents
 * and titles with only the places in that file. An entry cited from nowhere goes with the folder's
 * first file; one cited only from files the folder no longer holds is left out.
 */
function sliceCatalogue(catalogue: Catalogue | undefined, files: string[]): Map<string, CatalogueSlice> {
  const slices = new Map<string, CatalogueSlice>(files.map((f) => [f, { cited: [], titles: [] }]));
  if (!catalogue || files.length === 0) return slices;
  const first = files[0];
  for (const d of catalogue.documents) {
    const slice = slices.get(d.file);
    if (slice) slice.document = d;
  }
  for (const c of catalogue.cited) {
    const byFile = new Map<string, CitedDocument>();
    for (const site of c.citedBy) {
      if (!slices.has(site.file)) continue;
      let entry = byFile.get(site.file);
      if (!entry) byFile.set(site.file, (entry = { ...c, citedBy: [] }));
      entry.citedBy.push(site);
    }
    // Cited from nowhere: kept with the folder's first file; cited only from files that are gone: dropped.
    if (c.citedBy.length === 0) byFile.set(first, { ...c, citedBy: [] });
    for (const [file, entry] of byFile) slices.get(file)?.cited.push(entry);
  }
  for (const t of catalogue.titles) {
    const byFile = new Map<string, CitedTitle>();
    for (const site of t.citedBy) {
      if (!slices.has(site.file)) continue;
      let entry = byFile.get(site.file);
      if (!entry) byFile.set(site.file, (entry = { ...t, citedBy: [] }));
      entry.citedBy.push(site);
    }
    if (t.citedBy.length === 0) byFile.set(first, { ...t, citedBy: [] });
    for (const [file, entry] of byFile) slices.get(file)?.titles.push(entry);
  }
  return slices;
}

/** A client for publishing: one connection, no statement timeout (an index build takes its time). */
function connect(config: CorpusServerConfig): Promise<Client> {
  return connectClient({ ...connectionConfig(config), application_name: 'resolution-drafter publish', connectionTimeoutMillis: 10_000 });
}

/** The error a publish ends with: what a drafter can act on, never the password. */
export class PublishError extends Error {}

function failure(err: unknown, config: CorpusServerConfig): PublishError {
  const fault = faultOf(err);
  const message = errorMessage(err, config);
  if (err instanceof PasswordMissingError) return new PublishError(message);
  const say = databaseMessages[config.locale ?? 'en'];
  if (fault === 'refused') return new PublishError(say.publishRefused(message));
  if (fault === 'unreachable') return new PublishError(say.publishUnreachable(message));
  return new PublishError(message);
}

/** A batch insert of rows given as columns (one array per column, `unnest` on the database side). */
async function insertColumns(client: Client, table: string, columns: [name: string, type: string][], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const values = columns.map((_, c) => rows.map((r) => r[c]));
  const list = columns.map(([name]) => name).join(', ');
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  await client.query(`INSERT INTO ${SCHEMA}.${table} (${list}) SELECT * FROM unnest(${unnest})`, values);
}

/** Text arrays as a JSON array column (unnest cannot take arrays of arrays of different lengths). */
const json = (value: unknown) => JSON.stringify(value);

/**
 * Loads the clean corpus folders into the database at `config` (creating or migrating the schema).
 * The folders are the whole published corpus: a document in the database that none of them holds
 * is deleted. Throws a `PublishError` with a message for a drafter.
 */
export async function publishCorpus(folders: string[], config: CorpusServerConfig, log: (line: string) => void = () => undefined): Promise<PublishReport> {
  const started = Date.now();
  const report: PublishReport = { added: 0, replaced: 0, unchanged: 0, removed: 0, paragraphs: 0, problems: [], milliseconds: 0, schema: { from: 0, to: 0 } };
  let client: Client;
  try {
    client = await connect(config);
  } catch (err) {
    throw failure(err, config);
  }
  try {
    report.schema = await migrate(client);
    await client.query(`SET search_path = ${SCHEMA}, public`);
    const existing = new Map((await client.query<{ source: string; content_hash: string }>(`SELECT source, content_hash FROM ${SCHEMA}.documents`)).rows.map((r) => [r.source, r.content_hash]));
    // A first load (or one that more than doubles the corpus) builds its big indexes once at the end (BULK_INDEXES).
    const files = folders.reduce((n, f) => n + countDrafts(f), 0);
    const bulk = files - existing.size > Math.max(200, existing.size);
    if (bulk) for (const index of BULK_INDEXES) await client.query(`DROP INDEX IF EXISTS ${SCHEMA}.${index.name}`);
    const seen = new Set<string>();
    let batch: PreparedDocument[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      report.paragraphs += await writeBatch(client, batch);
      batch = [];
      log(`${report.added + report.replaced} documents written…`);
    };
    for (const [folderOrder, folder] of folders.entries()) {
      const { catalogue, problem } = readCatalogue(folder);
      if (problem) report.problems.push(problem);
      let names: string[];
      try {
        names = readdirSync(folder).filter((n) => n.endsWith('.unres')).sort();
      } catch (err) {
        report.problems.push(`${folder}: cannot read the folder (${(err as NodeJS.ErrnoException).code ?? String(err)}); skipped`);
        continue;
      }
      const slices = sliceCatalogue(catalogue, names);
      for (const name of names) {
        const path = join(folder, name);
        let text: string;
        try {
          const buffer = readFileSync(path);
          text = buffer.toString('utf8');
          if (text.includes('\uFFFD') || buffer.includes(0)) throw new Error('not UTF-8 text');
        } catch (err) {
          report.problems.push(`${path}: ${err instanceof Error ? err.message : String(err)}; skipped`);
          continue;
        }
        const slice = slices.get(name) ?? { cited: [], titles: [] };
        const hash = createHash('sha256').update(text).update('\u0000').update(json(slice)).update(`\u0000${folderOrder}`).digest('hex');
        // A document is known by its folder's place and its file name (two files may give one symbol, as in a local corpus).
        const source = `${folderOrder}/${name}`;
        seen.add(source);
        // Unchanged: not even parsed.
        if (existing.get(source) === hash) {
          report.unchanged++;
          continue;
        }
        const model = parseDraft(text);
        // The symbol as the corpus loader gives it: the catalogue's, else the draft's own, else the file name.
        const symbol = slice.document?.symbol ?? model.facts.symbol ?? name;
        batch.push(prepareDocument({ source, symbol, name, folderOrder, hash, text, model, slice }));
        if (existing.has(source)) report.replaced++;
        else report.added++;
        if (batch.length >= BATCH) await flush();
      }
    }
    await flush();
    const gone = [...existing.keys()].filter((s) => !seen.has(s));
    if (gone.length > 0) {
      await client.query(`DELETE FROM ${SCHEMA}.documents WHERE source = ANY($1::text[])`, [gone]);
      report.removed = gone.length;
    }
    // Also after a migration, which leaves every text to be keyed.
    const unended = await client.query(`SELECT 1 FROM ${SCHEMA}.paragraph_texts WHERE NOT ended LIMIT 1`);
    const changed = report.added + report.replaced + report.removed > 0 || unended.rows.length > 0;
    if (changed) await finishTexts(client, log);
    // Always: a publish that stopped half way through a first load left them missing.
    await client.query(`SET maintenance_work_mem = '256MB'`);
    for (const index of BULK_INDEXES) {
      const made = Date.now();
      const { rowCount } = await client.query(`SELECT 1 FROM pg_indexes WHERE schemaname = '${SCHEMA}' AND indexname = '${index.name}'`);
      if (rowCount) continue;
      await client.query(`CREATE INDEX IF NOT EXISTS ${index.name} ON ${SCHEMA}.${index.on}`);
      log(`index ${index.name} made in ${((Date.now() - made) / 1000).toFixed(1)} s`);
    }
    if (changed) {
      for (const view of ['opener_uses', 'title_uses', 'resolution_citations']) await client.query(`REFRESH MATERIALIZED VIEW ${SCHEMA}.${view}`);
      // VACUUM too: index-only scans of the keys need the visibility map.
      for (const table of ['paragraphs', 'paragraph_texts', 'text_endings', 'text_signatures']) await client.query(`VACUUM (ANALYZE) ${SCHEMA}.${table}`);
    }
    await client.query(`INSERT INTO ${SCHEMA}.publications (added, replaced, removed, unchanged) VALUES ($1, $2, $3, $4)`, [report.added, report.replaced, report.removed, report.unchanged]);
  } catch (err) {
    throw err instanceof PublishError ? err : failure(err, config);
  } finally {
    await client.end().catch(() => undefined);
  }
  report.milliseconds = Date.now() - started;
  return report;
}

interface DocumentToWrite {
  source: string;
  symbol: string;
  name: string;
  folderOrder: number;
  hash: string;
  text: string;
  model: ReturnType<typeof parseDraft>;
  slice: CatalogueSlice;
}

/**
 * The indexes a first load (or one that more than doubles the corpus) drops and makes again once
 * at the end, far quicker than keeping them up row by row (as the schema names them). Drafters'
 * searches are slow until they are back.
 */
const BULK_INDEXES = [
  { name: 'paragraphs_text_trgm', on: 'paragraphs USING gin (text gin_trgm_ops)' },
  { name: 'text_endings_ending', on: 'text_endings (ending)' },
  { name: 'text_signatures_key', on: 'text_signatures (key, text_id)' },
];

/** Paragraph texts read at a time to make their band keys. */
const SIGNATURE_BATCH = 5000;

/**
 * After the documents are written: paragraph texts no paragraph has any more go (with their
 * endings), new ones get their endings, and every text its count of paragraphs. One transaction.
 */
async function finishTexts(client: Client, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  await client.query('BEGIN');
  try {
    const gone = await client.query<{ id: number }>(`DELETE FROM ${SCHEMA}.paragraph_texts t WHERE NOT EXISTS (SELECT 1 FROM ${SCHEMA}.paragraphs p WHERE p.text_id = t.id) RETURNING id`);
    if (gone.rows.length > 0) {
      for (const table of ['text_endings', 'text_signatures']) await client.query(`DELETE FROM ${SCHEMA}.${table} WHERE text_id = ANY($1::int[])`, [gone.rows.map((r) => r.id)]);
    }
    const ended = await client.query(endingRows('NOT t.ended'));
    let signed = 0;
    for (let last = 0; ; ) {
      const texts = await client.query<{ id: number; text: string }>(`SELECT id, text FROM ${SCHEMA}.paragraph_texts WHERE NOT ended AND id > $1 ORDER BY id LIMIT ${SIGNATURE_BATCH}`, [last]);
      if (texts.rows.length === 0) break;
      const keys: number[] = [];
      const ids: number[] = [];
      for (const t of texts.rows) {
        for (const key of new Set(bandKeys(t.text))) {
          keys.push(key);
          ids.push(t.id);
        }
      }
      await client.query(`INSERT INTO ${SCHEMA}.text_signatures (key, text_id) SELECT * FROM unnest($1::int[], $2::int[])`, [keys, ids]);
      signed += texts.rows.length;
      last = texts.rows[texts.rows.length - 1].id;
    }
    await client.query(`UPDATE ${SCHEMA}.paragraph_texts SET ended = true WHERE NOT ended`);
    await client.query(
      `UPDATE ${SCHEMA}.paragraph_texts t SET uses = c.n FROM (SELECT text_id, count(*)::int AS n FROM ${SCHEMA}.paragraphs GROUP BY text_id) c WHERE t.id = c.text_id AND t.uses <> c.n`,
    );
    await client.query('COMMIT');
    log(`paragraph texts: ${gone.rows.length} gone, ${signed} new (${ended.rowCount ?? 0} places keyed), in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

function countDrafts(folder: string): number {
  try {
    return readdirSync(folder).filter((n) => n.endsWith('.unres')).length;
  } catch {
    return 0;
  }
}

/** Documents written in one transaction, with one statement per table. */
const BATCH = 250;

/** One document's rows, made before anything is written. */
interface PreparedDocument {
  doc: DocumentToWrite;
  paragraphs: ReturnType<typeof corpusParagraphs>;
  knowledge: ReturnType<typeof knowledgeData>;
}

function prepareDocument(doc: DocumentToWrite): PreparedDocument {
  const entry = doc.slice.document;
  // What this document adds to the knowledge, made by the same builder as the local corpus's.
  const builder = new KnowledgeBuilder();
  // With the file's name, so that its citing places are named as paragraphs (`序言部分第 3 段`), as locally.
  builder.add({ symbol: doc.symbol, model: doc.model, path: doc.name });
  const knowledge = knowledgeData(builder.finish({ version: 1, documents: entry ? [entry] : [], cited: doc.slice.cited, titles: doc.slice.titles }));
  return { doc, paragraphs: corpusParagraphs(doc.model), knowledge };
}

/** Replaces documents (and everything hanging from them) in one transaction. Returns the paragraphs written. */
async function writeBatch(client: Client, batch: PreparedDocument[]): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query(`DELETE FROM ${SCHEMA}.documents WHERE source = ANY($1::text[])`, [batch.map((b) => b.doc.source)]);
    const columns: [string, string, (d: DocumentToWrite) => unknown][] = [
      ['source', 'text', (d) => d.source],
      ['symbol', 'text', (d) => d.symbol],
      ['symbol_key', 'text', (d) => symbolKey(d.symbol)],
      ['file', 'text', (d) => d.name],
      ['folder_order', 'int', (d) => d.folderOrder],
      ['content_hash', 'text', (d) => d.hash],
      ['kind', 'text', (d) => d.slice.document?.kind ?? 'other'],
      ['shape', 'text', (d) => d.model.shape],
      ['title', 'text', (d) => d.slice.document?.title ?? d.model.title?.title ?? null],
      ['date', 'text', (d) => d.slice.document?.date ?? (d.model.facts.date?.valid ? d.model.facts.date.iso : null)],
      ['session', 'int', (d) => d.slice.document?.session ?? null],
      ['agenda_item', 'text', (d) => d.slice.document?.agendaItem ?? null],
      ['report', 'text', (d) => d.slice.document?.report ?? null],
      ['meeting', 'int', (d) => d.slice.document?.meeting ?? null],
      ['counts', 'jsonb', (d) => (d.slice.document ? json(d.slice.document.counts) : null)],
      ['text', 'text', (d) => d.text],
    ];
    const inserted = await client.query<{ id: number; source: string }>(
      `INSERT INTO ${SCHEMA}.documents (${columns.map((c) => c[0]).join(', ')})
       SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ')}) RETURNING id, source`,
      columns.map(([, , value]) => batch.map((b) => value(b.doc))),
    );
    const idOf = new Map(inserted.rows.map((r) => [r.source, r.id]));
    const rows = <T>(make: (b: PreparedDocument, id: number) => T[]) => batch.flatMap((b) => make(b, idOf.get(b.doc.source) ?? 0));
    // Each paragraph text once: the new ones added, every one's id looked up by its hash.
    const hashOf = new Map<string, Buffer>();
    for (const b of batch) for (const p of b.paragraphs) if (!hashOf.has(p.text)) hashOf.set(p.text, createHash('sha256').update(p.text, 'utf8').digest());
    const texts = [...hashOf.keys()];
    const hashes = texts.map((t) => hashOf.get(t));
    await client.query(`INSERT INTO ${SCHEMA}.paragraph_texts (hash, text) SELECT * FROM unnest($1::bytea[], $2::text[]) ON CONFLICT (hash) DO NOTHING`, [hashes, texts]);
    const known = await client.query<{ id: number; hash: Buffer }>(`SELECT id, hash FROM ${SCHEMA}.paragraph_texts WHERE hash = ANY($1::bytea[])`, [hashes]);
    const textId = new Map(known.rows.map((r) => [r.hash.toString('hex'), r.id]));
    const idOfText = (text: string) => textId.get(hashOf.get(text)?.toString('hex') ?? '') ?? null;
    await insertColumns(
      client,
      'paragraphs',
      [['document_id', 'int'], ['ord', 'int'], ['kind', 'text'], ['place', 'text'], ['line', 'int'], ['text', 'text'], ['text_id', 'int']],
      rows((b, id) => b.paragraphs.map((p, i) => [id, i, p.kind, p.where, p.line, p.text, idOfText(p.text)])),
    );
    await insertColumns(
      client,
      'footnotes',
      [['document_id', 'int'], ['number', 'int'], ['line', 'int'], ['text', 'text']],
      rows((b, id) => b.doc.model.footnotes.map((f) => [id, f.number, f.line, b.doc.model.text.slice(f.textSpan.start, f.textSpan.end)])),
    );
    await insertColumns(client, 'titles', [['document_id', 'int'], ['title', 'text'], ['line', 'int']], rows((b, id) => b.doc.model.titles.map((t) => [id, t.title, t.line])));
    await insertColumns(
      client,
      'citations',
      [['document_id', 'int'], ['symbol', 'text'], ['kind', 'text'], ['line', 'int']],
      rows((b, id) => b.doc.slice.cited.flatMap((c) => c.citedBy.map((site) => [id, c.symbol, c.kind, site.line]))),
    );
    await insertColumns(
      client,
      'knowledge_openers',
      [['document_id', 'int'], ['base', 'text'], ['preambular', 'int'], ['operative', 'int']],
      rows((b, id) => b.knowledge.openers.map((o) => [id, o.base, o.preambular, o.operative])),
    );
    // Arrays of arrays go in as JSON and come out as text[].
    const titles = rows((b, id) => b.knowledge.titles.map((t) => ({ id, key: t.title.replace(/\s+/g, ''), title: t.title, uses: t.uses, inDraft: t.documents.length > 0, footnotes: t.footnotes })));
    if (titles.length > 0) {
      await client.query(
        `INSERT INTO ${SCHEMA}.knowledge_titles (document_id, title_key, title, uses, in_draft, footnotes)
         SELECT (t->>'id')::int, t->>'key', t->>'title', (t->>'uses')::int, (t->>'inDraft')::boolean, ARRAY(SELECT jsonb_array_elements_text(t->'footnotes'))
         FROM jsonb_array_elements($1::jsonb) t`,
        [json(titles)],
      );
    }
    const symbols = rows((b, id) =>
      b.knowledge.symbols.map(([key, f]) => {
        const cite = chineseAssist.citationNumber(f.symbol);
        return {
          id,
          key,
          symbol: f.symbol,
          kind: f.kind,
          own: !!f.draft,
          titles: f.titles,
          dates: f.dates,
          footnotes: f.footnotes,
          citedBy: f.citedBy.map((c) => ({ symbol: c.symbol, line: c.line, ...(c.where ? { where: c.where } : {}) })),
          number: cite?.number ?? null,
          organ: cite?.organ ?? null,
        };
      }),
    );
    if (symbols.length > 0) {
      await client.query(
        `INSERT INTO ${SCHEMA}.knowledge_symbols (document_id, symbol_key, symbol, kind, own, titles, dates, footnotes, cited_by, cite_number, cite_organ)
         SELECT (s->>'id')::int, s->>'key', s->>'symbol', s->>'kind', (s->>'own')::boolean,
                ARRAY(SELECT jsonb_array_elements_text(s->'titles')), ARRAY(SELECT jsonb_array_elements_text(s->'dates')),
                ARRAY(SELECT jsonb_array_elements_text(s->'footnotes')), s->'citedBy', s->>'number', s->>'organ'
         FROM jsonb_array_elements($1::jsonb) s`,
        [json(symbols)],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  return batch.reduce((n, b) => n + b.paragraphs.length, 0);
}
