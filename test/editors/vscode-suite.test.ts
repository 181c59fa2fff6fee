// The extension test suite (test/suite/) inside code-server: the real extension in VS Code 1.99's
// workbench, driven through the `vscode` API. The workbench loads the suite as extensionTestsPath
// from the page's payload and calls codeAutomationExit with its exit code; the suite writes its
// per-scenario report to RD_SUITE_REPORT, which becomes one subtest per scenario here.
// Needs scripts/setup-editors.sh: skips without it locally, fails without it under CI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from './playwright';
import { editorToolsMissing, EXTENSION_ROOT, featuresNotOffered, startCodeServer } from './tools';
import type { SuiteReport } from '../suite/runner';
import { screenshot } from './workbench';

const missing = editorToolsMissing();
// Without the tools: skip with the reason locally, fail under CI (where .ci/run installs them).
const skip = missing && !process.env.CI ? `${missing}; the code-server extension suite needs it` : false;
const SUITE = resolve('out/test/suite/index.js');

test('the extension test suite passes inside code-server', { skip, timeout: 240_000 }, async (t) => {
  assert.equal(missing, undefined, `${missing}. CI must run the real-editor tests: .ci/run calls scripts/setup-editors.sh before npm test`);
  assert.ok(existsSync(SUITE), `${SUITE} is missing: npm run build bundles the suite`);
  const scratch = mkdtempSync(join(tmpdir(), 'rd-suite-'));
  const workspace = join(scratch, 'workspace');
  cpSync('test/fixtures', workspace, { recursive: true });
  // The raw text of A/RES/76/54, alone, for the “add a folder to the corpus” scenario (the
  // ingest fixtures of test/fixtures/raw have their own tests).
  rmSync(join(workspace, 'raw'), { recursive: true, force: true });
  cpSync('corpus/raw/000_3b5d42778cc89935.txt', join(workspace, 'raw', '000_3b5d42778cc89935.txt'));
  const reportFile = join(scratch, 'report.json');
  const absent = await featuresNotOffered();
  const server = await startCodeServer({ env: { RD_SUITE_REPORT: reportFile, RD_SUITE_ABSENT: absent.join(',') } });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const exitCode = new Promise<number>((done) => { void page.exposeFunction('codeAutomationExit', (code: number) => { done(code); }); });
    const remote = (path: string) => `vscode-remote://${server.remoteAuthority}${path}`;
    const payload = [['extensionDevelopmentPath', remote(EXTENSION_ROOT)], ['extensionTestsPath', remote(SUITE)]];
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await exitCode;
    mkdirSync('test-results', { recursive: true });
    await screenshot(page, 'test-results/suite-code-server.png').catch(() => undefined);
    assert.ok(existsSync(reportFile), `the suite wrote no report (exit code ${code}); code-server said:\n${server.log().slice(-4000)}`);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as SuiteReport;
    assert.ok(report.outcomes.length > 0, 'the suite ran no scenario');
    for (const outcome of report.outcomes) {
      await t.test(outcome.name, { skip: outcome.pending ? `pending: ${outcome.pending}` : false }, () => { assert.ok(outcome.passed, outcome.error); });
    }
    assert.equal(code, report.failed > 0 ? 1 : 0, `the workbench's exit code ${code} does not match the report`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
});
