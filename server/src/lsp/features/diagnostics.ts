import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { ResolutionDocument } from '../../core';
import type { Feature, ServerContext } from '../context';
import { toRange } from '../convert';

/** Findings for one draft. The validator (rules) plugs in here. */
export function diagnose(model: ResolutionDocument): Diagnostic[] {
  return model.notes.map((n) => ({
    range: toRange(model, n.span),
    severity: DiagnosticSeverity.Warning,
    source: 'resolution-drafter',
    code: 'structure',
    message: n.message,
  }));
}

/** Validates drafts on open and change (debounced), and again when settings change. */
export const diagnosticsFeature: Feature = {
  name: 'diagnostics',
  register(ctx: ServerContext) {
    const timers = new Map<string, NodeJS.Timeout>();
    const validate = (uri: string) => {
      const draft = ctx.draft(uri);
      if (!draft) return;
      const diagnostics = ctx.safely('validation', [] as Diagnostic[], () => diagnose(draft.model));
      void ctx.connection.sendDiagnostics({ uri, version: draft.document.version, diagnostics });
    };
    const schedule = (uri: string, delay: number) => {
      clearTimeout(timers.get(uri));
      timers.set(uri, setTimeout(() => { timers.delete(uri); validate(uri); }, delay));
    };
    ctx.documents.onDidOpen((e) => validate(e.document.uri));
    ctx.documents.onDidChangeContent((e) => schedule(e.document.uri, 150));
    ctx.documents.onDidClose((e) => {
      clearTimeout(timers.get(e.document.uri));
      void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    ctx.onSettingsChanged(() => { for (const d of ctx.documents.all()) validate(d.uri); });
  },
};
