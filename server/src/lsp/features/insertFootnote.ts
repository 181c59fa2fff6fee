import type { Position, WorkspaceEdit } from 'vscode-languageserver/node';
import { insertFootnote, knownTitle } from '../../core';
import { corpusKnowledge } from '../knowledge';
import type { Feature } from '../context';
import { invalidArguments, registerServerCommand } from '../commands';
import { toRange } from '../convert';
import { ServerCommands } from '../protocol';

/** What `resolutionDrafter.server.insertFootnote` answers: the new number and where its text goes. */
export interface InsertFootnoteResult {
  applied: boolean;
  number: number;
  /** Where the footnote text is to be typed, after the edit. */
  stub: Position;
  /** The edit itself, for a client that does not apply edits (`workspace.applyEdit` not declared). */
  edit?: WorkspaceEdit;
}

function isPosition(value: unknown): value is Position {
  const p = value as Position | undefined;
  // A position is two whole numbers from 0 (a negative one is refused, not clamped).
  return Number.isInteger(p?.line) && Number.isInteger(p?.character) && p!.line >= 0 && p!.character >= 0;
}

/** The insert-footnote command: the next marker at the cursor, a stub `ⁿ ` after the `---` separator. */
export const insertFootnoteFeature: Feature = {
  name: 'insertFootnote',
  capabilities: () => ({ executeCommandProvider: { commands: [ServerCommands.insertFootnote] } }),
  register(ctx) {
    registerServerCommand(ctx, ServerCommands.insertFootnote, async (args) => {
      const [uri, position] = args;
      if (typeof uri !== 'string' || !isPosition(position)) {
        throw invalidArguments(`${ServerCommands.insertFootnote} takes [uri, position] with a position of whole numbers from 0`);
      }
      const draft = ctx.draft(uri);
      if (!draft) return null;
      const model = draft.model;
      const offset = model.lines.offsetAt(position);
      // Right after a title (`《不扩散核武器条约》|`): its footnote text in the corpus, as `^` gives it.
      const title = model.titles.find((x) => x.span.end <= offset && /^[ \t]*$/.test(model.text.slice(x.span.end, offset)));
      const text = title ? knownTitle(corpusKnowledge(ctx), title.title)?.footnotes[0] : undefined;
      const { number, edits, stubOffset } = insertFootnote(model, offset, { text });
      // Where the stub ends up: compute on the edited text.
      let edited = model.text;
      for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) edited = edited.slice(0, e.span.start) + e.newText + edited.slice(e.span.end);
      const before = edited.slice(0, stubOffset).split(/\r\n|\r|\n/);
      const stub = { line: before.length - 1, character: before[before.length - 1].length };
      const textEdits = edits.map((e) => ({ range: toRange(model, e.span), newText: e.newText }));
      // A versioned edit is refused if the draft changed meanwhile; clients without documentChanges get plain changes.
      const edit = ctx.workspaceEdit(uri, draft.document.version, textEdits);
      // A client that does not apply edits gets the edit in the answer, to apply itself.
      if (!ctx.canApplyEdit()) return { applied: false, number, stub, edit };
      const result = await ctx.connection.workspace.applyEdit({ label: `Insert footnote ${number}`, edit });
      return { applied: result.applied, number, stub } satisfies InsertFootnoteResult;
    });
  },
};
