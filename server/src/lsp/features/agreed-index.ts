import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { PhraseIndex, type SimilarParagraph } from '../../core/agreed/phrase-index';
import { SegmentedIndex, type CorpusPhraseIndex } from '../../core/agreed/segmented-index';
import { KnowledgeAssembler, knowledgeFromPacked, updatedKnowledge, type CorpusKnowledge, type KnowledgePart } from '../../core';
import { readDeferredInBackground } from '../../corpus/deferred-sections';
import { openPagedSections, readTextInBackground } from '../../corpus/paged-section';
import { loadOrUpdateIndexAndKnowledge, maskedDocuments, openIndexAsBuilt, segmentedIndex, type IndexAsBuilt, type SegmentPart } from '../../corpus/segment-store';
import { invalidArguments, registerServerCommand } from '../commands';
import type { Feature, ServerContext } from '../context';
import type { AsBuiltOpened, IndexJob, IndexWorkerMessage, SegmentMessage } from '../index-worker';
import { withRemoteSimilar } from './remote-corpus';
import { corpusWatcher } from './corpus-watch';
import { CorpusStatsRequest, CorpusStatusNotification, ServerCommands, SimilarRequest, type CorpusStats, type SimilarMatch, type SimilarParams } from '../protocol';

/** How far along the build each stage ends, for the progress bar. */
const STAGES: Record<string, { from: number; to: number; message: string }> = {
  corpus: { from: 0, to: 30, message: 'reading the corpus' },
  paragraphs: { from: 30, to: 35, message: 'collecting paragraphs' },
  suffixes: { from: 35, to: 75, message: 'sorting phrases' },
  bigrams: { from: 75, to: 100, message: 'indexing similar text' },
};

function unresFiles(folder: string): number {
  try {
    return readdirSync(folder).filter((n) => n.endsWith('.unres')).length;
  } catch {
    return 0;
  }
}

/**
 * Keeps the corpus phrase index: loads or builds it after `initialized` (in a worker thread, so
 * requests are answered meanwhile), rebuilds it when the corpus is reloaded, and tells the client
 * (work-done progress and `resolutionDrafter/corpusStatus`).
 */
