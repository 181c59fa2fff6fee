// The corpus database seen in VS Code (code-server): with resolutionDrafter.corpus.server set to a
// database that cannot be reached, the status bar says so (its tooltip names the server and the
// fault), and a password written in the setting appears nowhere on screen. Saves a screenshot to
// test-results/. Needs scripts/setup-editors.sh: skips without it locally, fails without it under CI.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from './playwright';
import { editorToolsMissing } from './tools';
import { openFile, screenshot, startWorkbench, waitForText, type Workbench } from './workbench';

const missing = editorToolsMissing();
const skip = missing && !process.env.CI ? `${missing}; the code-server workbench tests need it` : false;
const RESULTS = 'test-results';
const SECRET = 'pw-never-shown-5521';
// The page's document, as far as these tests read it (run in the browser by page.evaluate).
declare const document: { querySelector(selector: string): { textContent: string | null } | null };

describe('VS Code with a corpus database that cannot be reached', { skip, timeout: 300_000 }, () => {
  let workbench: Workbench | undefined;
  let page: Page;
  let scratch = '';

  before(async () => {
    assert.equal(missing, undefined, `${missing}. CI must run the real-editor tests: .ci/run calls scripts/setup-editors.sh before npm test`);
    mkdirSync(RESULTS, { recursive: true });
    scratch = mkdtempSync(join(tmpdir(), 'rd-corpus-server-'));
    cpSync('test/fixtures', join(scratch, 'drafts'), { recursive: true });
    // Port 1 on loopback: nothing listens. A password written in the setting is not used (nor shown).
    workbench = await startWorkbench(join(scratch, 'drafts'), { codeServer: { settings: { 'resolutionDrafter.corpus.server': `postgres://rd_drafter:${SECRET}@127.0.0.1:1/corpus` } } });
    page = workbench.page;
  });

  after(async () => {
    await workbench?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('the status bar shows the database as unreachable, without its password', async () => {
    await openFile(page, 'sample.unres');
    const item = await waitForText(page, '.statusbar-item', /Corpus database/, 60_000);
    assert.match(item, /Corpus database/);
    await page.locator('.statusbar-item:has-text("Corpus database")').first().hover();
    const tooltip = await waitForText(page, '.monaco-hover-content, .statusbar-item', /cannot reach the corpus database/, 20_000);
    await screenshot(page, join(RESULTS, 'workbench-corpus-server-unreachable.png'));
    const shown = await page.evaluate((selector) => document.querySelector(selector)?.textContent ?? '', 'body');
    assert.ok(!shown.includes(SECRET), 'the password is on screen');
    assert.match(tooltip, /postgres:\/\/rd_drafter@127\.0\.0\.1:1\/corpus/);
  });
});
