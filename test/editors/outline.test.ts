// The Outline view of VS Code (code-server) on drafts of other organs and kinds: 序言部分 and
// 执行部分 groups, headings, parts, annexes, with icons that suit a document (no "string",
// "field" or "enumeration member" symbols). Saves screenshots to test-results/ (look at them).
// Needs scripts/setup-editors.sh: skips without it locally, fails without it under CI.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from './playwright';
import { editorToolsMissing } from './tools';
import { quickOpen, screenshot, startWorkbench, type Workbench } from './workbench';

const missing = editorToolsMissing();
const skip = missing && !process.env.CI ? `${missing}; the code-server outline test needs it` : false;
const RESULTS = 'test-results';

describe('the Outline view in VS Code (code-server)', { skip, timeout: 300_000 }, () => {
  let workbench: Workbench | undefined;
  let page: Page;
  let scratch = '';

  before(async () => {
    assert.equal(missing, undefined, `${missing}. CI must run the real-editor tests: .ci/run calls scripts/setup-editors.sh before npm test`);
    mkdirSync(RESULTS, { recursive: true });
    scratch = mkdtempSync(join(tmpdir(), 'rd-outline-'));
    cpSync('test/fixtures/organs', join(scratch, 'drafts'), { recursive: true });
    workbench = await startWorkbench(join(scratch, 'drafts'), { viewport: { width: 1280, height: 900 } });
    page = workbench.page;
    // Quick Open finds files once the workspace is read: wait for the Explorer to list them.
    try {
      await page.locator('.explorer-folders-view .monaco-list-row:has-text("E-RES-2023-10.unres")').first().waitFor({ state: 'visible', timeout: 90_000 });
    } catch (err) {
      await screenshot(page, join(RESULTS, 'outline-start.png'));
      throw err;
    }
  });

  after(async () => {
    await workbench?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  /** Opens a draft from the Explorer, as a drafter clicks it, and waits for its editor. */
  async function openFromExplorer(name: string): Promise<void> {
    await page.keyboard.press('Escape');
    await page.locator(`.explorer-folders-view .monaco-list-row:has-text("${name}")`).first().click();
    await page.waitForSelector(`.tabs-container .tab.active[aria-label^="${name}"]`, { timeout: 30_000 });
  }

  /** The rows of the Outline view once `wanted` is among them: label and icon class. */
  async function outlineRows(wanted: string): Promise<{ label: string; icon: string }[]> {
    const row = page.locator(`.outline-pane .monaco-list-row:has-text("${wanted}")`).first();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    // Runs in the page: DOM types are declared loosely, as in workbench.ts.
    return page.evaluate(() => {
      type El = { textContent: string | null; classList: Iterable<string>; querySelector(s: string): El | null };
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<El> } }).document;
      return [...doc.querySelectorAll('.outline-pane .monaco-list-row')].map((r) => ({
        label: (r.querySelector('.label-name')?.textContent ?? '').trim(),
        icon: [...(r.querySelector('.outline-element-icon')?.classList ?? [])].join(' '),
      }));
    }, undefined);
  }

  test('an ECOSOC resolution: 序言部分 and 执行部分, its headings, the annex; document icons', async () => {
    await openFromExplorer('E-RES-2023-10.unres');
    await quickOpen(page, '>Explorer: Focus on Outline View', 'Focus on Outline View');
    // The file list folded away, so that the Outline has the side bar's height (its list draws only the rows in view).
    await page.locator('.pane-header:has-text("drafts")').first().click();
    const rows = await outlineRows('执行部分');
    await screenshot(page, join(RESULTS, 'outline-ecosoc.png'));
    const labels = rows.map((r) => r.label);
    for (const name of ['2023/10. 欧洲经济委员会的工作', '序言部分', '执行部分', '附件']) assert.ok(labels.includes(name), labels.join(' | '));
    assert.ok(rows.length > 4, labels.join(' | '));
    for (const r of rows) assert.doesNotMatch(r.icon, /codicon-symbol-(?:string|field|enum-member)\b/, `${r.label}: ${r.icon}`);
  });

  test('parts A and B of one resolution each show their 序言部分 and 执行部分', async () => {
    const files = page.locator('.pane-header:has-text("drafts")').first();
    await files.click(); // unfold the file list, open the draft, fold it again
    await openFromExplorer('A-RES-63-80.unres');
    await files.click();
    const rows = await outlineRows('63/80. 人道主义援助');
    await screenshot(page, join(RESULTS, 'outline-parts.png'));
    const labels = rows.map((r) => r.label);
    assert.ok(labels.includes('A') && labels.includes('B'), labels.join(' | '));
  });
});