class PhraseIndexKeeper {
  private indexing = false;
  /** A reload came in during a build: build again when this one ends. */
  private again = false;
  private problems: string[] = [];
  /**
   * What the last repair found and did (a base file found damaged after the start, built again):
   * kept for the rest of the session, past the updates that follow (they read the rebuilt file
   * and have nothing to say about it).
   */
  private repairs: string[] = [];
  private corpusProblems: string[] = [];
  private catalogueProblems: string[] = [];
  /** Documents the catalogues cite; read again when the corpus is reloaded. */
  private cited?: number;
  /** The drafts in the corpus folders, counted once per build until the index has them (a large folder takes a while to list). */
  private draftFiles?: number;
  private index?: CorpusPhraseIndex;
  /** The base index (the whole corpus as it was when it was built) and what identifies it and its knowledge. */
  private base?: { index: PhraseIndex; fingerprint?: string; knowledge?: CorpusKnowledge };
  /** The first build starts on the index as built (IndexJob.asBuilt); the corpus is checked after. */
  private asBuiltTaken = false;
  /** The base in hand is not to be kept by the next update (its knowledge could not be read). */
  private dropBase = false;
  /** Resolves when the running build ends (tests and the bench wait for it). */
  ready: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: ServerContext) {}

  /**
   * The corpus in figures. Read from the index and the catalogues, never by parsing the corpus, so
   * that the status can be sent while a large corpus is still being indexed.
   */
  stats(): CorpusStats {
    const folders = this.ctx.corpusFolders();
    if (this.cited === undefined) {
      // Small catalogues as validation reads them; a large one's counts from its index (made in the validation worker), never parsed here.
      const summary = this.ctx.catalogueSummary();
      if (summary) {
        this.cited = summary.cited;
        this.catalogueProblems = [...summary.problems];
      }
    }
    return {
      documents: this.index?.documentCount ?? (this.draftFiles ??= folders.reduce((n, f) => n + unresFiles(f), 0)),
      paragraphs: this.index?.paragraphCount ?? 0,
      segmentDocuments: this.index instanceof SegmentedIndex ? (this.index.segment?.documentCount ?? 0) : 0,
      maskedDocuments: this.index instanceof SegmentedIndex ? this.index.maskedDocumentCount : 0,
      citedDocuments: this.cited ?? 0,
      folders,
      indexing: this.indexing,
      problems: [...new Set([...this.catalogueProblems, ...this.corpusProblems, ...this.repairs, ...this.problems])],
      reloads: this.ctx.corpusGeneration,
      watchedFolders: corpusWatcher(this.ctx)?.watched() ?? [],
    };
  }

  announce(): void {
    void this.ctx.connection.sendNotification(CorpusStatusNotification, this.ctx.safely('corpus status', undefined, () => this.stats()));
  }

  similar(params: SimilarParams): SimilarMatch[] {
    if (!this.index || typeof params?.text !== 'string') return [];
    const limit = typeof params.limit === 'number' && params.limit > 0 ? Math.min(params.limit, 100) : 10;
    // When nothing reaches 50 %, the closest few with their scores: better than nothing to a drafter.
    return this.index.similar(params.text, { limit, closest: 5 }).map(toMatch);
  }

  /** The local index's similar paragraphs, with the corpus database's merged in when it answers in time. */
  similarEverywhere(params: SimilarParams): Promise<SimilarMatch[]> {
    if (typeof params?.text !== 'string') return Promise.resolve([]);
    const limit = typeof params.limit === 'number' && params.limit > 0 ? Math.min(params.limit, 100) : 10;
    return withRemoteSimilar(this.ctx, params.text, limit, this.similar(params), toMatch);
  }

  /** Starts a build (or queues one after the running build). */
  start(): void {
    if (this.indexing) {
      this.again = true;
      return;
    }
    this.indexing = true;
    this.cited = undefined;
    this.draftFiles = undefined;
    this.catalogueProblems = [];
    this.ready = this.run().finally(() => {
      this.indexing = false;
      this.announce();
      if (this.again) {
        this.again = false;
        this.start();
      }
    });
  }

  private async run(): Promise<void> {
    const { ctx } = this;
    // The build starts at once; the progress bar joins when the client has created it (a client
    // that never answers must not hold the index back).
    let progress: WorkDoneProgressServerReporter | undefined;
    let ended = false;
    let last: { percentage: number; message: string } = { percentage: 0, message: STAGES.corpus.message };
    const progressReady = ctx.initializeParams?.capabilities.window?.workDoneProgress
      ? ctx.connection.window.createWorkDoneProgress().then(
          (reporter) => {
            progress = reporter;
            reporter.begin('Resolution Drafter: indexing the corpus', last.percentage, last.message);
            if (ended) reporter.done();
          },
          () => undefined,
        )
      : Promise.resolve();
    const folders = ctx.corpusFolders();
    const options = (ctx.initializeParams?.initializationOptions ?? {}) as { storagePath?: unknown };
    const job: IndexJob = { folders, storagePath: typeof options.storagePath === 'string' ? options.storagePath : undefined, haveBase: this.dropBase ? undefined : this.base?.fingerprint, asBuilt: !this.base && !this.asBuiltTaken };
    this.asBuiltTaken = true;
    this.dropBase = false;
    const started = Date.now();
    try {
      const building = this.build(
        job,
        (stage, fraction) => {
          const s = STAGES[stage];
          if (!s) return;
          last = { percentage: Math.round(s.from + (s.to - s.from) * fraction), message: s.message };
          progress?.report(last.percentage, last.message);
        },
        (knowledge, source) =>
          ctx.safely('corpus knowledge', undefined, () => {
            ctx.knowledge = knowledge;
            ctx.log(`corpus knowledge: ${ctx.knowledge.symbols.size} symbols, ${ctx.knowledge.titles.length} titles, ${ctx.knowledge.openers.size} openers, ${source === 'file' ? 'read from its file' : 'made'} ${Date.now() - started} ms after the start`);
          }),
      );
      // Announced once the build has started: an index as built is then in use already, and gives
      // the count of documents (else the drafts are counted in the folders: 22,783 names listed
      // took 15-25 ms before the index could be opened).
      this.announce();
      const result = await building;
      this.problems = result.problems;
      if (result.corpusProblems) this.corpusProblems = result.corpusProblems;
      for (const p of result.problems) ctx.connection.console.warn(`phrase index: ${p}`);
      if (result.base) this.base = { index: result.base, fingerprint: result.baseFingerprint, knowledge: result.knowledge };
      const base = this.base;
      if (!base) throw new Error('the worker kept a base index the server does not hold');
      if (!result.base && result.baseFingerprint !== base.fingerprint) {
        // The base was built again meanwhile (the previous base's file was found damaged after
        // this update had started): the segment is over the old one. Updated again over the new one.
        this.again = true;
        return;
      }
      const index = segmentedIndex(base.index, result.segment);
      if (result.segment && base.knowledge) {
        const segmentKnowledge = result.segmentKnowledge;
        ctx.knowledge = ctx.safely('corpus knowledge', base.knowledge, () => updatedKnowledge(base.knowledge!, segmentKnowledge, maskedDocuments(base.index, result.segment!)));
      } else if (!result.segment && base.knowledge) ctx.knowledge = base.knowledge;
      this.index = index;
      ctx.phraseSource = index;
      const how = result.base
        ? `${result.source === 'file' ? `read from ${result.path}${ArrayBuffer.isView(result.base.data.suffixes) ? '' : ' (its suffix array and bigram postings read from the file as needed)'}` : 'built'}`
        : `the base index kept (not rebuilt)`;
      const segment = index instanceof SegmentedIndex ? `, with a segment of ${index.segment?.documentCount ?? 0} added or changed documents (${index.maskedDocumentCount} masked in the base) ${result.segmentSource === 'file' ? 'read from its file' : 'built'}` : '';
      ctx.log(`phrase index: ${index.paragraphCount} paragraphs of ${index.documentCount} documents, ${how}${segment}, in ${Date.now() - started} ms`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.problems = [`the phrase index could not be built: ${message}`];
      ctx.connection.console.error(`phrase index failed: ${message}`);
    } finally {
      ended = true;
      progress?.done();
    }
    // Let the progress bar end before the status says the index is ready, when the client answered quickly.
    await Promise.race([progressReady, new Promise((r) => setTimeout(r, 1000))]);
  }

  /**
   * Puts an index built again in full (the base's file turned out damaged) in place of the one
   * read from that file: it is the new base, with no segment (the full build covers the changes).
   */
  private replace(index: PhraseIndex, baseFingerprint: string | undefined, knowledge: CorpusKnowledge | undefined, problems: string[]): void {
    this.repairs = problems;
    this.problems = [];
    for (const p of problems) this.ctx.connection.console.warn(`phrase index: ${p}`);
    this.base = { index, fingerprint: baseFingerprint, knowledge };
    if (knowledge) this.ctx.knowledge = knowledge;
    this.index = index;
    this.ctx.phraseSource = index;
    this.ctx.log(`phrase index: ${index.paragraphCount} paragraphs of ${index.documentCount} documents, built again`);
    this.announce();
  }

  /** Builds in a worker thread when the bundle has one (dist/index-worker.js), else on a later tick. */
  private build(job: IndexJob, progress: (stage: string, fraction: number) => void, knowledge: (knowledge: CorpusKnowledge, source: 'file' | 'built') => void): Promise<BuildResult> {
    const workerFile = join(__dirname, 'index-worker.js');
    if (!existsSync(workerFile)) {
      return new Promise((resolve, reject) => {
        setImmediate(() => {
          try {
            let baseKnowledge: CorpusKnowledge | undefined;
            const result = loadOrUpdateIndexAndKnowledge(job.folders, {
              storagePath: job.storagePath,
              haveBase: job.haveBase,
              progress,
              onKnowledge: (data, source) => {
                baseKnowledge = knowledgeFromPacked(data);
                knowledge(baseKnowledge, source);
              },
            });
            const segment = result.segment;
            const segmentKnowledge = segment ? knowledgeFromPacked(segment.knowledge) : undefined;
            if (result.kind === 'segment') resolve({ problems: result.problems, path: result.path, baseFingerprint: result.baseFingerprint, segment, segmentKnowledge, segmentSource: result.segmentSource });
            else resolve({ base: result.loaded.index, baseFingerprint: result.baseFingerprint, knowledge: baseKnowledge, source: result.loaded.source, path: result.loaded.path, problems: result.loaded.problems, corpusProblems: result.loaded.corpusProblems, segment, segmentKnowledge, segmentSource: result.segmentSource });
          } catch (err) {
            reject(err);
          }
        });
      });
    }
    return new Promise((resolve, reject) => {
      // The index as built is opened here, in this thread, while the worker starts: the server
      // answers from it without waiting for a thread to start, read the file and hand it over
      // (at 200 MB, index usable 336 -> ~250 ms after the server's start). The worker then reads
      // its knowledge and checks the corpus and the file.
      const worker = new Worker(workerFile, { workerData: job });
      let settled = false;
      // The knowledge is taken in part by part, in between requests; the build is over when both are in.
      let assembling: Promise<CorpusKnowledge | undefined> = Promise.resolve(undefined);
      // An index as built comes before its knowledge (`knowledgeFollows`): the build waits for that too.
      let knowledgeCame = (): void => undefined;
      const knowledgeComing = new Promise<void>((r) => (knowledgeCame = r));
      // The first index handed to the keeper: an index built again after it replaces it only afterwards.
      let delivered = (): void => undefined;
      const handedOver = new Promise<void>((r) => (delivered = r));
      const withSegment = (message: SegmentMessage | undefined, done: (segment: Pick<BuildResult, 'segment' | 'segmentKnowledge' | 'segmentSource'>) => void) => {
        if (!message) return done({});
        const segment = { data: message.data, masked: message.masked };
        assembleKnowledge(message.knowledge).then(
          (k) => done({ segment, segmentKnowledge: k, segmentSource: message.source }),
          (err: unknown) => {
            this.ctx.connection.console.error(`corpus knowledge of the index segment failed: ${err instanceof Error ? err.message : String(err)}`);
            done({ segment, segmentSource: message.source });
          },
        );
      };
      const onMessage = (m: IndexWorkerMessage) => {
        if (m.type === 'progress') progress(m.stage, m.fraction);
        else if (m.type === 'knowledge') {
          assembling = assembleKnowledge(m.parts).then(
            (k) => {
              knowledge(k, m.source);
              return k;
            },
            (err: unknown) => {
              this.ctx.connection.console.error(`corpus knowledge failed: ${err instanceof Error ? err.message : String(err)}`);
              return undefined;
            },
          );
          knowledgeCame();
        } else if (m.type === 'stale') {
          // The index in use is the one as built; the corpus changed since (or its knowledge is
          // unreadable): the usual update runs over it, as when a file changes while the server runs.
          this.ctx.log(`phrase index: ${m.full ? `${m.problem ?? 'its knowledge could not be read'}; reading it again` : 'the corpus changed since the index was built; updating it'}`);
          if (m.full) this.dropBase = true;
          knowledgeCame();
          this.start();
        } else if (m.type === 'failed') {
          knowledgeCame();
          if (settled) this.ctx.connection.console.error(`phrase index failed: ${m.message}`);
          settled = true;
          reject(new Error(m.message));
          void worker.terminate();
        } else if (m.type === 'verified') void worker.terminate();
        else if (m.type === 'damaged') this.ctx.connection.console.warn(`phrase index: ${m.problem}; rebuilding it`);
        else if (m.type === 'segment') {
          settled = true;
          void worker.terminate();
          withSegment(m.segment, (segment) => resolve({ problems: m.problems, path: m.path, baseFingerprint: m.baseFingerprint, ...segment }));
        } else if (settled) {
          // The base's file turned out damaged: this index was built in full in its place (with
          // the knowledge made again first when a segment had been applied).
          void worker.terminate();
          const index = new PhraseIndex(m.data);
          void handedOver
            .then(() => assembling)
            .then((k) => setImmediate(() => this.ctx.safely('phrase index', undefined, () => this.replace(index, m.baseFingerprint, k, m.problems))));
        } else {
          settled = true;
          let index: PhraseIndex;
          try {
            // A base read from its file keeps its large sections there (read a page at a time).
            index = new PhraseIndex(openPagedSections(m.data));
            // Its paragraphs' arrays, then its text, into memory meanwhile (the arrays are read at
            // once when asked for first; the text a page at a time until it is in).
            const data = index.data;
            void readDeferredInBackground(data).then(() => readTextInBackground(data));
          } catch (err) {
            // Its file gone or replaced since the worker read its header: read again the usual way.
            this.ctx.connection.console.warn(`phrase index: ${err instanceof Error ? err.message : String(err)}; reading it again`);
            this.dropBase = true;
            this.again = true;
            void worker.terminate();
            reject(err instanceof Error ? err : new Error(String(err)));
            return;
          }
          // Without a segment, in use at once, while the knowledge may still be taken in (the corpus
          // status says indexing until both are); with one, once its knowledge is in too.
          if (!m.segment) {
            this.ctx.safely('phrase index', undefined, () => {
              this.index = index;
              this.ctx.phraseSource = index;
            });
          }
          // A base read from its file is checked on in the worker (its sections' checksums); a build is done.
          if (m.source === 'built') void worker.terminate();
          void (m.knowledgeFollows ? knowledgeComing : Promise.resolve()).then(() => assembling).then((baseKnowledge) =>
            withSegment(m.segment, (segment) => {
              resolve({ base: index, baseFingerprint: m.baseFingerprint, knowledge: baseKnowledge, source: m.source, path: m.path, problems: m.problems, corpusProblems: m.corpusProblems, ...segment });
              delivered();
            }),
          );
        }
      };
      worker.on('message', onMessage);
      if (job.asBuilt) {
        let asBuilt: IndexAsBuilt | undefined;
        try {
          asBuilt = openIndexAsBuilt(job.folders, job.storagePath);
        } catch (err) {
          this.ctx.connection.console.warn(`phrase index: ${err instanceof Error ? err.message : String(err)}; reading it the usual way`);
        }
        worker.postMessage((asBuilt ? { path: asBuilt.path, fingerprint: asBuilt.fingerprint, knowledgePath: asBuilt.knowledgePath } : { none: true }) satisfies AsBuiltOpened);
        if (asBuilt) onMessage({ type: 'done', source: 'file', path: asBuilt.path, data: asBuilt.data, problems: [], corpusProblems: asBuilt.corpusProblems, baseFingerprint: asBuilt.fingerprint, knowledgeFollows: true });
      }
      worker.on('error', (err) => {
        if (!settled) reject(err);
      });
      worker.on('exit', (code) => {
        knowledgeCame();
        if (!settled) reject(new Error(`the index worker stopped (exit code ${code})`));
      });
    });
  }
}

