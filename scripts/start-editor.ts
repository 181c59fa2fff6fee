// npm start: VS Code in the browser (code-server) with the extension installed, on a copy of the
// example drafts. Prints the address to open; Ctrl+C stops it. Needs scripts/setup-editors.sh.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeServerInstalled, installExtension, startCodeServer } from '../test/editors/tools';

async function main(): Promise<void> {
  if (!codeServerInstalled()) {
    console.error('Cannot start the editor: code-server is not in .tools/. Run npm run setup:editors (scripts/setup-editors.sh) first.');
    process.exit(1);
  }
  const drafts = mkdtempSync(join(tmpdir(), 'resolution-drafter-drafts-'));
  cpSync('test/fixtures', drafts, { recursive: true });
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  const server = await startCodeServer({ port });
  installExtension(server.extensionsDir);
  console.log(`VS Code with Resolution Drafter is running. Open this address in a browser:

  ${server.origin}/?folder=${drafts}

then open sample.unres (a clean resolution, A/RES/76/54) or broken.unres (a draft with faults:
see the squiggles, the Problems count and the quick fixes). The drafts are copies in ${drafts}.
Ctrl+C stops the editor.`);
  const stop = async () => {
    await server.stop();
    rmSync(drafts, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
