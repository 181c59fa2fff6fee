import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { DrafterSettings, ResolutionDocument } from '../../core';
import { validate, type Finding, type Severity, type ValidationContext } from '../../core/rules';
import type { Feature, ServerContext } from '../context';
import { toRange } from '../convert';
import { noteMessage } from '../../core/parse/notes';
import { DraftValidations } from '../validations';
import { ValidationStatusRequest, type ValidationStatusParams } from '../protocol';

export const SOURCE = 'resolution-drafter';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** One finding as an LSP diagnostic: code = rule id, related spans as relatedInformation. */
export function toDiagnostic(uri: string, model: ResolutionDocument, f: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(model, f.span),
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.rule,
    message: f.message,
  };
  if (f.related && f.related.length > 0) {
    diagnostic.relatedInformation = f.related.map((r) => ({ location: { uri, range: toRange(model, r.span) }, message: r.message }));
  }
  return diagnostic;
}

/** Everything to say about one draft: the parser's structural notes and every rule's findings. */
export function diagnose(uri: string, model: ResolutionDocument, settings: DrafterSettings, context: ValidationContext = {}): Diagnostic[] {
  return diagnoseWithFindings(uri, model, settings, context).diagnostics;
}

/** The same, with the rules' findings the diagnostics were made from (the quick fixes use them). */
export function diagnoseWithFindings(uri: string, model: ResolutionDocument, settings: DrafterSettings, context: ValidationContext = {}): { diagnostics: Diagnostic[]; findings: Finding[] } {
  const notes: Diagnostic[] = model.notes.map((n) => ({
    range: toRange(model, n.span),
    severity: DiagnosticSeverity.Warning,
    source: SOURCE,
    code: 'structure',
    message: noteMessage(n, context.locale),
  }));
  const findings = validate(model, settings, context);
  return { diagnostics: [...notes, ...findings.map((f) => toDiagnostic(uri, model, f))], findings };
}

/** The validation context the server gives the rules: the corpus catalogue, the client's language, and rule failures logged. */
export function validationContext(ctx: ServerContext): ValidationContext {
  return {
    locale: ctx.locale(),
    catalogue: ctx.safely('corpus', undefined, () => ctx.catalogue()),
    onRuleError: (rule, err) => ctx.connection.console.error(`rule ${rule} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
  };
}

/** How long after a change a draft is validated in the server thread, when there is no worker (changes that come together are validated once). */
export const CHANGE_DELAY_MS = 50;

/**
 * Validates each version of a draft once (in the validation worker, see validations.ts), on open
 * and change (at once in the worker, briefly debounced in the server thread), and again when settings or the corpus change.
 */
export const diagnosticsFeature: Feature = {
  name: 'diagnostics',
  register(ctx: ServerContext) {
    const validations = new DraftValidations(ctx);
    ctx.validations = validations;
    validations.onValidated = (v) => ctx.connection.sendDiagnostics({ uri: v.uri, version: v.version, diagnostics: v.diagnostics });
    const timers = new Map<string, NodeJS.Timeout>();
    const schedule = (uri: string, delay: number) => {
      clearTimeout(timers.get(uri));
      timers.set(uri, setTimeout(() => { timers.delete(uri); validations.request(uri); }, delay));
    };
    // The open is validated at once; the change event the open also fires asks for the same version, which is not validated again.
    ctx.documents.onDidOpen((e) => validations.request(e.document.uri));
    ctx.documents.onDidChangeContent((e) => {
      // In the worker, a change is validated at once (the server thread stays free, and while a
      // validation runs the queue keeps only the draft's newest version, so changes that come
      // together are still validated once). In the server thread, after the change delay.
      if (validations.inWorker()) {
        clearTimeout(timers.get(e.document.uri));
        timers.delete(e.document.uri);
        validations.request(e.document.uri);
      } else schedule(e.document.uri, CHANGE_DELAY_MS);
    });
    ctx.documents.onDidClose((e) => {
      clearTimeout(timers.get(e.document.uri));
      timers.delete(e.document.uri);
      validations.forget(e.document.uri);
      void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    ctx.connection.onRequest(ValidationStatusRequest, (params: ValidationStatusParams) => ctx.safely('validation status', null, () => validations.status(params.uri)));
    ctx.onSettingsChanged(() => validations.invalidate());
    ctx.onCorpusReloaded(() => validations.invalidate());
  },
};
