import { ErrorCodes, ResponseError, type CancellationToken, type Connection, type InitializeParams, type ServerCapabilities, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDraft, resolveSettings, symbolKey, type Catalogue, type CorpusKnowledge, type DrafterSettings, type ResolutionDocument } from '../core';
import type { PhraseSource } from '../core/agreed/types';
import type { Locale } from '../core/rules';
import type { DraftValidations } from './validations';
import { ParseMemo } from '../core/parse/parser';
import { bundledCorpusFolder, corpusFilesBySymbol, readCatalogue, readCatalogues } from '../corpus/load';
import { isIndexedCatalogue, readIndexedCounts, type CatalogueCounts } from '../corpus/catalogue-index';

/** A TypeError from reading a request's params that are null or lack a part every such request has. */
const MISSING_PARAMS = /^Cannot read propert(?:y|ies) of (?:null|undefined) \(reading '(?:textDocument|position|context|range|uri|arguments|command|newName|text|diagnostics|only)'\)/;

/** A draft open in the editor, with its parsed model for the current version. */
export interface OpenDraft {
  document: TextDocument;
  model: ResolutionDocument;
}

/** One editor feature (diagnostics, completion, outline …): the capabilities it adds, and its handlers. */
export interface Feature {
  name: string;
  capabilities?(params: InitializeParams): ServerCapabilities;
  register(ctx: ServerContext): void;
  /** Called once the client has sent `initialized` (work that may talk back to the client: progress, registrations). */
  initialized?(ctx: ServerContext): void;
  /** Called on `shutdown` (what the feature holds open: watchers, timers). */
  shutdown?(ctx: ServerContext): void;
}

