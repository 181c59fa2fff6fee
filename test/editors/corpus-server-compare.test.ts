// VS Code (code-server) whose only corpus is a corpus database (a throwaway PostgreSQL with the
// bundled corpus published; the bundled corpus turned off): the login is refused until the password
// is stored with "Set the corpus database login" (SecretStorage); then the status bar says it is
// connected, the code lenses come from it, and "Compare with Previous Resolution" opens the
// database's copy of A/RES/73/62 in the diff editor. Screenshots
// go to test-results/ (look at them). Needs scripts/setup-editors.sh and Debian's postgresql: skips
// without them locally, fails without them under CI.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledCorpusFolder } from '../../server/src/corpus/load';
import { publishCorpus } from '../../server/src/corpus/postgres/publish';
import { knownEdits, RECALL_BEFORE } from '../compare/known-edits';
import { PASSWORDS, postgresMissing, startCluster, type Cluster } from '../postgres/cluster';
import type { Page } from './playwright';
import { editorToolsMissing } from './tools';
import { openFile, quickOpen, screenshot, startWorkbench, waitForText, type Workbench } from './workbench';

const missing = editorToolsMissing() ?? postgresMissing();
const skip = missing && !process.env.CI ? `${missing}; this test needs both` : false;
const RESULTS = 'test-results';
// The page's document, as far as these tests read it (run in the browser by page.evaluate).
declare const document: { querySelector(selector: string): { textContent: string | null } | null };

describe('VS Code with the corpus database as its only corpus: lenses and Compare with Previous Resolution', { skip, timeout: 400_000 }, () => {
  let cluster: Cluster | undefined;
  let workbench: Workbench | undefined;
  let page: Page;
  let scratch = '';
  const k = knownEdits();
  const shot = (name: string) => screenshot(page, join(RESULTS, `corpus-server-${name}.png`));

  before(async () => {
    assert.equal(missing, undefined, `${missing}. CI installs both: .ci/run calls scripts/setup-editors.sh and scripts/setup-postgres.sh`);
    mkdirSync(RESULTS, { recursive: true });
    cluster = await startCluster();
    await publishCorpus([bundledCorpusFolder()], { connectionString: cluster.writerUrl });
    scratch = mkdtempSync(join(tmpdir(), 'rd-corpus-server-ui-'));
    const drafts = join(scratch, 'drafts');
    mkdirSync(drafts);
    writeFileSync(join(drafts, 'next-year.unres'), k.draft.replace('73/62. ', '74/__. '));
    const settings = { 'resolutionDrafter.corpus.server': `postgres://rd_drafter@127.0.0.1:${cluster.port}/corpus`, 'resolutionDrafter.corpus.useBundled': false };
    // No password in the settings nor in PGPASSFILE: it can only come from "Set the corpus database login".
    const env: Record<string, string> = { PGPASSFILE: join(scratch, 'no-pgpass') };
    workbench = await startWorkbench(drafts, { codeServer: { settings, env }, viewport: { width: 1400, height: 900 }, timeout: 60_000 });
    page = workbench.page;
  });

  after(async () => {
    await workbench?.close();
    cluster?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('the login refused without a password; stored with "Set the corpus database login", the database answers: connected, and the code lenses come from it', async () => {
    await openFile(page, 'next-year.unres');
    const item = page.locator('.statusbar-item:has-text("Corpus database")').first();
    await item.waitFor({ state: 'visible', timeout: 90_000 });
    await item.hover();
    await waitForText(page, '.monaco-hover-content, .statusbar-item', /asks a password for rd_drafter and none is set/, 30_000);
    await quickOpen(page, '>Resolution Drafter: Set the corpus database login', 'Set the corpus database login', false);
    // The command asks for the password in the same box, at once or a moment later.
    const box = page.locator('.quick-input-widget .quick-input-box input[type="password"]');
    await box.waitFor({ state: 'visible' });
    assert.equal(await box.getAttribute('type'), 'password');
    await box.fill(PASSWORDS.drafter);
    await page.keyboard.press('Enter');
    // The server starts again with the password (no local corpus: the lenses are the database's).
    const lens = await waitForText(page, '.codelens-decoration', /^100 % A\/RES\/73\/62 preambular paragraph \d+$/, 120_000);
    assert.match(lens, /^100 % A\/RES\/73\/62/);
    // The tooltip again, now that the server has said it is connected (the pointer leaves the item first).
    await page.mouse.move(700, 400);
    await page.keyboard.press('Escape');
    await item.hover();
    await waitForText(page, '.monaco-hover-content, .statusbar-item', /corpus database: \d+ documents/, 30_000);
    await shot('lenses');
    const shown = await page.evaluate((selector) => document.querySelector(selector)?.textContent ?? '', 'body');
    assert.ok(!shown.includes(PASSWORDS.drafter), 'the password is on screen');
  });

  test('Compare with Previous Resolution opens the database copy of A/RES/73/62 in the diff editor', async () => {
    await quickOpen(page, '>Resolution Drafter: Compare with Previous Resolution', 'Compare with Previous Resolution');
    await page.waitForSelector('.monaco-diff-editor', { timeout: 60_000 });
    await page.waitForSelector('.tabs-container .tab.active[aria-label*="A/RES/73/62"]');
    await waitForText(page, '.notifications-toasts', /Compared with A\/RES\/73\/62 \(the draft recalls A\/RES\/73\/62\): 2 changed, 1 new, 1 deleted, 1 moved\./, 30_000);
    // The left side is the published text, read from the database: it recalls 72/50 where the draft recalls 73/62.
    await waitForText(page, '.monaco-diff-editor .editor.original .view-lines', /回顾其\s2017\s年.*72\/50/, 30_000);
    assert.ok(RECALL_BEFORE.includes('72/50'));
    await shot('diff');
  });
});
