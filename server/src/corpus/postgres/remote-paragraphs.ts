/**
 * What inline continuation, provenance and the predecessor comparison ask the corpus database:
 * which paragraphs share a stretch of wording with a text, which contain the longest ending of
 * the text before the cursor, which documents there are and what one of them says. The answers
 * are paragraphs (a `SampledDocument` list), on which the core computes as it does on the local
 * index (sampled-corpus.ts), so that both give the same answer for the same corpus.
 */
import type { CorpusParagraphKind } from '../../core/agreed/corpus-paragraphs';
import { SAME_TEXT, stretchesOf, type SampledDocument } from '../../core/agreed/sampled-corpus';
import type { CandidateDocument } from '../../core/compare';
import type { RemoteCorpus } from './remote';
import { SCHEMA } from './schema';

/** Paragraphs read for each stretch of a text whose provenance is asked. */
const PER_STRETCH = 32;
/** Paragraphs read that contain the ending of the text before the cursor (inline continuation). */
const CONTINUING = 256;
/** The documents list is asked for again after this long (ms): publishing is rare. */
const DOCUMENTS_FOR = 60_000;

/** Where a database document is shown: a URI the client opens through `resolutionDrafter/corpusDocumentText`. */
export const DATABASE_DOCUMENT_SCHEME = 'resolution-drafter-corpus';

/** The URI under which the client shows a database document (its symbol as the path). */
export function databaseDocumentUri(symbol: string): string {
  return `${DATABASE_DOCUMENT_SCHEME}:/${encodeURIComponent(symbol)}.unres`;
}

/** The symbol of a database document's URI, or undefined for another URI. */
export function symbolOfDatabaseUri(uri: string): string | undefined {
  const m = new RegExp(`^${DATABASE_DOCUMENT_SCHEME}:/*(.+)\\.unres$`).exec(uri);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

interface Row {
  symbol: string;
  file: string;
  folder_order: number;
  date: string | null;
  agenda_item: string | null;
  ord: number;
  kind: CorpusParagraphKind;
  place: string;
  line: number;
  text: string;
}

const COLUMNS = 'd.symbol, d.file, d.folder_order, d.date, d.agenda_item, p.ord, p.kind, p.place, p.line, p.text';

/** Rows grouped into documents, in the local index's order (folder, file, paragraph). */
function documentsOf(rows: Row[]): SampledDocument[] {
  rows.sort((a, b) => a.folder_order - b.folder_order || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.ord - b.ord);
  const out: SampledDocument[] = [];
  let last: { key: string; doc: SampledDocument } | undefined;
  for (const r of rows) {
    const key = `${r.folder_order}\u0000${r.file}`;
    if (last?.key !== key) {
      last = { key, doc: { symbol: r.symbol, ...(r.date ? { date: r.date } : {}), ...(r.agenda_item ? { agendaItem: r.agenda_item } : {}), paragraphs: [] } };
      out.push(last.doc);
    }
    last.doc.paragraphs.push({ kind: r.kind, where: r.place, line: r.line, text: r.text });
  }
  return out;
}

/** LIKE's special characters escaped (backslash is the default escape). */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The questions of this module, asked through a connected `RemoteCorpus` (its pool, timeout and faults). */
export class RemoteParagraphs {
  private documentsCache?: { at: number; value: Promise<CandidateDocument[]> };

  constructor(readonly remote: RemoteCorpus) {}

  /**
   * The paragraphs that share a stretch of 8 characters with `text` (as indexed), up to 32 for
   * each stretch, and those that are `text` itself: what provenance needs to find the agreed
   * language, the closest paragraph and the sources.
   */
  async sharing(text: string): Promise<SampledDocument[]> {
    const stretches = stretchesOf(text);
    if (stretches.length === 0) return [];
    const rows = await this.remote.ask<Row>(
      'rd-provenance-sharing',
      `SELECT ${COLUMNS} FROM (
         SELECT s.id FROM unnest($1::text[]) w(pattern) CROSS JOIN LATERAL (SELECT id FROM ${SCHEMA}.paragraphs WHERE text LIKE w.pattern LIMIT ${PER_STRETCH}) s
         UNION
         SELECT e.id FROM (SELECT id FROM ${SCHEMA}.paragraphs WHERE text = $2 LIMIT ${SAME_TEXT}) e
       ) c JOIN ${SCHEMA}.paragraphs p ON p.id = c.id JOIN ${SCHEMA}.documents d ON d.id = p.document_id`,
      [stretches.map((s) => `%${likeEscape(s)}%`), text],
    );
    return documentsOf(rows);
  }

  /**
   * The paragraphs that contain the longest ending of `before` (the paragraph's text before the
   * cursor, as indexed) that the database has, at least `shortest` characters of it.
   */
  async continuing(before: string, shortest: number, longest: number): Promise<SampledDocument[]> {
    const tail = before.slice(before.lastIndexOf('\n') + 1).slice(-longest);
    // Found as completion finds it (text_endings: two B-tree probes, then the places after it),
    // not by a search of every paragraph's text for each length tried.
    const ending = await this.remote.endingPlaces(tail, shortest);
    if (!ending) return [];
    const ids = [...new Set(ending.places.map((p) => p.textId))];
    // Up to CONTINUING paragraphs in all, each text's first ones (a text stands for every paragraph that has it).
    const rows = await this.remote.ask<Row>(
      'rd-inline-paragraphs',
      `SELECT ${COLUMNS} FROM unnest($1::int[]) AS x(id)
       CROSS JOIN LATERAL (SELECT q.ord, q.kind, q.place, q.line, q.text, q.document_id FROM ${SCHEMA}.paragraphs q WHERE q.text_id = x.id ORDER BY q.id LIMIT $2) p
       JOIN ${SCHEMA}.documents d ON d.id = p.document_id`,
      [ids, Math.max(1, Math.ceil(CONTINUING / Math.max(1, ids.length)))],
    );
    return documentsOf(rows);
  }

  /** The database's documents as a comparison chooses among them (`file` is the document's URI here). */
  documents(): Promise<CandidateDocument[]> {
    const now = Date.now();
    if (this.documentsCache && now - this.documentsCache.at < DOCUMENTS_FOR) return this.documentsCache.value;
    const value = this.remote
      .ask<{ symbol: string; title: string | null; agenda_item: string | null; session: number | null }>(
        'rd-compare-documents',
        `SELECT DISTINCT ON (folder_order, file) symbol, title, agenda_item, session FROM ${SCHEMA}.documents ORDER BY folder_order, file`,
        [],
      )
      .then((rows) =>
        rows.map((r) => ({
          symbol: r.symbol,
          file: databaseDocumentUri(r.symbol),
          ...(r.title ? { title: r.title } : {}),
          ...(r.agenda_item ? { agendaItem: r.agenda_item } : {}),
          ...(r.session !== null ? { session: r.session } : {}),
        })),
      );
    this.documentsCache = { at: now, value };
    value.catch(() => {
      if (this.documentsCache?.value === value) this.documentsCache = undefined;
    });
    return value;
  }

  /** A database document's clean draft by its symbol. */
  async text(symbol: string): Promise<string | undefined> {
    return (await this.remote.document(symbol))?.text;
  }
}
