/**
 * Validation of drafts in a worker thread: parsing and checking a draft of several megabytes
 * takes a second or more, and the server must keep answering completion and hovers meanwhile.
 * The server sends the text of one version with its settings; the worker parses and validates it
 * (the same `diagnose` and `validate` as in the server thread) and answers with the diagnostics
 * and the findings that the quick fixes need. One job at a time; the server sends only the newest
 * version of each draft, so a stale one is never started.
 */
import { parentPort } from 'node:worker_threads';
import type { Catalogue, CatalogueFacts, DrafterSettings } from '../core';
import { readCatalogueFacts, type CatalogueCounts } from '../corpus/catalogue-index';
import { ParseMemo } from '../core/parse/parser';
import { RuleMemo } from '../core/rules';
import { FIRST_WITHOUT_MEMO, runValidation, type ValidationJob, type ValidationResult } from './validation-run';

/** What the server sends the worker. */
export type ValidationWorkerRequest =
  /** The corpus catalogue, sent once and again only when it changes (when the server thread has it in memory: small catalogues). */
  | { type: 'catalogue'; catalogue: Catalogue | undefined }
  /**
   * The corpus folders: the worker reads their catalogues' facts itself (a large catalogue through
   * its index, made here when missing or stale), before the next validation, and answers `corpus`.
   */
  | { type: 'corpus'; folders: string[]; generation: number }
  /** The draft closed: what its parses kept is dropped. */
  | { type: 'forget'; uri: string }
  | ({ type: 'validate' } & ValidationJob & { settings: DrafterSettings });

/** What the worker answers, one per `validate`. */
export type ValidationWorkerMessage =
  | { type: 'validated'; result: ValidationResult }
  | { type: 'failed'; job: number; message: string }
  /** The catalogues of a `corpus` were read: their counts and the problems met. */
  | { type: 'corpus'; generation: number; counts: CatalogueCounts; problems: string[]; ms: number };

if (parentPort) {
  const port = parentPort;
  let catalogue: Catalogue | CatalogueFacts | undefined;
  /** Folders sent and not read yet: read on the next message (so that a validation queued behind them waits for them, and a newer `corpus` replaces them). */
  let pending: { folders: string[]; generation: number } | undefined;
  const load = () => {
    if (!pending) return;
    const { folders, generation } = pending;
    pending = undefined;
    const started = performance.now();
    const read = readCatalogueFacts(folders);
    catalogue = read.facts;
    // What the rules memoised was found with the catalogue before.
    memos.clear();
    port.postMessage({ type: 'corpus', generation, counts: read.counts, problems: read.problems, ms: performance.now() - started } satisfies ValidationWorkerMessage);
  };
  /** Per draft, what the parse and the paragraph-local rules of its last version kept: the next version's unchanged lines are not recognised or checked again. */
  const memos = new Map<string, { parse: ParseMemo; rules: RuleMemo }>();
  /** The drafts validated here since they were opened (a big draft's first version goes without memos). */
  const validated = new Set<string>();
  /** The first version of a big draft whose memos are to be made next (see below). */
  let toMemoise: (ValidationJob & { settings: DrafterSettings }) | undefined;
  port.on('message', (m: ValidationWorkerRequest) => {
    if (m.type === 'catalogue') {
      pending = undefined;
      catalogue = m.catalogue;
      memos.clear();
      return;
    }
    if (m.type === 'corpus') {
      pending = { folders: m.folders, generation: m.generation };
      // Read at once unless more messages wait (a newer corpus, the validation behind it).
      setImmediate(() => {
        try {
          load();
        } catch {
          /* readCatalogueFacts never throws */
        }
      });
      return;
    }
    if (m.type === 'forget') {
      memos.delete(m.uri);
      validated.delete(m.uri);
      if (toMemoise?.uri === m.uri) toMemoise = undefined;
      return;
    }
    try {
      load();
      // A newer version came before the memos of the first were made: this one makes them.
      if (toMemoise?.uri === m.uri) toMemoise = undefined;
      let memo = memos.get(m.uri);
      if (!memo && !validated.has(m.uri) && m.text.length >= FIRST_WITHOUT_MEMO) {
        // The first version of a big draft: validated without memos, the diagnostics sent, then
        // the memos made (the same parse and rules again) unless another message comes first.
        validated.add(m.uri);
        const result = runValidation(m, m.settings, catalogue);
        port.postMessage({ type: 'validated', result } satisfies ValidationWorkerMessage);
        const job = (toMemoise = m);
        setImmediate(() => {
          if (toMemoise !== job || memos.has(job.uri)) return;
          toMemoise = undefined;
          const made = { parse: new ParseMemo(), rules: new RuleMemo() };
          try {
            runValidation(job, job.settings, catalogue, made.parse, made.rules);
            memos.set(job.uri, made);
          } catch {
            /* the next version makes them (and reports what failed) */
          }
        });
        return;
      }
      validated.add(m.uri);
      if (!memo) memos.set(m.uri, (memo = { parse: new ParseMemo(), rules: new RuleMemo() }));
      const result = runValidation(m, m.settings, catalogue, memo.parse, memo.rules);
      port.postMessage({ type: 'validated', result } satisfies ValidationWorkerMessage);
    } catch (err) {
      port.postMessage({ type: 'failed', job: m.job, message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies ValidationWorkerMessage);
    }
  });
}