/** What every feature shares: the connection, the open drafts (parsed once per version), settings. */
export class ServerContext {
  private readonly cache = new Map<string, { version: number; model: ResolutionDocument; memo: ParseMemo }>();
  private readonly settingsCache = new Map<string, Promise<DrafterSettings>>();
  private readonly settingsListeners: (() => void)[] = [];
  /** Set from the client's capabilities at initialize. */
  supportsConfiguration = false;
  initializeParams?: InitializeParams;
  /** The corpus phrase index once it is loaded or built; undefined until then (features answer without it). */
  phraseSource?: PhraseSource;
  /**
   * The corpus knowledge (openers, titles, resolutions, symbols) once the index worker has read or
   * made it; undefined until then (`corpusKnowledge` in knowledge.ts answers meanwhile).
   */
  knowledge?: CorpusKnowledge;
  /** The validations of the open drafts (set by the diagnostics feature): code actions read the last one. */
  validations?: DraftValidations;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
  ) {
    documents.onDidClose((e) => {
      this.cache.delete(e.document.uri);
      this.settingsCache.delete(e.document.uri);
    });
  }

  /** The open draft at `uri`, parsed; undefined when it is not open. */
  draft(uri: string): OpenDraft | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version) return { document, model: cached.model };
    // What the parse of the previous version kept: its unchanged lines are not recognised again.
    const memo = cached?.memo ?? new ParseMemo();
    const model = parseDraft(document.getText(), undefined, memo);
    this.cache.set(uri, { version: document.version, model, memo });
    return { document, model };
  }

  /**
   * The open draft at `uri`, parsed, for a request that can wait: a big draft that this thread
   * has not parsed yet while the worker validates it waits for that validation first, so that its
   * diagnostics are sent before this thread spends a second or more on its own parse (the answer
   * to the validation would wait behind it). Undefined when the draft is not open or the request
   * was cancelled meanwhile.
   */
  async parsed(uri: string, token?: CancellationToken): Promise<OpenDraft | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    if (!this.cache.has(uri) && document.getText().length >= ServerContext.bigDraft && this.validations?.validatingInWorker(uri)) {
      await this.validations.current(uri, token).catch(() => undefined);
      // The diagnostics just published are written out before the parse holds this thread (else
      // they went out only after it: a thousand diagnostics, 460 KB, are several writes).
      await this.validations.published(uri);
      if (token?.isCancellationRequested) return undefined;
    }
    return this.draft(uri);
  }

  /** From this many characters, a draft's first parse in this thread waits for its validation (see `parsed`). */
  static bigDraft = 1_000_000;

  /** How long a draft waits for the client's settings before it is checked with the defaults. */
  static settingsWait = 1000;

  /**
   * Settings for one draft, as the client resolves them for its folder. A client that does not
   * answer `workspace/configuration` within a second gets the defaults meanwhile; when its answer
   * comes, it is kept and the drafts are checked again (the settings listeners).
   */
  settings(uri: string): Promise<DrafterSettings> {
    if (!this.supportsConfiguration) return Promise.resolve(resolveSettings(this.initializeParams?.initializationOptions?.settings));
    let result = this.settingsCache.get(uri);
    if (!result) {
      const asked = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'resolutionDrafter' }).then(
        (s) => resolveSettings(s),
        () => resolveSettings(undefined),
      );
      let late = false;
      const pending: Promise<DrafterSettings> = new Promise((resolve) => {
        const timer = setTimeout(() => {
          late = true;
          this.connection.console.warn(`the client has not answered workspace/configuration for ${uri} within ${ServerContext.settingsWait} ms: default settings until it does`);
          resolve(resolveSettings(undefined));
        }, ServerContext.settingsWait);
        // The wait never keeps the server alive on its own.
        timer.unref?.();
        void asked.then((settings) => {
          clearTimeout(timer);
          resolve(settings);
          if (late && this.settingsCache.get(uri) === pending) {
            this.settingsCache.set(uri, Promise.resolve(settings));
            for (const l of this.settingsListeners) l();
          }
        });
      });
      result = pending;
      this.settingsCache.set(uri, result);
    }
    return result;
  }

  onSettingsChanged(listener: () => void): void {
    this.settingsListeners.push(listener);
  }

  settingsChanged(): void {
    this.settingsCache.clear();
    for (const l of this.settingsListeners) l();
  }

  /** The language of messages: Chinese when the client's display language is Chinese (`zh`, `zh-cn`, `zh-tw`), else English. */
  locale(): Locale {
    return this.initializeParams?.locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }

  private catalogueCache?: Catalogue;
  // Each folder's catalogue and the problems met, from the same read (a large catalogue is parsed once).
  private folderCatalogues?: Map<string, Catalogue | undefined>;
  private catalogueProblemsCache: string[] = [];
  private filesBySymbol?: Map<string, string>;
  /** Counts corpus reloads: what is derived from the corpus is kept per generation. */
  corpusGeneration = 0;
  private readonly corpusListeners: (() => void)[] = [];

  /** The corpus folders: the bundled corpus plus the folders named in the initialization options (`corpusFolders`). */
  corpusFolders(): string[] {
    const options = (this.initializeParams?.initializationOptions ?? {}) as { corpusFolders?: unknown; useBundledCorpus?: unknown };
    const extra = Array.isArray(options.corpusFolders) ? options.corpusFolders.filter((f): f is string => typeof f === 'string') : [];
    return [...(options.useBundledCorpus === false ? [] : [bundledCorpusFolder()]), ...extra];
  }

  /**
   * The merged catalogue of the corpus folders, read once (no draft is parsed: the server thread
   * never parses the whole corpus; the index worker does, see agreed-index.ts).
   */
  catalogue(): Catalogue {
    if (!this.catalogueCache) {
      const { catalogue, problems, byFolder } = readCatalogues(this.corpusFolders());
      this.catalogueCache = catalogue;
      this.folderCatalogues = byFolder;
      this.catalogueProblemsCache = problems;
      for (const problem of problems) this.connection.console.warn(`corpus: ${problem}`);
    }
    return this.catalogueCache;
  }

  private largeCache?: boolean;
  private summaryCache?: { cited: number; problems: string[] };
  private readonly summaryListeners: (() => void)[] = [];

  /** Whether a corpus folder's catalogue is large (read through its index, in the validation worker, never whole here). */
  largeCatalogue(): boolean {
    this.largeCache ??= this.corpusFolders().some((f) => isIndexedCatalogue(f));
    return this.largeCache;
  }

  /**
   * What the corpus status says of the catalogues: how many documents they cite and the problems
   * met. Small catalogues are read whole (as validation reads them); a large one's figures come
   * from its index's header, or when it has no index yet from the validation worker, which makes
   * it (asked here; `onCatalogueSummary` tells when they come). Undefined until then: never blocks.
   */
  catalogueSummary(): { cited: number; problems: string[] } | undefined {
    if (this.summaryCache) return this.summaryCache;
    if (!this.largeCatalogue() || !this.validations) {
      this.summaryCache = { cited: this.catalogue().cited.length, problems: [...this.catalogueProblems()] };
      return this.summaryCache;
    }
    let cited = 0;
    const problems: string[] = [];
    for (const folder of this.corpusFolders()) {
      if (isIndexedCatalogue(folder)) {
        const read = readIndexedCounts(folder);
        if (!read) {
          // No index yet: the worker makes it; without a worker, the catalogue is read here as before.
          if (this.validations.sendCorpus()) return undefined;
          this.summaryCache = { cited: this.catalogue().cited.length, problems: [...this.catalogueProblems()] };
          return this.summaryCache;
        }
        cited += read.counts.cited;
        if (read.problem) problems.push(read.problem);
      } else {
        const { catalogue, problem } = readCatalogue(folder);
        cited += catalogue?.cited.length ?? 0;
        if (problem) problems.push(problem);
      }
    }
    for (const problem of problems) this.connection.console.warn(`corpus: ${problem}`);
    this.summaryCache = { cited, problems };
    return this.summaryCache;
  }

  /** The validation worker read the catalogues (of the current corpus generation). */
  catalogueRead(counts: CatalogueCounts, problems: string[]): void {
    if (!this.summaryCache) {
      for (const problem of problems) this.connection.console.warn(`corpus: ${problem}`);
      this.summaryCache = { cited: counts.cited, problems };
      for (const l of this.summaryListeners) l();
    }
  }

  /** Called when `catalogueSummary()` has its figures after answering undefined. */
  onCatalogueSummary(listener: () => void): void {
    this.summaryListeners.push(listener);
  }

  /** What was wrong with the catalogues when `catalogue()` read them (read once, as it). */
  catalogueProblems(): string[] {
    this.catalogue();
    return this.catalogueProblemsCache;
  }

  /** The clean draft of a corpus document by its symbol (any written form), from the file names; undefined when the corpus has none. */
  corpusFile(symbol: string): string | undefined {
    if (!this.filesBySymbol) {
      this.catalogue();
      this.filesBySymbol = corpusFilesBySymbol(this.corpusFolders(), symbolKey, (folder) => this.folderCatalogues?.get(folder));
    }
    return this.filesBySymbol.get(symbolKey(symbol));
  }

  /** Drops what was read from the corpus so that the next use reads it again (after the corpus changed), and tells the listeners. */
  reloadCorpus(): void {
    this.catalogueCache = undefined;
    this.largeCache = undefined;
    this.summaryCache = undefined;
    this.folderCatalogues = undefined;
    this.catalogueProblemsCache = [];
    this.filesBySymbol = undefined;
    this.corpusGeneration++;
    for (const l of this.corpusListeners) l();
  }

  /** Called after `reloadCorpus()` (the phrase index rebuilds then). */
  onCorpusReloaded(listener: () => void): void {
    this.corpusListeners.push(listener);
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  /** Whether the client applies edits the server sends (`workspace/applyEdit`). */
  canApplyEdit(): boolean {
    return !!this.initializeParams?.capabilities.workspace?.applyEdit;
  }

  /** An edit of one draft in the form the client declared: versioned `documentChanges`, else plain `changes`. */
  workspaceEdit(uri: string, version: number, edits: LspTextEdit[]): WorkspaceEdit {
    return this.initializeParams?.capabilities.workspace?.workspaceEdit?.documentChanges
      ? { documentChanges: [{ textDocument: { uri, version }, edits }] }
      : { changes: { [uri]: edits } };
  }

  /**
   * Runs a handler and turns a failure into a logged error and an empty answer: a bug never takes
   * the server down. A request whose params lack what every request carries (`params: null`, no
   * `textDocument`) is answered InvalidParams instead.
   */
  safely<T>(what: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (err) {
      return this.failed(what, fallback, err);
    }
  }

  async safelyAsync<T>(what: string, fallback: T, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      return this.failed(what, fallback, err);
    }
  }

  private failed<T>(what: string, fallback: T, err: unknown): T {
    if (err instanceof ResponseError) return err as unknown as T;
    if (err instanceof TypeError && MISSING_PARAMS.test(err.message)) {
      return new ResponseError(ErrorCodes.InvalidParams, `${what}: the request's params lack what it needs (${err.message})`) as unknown as T;
    }
    this.connection.console.error(`${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return fallback;
  }
}