/** What a build hands the keeper: a new base (with its knowledge) or none (the one held is kept), and the segment over it. */
interface BuildResult {
  base?: PhraseIndex;
  baseFingerprint?: string;
  knowledge?: CorpusKnowledge;
  source?: 'file' | 'built';
  path?: string;
  problems: string[];
  corpusProblems?: string[];
  segment?: Pick<SegmentPart, 'data' | 'masked'>;
  segmentKnowledge?: CorpusKnowledge;
  segmentSource?: 'file' | 'built';
}

/** A similar paragraph as the client gets it: the file as a URI. */
const toMatch = ({ file, ...m }: SimilarParagraph): SimilarMatch => (file ? { ...m, uri: pathToFileURL(file).toString() } : m);

/** The worker's knowledge parts parsed and put together, one part per turn of the event loop. */
async function assembleKnowledge(parts: Uint8Array[]): Promise<CorpusKnowledge> {
  const assembler = new KnowledgeAssembler();
  const decoder = new TextDecoder();
  for (const part of parts) {
    assembler.add(JSON.parse(decoder.decode(part)) as KnowledgePart);
    await new Promise((next) => setImmediate(next));
  }
  return assembler.finish();
}

const keepers = new WeakMap<ServerContext, PhraseIndexKeeper>();

