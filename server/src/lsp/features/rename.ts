import { ResponseError, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { footnoteAt, readFootnoteNumber, renameFootnote } from '../../core';
import type { Feature } from '../context';
import { toRange } from '../convert';

/** Rename a footnote number: its markers and its footnote text change together. */
export const renameFeature: Feature = {
  name: 'rename',
  capabilities: () => ({ renameProvider: { prepareProvider: true } }),
  register(ctx) {
    ctx.connection.onPrepareRename((params) =>
      ctx.safely('prepareRename', null, () => {
        const draft = ctx.draft(params.textDocument.uri);
        if (!draft) return null;
        const hit = footnoteAt(draft.model, draft.model.lines.offsetAt(params.position));
        if (!hit) return null;
        return { range: toRange(draft.model, hit.span), placeholder: String(hit.number) };
      }),
    );
    ctx.connection.onRenameRequest((params) => {
      const draft = ctx.draft(params.textDocument.uri);
      if (!draft) return null;
      const model = draft.model;
      const hit = ctx.safely('rename', undefined, () => footnoteAt(model, model.lines.offsetAt(params.position)));
      if (!hit) return new ResponseError(0, 'Only footnote numbers can be renamed here: put the cursor on a footnote marker (¹) or on the number of a footnote text.');
      const to = readFootnoteNumber(params.newName);
      const result = ctx.safely('rename', { error: 'Renaming failed; see the server log.' }, () => renameFootnote(model, hit.number, to));
      if ('error' in result) return new ResponseError(0, result.error);
      const edits: TextEdit[] = result.edits.map((e) => ({ range: toRange(model, e.span), newText: e.newText }));
      return { changes: { [params.textDocument.uri]: edits } } satisfies WorkspaceEdit;
    });
  },
};
