import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import { bundledCorpusFolder } from '../../corpus/load';
import type { Feature, ServerContext } from '../context';

/**
 * How the watcher waits: an update runs `quietMs` after the last change of a burst (an ingest
 * writing fifty drafts, an editor saving through a temporary file and a rename), and at the
 * latest `maxWaitMs` after its first change (a stream of changes still updates the index); a
 * folder that is gone or cannot be watched is looked at again every `recheckMs`.
 */
export const CORPUS_WATCH = { quietMs: 600, maxWaitMs: 5000, recheckMs: 5000 };

/** The names whose change changes the corpus: its drafts and its catalogue (not the index files the server writes, nor editors' temporary files). */
function corpusName(name: string): boolean {
  return name.endsWith('.unres') || name === 'catalogue.json';
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Watches the user's corpus folders (flat folders: `fs.watch` on each, in every client, without
 * the client's file events) and reads the corpus again (`ctx.reloadCorpus()`: the phrase index is
 * updated over the changed drafts, a segment, and the knowledge with it) once a burst of changes
 * is over. The index keeper runs one update at a time and one more after it when the corpus was
 * reloaded meanwhile. A folder that is gone or cannot be watched is logged once and skipped; it
 * is watched again (and the corpus read again) when it is back.
 */
export class CorpusWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  /** Folders not watched (gone, unreadable, no watch left), with the reason logged for them. */
  private readonly unwatched = new Map<string, string>();
  private timer?: NodeJS.Timeout;
  private recheck?: NodeJS.Timeout;
  private firstChange?: number;
  private changes = 0;
  private closed = false;

  constructor(private readonly ctx: ServerContext) {}

  /** Watches these folders (and no others: those watched before and not named are let go). */
  watch(folders: string[]): void {
    const wanted = new Set(folders.map((f) => resolve(f)));
    for (const [folder, watcher] of this.watchers) {
      if (!wanted.has(folder)) {
        watcher.close();
        this.watchers.delete(folder);
      }
    }
    for (const folder of this.unwatched.keys()) if (!wanted.has(folder)) this.unwatched.delete(folder);
    for (const folder of wanted) if (!this.watchers.has(folder) && !this.unwatched.has(folder)) this.open(folder, false);
    this.scheduleRecheck();
  }

  /** The folders watched now. */
  watched(): string[] {
    return [...this.watchers.keys()];
  }

  private open(folder: string, again: boolean): boolean {
    let watcher: FSWatcher;
    try {
      if (!isFolder(folder)) throw Object.assign(new Error('not a folder'), { code: 'ENOENT' });
      watcher = watch(folder, { persistent: false }, (_event, name) => this.changed(folder, typeof name === 'string' ? name : null));
    } catch (err) {
      this.skip(folder, err);
      return false;
    }
    watcher.on('error', (err) => {
      watcher.close();
      if (this.watchers.get(folder) === watcher) this.watchers.delete(folder);
      this.skip(folder, err);
      this.scheduleRecheck();
      this.schedule();
    });
    this.watchers.set(folder, watcher);
    this.unwatched.delete(folder);
    if (again) this.ctx.log(`corpus folder ${folder}: watched again`);
    return true;
  }

  /** Logs once that a folder is not watched (again only after it was watched since). */
  private skip(folder: string, err: unknown): void {
    const code = (err as NodeJS.ErrnoException)?.code;
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'ENOSPC' ? 'no file watch left (fs.inotify.max_user_watches)' : `it cannot be watched (${code ?? (err instanceof Error ? err.message : String(err))})`;
    if (this.unwatched.has(folder)) return;
    this.unwatched.set(folder, reason);
    this.ctx.connection.console.warn(`corpus folder ${folder}: ${reason}; its changes are not noticed until it is back`);
  }

  /** A change in a watched folder (`name` null when the platform does not say which file). */
  private changed(folder: string, name: string | null): void {
    if (this.closed) return;
    if (name === null || name === basename(folder) || !corpusName(name)) {
      // The folder itself removed or moved (inotify names it), or a name that is not the corpus's.
      if (!isFolder(folder)) {
        this.watchers.get(folder)?.close();
        this.watchers.delete(folder);
        this.skip(folder, Object.assign(new Error('gone'), { code: 'ENOENT' }));
        this.scheduleRecheck();
        this.schedule();
        return;
      }
      if (name !== null) return;
    }
    this.schedule();
  }

  /** A change to a draft or catalogue the client reports (`workspace/didChangeWatchedFiles`): one more trigger, for the same update. */
  clientChanged(params: DidChangeWatchedFilesParams): void {
    const folders = new Set([...this.watchers.keys(), ...this.unwatched.keys()]);
    const ours = (params?.changes ?? []).some((c) => {
      try {
        const path = fileURLToPath(c.uri);
        return corpusName(basename(path)) && folders.has(resolve(dirname(path)));
      } catch {
        return false;
      }
    });
    if (ours) this.schedule();
  }

  /** One update `quietMs` after the last change (at most `maxWaitMs` after the first). */
  private schedule(): void {
    if (this.closed) return;
    this.changes++;
    const now = Date.now();
    this.firstChange ??= now;
    const wait = Math.max(0, Math.min(CORPUS_WATCH.quietMs, this.firstChange + CORPUS_WATCH.maxWaitMs - now));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), wait);
    this.timer.unref();
  }

  private update(): void {
    this.timer = undefined;
    const changes = this.changes;
    const since = this.firstChange ?? Date.now();
    this.changes = 0;
    this.firstChange = undefined;
    if (this.closed) return;
    this.ctx.log(`corpus folders: ${changes === 1 ? '1 change' : `${changes} changes`} on disk in ${Date.now() - since} ms; updating the index`);
    this.ctx.safely('corpus update', undefined, () => this.ctx.reloadCorpus());
  }

  /** While a folder is not watched, it is looked at again now and then (never in a loop). */
  private scheduleRecheck(): void {
    if (this.closed || this.recheck || this.unwatched.size === 0) return;
    this.recheck = setTimeout(() => {
      this.recheck = undefined;
      if (this.closed) return;
      let back = false;
      // A folder that still cannot be watched stays skipped, and is not logged again.
      for (const folder of [...this.unwatched.keys()]) if (isFolder(folder) && this.open(folder, true)) back = true;
      if (back) this.schedule();
      this.scheduleRecheck();
    }, CORPUS_WATCH.recheckMs);
    this.recheck.unref();
  }

  /** Stops watching (shutdown): no update runs after this. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.recheck) clearTimeout(this.recheck);
    this.timer = this.recheck = undefined;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    this.unwatched.clear();
  }
}

const watchers = new WeakMap<ServerContext, CorpusWatcher>();

/** The corpus folders the server watches: the user's (the bundled corpus is shipped read-only and never changes while it runs). */
export function watchedCorpusFolders(ctx: ServerContext): string[] {
  const bundled = resolve(bundledCorpusFolder());
  return [...new Set(ctx.corpusFolders().map((f) => resolve(f)))].filter((f) => f !== bundled);
}

/** The corpus watcher of a server (its folders in the corpus status). */
export function corpusWatcher(ctx: ServerContext): CorpusWatcher | undefined {
  return watchers.get(ctx);
}

/**
 * Notices drafts added, changed or removed in the user's corpus folders while the server runs,
 * and updates the phrase index and the corpus knowledge over them (see CorpusWatcher).
 */
export const corpusWatchFeature: Feature = {
  name: 'corpus-watch',
  register(ctx) {
    const watcher = new CorpusWatcher(ctx);
    watchers.set(ctx, watcher);
    ctx.connection.onDidChangeWatchedFiles((params) => ctx.safely('watched files', undefined, () => watcher.clientChanged(params)));
  },
  initialized(ctx) {
    ctx.safely('corpus watch', undefined, () => {
      const watcher = watchers.get(ctx);
      if (!watcher) return;
      watcher.watch(watchedCorpusFolders(ctx));
      const watched = watcher.watched();
      if (watched.length > 0) ctx.log(`corpus folders watched for changes: ${watched.join(', ')}`);
    });
  },
  shutdown(ctx) {
    watchers.get(ctx)?.close();
  },
};
