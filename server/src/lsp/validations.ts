/**
 * The validations of the open drafts: each version of a draft is validated once, in the
 * validation worker (dist/validation-worker.js) when the bundle has one, so that the server
 * thread stays free for completion, hovers and the rest. What the last validation found is kept
 * per draft: the diagnostics the editor shows and the findings the quick fixes are made from.
 *
 * One job runs at a time. While it runs, newer versions only replace the draft's place in the
 * queue: a version that is already stale is never sent, and an answer for a version that is no
 * longer the draft's current one is dropped.
 */
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { Catalogue, DrafterSettings } from '../core';
import { ParseMemo } from '../core/parse/parser';
import { RuleMemo } from '../core/rules';
import { bundledCorpusFolder } from '../corpus/load';
import type { ServerContext } from './context';
import type { ValidationStatus } from './protocol';
import { runValidation, type ValidationResult } from './validation-run';
import type { ValidationWorkerMessage, ValidationWorkerRequest } from './validation-worker';

/** The last validation of one draft, with what it was made under. */
export interface DraftValidation extends ValidationResult {
  /** The settings generation it was made with (a settings or corpus change starts a new one). */
  generation: number;
}

interface Waiter {
  version: number;
  resolve: (v: DraftValidation | undefined) => void;
}

/** A cancelled request's answer, as LSP names it. */
export function cancelled(what: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `${what}: cancelled`);
}

export class DraftValidations {
  private worker?: Worker;
  /** True once the worker failed: validation goes on in the server thread. */
  private inThread = false;
  private running?: { job: number; uri: string; version: number; generation: number };
  private jobs = 0;
  /** Drafts waiting for a validation, in the order they asked (a Set keeps insertion order). */
  private readonly queue = new Set<string>();
  private readonly last = new Map<string, DraftValidation>();
  private readonly waiters = new Map<string, Waiter[]>();
  private generation = 0;
  /** In the server thread (no worker): what each draft's last parse kept. */
  private readonly memos = new Map<string, { parse: ParseMemo; rules: RuleMemo }>();
  private sentCatalogue?: { value: Catalogue | undefined } | { value: 'folders'; generation: number };
  /** Told of every validation kept (the diagnostics feature publishes it: the promise of that message written). */
  onValidated?: (v: DraftValidation) => Promise<void> | void;
  /** Per draft, the publication of its last validation's diagnostics, settled when the message is written. */
  private readonly publishing = new Map<string, Promise<void>>();
  /** Counts the validations run, per draft: what the tests of "once per version" read. */
  readonly runs = new Map<string, number>();

  constructor(private readonly ctx: ServerContext) {}

  /** Asks for a validation of the draft's current version (nothing happens when it has one already). */
  request(uri: string): void {
    if (!this.checks(uri)) return;
    this.queue.add(uri);
    this.pump();
  }

