import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DocumentRead } from '../../corpus/docx';
import { exportDocx, readDocx } from '../../corpus/word';
import { registerServerCommand } from '../commands';
import type { Feature, ServerContext } from '../context';
import { ServerCommands } from '../protocol';
import { ingestMessages } from '../../core/ingest/messages';

/** Word out ("Export to Word") and Word in ("Open a Word draft"), on the server that has the readers. */
export const wordDocumentsFeature: Feature = {
  name: 'word-documents',
  capabilities: () => ({ executeCommandProvider: { commands: [ServerCommands.exportWord, ServerCommands.readWord] } }),
  register(ctx: ServerContext) {
    registerServerCommand(ctx, ServerCommands.exportWord, async (args): Promise<{ file: string }> => {
      const [uri, target, styles] = args;
      if (typeof uri !== 'string' || typeof target !== 'string' || (styles !== undefined && styles !== null && typeof styles !== 'string')) {
        throw new Error(`${ServerCommands.exportWord} expects [uri, target file, styles template?]`);
      }
      const doc = ctx.documents.get(uri);
      const text = doc ? doc.getText() : readFileSync(fileURLToPath(uri), 'utf8');
      const bytes = await exportDocx(text, { styles: typeof styles === 'string' ? readFileSync(styles) : undefined });
      writeFileSync(target, bytes);
      return { file: target };
    });
    registerServerCommand(ctx, ServerCommands.readWord, (args): DocumentRead => {
      const [path] = args;
      if (typeof path !== 'string') throw new Error(`${ServerCommands.readWord} expects [path of a .docx]`);
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(path);
      } catch (err) {
        return { ok: false, problem: ingestMessages[ctx.locale()].cannotBeRead((err as NodeJS.ErrnoException).code ?? String(err)) };
      }
      return readDocx(bytes, ctx.locale());
    });
  },
};
