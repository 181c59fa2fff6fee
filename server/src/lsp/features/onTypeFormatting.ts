import type { TextEdit } from 'vscode-languageserver/node';
import { continueNumbering } from '../../core';
import type { Feature } from '../context';

/**
 * Enter continues the numbering as a word processor does: after operative paragraph N the new
 * line gets `N+1. `, after `(a)` it gets `(b)`, after `㈠` `㈡`; Enter on a label left empty removes it.
 * (A language configuration's onEnterRules cannot count, so this is the server's job.)
 */
export const onTypeFormattingFeature: Feature = {
  name: 'onTypeFormatting',
  capabilities: () => ({ documentOnTypeFormattingProvider: { firstTriggerCharacter: '\n' } }),
  register(ctx) {
    ctx.connection.onDocumentOnTypeFormatting((params) =>
      ctx.safely('onTypeFormatting', [] as TextEdit[], () => {
        if (params.ch !== '\n') return [];
        const draft = ctx.draft(params.textDocument.uri);
        if (!draft) return [];
        const model = draft.model;
        const line = params.position.line;
        const action = continueNumbering(model, line);
        if (!action) return [];
        // The new line may carry the editor's indentation: the label replaces the whole line.
        const end = model.lines.lineText(line).length;
        const edits: TextEdit[] = [];
        if ('removeLabelOnLine' in action) {
          const above = action.removeLabelOnLine;
          edits.push({ range: { start: { line: above, character: 0 }, end: { line: above, character: model.lines.lineText(above).length } }, newText: '' });
        }
        if (action.insert !== undefined) edits.push({ range: { start: { line, character: 0 }, end: { line, character: end } }, newText: action.insert });
        return edits;
      }),
    );
  },
};