  /**
   * Whether a document is checked: not a draft of the corpus shipped with the extension (opened
   * beside a draft by Compare with…, or from a hover's link), which the drafter did not write and
   * cannot change. The drafts of the user's own corpus folders are checked like any other.
   */
  checks(uri: string): boolean {
    if (!uri.startsWith('file:')) return true;
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return true;
    }
    this.shipped ??= bundledCorpusFolder() + sep;
    return !path.startsWith(this.shipped);
  }

  private shipped?: string;

  /** Settings or the corpus changed: every open draft is validated again. */
  invalidate(): void {
    this.generation++;
    for (const d of this.ctx.documents.all()) this.request(d.uri);
  }

  /** The draft closed: its validation is dropped, and nobody waits for it any more. */
  forget(uri: string): void {
    this.worker?.postMessage({ type: 'forget', uri } satisfies ValidationWorkerRequest);
    this.memos.delete(uri);
    this.queue.delete(uri);
    this.last.delete(uri);
    this.publishing.delete(uri);
    this.runs.delete(uri);
    for (const w of this.waiters.get(uri) ?? []) w.resolve(undefined);
    this.waiters.delete(uri);
  }

  /**
   * Settles when the diagnostics of the draft's last validation are written to the client, or
   * after `waitMs` (a client that does not read): a thousand diagnostics are several writes, which
   * a long task begun meanwhile in this thread would hold back until it ends.
   */
  published(uri: string, waitMs = 250): Promise<void> {
    const publishing = this.publishing.get(uri);
    if (!publishing) return Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([publishing, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]).finally(() => clearTimeout(timer));
  }

  /** Whether drafts are validated in the worker thread (starts it on first use); false when they are validated in the server thread. */
  inWorker(): boolean {
    return this.workerThread() !== undefined;
  }

  /** Whether the worker is validating the draft or it waits for its turn (false when validation runs in the server thread). */
  validatingInWorker(uri: string): boolean {
    return !this.inThread && (this.running?.uri === uri || this.queue.has(uri));
  }

  /** The last validation of a draft, whatever its version. */
  latest(uri: string): DraftValidation | undefined {
    return this.last.get(uri);
  }

  /**
   * The validation of the draft's current version: at once when it is done, else when it comes
   * (undefined when the draft closes first). A cancelled token answers RequestCancelled at once.
   */
  current(uri: string, token?: CancellationToken): Promise<DraftValidation | undefined> {
    const document = this.ctx.documents.get(uri);
    if (!document || !this.checks(uri)) return Promise.resolve(undefined);
    const have = this.last.get(uri);
    if (have && have.version === document.version && have.generation === this.generation) return Promise.resolve(have);
    this.request(uri);
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(uri) ?? [];
      const waiter: Waiter = { version: document.version, resolve };
      list.push(waiter);
      this.waiters.set(uri, list);
      token?.onCancellationRequested(() => {
        const l = this.waiters.get(uri);
        if (l) this.waiters.set(uri, l.filter((w) => w !== waiter));
        reject(cancelled('validation'));
      });
    });
  }

  private pump(): void {
    if (this.running) return;
    for (const uri of this.queue) {
      this.queue.delete(uri);
      const document = this.ctx.documents.get(uri);
      if (!document) continue;
      const have = this.last.get(uri);
      // Once per version: the open and the first change of a draft ask for the same version.
      if (have && have.version === document.version && have.generation === this.generation) {
        this.settle(uri, have);
        continue;
      }
      const job = { job: ++this.jobs, uri, version: document.version, generation: this.generation };
      this.running = job;
      void this.ctx.safelyAsync('validation', undefined, () => this.start(job)).finally(() => {
        if (this.running === job) this.running = undefined;
        this.pump();
      });
      return;
    }
  }

  private async start(job: { job: number; uri: string; version: number; generation: number }): Promise<void> {
    const settings = await this.ctx.settings(job.uri);
    // The draft may have changed or closed while the settings were on their way: then the newer version goes next.
    const document = this.ctx.documents.get(job.uri);
    if (!document || document.version !== job.version || job.generation !== this.generation) {
      if (document) this.queue.add(job.uri);
      return;
    }
    // A large catalogue is not read here: the worker reads it (through its index) from the folders.
    const catalogue = this.workerThread() && this.ctx.largeCatalogue() ? 'folders' : this.ctx.safely('corpus', undefined, () => this.ctx.catalogue());
    this.runs.set(job.uri, (this.runs.get(job.uri) ?? 0) + 1);
    const result = await this.validate({ job: job.job, uri: job.uri, version: job.version, text: document.getText(), locale: this.ctx.locale() }, settings, catalogue);
    for (const e of result.ruleErrors) this.ctx.connection.console.error(e);
    const now = this.ctx.documents.get(job.uri);
    if (!now || now.version !== job.version || job.generation !== this.generation) {
      // Stale: a newer version (or setting) came meanwhile; its own validation follows.
      if (now) this.queue.add(job.uri);
      return;
    }
    const kept: DraftValidation = { ...result, generation: job.generation };
    this.last.set(job.uri, kept);
    const publishing = this.onValidated?.(kept);
    if (publishing) this.publishing.set(job.uri, publishing.catch(() => undefined));
    this.settle(job.uri, kept);
  }

  private settle(uri: string, v: DraftValidation): void {
    const list = this.waiters.get(uri);
    if (!list) return;
    const still = list.filter((w) => {
      if (w.version > v.version) return true;
      w.resolve(v);
      return false;
    });
    if (still.length > 0) this.waiters.set(uri, still);
    else this.waiters.delete(uri);
  }

  private validate(job: Parameters<typeof runValidation>[0], settings: DrafterSettings, catalogue: Catalogue | undefined | 'folders'): Promise<ValidationResult> {
    const worker = this.workerThread();
    const inMemory = () => (catalogue === 'folders' ? this.ctx.safely('corpus', undefined, () => this.ctx.catalogue()) : catalogue);
    if (!worker) {
      return new Promise((resolve, reject) => {
        setImmediate(() => {
          try {
            resolve(this.runHere(job, settings, inMemory()));
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
      });
    }
    if (catalogue === 'folders') this.sendCorpus(worker);
    else if (!this.sentCatalogue || this.sentCatalogue.value !== catalogue) {
      worker.postMessage({ type: 'catalogue', catalogue } satisfies ValidationWorkerRequest);
      this.sentCatalogue = { value: catalogue };
    }
    return new Promise((resolve, reject) => {
      const onMessage = (m: ValidationWorkerMessage) => {
        if (m.type === 'corpus' || (m.type === 'validated' ? m.result.job : m.job) !== job.job) return;
        done();
        if (m.type === 'validated') resolve(m.result);
        else reject(new Error(m.message));
      };
      const onExit = (code: number) => {
        done();
        // The worker is gone (a bug, or memory): validation goes on in the server thread.
        this.ctx.connection.console.error(`the validation worker stopped (exit code ${code}); drafts are validated in the server thread from now on`);
        this.worker = undefined;
        this.inThread = true;
        resolve(this.runHere(job, settings, inMemory()));
      };
      const done = () => {
        worker.off('message', onMessage);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.postMessage({ type: 'validate', ...job, settings } satisfies ValidationWorkerRequest);
    });
  }

  /**
   * Has the worker read the corpus folders' catalogues (a large one through its index, made there
   * when missing), once per corpus generation: the server thread never parses a large catalogue.
   * False when there is no worker (then the caller reads the catalogue itself).
   */
  sendCorpus(worker = this.workerThread()): boolean {
    if (!worker) return false;
    const generation = this.ctx.corpusGeneration;
    if (this.sentCatalogue?.value === 'folders' && this.sentCatalogue.generation === generation) return true;
    worker.postMessage({ type: 'corpus', folders: this.ctx.corpusFolders(), generation } satisfies ValidationWorkerRequest);
    this.sentCatalogue = { value: 'folders', generation };
    return true;
  }

  /** The validation in the server thread, with what this draft's last one kept. */
  private runHere(job: Parameters<typeof runValidation>[0], settings: DrafterSettings, catalogue: Catalogue | undefined): ValidationResult {
    let memo = this.memos.get(job.uri);
    if (!memo) this.memos.set(job.uri, (memo = { parse: new ParseMemo(), rules: new RuleMemo() }));
    return runValidation(job, settings, catalogue, memo.parse, memo.rules);
  }

  /** The worker thread, started on first use; undefined when the bundle has none (then the server thread validates). */
  private workerThread(): Worker | undefined {
    if (this.worker || this.inThread) return this.worker;
    const file = join(__dirname, 'validation-worker.js');
    if (!existsSync(file)) {
      this.inThread = true;
      return undefined;
    }
    const worker = new Worker(file);
    worker.on('error', (err) => this.ctx.connection.console.error(`validation worker: ${err.stack ?? err.message}`));
    worker.on('message', (m: ValidationWorkerMessage) => {
      if (m.type !== 'corpus' || m.generation !== this.ctx.corpusGeneration) return;
      this.ctx.log(`corpus: the worker read the catalogues in ${Math.round(m.ms)} ms (${m.counts.cited} cited documents)`);
      this.ctx.catalogueRead(m.counts, m.problems);
    });
    // The worker never keeps the server alive on its own.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** How the validation of a draft stands. */
  status(uri: string): ValidationStatus {
    const v = this.last.get(uri);
    return { version: this.ctx.documents.get(uri)?.version ?? null, validatedVersion: v?.version ?? null, runs: this.runs.get(uri) ?? 0, ms: v ? Math.round(v.ms) : null, parseMs: v ? Math.round(v.parseMs) : null, keptLines: v ? v.keptLines : null, worker: !this.inThread };
  }
}
