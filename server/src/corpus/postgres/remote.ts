/**
 * The corpus database as a drafter's server uses it: a small set of questions (the
 * `CorpusAnswers` interface), each one prepared statement with a timeout, over a pool of
 * read-only connections. A fault (unreachable, login refused, schema too old or too new) turns
 * the answers off, is told once through `onStatus`, and is retried with backoff.
 */
import { databaseMessages, type DatabaseMessages } from './messages';
import { similarQuery } from '../../core/parse/paragraph-body';
import type { Pool } from 'pg';
import { indexedText } from '../../core/agreed/corpus-paragraphs';
import { continuationsAtPlaces, endingMatched, endingToLookUp, type TextPlace } from '../../core/agreed/paragraph-continuations';
import { bandKeys } from '../../core/agreed/text-signature';
import { CONTAINING_CAP, EDIT_CANDIDATES, MIN_MATCH, editDistance, similarityText, type SimilarParagraph } from '../../core/agreed/phrase-index';
import type { Continuation, PhraseSourceParagraph } from '../../core/agreed/types';
import { chineseAssist, symbolKey, titleKey, type DocumentKind, type KnownResolution, type OpenerUse, type SymbolFacts, type TitleUse } from '../../core';
import { createPool, displayConnection, errorMessage, faultOf, PasswordMissingError, type CorpusServerConfig, type CorpusServerFault } from './connection';
import { ENDING_KEY, schemaState, SCHEMA, SCHEMA_VERSION } from './schema';

/**
 * What the corpus database answers. Completion, hovers and similar text use these now; inline
 * continuation, provenance and the predecessor comparison can be answered from the same
 * questions (continuations, similar, document) later.
 */
export interface CorpusAnswers {
  /** Continuations of the longest ending of `before` that the corpus contains, most used first. */
  continuations(before: string, limit: number): Promise<Continuation[]>;
  /** Titles starting with `typed` (without white space), then containing it, most used first. */
  titles(typed: string, limit: number): Promise<TitleUse[]>;
  /** One title as the knowledge has it. */
  title(title: string): Promise<TitleUse | undefined>;
  /** Resolutions whose number (as 第 … 号决议 writes it) starts with `typedNumber`, most cited first. */
  resolutions(typedNumber: string, limit: number): Promise<KnownResolution[]>;
  /** Every opener with its uses. */
  openers(): Promise<OpenerUse[]>;
  /** What the corpus says about one symbol. */
  symbol(symbol: string): Promise<SymbolFacts | undefined>;
  /** Corpus paragraphs close to `text`, scored as the phrase index scores them. */
  similar(text: string, options: { limit: number; minScore: number }): Promise<SimilarParagraph[]>;
  /** A corpus document's clean draft by its symbol (for opening it or comparing it with a draft). */
  document(symbol: string): Promise<{ symbol: string; file: string; text: string } | undefined>;
}

/** Where the connection stands, for the status bar. */
export interface CorpusServerStatus {
  state: 'connecting' | 'connected' | CorpusServerFault;
  /** The server as it may be shown: `postgres://drafter@db.example.org/corpus` (never a password). */
  server: string;
  /** One line for a drafter. */
  message: string;
  documents?: number;
  paragraphs?: number;
  /** When the next attempt is made (ms from now), after a fault. */
  retryIn?: number;
}

const BACKOFF = { first: 1000, max: 60_000 };
/** Questions waiting for a connection of the pool beyond which a new one is skipped (its answer would be dropped as late). */
const QUEUE_LIMIT = 8;
/** Client timeouts in a row after which the database counts as unreachable. */
const SILENT_TIMEOUTS = 5;

/** A question skipped because the pool is busy, or answered after the client's timeout: no fault of the database, and no answer to merge. */
export class CorpusBusyError extends Error {
  constructor() {
    super('the corpus database is busy: the question is skipped or its answer dropped');
  }
}

const OPENERS_FOR = 60_000;
/** Places after an ending read for its continuations (the local index samples 256 occurrences). */
const ENDING_PLACES = 256;
/** Paragraphs read per paragraph text for a continuation's documents and example. */
const TEXT_PARAGRAPHS = 8;
/** Paragraph texts of one continuation whose documents are read. */
const CONTINUATION_TEXTS = 16;

