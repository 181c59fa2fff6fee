import type { Connection, InitializeParams, ServerCapabilities } from 'vscode-languageserver/node';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDraft, resolveSettings, symbolKey, type Catalogue, type CorpusKnowledge, type DrafterSettings, type ResolutionDocument } from '../core';
import type { PhraseSource } from '../core/agreed/types';
import type { Locale } from '../core/rules';
import { bundledCorpusFolder, corpusFilesBySymbol, readCatalogues } from '../corpus/load';

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
}

/** What every feature shares: the connection, the open drafts (parsed once per version), settings. */
export class ServerContext {
  private readonly cache = new Map<string, { version: number; model: ResolutionDocument }>();
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
    const model = parseDraft(document.getText());
    this.cache.set(uri, { version: document.version, model });
    return { document, model };
  }

  /** Settings for one draft, as the client resolves them for its folder. */
  settings(uri: string): Promise<DrafterSettings> {
    if (!this.supportsConfiguration) return Promise.resolve(resolveSettings(this.initializeParams?.initializationOptions?.settings));
    let result = this.settingsCache.get(uri);
    if (!result) {
      result = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'resolutionDrafter' })
        .then((s) => resolveSettings(s), () => resolveSettings(undefined));
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
      const { catalogue, problems } = readCatalogues(this.corpusFolders());
      this.catalogueCache = catalogue;
      for (const problem of problems) this.connection.console.warn(`corpus: ${problem}`);
    }
    return this.catalogueCache;
  }

  /** The clean draft of a corpus document by its symbol (any written form), from the file names; undefined when the corpus has none. */
  corpusFile(symbol: string): string | undefined {
    this.filesBySymbol ??= corpusFilesBySymbol(this.corpusFolders(), symbolKey);
    return this.filesBySymbol.get(symbolKey(symbol));
  }

  /** Drops what was read from the corpus so that the next use reads it again (after the corpus changed), and tells the listeners. */
  reloadCorpus(): void {
    this.catalogueCache = undefined;
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

  /** Runs a handler and turns a failure into a logged error and an empty answer: a bug never takes the server down. */
  safely<T>(what: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (err) {
      this.connection.console.error(`${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  }

  async safelyAsync<T>(what: string, fallback: T, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      this.connection.console.error(`${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  }
}
