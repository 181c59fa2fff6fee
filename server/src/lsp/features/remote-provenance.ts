/**
 * The corpus database beside the local corpus for inline continuation, provenance (code lenses,
 * Highlight New Language, the sources in the hover) and the comparison with a predecessor. As for
 * completion (remote-corpus.ts), the local answer is made first and the database's is merged when
 * it comes within a budget; a database that is slow, down or refuses the login never holds a
 * request up.
 *
 * The database answers with paragraphs (remote-paragraphs.ts); provenance and inline continuation
 * are then computed on them by the core, as on the local index (sampled-corpus.ts).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { inlineAt, type InlineAnswer, type ResolutionDocument } from '../../core';
import type { PhraseIndex } from '../../core/agreed/phrase-index';
import { indexedWithMap, type ParagraphProvenance, type TextProvenance } from '../../core/agreed/provenance';
import { placeProvenance, provenanceWith, sampledIndex } from '../../core/agreed/sampled-corpus';
import { symbolLookupKey, type CandidateDocument } from '../../core/compare';
import { corpusDocuments, type CompareOutcome } from '../../corpus/compare-with';
import { compareWithDatabase, documentsWithDatabase } from '../../corpus/postgres/compare-with-database';
import type { RemoteCorpus } from '../../corpus/postgres/remote';
import { DATABASE_DOCUMENT_SCHEME, RemoteParagraphs, symbolOfDatabaseUri } from '../../corpus/postgres/remote-paragraphs';
import type { Feature, ServerContext } from '../context';
import { CorpusDocumentTextRequest } from '../protocol';
import { availableRemote, budgetOf, TYPING_BUDGET, withinBudget } from './remote-corpus';

/** How long the lenses or the new-language highlight of a draft wait for the database (ms); later answers refresh them. */
export const PROVENANCE_BUDGET = 1000;
/** How long a comparison waits for each of the database's answers (asked for, not typed). */
export const COMPARE_BUDGET = 3000;
/** The shortest and longest ending of the text before the cursor that inline continuation uses (inline-continuation.ts's defaults). */
export const INLINE_CONTEXT = { shortest: 2, longest: 400 };
/** Texts whose merged provenance is kept. */
const PROVENANCE_CACHE = 5000;


const questions = new WeakMap<RemoteCorpus, RemoteParagraphs>();

/** This server's database questions, while the database answers. */
export function remoteParagraphs(ctx: ServerContext): RemoteParagraphs | undefined {
  const remote = availableRemote(ctx);
  if (!remote) return undefined;
  let q = questions.get(remote);
  if (!q) questions.set(remote, (q = new RemoteParagraphs(remote)));
  return q;
}

/** The database's inline continuation at `offset`, computed on the paragraphs that contain the ending before it. */
async function remoteInline(q: RemoteParagraphs, model: ResolutionDocument, offset: number): Promise<InlineAnswer | undefined> {
  // What the core looks up: the text before the cursor as `inlineAt` gives it to the phrase source.
  let asked: string | undefined;
  inlineAt(model, offset, { continuations: () => [], inline: (before) => ((asked = before), undefined) });
  if (asked === undefined) return undefined;
  const documents = await q.continuing(asked, INLINE_CONTEXT.shortest, INLINE_CONTEXT.longest);
  if (documents.length === 0) return undefined;
  return inlineAt(model, offset, sampledIndex(documents));
}

/**
 * The local inline continuation, or the database's when it comes within the typing budget and
 * knows a longer context (or the same context in more paragraphs).
 */
export async function withRemoteInline(ctx: ServerContext, model: ResolutionDocument, offset: number, local: InlineAnswer | undefined): Promise<InlineAnswer | undefined> {
  const q = remoteParagraphs(ctx);
  if (!q) return local;
  const answer = await withinBudget(remoteInline(q, model, offset), budgetOf(ctx, TYPING_BUDGET));
  if (!answer) return local;
  if (!local) return answer;
  const a = local.continuation;
  const b = answer.continuation;
  return b.matched.length > a.matched.length || (b.matched.length === a.matched.length && b.occurrences > a.occurrences) ? answer : local;
}

/**
 * Provenance with the database: for each paragraph text, the paragraphs the database has that
 * share its wording, put together with the local index's own, and the provenance computed on them
 * as on one corpus. Kept per text; the database is asked one text at a time, so that completion
 * and hovers keep their share of the connections.
 */
class RemoteProvenance {
  private readonly merged = new Map<string, TextProvenance>();
  private readonly asking = new Map<string, Promise<void>>();
  private queue: Promise<unknown> = Promise.resolve();
  private localIndex?: PhraseIndex;
  private refresh?: NodeJS.Timeout;

  constructor(private readonly ctx: ServerContext) {}

  private textOf(model: ResolutionDocument, i: number): string {
    const p = model.paragraphs[i];
    return indexedWithMap(model.text.slice(p.body.start, p.body.end)).text;
  }

