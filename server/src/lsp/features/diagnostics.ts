import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { DrafterSettings, ResolutionDocument } from '../../core';
import { validate, type Finding, type Severity, type ValidationContext } from '../../core/rules';
import type { Feature, ServerContext } from '../context';
import { toRange } from '../convert';

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
  const notes: Diagnostic[] = model.notes.map((n) => ({
    range: toRange(model, n.span),
    severity: DiagnosticSeverity.Warning,
    source: SOURCE,
    code: 'structure',
    message: n.message,
  }));
  return [...notes, ...validate(model, settings, context).map((f) => toDiagnostic(uri, model, f))];
}

/** The validation context the server gives the rules: the corpus catalogue, the client's language, and rule failures logged. */
export function validationContext(ctx: ServerContext): ValidationContext {
  return {
    locale: ctx.locale(),
    catalogue: ctx.safely('corpus', undefined, () => ctx.catalogue()),
    onRuleError: (rule, err) => ctx.connection.console.error(`rule ${rule} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
  };
}

/** Validates drafts on open and change (debounced), and again when settings change. */
export const diagnosticsFeature: Feature = {
  name: 'diagnostics',
  register(ctx: ServerContext) {
    const timers = new Map<string, NodeJS.Timeout>();
    const validateDraft = async (uri: string) => {
      const settings = await ctx.settings(uri);
      // The draft may have changed or closed while the settings were on their way.
      const draft = ctx.draft(uri);
      if (!draft) return;
      const diagnostics = ctx.safely('validation', [] as Diagnostic[], () => diagnose(uri, draft.model, settings, validationContext(ctx)));
      if (ctx.documents.get(uri)?.version !== draft.document.version) return;
      await ctx.connection.sendDiagnostics({ uri, version: draft.document.version, diagnostics });
    };
    const run = (uri: string) => {
      void ctx.safelyAsync('validation', undefined, () => validateDraft(uri));
    };
    const schedule = (uri: string, delay: number) => {
      clearTimeout(timers.get(uri));
      timers.set(uri, setTimeout(() => { timers.delete(uri); run(uri); }, delay));
    };
    ctx.documents.onDidOpen((e) => run(e.document.uri));
    ctx.documents.onDidChangeContent((e) => schedule(e.document.uri, 150));
    ctx.documents.onDidClose((e) => {
      clearTimeout(timers.get(e.document.uri));
      timers.delete(e.document.uri);
      void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    ctx.onSettingsChanged(() => { for (const d of ctx.documents.all()) run(d.uri); });
  },
};
