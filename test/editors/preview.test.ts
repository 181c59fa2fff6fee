// "Open Preview to the Side" in VS Code's workbench (code-server, Chromium), with a plain install
// and the default settings: the draft as the printed resolution beside its editor, updated as the
// drafter types, following the editor's scrolling, a click on a paragraph revealing it in the
// editor. Screenshots in test-results/ (preview-*.png): look at them next to a real resolution.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from './playwright';
import { editorToolsMissing } from './tools';
import { goToLine, openFile, quickOpen, screenshot, startWorkbench, type Workbench } from './workbench';

const missing = editorToolsMissing();
const skip = missing && !process.env.CI ? `${missing}; the code-server workbench tests need it` : false;
const RESULTS = 'test-results';
const PALETTE = 'Resolution Drafter: Open Preview to the Side';

interface WebDocument {
  querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null; getBoundingClientRect(): { top: number; bottom: number } }>;
}
declare const document: WebDocument;
declare const window: { scrollY: number };

describe('Preview to the side in code-server', { skip, timeout: 300_000 }, () => {
  let workbench: Workbench | undefined;
  let page: Page;
  let scratch = '';
  const preview = (): FrameLocator => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const shot = (name: string) => screenshot(page, join(RESULTS, `preview-${name}.png`));

  before(async () => {
    assert.equal(missing, undefined, `${missing}. CI must run the real-editor tests: .ci/run calls scripts/setup-editors.sh before npm test`);
    mkdirSync(RESULTS, { recursive: true });
    scratch = mkdtempSync(join(tmpdir(), 'rd-preview-'));
    mkdirSync(join(scratch, 'drafts'));
    cpSync('test/fixtures/sample.unres', join(scratch, 'drafts', 'sample.unres'));
    cpSync('corpus/NPT-CONF.2020-WP.77.unres', join(scratch, 'drafts', 'long.unres'));
    workbench = await startWorkbench(join(scratch, 'drafts'), { viewport: { width: 1400, height: 900 } });
    page = workbench.page;
  });

  after(async () => {
    await workbench?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('the preview shows the printed layout: title, markers as superscripts, footnotes at the foot', async () => {
    await openFile(page, 'sample.unres');
    await quickOpen(page, `>${PALETTE}`, PALETTE);
    const title = preview().locator('p.title');
    await title.waitFor({ state: 'visible' });
    assert.match(await title.innerText(), /76\/54\. 建立无核武器世界的联合行动和面向未来的对话/);
    assert.equal(await preview().locator('p.preambular sup.marker').first().innerText(), '1');
    assert.match(await preview().locator('footer.footnotes p.footnote').first().innerText(), /^1\s*联合国，《条约汇编》，第 729 卷，第 10485 号。/);
    assert.match(await preview().locator('p.operative').first().innerText(), /^1\.\s*重申/);
    assert.equal(await preview().locator('p.operative strong').first().innerText(), '重申');
    // It follows the theme: the webview's body carries the workbench's theme kind, which its style reads.
    const dark = (await page.locator('.monaco-workbench.vs-dark, .monaco-workbench.hc-black').count()) > 0;
    await preview().locator(dark ? 'body.vscode-dark, body.vscode-high-contrast' : 'body.vscode-light').waitFor({ state: 'attached' });
    await shot('sample');
  });

  test('typing in the draft updates the preview', async () => {
    await goToLine(page, 11);
    await page.keyboard.press('End');
    const typed = Date.now();
    await page.keyboard.type('又及');
    await preview().locator('p.preambular:has-text("共同目标，又及")').waitFor({ state: 'visible', timeout: 10_000 });
    process.stdout.write(`# preview updated ${Date.now() - typed} ms after typing two characters\n`);
    await shot('typed');
  });

  test('a click on a paragraph in the preview puts the cursor on its line in the editor', async () => {
    await preview().locator('p.operative:has-text("决定")').click();
    await page.waitForFunction(() => {
      const item = (document as unknown as { querySelector(s: string): { textContent: string | null } | null }).querySelector('.statusbar-item[id="status.editor.selection"]');
      return item?.textContent?.startsWith('Ln 25,') ?? false;
    }, undefined);
  });

  test('the preview follows the editor when it scrolls', async () => {
    await openFile(page, 'long.unres');
    await quickOpen(page, `>${PALETTE}`, PALETTE);
    await preview().locator('p.operative').first().waitFor({ state: 'visible' });
    await goToLine(page, 600);
    const body = preview().locator('body');
    await waitFor(async () => (await body.evaluate(() => window.scrollY, undefined)) > 5000, 'the preview to scroll down with the editor');
    // The paragraph at the preview's top is near the editor's first visible line.
    const topLine = await body.evaluate(() => {
      const blocks = Array.from(document.querySelectorAll('[data-line]'));
      return Number(blocks.find((b) => b.getBoundingClientRect().bottom > 0)?.getAttribute('data-line'));
    }, undefined);
    assert.ok(topLine > 450 && topLine <= 600, `the preview's top shows line ${topLine + 1}`);
    await shot('scrolled');
  });
});

async function waitFor(check: () => Promise<boolean>, what: string, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
