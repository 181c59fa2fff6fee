// Runs the extension test suite (test/suite/, bundled to out/test/suite/index.js by npm run build)
// in VS Code desktop through @vscode/test-electron. runTests downloads VS Code (into
// .vscode-test/) on first use, so this needs a machine that can reach update.code.visualstudio.com;
// where it cannot (as on the offline CI machines), the same suite runs inside code-server:
// test/editors/vscode-suite.test.ts. Usage: npm run test:electron  (VSCODE_VERSION=1.99.3 to pin)
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const extensionDevelopmentPath = resolve('.');
const extensionTestsPath = resolve('out/test/suite/index.js');
if (!existsSync(extensionTestsPath)) {
  console.error(`${extensionTestsPath} is missing: run npm run build first`);
  process.exit(2);
}
// The suite edits only in-memory copies, but it opens the fixtures as a workspace: give it a copy.
const scratch = mkdtempSync(join(tmpdir(), 'rd-electron-'));
const workspace = join(scratch, 'workspace');
cpSync('test/fixtures', workspace, { recursive: true });
cpSync('corpus/raw/000_3b5d42778cc89935.txt', join(workspace, 'raw', '000_3b5d42778cc89935.txt'));
let code = 0;
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', join(scratch, 'user-data')],
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`The extension test suite failed in VS Code desktop: ${message}`);
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(message)) {
    console.error('runTests downloads VS Code on first use and could not reach it. Offline, the same suite runs inside code-server: npm run test:editors');
  }
  code = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