  /** Starts asking for `text` (once); resolves when its merged provenance is known or the question failed. */
  private ask(q: RemoteParagraphs, index: PhraseIndex, text: string): Promise<void> {
    const pending = this.asking.get(text);
    if (pending) return pending;
    const work = this.queue.then(async () => {
      const remote = await q.sharing(text);
      if (this.localIndex !== index) return;
      // Nothing from the database: the local answer stands (undefined).
      const known = provenanceWith(index, text, remote);
      if (this.merged.size >= PROVENANCE_CACHE) this.merged.clear();
      if (known) this.merged.set(text, known);
    });
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    this.queue = settled;
    this.asking.set(text, settled);
    void settled.then(() => {
      this.asking.delete(text);
    });
    return settled;
  }

  /** Asks the client to fetch the lenses again (an answer came after the budget). */
  private refreshLater(): void {
    if (this.refresh || !this.ctx.initializeParams?.capabilities.workspace?.codeLens?.refreshSupport) return;
    this.refresh = setTimeout(() => {
      this.refresh = undefined;
      void this.ctx.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    }, 200);
  }

  /**
   * The paragraphs' provenance (local, `items`) with the database's merged in where it is known
   * within `budget` ms; what comes later is kept for the next request and the lenses refreshed.
   */
  async merge(model: ResolutionDocument, index: PhraseIndex, items: { i: number; local: ParagraphProvenance }[], budget: number): Promise<ParagraphProvenance[]> {
    const q = remoteParagraphs(this.ctx);
    if (!q) return items.map((x) => x.local);
    if (this.localIndex !== index) {
      this.localIndex = index;
      this.merged.clear();
    }
    const texts = items.map((x) => this.textOf(model, x.i));
    const waiting = texts.filter((t) => !this.merged.has(t)).map((t) => this.ask(q, index, t));
    if (waiting.length > 0) {
      const all = Promise.all(waiting);
      const inTime = await withinBudget(all, budget);
      if (inTime === undefined) void all.then(() => this.refreshLater());
    }
    return items.map((x, k) => {
      const known = this.merged.get(texts[k]);
      return (known && placeProvenance(model, x.i, known)) ?? x.local;
    });
  }
}

const provenances = new WeakMap<ServerContext, RemoteProvenance>();

/** The provenance of these paragraphs with the database's merged in (lenses and highlight: PROVENANCE_BUDGET; hover: the typing budget). */
export function withRemoteProvenance(
  ctx: ServerContext,
  model: ResolutionDocument,
  index: PhraseIndex,
  items: { i: number; local: ParagraphProvenance }[],
  budget: 'draft' | 'hover',
): Promise<ParagraphProvenance[]> {
  if (!availableRemote(ctx) || items.length === 0) return Promise.resolve(items.map((x) => x.local));
  let keeper = provenances.get(ctx);
  if (!keeper) provenances.set(ctx, (keeper = new RemoteProvenance(ctx)));
  return keeper.merge(model, index, items, budgetOf(ctx, budget === 'draft' ? PROVENANCE_BUDGET : TYPING_BUDGET));
}

/** Waits for one of the database's answers within the comparison's budget. */
function withinCompareBudget(ctx: ServerContext): <T>(work: Promise<T>) => Promise<T | undefined> {
  const budget = budgetOf(ctx, COMPARE_BUDGET);
  return (work) => withinBudget(work, budget);
}

/** The local corpus's documents, then the database's that the local corpus does not have (by symbol). */
export function documentsEverywhere(ctx: ServerContext): Promise<CandidateDocument[]> {
  return documentsWithDatabase(ctx.corpusFolders(), remoteParagraphs(ctx), withinCompareBudget(ctx));
}

/** A corpus document's URI for the client: a file, or a database document. */
export function documentUri(file: string): string {
  return file.startsWith(`${DATABASE_DOCUMENT_SCHEME}:`) ? file : pathToFileURL(file).toString();
}

/**
 * Compares a draft with `withWhat` (a symbol, a file or a database document's URI) or with its
 * predecessor among the local corpus's and the database's documents.
 */
export function compareEverywhere(ctx: ServerContext, draft: ResolutionDocument, withWhat: string | undefined, index: PhraseIndex | undefined): Promise<CompareOutcome> {
  return compareWithDatabase(draft, { folders: ctx.corpusFolders(), with: withWhat, index, database: remoteParagraphs(ctx), within: withinCompareBudget(ctx), locale: ctx.locale() });
}

/** The clean draft of a corpus document shown under `resolution-drafter-corpus:` (from the database). */
async function documentText(ctx: ServerContext, uri: unknown): Promise<{ text: string } | null> {
  const symbol = typeof uri === 'string' ? symbolOfDatabaseUri(uri) : undefined;
  if (symbol === undefined) return null;
  const local = corpusDocuments(ctx.corpusFolders()).find((d) => symbolLookupKey(d.symbol) === symbolLookupKey(symbol));
  if (local) {
    try {
      return { text: readFileSync(local.file, 'utf8') };
    } catch {
      /* read from the database instead */
    }
  }
  const text = await remoteParagraphs(ctx)?.text(symbol);
  return text === undefined ? null : { text };
}

/** `resolutionDrafter/corpusDocumentText`, which the client's diff editor reads a database document through. */
export const remoteProvenanceFeature: Feature = {
  name: 'remote-provenance',
  register(ctx) {
    ctx.connection.onRequest(CorpusDocumentTextRequest, (params: { uri?: unknown } | null) =>
      ctx.safelyAsync('corpus document text', null as { text: string } | null, () => documentText(ctx, params?.uri)),
    );
  },
};

