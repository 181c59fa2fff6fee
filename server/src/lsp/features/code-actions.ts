import { CodeActionKind, TextDocumentEdit, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { ResolutionDocument } from '../../core';
import { fixesFor, renumberFootnotes, renumberParagraphs, renumberTitles, type TextEdit } from '../../core/fixes';
import { disableFixes, fixAll } from '../../core/fixes/suppress';
import { ServerCommands } from '../protocol';
import { registerServerCommand } from '../commands';
import type { Feature, ServerContext } from '../context';
import { toRange } from '../convert';
import { SOURCE } from './diagnostics';
import { cancelled, type DraftValidation } from '../validations';

let editContext: ServerContext | undefined;
function workspaceEdit(uri: string, version: number, model: ResolutionDocument, edits: TextEdit[]): WorkspaceEdit {
  const lsp: LspTextEdit[] = edits.map((e) => ({ range: toRange(model, e.span), newText: e.newText }));
  // Versioned documentChanges only to a client that declared them.
  return editContext ? editContext.workspaceEdit(uri, version, lsp) : { documentChanges: [TextDocumentEdit.create({ uri, version }, lsp)] };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start <= b.end && b.start <= a.end;

/** The source actions (renumber, fix-all per rule) of one validated version. */
const sourceActions = new WeakMap<DraftValidation, CodeAction[]>();

/** Quick fixes for the findings under the cursor, and source actions that renumber the whole draft. */
export const codeActionsFeature: Feature = {
  name: 'code-actions',
  capabilities: () => ({
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source, CodeActionKind.SourceFixAll] },
    executeCommandProvider: { commands: [ServerCommands.renumberParagraphs, ServerCommands.renumberFootnotes] },
  }),
  register(ctx: ServerContext) {
    editContext = ctx;
    ctx.connection.onCodeAction((params, token) =>
      ctx.safelyAsync('code actions', [] as CodeAction[], async () => {
        const uri = params.textDocument.uri;
        // The findings of the last validation of this version (waited for when it is still running; never validated again here).
        const validation = ctx.validations ? await ctx.validations.current(uri, token) : undefined;
        if (token.isCancellationRequested) return cancelled('code actions') as unknown as CodeAction[];
        const draft = ctx.draft(uri);
        if (!draft) return [];
        const { model, document } = draft;
        // The draft changed while its validation was on its way: the editor asks again for the new version.
        if (validation && validation.version !== document.version) return [];
        const range = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
        const actions: CodeAction[] = [];
        const titles = new Set<string>();
        const findings = validation?.findings ?? [];
        /** Fix-all and disable actions come after every finding's own fixes. */
        const later: CodeAction[] = [];
        for (const finding of findings) {
          if (!overlaps(finding.span, range)) continue;
          const findingRange = toRange(model, finding.span);
          const diagnostics: Diagnostic[] = params.context.diagnostics.filter(
            (d) => d.source === SOURCE && d.code === finding.rule && d.range.start.line === findingRange.start.line && d.range.start.character === findingRange.start.character,
          );
          for (const fix of fixesFor(model, finding, ctx.locale())) {
            if (titles.has(fix.title)) continue;
            titles.add(fix.title);
            actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: fix.preferred, edit: workspaceEdit(uri, document.version, model, fix.edits) });
          }
          const all = fixAll(model, findings, finding.rule, ctx.locale());
          for (const fix of [...(all ? [all] : []), ...disableFixes(model, finding, ctx.locale())]) {
            if (titles.has(fix.title)) continue;
            titles.add(fix.title);
            later.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, edit: workspaceEdit(uri, document.version, model, fix.edits) });
          }
        }
        actions.push(...later);
        const wantsSource = !params.context.only || params.context.only.some((k) => k === CodeActionKind.Source || k.startsWith(CodeActionKind.Source + '.'));
        if (wantsSource) {
          // The same for every request on this version (the editor asks on each cursor move): made once per validation.
          let source = validation ? sourceActions.get(validation) : undefined;
          if (!source) {
            source = [];
            const title = renumberTitles(ctx.locale());
            const paragraphs = renumberParagraphs(model);
            if (paragraphs.length > 0) source.push({ title: title.paragraphs, kind: CodeActionKind.Source, edit: workspaceEdit(uri, document.version, model, paragraphs) });
            const footnotes = renumberFootnotes(model);
            if (footnotes.length > 0) source.push({ title: title.footnotes, kind: CodeActionKind.Source, edit: workspaceEdit(uri, document.version, model, footnotes) });
            // One fix-all per rule, wherever the cursor is (Source Action…).
            for (const rule of new Set(findings.map((f) => f.rule))) {
              const all = fixAll(model, findings, rule, ctx.locale());
              if (all) source.push({ title: all.title, kind: `${CodeActionKind.SourceFixAll}.${rule}`, edit: workspaceEdit(uri, document.version, model, all.edits) });
            }
            if (validation) sourceActions.set(validation, source);
          }
          actions.push(...source);
        }
        return actions;
      }),
    );

    const command = (compute: (model: ResolutionDocument) => TextEdit[]) => async (args: unknown[]) => {
      const uri = typeof args[0] === 'string' ? args[0] : undefined;
      const draft = uri ? ctx.draft(uri) : undefined;
      if (!uri || !draft) return { applied: false, reason: 'The draft is not open.' };
      const edits = compute(draft.model);
      if (edits.length === 0) return { applied: true, edits: 0 };
      // A client that does not apply edits gets the edit in the answer, to apply itself.
      if (!ctx.canApplyEdit()) return { applied: false, edits: edits.length, edit: workspaceEdit(uri, draft.document.version, draft.model, edits), reason: 'The client does not apply edits (workspace.applyEdit).' };
      const result = await ctx.connection.workspace.applyEdit({ label: 'Renumber', edit: workspaceEdit(uri, draft.document.version, draft.model, edits) });
      return { applied: result.applied, edits: edits.length, reason: result.failureReason };
    };
    registerServerCommand(ctx, ServerCommands.renumberParagraphs, command(renumberParagraphs));
    registerServerCommand(ctx, ServerCommands.renumberFootnotes, command((m) => renumberFootnotes(m)));
  },
};
