/**
 * One validation of one version of a draft: parse, every rule, the LSP diagnostics. The same in
 * the validation worker and in the server thread (when the bundle has no worker).
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import { parseDraft, type Catalogue, type CatalogueFacts, type DrafterSettings } from '../core';
import type { ParseMemo } from '../core/parse/parser';
import type { Finding, Locale, RuleMemo } from '../core/rules';
import { diagnoseWithFindings } from './features/diagnostics';

/** What to validate: one version of one draft. */
export interface ValidationJob {
  /** Counts the jobs the server has sent, to match an answer to its job. */
  job: number;
  uri: string;
  version: number;
  text: string;
  locale: Locale;
}

/** What one validation found, for one version. */
export interface ValidationResult {
  job: number;
  uri: string;
  version: number;
  /** What the editor shows: the parser's notes and every rule's findings. */
  diagnostics: Diagnostic[];
  /** The rules' findings as `validate` returns them: the quick fixes are made from these. */
  findings: Finding[];
  /** Rules that failed (a bug), with their error: logged by the server. */
  ruleErrors: string[];
  /** How long the parse and the rules took (ms), and of that the parse. */
  ms: number;
  parseMs: number;
  /** Lines whose paragraph-local findings came from the last version's (0 without a rule memo). */
  keptLines: number;
}

/**
 * From this many characters, the worker validates a draft's first version without memos (a
 * third quicker than making them on the way) and makes them right after, for the next version.
 */
export const FIRST_WITHOUT_MEMO = 1_000_000;

/**
 * Parses and validates one version of a draft; `memo` is what the parse of its previous version
 * kept (see `parseDraft`), `rules` what its paragraph-local rules found (see `RuleMemo`).
 */
export function runValidation(job: ValidationJob, settings: DrafterSettings, catalogue: Catalogue | CatalogueFacts | undefined, memo?: ParseMemo, rules?: RuleMemo): ValidationResult {
  const started = performance.now();
  const ruleErrors: string[] = [];
  const model = parseDraft(job.text, undefined, memo);
  const parseMs = performance.now() - started;
  const { diagnostics, findings } = diagnoseWithFindings(job.uri, model, settings, {
    locale: job.locale,
    ...(catalogue && 'citedDates' in catalogue ? { facts: catalogue } : { catalogue }),
    memo: rules,
    onRuleError: (rule, err) => ruleErrors.push(`rule ${rule} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
  });
  return { job: job.job, uri: job.uri, version: job.version, diagnostics, findings, ruleErrors, ms: performance.now() - started, parseMs, keptLines: rules?.keptLines ?? 0 };
}
