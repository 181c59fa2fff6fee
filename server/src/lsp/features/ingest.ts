import { statSync } from 'node:fs';
import { ingestDocuments } from '../../corpus/documents';
import { rawFilesIn, type IngestReport } from '../../corpus/ingest-files';
import { invalidArguments, registerServerCommand } from '../commands';
import type { Feature, ServerContext } from '../context';
import { ServerCommands } from '../protocol';

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * "Add a folder to the corpus": the client names raw documents (or folders of `.txt` files) and
 * a corpus folder, which is created when it does not exist yet; the server cleans them into
 * drafts and a catalogue there. Files that cannot be used (another language, binary …) are named
 * to the user with the reason; the others are still added.
 */
export const ingestFeature: Feature = {
  name: 'ingest',
  capabilities: () => ({ executeCommandProvider: { commands: [ServerCommands.ingest] } }),
  register(ctx: ServerContext) {
    registerServerCommand(ctx, ServerCommands.ingest, async (args): Promise<IngestReport | null> => {
      const [inputs, outDir] = args;
      if (!Array.isArray(inputs) || !inputs.every((i) => typeof i === 'string') || typeof outDir !== 'string' || outDir.length === 0) {
        throw invalidArguments(`${ServerCommands.ingest} expects [files or folders: string[], corpus folder: string]`);
      }
      const files = (inputs as string[]).flatMap((i) => (isFolder(i) ? rawFilesIn(i) : [i]));
      let report: IngestReport;
      try {
        report = await ingestDocuments(files, outDir);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? String(err);
        void ctx.connection.window.showErrorMessage(`Resolution Drafter: cannot write the corpus to ${outDir} (${code}).`);
        return null;
      }
      if (files.length === 0) void ctx.connection.window.showWarningMessage(`Resolution Drafter: no .txt, .pdf or .docx files to add in ${(inputs as string[]).join(', ')}.`);
      // A client that presents the report itself (VS Code's, `{ clientReports: true }`) names the
      // files in its one message; other clients get the server's.
      const clientReports = typeof args[2] === 'object' && args[2] !== null && (args[2] as { clientReports?: unknown }).clientReports === true;
      if (report.failed.length > 0 && !clientReports) {
        const list = report.failed.map((f) => `${f.input}: ${f.problem}`).join('; ');
        const files = report.failed.length === 1 ? '1 file' : `${report.failed.length} files`;
        void ctx.connection.window.showWarningMessage(`Resolution Drafter: ${files} could not be added to the corpus — ${list}`);
      }
      ctx.connection.console.info(`ingest: ${report.ingested.length} added to ${outDir}, ${report.failed.length} failed`);
      for (const f of report.ingested) if (f.note) ctx.connection.console.info(`ingest: ${f.input}: ${f.note}`);
      // The folder may be part of the corpus already: read it again on next use.
      ctx.reloadCorpus();
      return report;
    });
  },
};
