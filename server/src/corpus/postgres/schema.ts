/**
 * The corpus database's schema, `resolution_drafter`, and its migrations. `schema_version` holds
 * the version the database is at; `publish` migrates it up, a drafter's server only checks it.
 */
import type { ClientBase } from 'pg';

export const SCHEMA = 'resolution_drafter';

/** The schema version this program reads and writes. */
export const SCHEMA_VERSION = 3;

/**
 * Characters of the text before each place of a paragraph text that `text_endings` keeps (reversed),
 * so that the longest ending of a line the corpus contains is found by two B-tree probes.
 */
export const ENDING_KEY = 12;

/** The rows of `text_endings` for the paragraph texts chosen by `where` (one per place after the second character). */
export function endingRows(where: string): string {
  return `INSERT INTO ${SCHEMA}.text_endings (ending, text_id, at)
    SELECT reverse(substr(t.text, greatest(1, i - ${ENDING_KEY - 1}), least(i, ${ENDING_KEY}))), t.id, i
    FROM ${SCHEMA}.paragraph_texts t, generate_series(2, length(t.text)) i WHERE ${where}`;
}

/**
 * Each migration takes the schema from the version before it to its own. Never change a
 * migration once released: add the next one.
 */
export const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE ${SCHEMA}.documents (
  id serial PRIMARY KEY,
  -- Which file of which folder: the folder's place on the publish command line and the file name.
  source text NOT NULL UNIQUE,
  symbol text NOT NULL,
  symbol_key text NOT NULL,
  file text NOT NULL,
  folder_order int NOT NULL,
  content_hash text NOT NULL,
  kind text NOT NULL,
  shape text NOT NULL,
  title text,
  date text,
  session int,
  agenda_item text,
  report text,
  meeting int,
  counts jsonb,
  -- The clean draft itself (for opening it, comparing it with its predecessor).
  text text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_order ON ${SCHEMA}.documents (folder_order, file);
CREATE INDEX documents_symbol ON ${SCHEMA}.documents (symbol);
CREATE INDEX documents_by_symbol_key ON ${SCHEMA}.documents (symbol_key);

-- Body paragraphs and footnotes with their place, as the phrase index sees them.
CREATE TABLE ${SCHEMA}.paragraphs (
  id bigserial PRIMARY KEY,
  document_id int NOT NULL REFERENCES ${SCHEMA}.documents ON DELETE CASCADE,
  ord int NOT NULL,
  kind text NOT NULL,
  place text NOT NULL,
  line int NOT NULL,
  text text NOT NULL
);
CREATE INDEX paragraphs_document ON ${SCHEMA}.paragraphs (document_id, ord);
CREATE INDEX paragraphs_text_trgm ON ${SCHEMA}.paragraphs USING gin (text gin_trgm_ops);

CREATE TABLE ${SCHEMA}.footnotes (
  document_id int NOT NULL REFERENCES ${SCHEMA}.documents ON DELETE CASCADE,
  number int NOT NULL,
  line int NOT NULL,
  text text NOT NULL
);
CREATE INDEX footnotes_document ON ${SCHEMA}.footnotes (document_id);

-- Every 《title》 a draft cites, where.
CREATE TABLE ${SCHEMA}.titles (
  document_id int NOT NULL REFERENCES ${SCHEMA}.documents ON DELETE CASCADE,
  title text NOT NULL,
  line int NOT NULL
);
CREATE INDEX titles_document ON ${SCHEMA}.titles (document_id);

-- Every document a draft cites (from the catalogue), where.
CREATE TABLE ${SCHEMA}.citations (
  document_id int NOT NULL REFERENCES ${SCHEMA}.documents ON DELETE CASCADE,
  symbol text NOT NULL,
  kind text NOT NULL,
  line int NOT NULL
);
CREATE INDEX citations_document ON ${SCHEMA}.citations (document_id);
CREATE INDEX citations_symbol ON ${SCHEMA}.citations (symbol);

-- The knowledge, as each document adds to it: openers, titles, symbols. Merged when read.
CREATE TABLE ${SCHEMA}.knowledge_openers (
  document_id int NOT NULL REFERENCES ${SCHEMA}.documents ON DELETE CASCADE,
  base text NOT NULL,
  preambular int NOT NULL,
  operative int NOT NULL
);
CREATE INDEX knowledge_openers_document ON ${SCHEMA}.knowledge_openers (document_id);
CREATE TABLE ${SCHEMA}.knowledge_titles (
  document_id int NOT NULL REFERENCES ${SCHEMA}.documents ON DELETE CASCADE,
  title_key text NOT NULL,
  title text NOT NULL,
  uses int NOT NULL,
  in_draft boolean NOT NULL,
  footnotes text[] NOT NULL
);
CREATE INDEX knowledge_titles_document ON ${SCHEMA}.knowledge_titles (document_id);
CREATE INDEX knowledge_titles_key ON ${SCHEMA}.knowledge_titles (title_key);
CREATE TABLE ${SCHEMA}.knowledge_symbols (
  document_id int NOT NULL REFERENCES ${SCHEMA}.documents ON DELETE CASCADE,
  symbol_key text NOT NULL,
  symbol text NOT NULL,
  kind text NOT NULL,
  own boolean NOT NULL,
  titles text[] NOT NULL,
  dates text[] NOT NULL,
  footnotes text[] NOT NULL,
  cited_by jsonb NOT NULL,
  cite_number text,
  cite_organ text
);
CREATE INDEX knowledge_symbols_document ON ${SCHEMA}.knowledge_symbols (document_id);
CREATE INDEX knowledge_symbols_key ON ${SCHEMA}.knowledge_symbols (symbol_key);

-- The merged lists completion ranks by, made again after each publish.
CREATE MATERIALIZED VIEW ${SCHEMA}.opener_uses AS
  SELECT o.base, sum(o.preambular)::int AS preambular, sum(o.operative)::int AS operative,
         (array_agg(d.symbol ORDER BY d.folder_order, d.file))[1:1000] AS documents
  FROM ${SCHEMA}.knowledge_openers o JOIN ${SCHEMA}.documents d ON d.id = o.document_id
  GROUP BY o.base;
CREATE MATERIALIZED VIEW ${SCHEMA}.title_uses AS
  SELECT t.title_key, sum(t.uses)::int AS uses
  FROM ${SCHEMA}.knowledge_titles t GROUP BY t.title_key;
CREATE UNIQUE INDEX title_uses_key ON ${SCHEMA}.title_uses (title_key);
CREATE INDEX title_uses_key_trgm ON ${SCHEMA}.title_uses USING gin (title_key gin_trgm_ops);
CREATE INDEX title_uses_prefix ON ${SCHEMA}.title_uses (title_key text_pattern_ops);
CREATE MATERIALIZED VIEW ${SCHEMA}.resolution_citations AS
  SELECT s.symbol_key, min(s.cite_number) AS number, sum(jsonb_array_length(s.cited_by))::int AS citations
  FROM ${SCHEMA}.knowledge_symbols s WHERE s.cite_number IS NOT NULL GROUP BY s.symbol_key;
CREATE UNIQUE INDEX resolution_citations_key ON ${SCHEMA}.resolution_citations (symbol_key);
CREATE INDEX resolution_citations_number ON ${SCHEMA}.resolution_citations (number text_pattern_ops);

-- Binary search for the longest ending of a text that some paragraph contains (a longer ending
-- occurs only where a shorter one does): one round trip instead of one per length.
CREATE FUNCTION ${SCHEMA}.longest_ending(tail text, shortest int) RETURNS int
LANGUAGE plpgsql STABLE AS $$
DECLARE lo int := shortest - 1; hi int := length(tail); mid int; found boolean;
BEGIN
  WHILE lo < hi LOOP
    mid := (lo + hi + 1) / 2;
    SELECT EXISTS (SELECT 1 FROM ${SCHEMA}.paragraphs
      WHERE text LIKE '%' || replace(replace(replace(right(tail, mid), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%') INTO found;
    IF found THEN lo := mid; ELSE hi := mid - 1; END IF;
  END LOOP;
  RETURN lo;
END $$;

CREATE TABLE ${SCHEMA}.publications (
  id serial PRIMARY KEY,
  finished_at timestamptz NOT NULL DEFAULT now(),
  added int NOT NULL, replaced int NOT NULL, removed int NOT NULL, unchanged int NOT NULL
);
`,
  },
  {
    // What completion and similar text need, made at publish: each paragraph text once (the corpus
    // repeats agreed language word for word), and every place in it keyed by the text before it.
    version: 2,
    sql: `
CREATE TABLE ${SCHEMA}.paragraph_texts (
  id serial PRIMARY KEY,
  -- sha-256 of the text (a B-tree cannot hold a long text).
  hash bytea NOT NULL UNIQUE,
  text text NOT NULL,
  -- How many paragraphs have this text (counted again after each publish).
  uses int NOT NULL DEFAULT 0,
  -- Whether its rows of text_endings and text_signatures are written (publish writes them at the end).
  ended boolean NOT NULL DEFAULT false
);
-- Kept by publish (no foreign key: checking one per paragraph would slow a load).
ALTER TABLE ${SCHEMA}.paragraphs ADD COLUMN text_id int;
-- Every paragraph gets its text's id: quicker with the trigram index made again afterwards.
DROP INDEX IF EXISTS ${SCHEMA}.paragraphs_text_trgm;
INSERT INTO ${SCHEMA}.paragraph_texts (hash, text, uses)
  SELECT sha256(convert_to(text, 'UTF8')), min(text), count(*) FROM ${SCHEMA}.paragraphs GROUP BY 1;
UPDATE ${SCHEMA}.paragraphs p SET text_id = t.id FROM ${SCHEMA}.paragraph_texts t WHERE t.hash = sha256(convert_to(p.text, 'UTF8'));
CREATE INDEX paragraphs_text ON ${SCHEMA}.paragraphs (text_id, id);
CREATE INDEX paragraphs_text_trgm ON ${SCHEMA}.paragraphs USING gin (text gin_trgm_ops);
CREATE INDEX paragraph_texts_unended ON ${SCHEMA}.paragraph_texts (id) WHERE NOT ended;

-- One row per place in a paragraph text (after its second character): the up to ${ENDING_KEY} characters
-- before it, reversed. The longest ending of a line that the corpus contains is the longest common
-- start of its reverse with the rows next to it in this order; its continuations follow the places
-- of the rows that start with it.
CREATE TABLE ${SCHEMA}.text_endings (
  ending text COLLATE "C" NOT NULL,
  text_id int NOT NULL,
  at int NOT NULL
);
CREATE INDEX text_endings_ending ON ${SCHEMA}.text_endings (ending);

-- Each paragraph text's band keys (MinHash of its wording, core/agreed/text-signature.ts): the
-- candidates for similar text are the texts sharing the most keys with it.
CREATE TABLE ${SCHEMA}.text_signatures (
  key int NOT NULL,
  text_id int NOT NULL
);
CREATE INDEX text_signatures_key ON ${SCHEMA}.text_signatures (key, text_id);
-- Both are written for every text by the publish that runs this migration (the keys are made by the program).
`,
  },
  {
    version: 3,
    sql: `
-- Openers with how many documents (symbols) use each and only the first few of them: completion and hovers
-- show the count. The list (up to 1,000 symbols an opener) was most of the time of each drafter's
-- openers question, and a count taken from it stopped at 1,000.
DROP MATERIALIZED VIEW ${SCHEMA}.opener_uses;
CREATE MATERIALIZED VIEW ${SCHEMA}.opener_uses AS
  SELECT o.base, sum(o.preambular)::int AS preambular, sum(o.operative)::int AS operative,
         count(DISTINCT d.symbol)::int AS document_count,
         (array_agg(d.symbol ORDER BY d.folder_order, d.file))[1:20] AS documents
  FROM ${SCHEMA}.knowledge_openers o JOIN ${SCHEMA}.documents d ON d.id = o.document_id
  GROUP BY o.base;
`,
  },
];

/** Where a database's schema stands against this program's. */
export type SchemaState = { state: 'current'; version: number } | { state: 'missing' } | { state: 'too-old' | 'too-new'; version: number };

/** Reads the schema version. Never changes anything. */
export async function schemaState(client: Pick<ClientBase, 'query'>): Promise<SchemaState> {
  const exists = await client.query<{ found: boolean }>(`SELECT to_regclass('${SCHEMA}.schema_version') IS NOT NULL AS found`);
  if (!exists.rows[0]?.found) return { state: 'missing' };
  const row = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${SCHEMA}.schema_version`);
  const version = row.rows[0]?.version ?? 0;
  if (version < SCHEMA_VERSION) return { state: 'too-old', version };
  if (version > SCHEMA_VERSION) return { state: 'too-new', version };
  return { state: 'current', version };
}

/**
 * Brings the schema to `SCHEMA_VERSION` (creating it when missing), in one transaction, under a
 * lock so that two publishers do not migrate at once. Refuses a schema newer than this program.
 */
export async function migrate(client: ClientBase): Promise<{ from: number; to: number }> {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('${SCHEMA}'))`);
    // Created only when missing: a writer role may own the schema without the right to create schemas or extensions.
    const have = await client.query<{ schema: boolean; trgm: boolean }>(`SELECT to_regnamespace('${SCHEMA}') IS NOT NULL AS schema, EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS trgm`);
    if (!have.rows[0]?.schema) await client.query(`CREATE SCHEMA ${SCHEMA}`);
    if (!have.rows[0]?.trgm) await client.query(`CREATE EXTENSION pg_trgm`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.schema_version (version int NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const row = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${SCHEMA}.schema_version`);
    const from = row.rows[0]?.version ?? 0;
    if (from > SCHEMA_VERSION) throw new Error(`the database's corpus schema is version ${from}, newer than this program's (${SCHEMA_VERSION}): update Resolution Drafter`);
    // The search path puts the schema first so that the extension's operators resolve wherever it is installed.
    await client.query(`SET LOCAL search_path = ${SCHEMA}, public`);
    for (const m of MIGRATIONS) {
      if (m.version <= from) continue;
      await client.query(m.sql);
      await client.query(`INSERT INTO ${SCHEMA}.schema_version (version) VALUES ($1)`, [m.version]);
    }
    await client.query('COMMIT');
    return { from, to: SCHEMA_VERSION };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