/**
 * The corpus phrase index in the server: `resolutionDrafter/similar`, `resolutionDrafter/corpusStats`,
 * the `resolutionDrafter/corpusStatus` notification and the command `findSimilar`; it sets
 * `ctx.phraseSource` for completion once the index is ready, and `ctx.knowledge` (completion and
 * hovers) once the worker has read or made the corpus digest.
 */
export const agreedLanguageIndexFeature: Feature = {
  name: 'agreed-language-index',
  capabilities: () => ({ executeCommandProvider: { commands: [ServerCommands.findSimilar] } }),
  register(ctx) {
    const keeper = new PhraseIndexKeeper(ctx);
    keepers.set(ctx, keeper);
    ctx.connection.onRequest(SimilarRequest, (params: SimilarParams) => ctx.safelyAsync('similar', [] as SimilarMatch[], () => keeper.similarEverywhere(params)));
    ctx.connection.onRequest(CorpusStatsRequest, () => ctx.safely('corpus stats', null, () => keeper.stats()));
    registerServerCommand(ctx, ServerCommands.findSimilar, (args) => {
      const [text, limit] = args;
      if (typeof text !== 'string') throw invalidArguments(`${ServerCommands.findSimilar} expects [text: string, limit?: number]`);
      return keeper.similarEverywhere({ text, limit: typeof limit === 'number' ? limit : undefined });
    });
    ctx.onCorpusReloaded(() => keeper.start());
    // A large catalogue's counts come from the validation worker when it made its index.
    ctx.onCatalogueSummary(() => keeper.announce());
  },
  initialized(ctx) {
    keepers.get(ctx)?.start();
  },
};