/** How many characters (code points) two texts start with in common. */
function commonStart(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/** A code point offset (as the database counts) in UTF-16 code units. */
function unitOffset(text: string, points: number): number {
  if (!/[\uD800-\uDFFF]/.test(text)) return points;
  let units = 0;
  for (const c of text) {
    if (points-- <= 0) break;
    units += c.length;
  }
  return units;
}

/** LIKE's special characters escaped (backslash is the default escape). */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

interface ParagraphRow {
  symbol: string;
  place: string;
  text: string;
  line: number;
  folder_order: number;
  file: string;
  ord: number;
}

const textOrder = new Intl.Collator().compare;
const numberOrder = new Intl.Collator('en', { numeric: true }).compare;

function pushNew<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

export class RemoteCorpus implements CorpusAnswers {
  private pool?: Pool;
  private timer?: NodeJS.Timeout;
  private delay = BACKOFF.first;
  private closed = false;
  private openersCache?: { at: number; value: Promise<OpenerUse[]> };
  /** Client timeouts in a row (no answer in between). */
  private timeouts = 0;
  status: CorpusServerStatus;
  /** The notes and faults in the configured language. */
  private readonly say: DatabaseMessages;

  constructor(
    private readonly config: CorpusServerConfig,
    private readonly onStatus: (status: CorpusServerStatus) => void = () => undefined,
  ) {
    this.say = databaseMessages[config.locale ?? 'en'];
    this.status = { state: 'connecting', server: displayConnection(config.connectionString), message: this.say.connecting };
  }

  /** True while the database answers; the questions fail at once otherwise. */
  get available(): boolean {
    return this.status.state === 'connected';
  }

  private setStatus(status: Omit<CorpusServerStatus, 'server'>): void {
    // Told once per change of state (the same fault again with another wording is no news).
    const changed = status.state !== this.status.state;
    this.status = { ...status, server: this.status.server };
    if (changed) this.onStatus(this.status);
  }

  /** Connects and checks the schema; on a fault, says so and tries again later (1 s, 2 s, 4 s … 60 s). */
  start(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.pool ??= createPool(this.config, { readOnly: true });
    return this.check();
  }

  private async check(): Promise<void> {
    const pool = this.pool;
    if (!pool || this.closed) return;
    try {
      const state = await schemaState(pool);
      if (state.state === 'missing') return this.fault('schema-missing', this.say.schemaMissing(SCHEMA));
      if (state.state === 'too-old') return this.fault('schema-too-old', this.say.schemaTooOld(state.version, SCHEMA_VERSION));
      if (state.state === 'too-new') return this.fault('schema-too-new', this.say.schemaTooNew(state.version, SCHEMA_VERSION));
      const counts = await pool.query<{ documents: number; paragraphs: number }>({
        name: 'rd-counts',
        text: `SELECT (SELECT count(*) FROM ${SCHEMA}.documents)::int AS documents, (SELECT reltuples FROM pg_class WHERE oid = '${SCHEMA}.paragraphs'::regclass)::bigint AS paragraphs`,
      });
      this.delay = BACKOFF.first;
      const { documents, paragraphs } = counts.rows[0];
      this.setStatus({ state: 'connected', message: this.say.connected(documents), documents, paragraphs: Math.max(0, Number(paragraphs)) });
      void this.warm(pool);
    } catch (err) {
      this.fault(faultOf(err), this.describe(err));
    }
  }

  /** Opens the pool's connections now, so that no question waits for a login while the drafter types. */
  private async warm(pool: Pool): Promise<void> {
    const opened = await Promise.allSettled(Array.from({ length: this.config.max ?? 4 }, () => pool.connect()));
    for (const c of opened) if (c.status === 'fulfilled') c.value.release();
  }

  private describe(err: unknown): string {
    const fault = faultOf(err);
    const message = errorMessage(err, this.config);
    // Says what to do already (no driver message around it).
    if (err instanceof PasswordMissingError) return message;
    if (fault === 'refused') return this.say.refused(message);
    if (fault === 'unreachable') return this.say.unreachable(message);
    return this.say.failed(message);
  }

  private fault(state: CorpusServerFault, message: string): void {
    if (this.closed) return;
    const retryIn = this.delay;
    this.delay = Math.min(BACKOFF.max, this.delay * 2);
    this.openersCache = undefined;
    this.setStatus({ state, message, retryIn });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), retryIn);
    this.timer.unref();
  }

  /** One prepared statement; a connection fault turns the answers off until the next check succeeds. */
  private async query<T extends object>(name: string, text: string, values: unknown[]): Promise<T[]> {
    if (!this.available || !this.pool) throw new Error('the corpus database is not available');
    // Questions already waiting for a connection: this one would come too late to be merged.
    if (this.pool.waitingCount >= QUEUE_LIMIT) throw new CorpusBusyError();
    try {
      const rows = (await this.pool.query<T>({ name, text, values })).rows;
      this.timeouts = 0;
      return rows;
    } catch (err) {
      // An answer later than the client's timeout on a busy database: dropped, no fault, unless
      // nothing but timeouts comes back (a database that stopped answering).
      if (/query read timeout/i.test(errorMessage(err, this.config)) && ++this.timeouts < SILENT_TIMEOUTS) throw new CorpusBusyError();
      const fault = faultOf(err);
      // Every connection of the pool busy (requests faster than the database answers) is no fault of the database.
      // So is a new connection slow to log in while others of the pool answer.
      const poolBusy = this.pool.totalCount > 0 && /timeout exceeded when trying to connect/i.test(errorMessage(err, this.config));
      if (poolBusy) throw new CorpusBusyError();
      // Only the first of the questions failing together is the news (and counts for the backoff).
      if (fault !== 'failed' && this.available) this.fault(fault, this.describe(err));
      throw new Error(errorMessage(err, this.config));
    }
  }

  /** One prepared statement of a module beside this one (remote-paragraphs.ts), with the same timeout and fault handling. */
  ask<T extends object>(name: string, text: string, values: unknown[]): Promise<T[]> {
    return this.query<T>(name, text, values);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end().catch(() => undefined);
  }

  /**
   * The longest ending of `tail` (at least `shortest` characters) that a paragraph text contains,
   * with the places right after it: up to 256, the first in the order of what precedes them. Two
   * B-tree probes of `text_endings` find the ending up to its key's length; a longer one is read
   * off the texts of those places.
   */
  async endingPlaces(tail: string, shortest: number): Promise<{ matched: string; places: TextPlace[] } | undefined> {
    if (tail.length < shortest) return undefined;
    // The database counts characters as code points; the key is the tail's last characters, reversed.
    const tailPoints = [...tail];
    const key = tailPoints.slice(-ENDING_KEY).reverse().join('');
    // The longest ending the corpus holds (up to the key's length): the longest common start of the key with its neighbours.
    const [near] = await this.query<{ after: string | null; before: string | null }>(
      'rd-ending-near',
      `SELECT (SELECT ending FROM ${SCHEMA}.text_endings WHERE ending >= $1 ORDER BY ending LIMIT 1) AS after,
              (SELECT ending FROM ${SCHEMA}.text_endings WHERE ending < $1 ORDER BY ending DESC LIMIT 1) AS before`,
      [key],
    );
    const common = Math.max(commonStart(key, near?.after ?? ''), commonStart(key, near?.before ?? ''));
    if (common < shortest) return undefined;
    const prefix = [...key].slice(0, common).join('');
    const rows = await this.query<{ text_id: number; at: number; text: string; uses: number }>(
      'rd-ending-places',
      `SELECT e.text_id, e.at, t.text, t.uses FROM ${SCHEMA}.text_endings e JOIN ${SCHEMA}.paragraph_texts t ON t.id = e.text_id
       WHERE e.ending >= $1 AND e.ending < $1 || chr(1114111) LIMIT ${ENDING_PLACES}`,
      [prefix],
    );
    let places: TextPlace[] = rows.map((r) => ({ textId: r.text_id, text: r.text, at: unitOffset(r.text, r.at), uses: r.uses }));
    let matched = tailPoints.slice(-common).join('');
    if (common === ENDING_KEY && tailPoints.length > ENDING_KEY) {
      // The key matched whole: the ending may go on further back; the longest one among these places.
      const lengths = places.map((p) => endingMatched(p.text, p.at, tail));
      const longest = Math.max(matched.length, ...lengths);
      places = places.filter((_, i) => lengths[i] >= longest);
      matched = tail.slice(tail.length - longest);
    }
    return { matched, places };
  }

  async continuations(before: string, limit: number): Promise<Continuation[]> {
    const ending = await this.endingPlaces(endingToLookUp(before), MIN_MATCH);
    if (!ending) return [];
    const { matched, places } = ending;
    const placed = continuationsAtPlaces(matched, places, limit);
    if (placed.length === 0) return [];
    // The documents of the first texts of each (enough for the count a drafter sees and an example).
    const ids = [...new Set(placed.flatMap((c) => c.textIds.slice(0, CONTINUATION_TEXTS)))];
    const textOf = new Map(places.map((p) => [p.textId, p.text]));
    const found = await this.query<{ text_id: number; symbol: string; place: string; line: number }>(
      'rd-text-paragraphs',
      `SELECT x.id AS text_id, d.symbol, p.place, p.line FROM unnest($1::int[]) AS x(id)
       CROSS JOIN LATERAL (SELECT p.place, p.line, p.document_id FROM ${SCHEMA}.paragraphs p WHERE p.text_id = x.id ORDER BY p.id LIMIT ${TEXT_PARAGRAPHS}) p
       JOIN ${SCHEMA}.documents d ON d.id = p.document_id`,
      [ids],
    );
    const paragraphsOf = new Map<number, PhraseSourceParagraph[]>();
    for (const r of found) {
      let list = paragraphsOf.get(r.text_id);
      if (!list) paragraphsOf.set(r.text_id, (list = []));
      list.push({ symbol: r.symbol, where: r.place, text: textOf.get(r.text_id) ?? '', line: r.line });
    }
    const items = placed.flatMap((c): Continuation[] => {
      const paragraphs = c.textIds.slice(0, CONTINUATION_TEXTS).flatMap((id) => paragraphsOf.get(id) ?? []);
      if (paragraphs.length === 0) return [];
      return [{ matched: c.matched, text: c.text, stretch: c.stretch, occurrences: c.occurrences, documents: [...new Set(paragraphs.map((p) => p.symbol))], example: paragraphs[0] }];
    });
    items.sort((a, b) => b.occurrences - a.occurrences || a.stretch - b.stretch || b.documents.length - a.documents.length || (a.text < b.text ? -1 : 1));
    return items;
  }

  private async titleUses(keys: string[]): Promise<TitleUse[]> {
    if (keys.length === 0) return [];
    const rows = await this.query<{ title_key: string; title: string; uses: number; in_draft: boolean; footnotes: string[]; symbol: string }>(
      'rd-title-rows',
      `SELECT t.title_key, t.title, t.uses, t.in_draft, t.footnotes, d.symbol FROM ${SCHEMA}.knowledge_titles t JOIN ${SCHEMA}.documents d ON d.id = t.document_id
       WHERE t.title_key = ANY($1::text[]) ORDER BY d.folder_order, d.file`,
      [keys],
    );
    const byKey = new Map<string, { use: TitleUse; spellings: Map<string, number>; draftUses: number; catalogueUses: number }>();
    for (const r of rows) {
      let entry = byKey.get(r.title_key);
      if (!entry) byKey.set(r.title_key, (entry = { use: { title: r.title, uses: 0, footnotes: [], documents: [] }, spellings: new Map(), draftUses: 0, catalogueUses: 0 }));
      if (r.in_draft) {
        entry.draftUses += r.uses;
        pushNew(entry.use.documents, r.symbol);
        entry.spellings.set(r.title, (entry.spellings.get(r.title) ?? 0) + r.uses);
      } else entry.catalogueUses += r.uses;
      for (const f of r.footnotes) pushNew(entry.use.footnotes, f);
    }
    return keys.flatMap((k) => {
      const entry = byKey.get(k);
      if (!entry) return [];
      const spelling = [...entry.spellings.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      return [{ ...entry.use, title: spelling ?? entry.use.title, uses: entry.draftUses > 0 ? entry.draftUses : entry.catalogueUses }];
    });
  }

  async titles(typed: string, limit: number): Promise<TitleUse[]> {
    const key = titleKey(typed);
    const starting = await this.query<{ title_key: string }>(
      'rd-titles-starting',
      `SELECT title_key FROM ${SCHEMA}.title_uses WHERE title_key LIKE $1 ORDER BY uses DESC, title_key LIMIT $2`,
      [`${likeEscape(key)}%`, limit * 2],
    );
    let keys = starting.map((r) => r.title_key);
    if (key.length > 0 && keys.length < limit * 2) {
      const containing = await this.query<{ title_key: string }>(
        'rd-titles-containing',
        `SELECT title_key FROM ${SCHEMA}.title_uses WHERE title_key LIKE $1 AND title_key NOT LIKE $2 ORDER BY uses DESC, title_key LIMIT $3`,
        [`%${likeEscape(key)}%`, `${likeEscape(key)}%`, limit * 2],
      );
      keys = [...keys, ...containing.map((r) => r.title_key)];
    }
    const uses = await this.titleUses(keys);
    // The knowledge's order: most used first, then by the title's text.
    return uses.sort((a, b) => b.uses - a.uses || textOrder(a.title, b.title));
  }

  async title(title: string): Promise<TitleUse | undefined> {
    return (await this.titleUses([titleKey(title)]))[0];
  }

  private async facts(keys: string[]): Promise<Map<string, SymbolFacts>> {
    const result = new Map<string, SymbolFacts>();
    if (keys.length === 0) return result;
    const rows = await this.query<{ symbol_key: string; symbol: string; kind: DocumentKind; own: boolean; titles: string[]; dates: string[]; footnotes: string[]; cited_by: { symbol: string; line: number; where?: string }[]; file: string }>(
      'rd-symbol-rows',
      `SELECT s.symbol_key, s.symbol, s.kind, s.own, s.titles, s.dates, s.footnotes, s.cited_by, d.file FROM ${SCHEMA}.knowledge_symbols s JOIN ${SCHEMA}.documents d ON d.id = s.document_id
       WHERE s.symbol_key = ANY($1::text[]) ORDER BY s.own DESC, d.folder_order, d.file`,
      [keys],
    );
    for (const r of rows) {
      let f = result.get(r.symbol_key);
      if (!f) result.set(r.symbol_key, (f = { symbol: r.symbol, kind: r.kind, titles: [], dates: [], citedBy: [], footnotes: [] }));
      if (r.own) {
        f.kind = r.kind;
        f.draft ??= { symbol: r.symbol };
      } else if (f.kind === 'other' && r.kind !== 'other') f.kind = r.kind;
      for (const t of r.titles) pushNew(f.titles, t);
      for (const d of r.dates) pushNew(f.dates, d);
      for (const n of r.footnotes) pushNew(f.footnotes, n);
      for (const c of r.cited_by) if (!f.citedBy.some((s) => s.symbol === c.symbol && s.line === c.line)) f.citedBy.push({ symbol: c.symbol, line: c.line, ...(c.where ? { where: c.where } : {}) });
    }
    return result;
  }

  async symbol(symbol: string): Promise<SymbolFacts | undefined> {
    const key = symbolKey(symbol);
    return (await this.facts([key])).get(key);
  }

  async resolutions(typedNumber: string, limit: number): Promise<KnownResolution[]> {
    const key = typedNumber.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
    const rows = await this.query<{ symbol_key: string; number: string; citations: number }>(
      'rd-resolutions',
      `SELECT symbol_key, number, citations FROM ${SCHEMA}.resolution_citations WHERE replace(number, ' ', '') LIKE $1 ORDER BY citations DESC, number LIMIT $2`,
      [`${likeEscape(key)}%`, limit * 2],
    );
    const facts = await this.facts(rows.map((r) => r.symbol_key));
    const list = rows.flatMap((r): KnownResolution[] => {
      const f = facts.get(r.symbol_key);
      if (!f) return [];
      const organ = chineseAssist.citationNumber(f.symbol)?.organ ?? 'GA';
      return [{ symbol: f.symbol, number: r.number, organ, date: f.dates[0], title: f.titles[0], citations: f.citedBy.length }];
    });
    return list.sort((a, b) => b.citations - a.citations || numberOrder(a.number, b.number)).slice(0, limit);
  }

  openers(): Promise<OpenerUse[]> {
    const now = Date.now();
    if (this.openersCache && now - this.openersCache.at < OPENERS_FOR) return this.openersCache.value;
    const value = this.query<{ base: string; preambular: number; operative: number; document_count: number; documents: string[] }>(
      'rd-openers',
      `SELECT base, preambular, operative, document_count, documents FROM ${SCHEMA}.opener_uses`,
      [],
    ).then((rows) => rows.map((r) => ({ base: r.base, preambular: r.preambular, operative: r.operative, documents: r.documents, documentCount: r.document_count })));
    this.openersCache = { at: now, value };
    value.catch(() => {
      if (this.openersCache?.value === value) this.openersCache = undefined;
    });
    return value;
  }

  async similar(asked: string, options: { limit: number; minScore: number }): Promise<SimilarParagraph[]> {
    // A paragraph copied with its label (8. …) is looked up without it, as the local index does.
    const text = similarQuery(asked);
    const q = similarityText(text);
    if (q.length < 2 || options.limit <= 0) return [];
    const verbatim = indexedText(text).trim();
    // Each paragraph text once: those containing the text word for word (found by its ending, as
    // completion finds one), and those sharing the most band keys of their wording with it.
    const endingKey = [...verbatim].slice(-ENDING_KEY).reverse().join('');
    const rows = await this.query<{ id: number; text: string; uses: number; contains: boolean }>(
      'rd-similar-texts',
      `(SELECT t.id, t.text, t.uses, true AS contains FROM
          (SELECT DISTINCT text_id FROM (SELECT text_id FROM ${SCHEMA}.text_endings WHERE length($2) >= 2 AND ending >= $2 AND ending < $2 || chr(1114111) LIMIT ${ENDING_PLACES}) x) e
          JOIN ${SCHEMA}.paragraph_texts t ON t.id = e.text_id)
       UNION ALL
       (SELECT t.id, t.text, t.uses, false FROM
          (SELECT text_id, count(*) AS shared FROM ${SCHEMA}.text_signatures WHERE key = ANY($1::int[]) GROUP BY text_id ORDER BY shared DESC, text_id LIMIT ${EDIT_CANDIDATES}) s
          JOIN ${SCHEMA}.paragraph_texts t ON t.id = s.text_id)`,
      [bandKeys(q), endingKey],
    );
    const scored = new Map<number, { score: number; contains: boolean; uses: number }>();
    let containing = 0;
    for (const r of rows) {
      if (scored.has(r.id)) continue;
      // Ending with the text's last characters is not yet containing it.
      if (r.contains && (!r.text.includes(verbatim) || containing++ >= CONTAINING_CAP)) continue;
      let contains = r.contains;
      const t = similarityText(r.text);
      const longer = Math.max(t.length, q.length);
      if (!contains && 100 * (1 - Math.abs(t.length - q.length) / longer) < options.minScore) continue;
      const distance = t === q ? 0 : editDistance(t, q);
      const score = distance === 0 ? 100 : Math.min(99, Math.floor(100 * (1 - distance / longer)));
      if (!contains && score < options.minScore) continue;
      if (distance === 0) contains = false;
      scored.set(r.id, { score, contains, uses: r.uses });
    }
    // The texts whose paragraphs can be among the first `limit`: every text scoring at least as well as the one that fills the list.
    const best = [...scored.entries()].sort((a, b) => b[1].score - a[1].score);
    let filled = 0;
    let lowest = -1;
    for (const [, s] of best) {
      filled += s.uses;
      if (filled >= options.limit) {
        lowest = s.score;
        break;
      }
    }
    const ids = best.filter(([, s]) => s.score >= lowest).map(([id]) => id);
    if (ids.length === 0) return [];
    const paragraphs = await this.query<ParagraphRow & { text_id: number }>(
      'rd-similar-paragraphs',
      `SELECT x.id AS text_id, d.symbol, p.place, p.text, p.line, d.folder_order, d.file, p.ord FROM unnest($1::int[]) AS x(id)
       CROSS JOIN LATERAL (SELECT p.place, p.text, p.line, p.ord, p.document_id FROM ${SCHEMA}.paragraphs p WHERE p.text_id = x.id ORDER BY p.id LIMIT $2) p
       JOIN ${SCHEMA}.documents d ON d.id = p.document_id`,
      [ids, options.limit],
    );
    const results = paragraphs.flatMap((r) => {
      const s = scored.get(r.text_id);
      if (!s) return [];
      const paragraph = { score: s.score, symbol: r.symbol, where: r.place, text: r.text, line: r.line };
      return [{ ...(s.contains ? { ...paragraph, contains: true } : paragraph), order: [r.folder_order, r.file, r.ord] as [number, string, number] }];
    });
    results.sort((a, b) => b.score - a.score || a.order[0] - b.order[0] || (a.order[1] < b.order[1] ? -1 : a.order[1] > b.order[1] ? 1 : 0) || a.order[2] - b.order[2]);
    return results.slice(0, options.limit).map(({ order: _order, ...r }) => r);
  }

  async document(symbol: string): Promise<{ symbol: string; file: string; text: string } | undefined> {
    const rows = await this.query<{ symbol: string; file: string; text: string }>('rd-document', `SELECT symbol, file, text FROM ${SCHEMA}.documents WHERE symbol_key = $1 ORDER BY folder_order, file LIMIT 1`, [symbolKey(symbol)]);
    return rows[0];
  }
}
