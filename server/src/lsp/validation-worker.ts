/**
 * Validation of drafts in a worker thread: parsing and checking a draft of several megabytes
 * takes a second or more, and the server must keep answering completion and hovers meanwhile.
 * The server sends the text of one version with its settings; the worker parses and validates it
 * (the same `diagnose` and `validate` as in the server thread) and answers with the diagnostics
 * and the findings that the quick fixes need. One job at a time; the server sends only the newest
 * version of each draft, so a stale one is never started.
 */
import { parentPort } from 'node:worker_threads';
import type { Catalogue, DrafterSettings } from '../core';
import { ParseMemo } from '../core/parse/parser';
import { RuleMemo } from '../core/rules';
import { runValidation, type ValidationJob, type ValidationResult } from './validation-run';

/** What the server sends the worker. */
export type ValidationWorkerRequest =
  /** The corpus catalogue, sent once and again only when it changes (it may be large). */
  | { type: 'catalogue'; catalogue: Catalogue | undefined }
  /** The draft closed: what its parses kept is dropped. */
  | { type: 'forget'; uri: string }
  | ({ type: 'validate' } & ValidationJob & { settings: DrafterSettings });

/** What the worker answers, one per `validate`. */
export type ValidationWorkerMessage = { type: 'validated'; result: ValidationResult } | { type: 'failed'; job: number; message: string };

if (parentPort) {
  const port = parentPort;
  let catalogue: Catalogue | undefined;
  /** Per draft, what the parse and the paragraph-local rules of its last version kept: the next version's unchanged lines are not recognised or checked again. */
  const memos = new Map<string, { parse: ParseMemo; rules: RuleMemo }>();
  port.on('message', (m: ValidationWorkerRequest) => {
    if (m.type === 'catalogue') {
      catalogue = m.catalogue;
      return;
    }
    if (m.type === 'forget') {
      memos.delete(m.uri);
      return;
    }
    try {
      let memo = memos.get(m.uri);
      if (!memo) memos.set(m.uri, (memo = { parse: new ParseMemo(), rules: new RuleMemo() }));
      const result = runValidation(m, m.settings, catalogue, memo.parse, memo.rules);
      port.postMessage({ type: 'validated', result } satisfies ValidationWorkerMessage);
    } catch (err) {
      port.postMessage({ type: 'failed', job: m.job, message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies ValidationWorkerMessage);
    }
  });
}
