// Agreed language at a glance in VS Code's workbench (code-server 4.99 in Debian's Chromium), with
// the packaged .vsix installed and VS Code's default settings: the code lenses over each paragraph,
// "Highlight New Language", and "Compare with Previous Resolution" in the diff editor. Screenshots
// go to test-results/ (look at them). Needs scripts/setup-editors.sh: skips without it locally,
// fails without it under CI.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, type Browser, type Page } from './playwright';
import { editorToolsMissing, installExtension, startCodeServer, type CodeServer } from './tools';
import { openFile, openWorkbench, quickOpen, screenshot, textCentre, waitForText } from './workbench';
import { INSERTED, knownEdits, MOVED_START } from '../compare/known-edits';

const missing = editorToolsMissing();
const skip = missing && !process.env.CI ? `${missing}; the code-server workbench tests need it` : false;
const RESULTS = 'test-results';
// What the harness's user settings change from VS Code's defaults, set back to the defaults: a new user's editor.
const DEFAULTS = { 'editor.formatOnType': false, 'editor.quickSuggestions': { other: 'on', comments: 'off', strings: 'off' }, 'editor.hover.delay': 300 };

describe('agreed language in VS Code (code-server): lenses, new-language highlight, comparison', { skip, timeout: 300_000 }, () => {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let scratch = '';
  const k = knownEdits();
  const shot = (name: string) => screenshot(page, join(RESULTS, `provenance-${name}.png`));

  before(async () => {
    assert.equal(missing, undefined, `${missing}. CI must run the real-editor tests: .ci/run calls scripts/setup-editors.sh before npm test`);
    mkdirSync(RESULTS, { recursive: true });
    scratch = mkdtempSync(join(tmpdir(), 'rd-provenance-ui-'));
    const drafts = join(scratch, 'drafts');
    mkdirSync(drafts);
    // Next year's draft of 73/62 with known edits (a paragraph inserted, one moved, one reworded, one deleted).
    writeFileSync(join(drafts, 'next-year.unres'), k.draft.replace('73/62. ', '74/__. '));
    // A plain .vsix, as a drafter installs it (RD_VSIX names one already made).
    let vsix = process.env.RD_VSIX;
    if (!vsix) {
      vsix = join(scratch, 'resolution-drafter.vsix');
      execFileSync(process.execPath, [join('node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '-o', vsix], { stdio: 'pipe' });
    }
    server = await startCodeServer({ settings: DEFAULTS });
    process.env.RD_VSIX = vsix;
    try {
      installExtension(server.extensionsDir);
    } finally {
      if (vsix.startsWith(scratch)) delete process.env.RD_VSIX;
    }
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(60_000);
    await openWorkbench(page, server.origin, drafts);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('a code lens over each paragraph: the corpus paragraph it is, or its agreed and new shares', async () => {
    await openFile(page, 'next-year.unres');
    const lens = await waitForText(page, '.codelens-decoration', /^100 % A\/RES\/73\/62 preambular paragraph \d+$/, 90_000);
    assert.match(lens, /^100 % A\/RES\/73\/62 preambular paragraph \d+$/);
    // The inserted paragraph: no corpus text at all.
    await quickOpen(page, `:${k.draftLine(INSERTED) + 1}`);
    await waitForText(page, '.codelens-decoration', /^agreed 0 % · new 100 %$/);
    await shot('lenses');
  });

  test('the hover of a paragraph\'s opening names the documents its wording comes from', async () => {
    await quickOpen(page, `:${k.draftLine(MOVED_START) + 1}`);
    // The opener 确认 is a token of its own: measure the text after it and move one character left of it.
    const rest = await textCentre(page, '必须确保妇女和男子');
    const shorter = await textCentre(page, '须确保妇女和男子');
    const width = 2 * (shorter.x - rest.x);
    await page.mouse.move(rest.x - 4.5 * width - width / 2, rest.y, { steps: 2 });
    const hover = await waitForText(page, '.monaco-hover-content', /Agreed language in this paragraph/);
    assert.match(hover, /A\/RES\/73\/62 preambular paragraph 10/);
    await shot('hover-sources');
    await page.keyboard.press('Escape');
  });

  test('Highlight New Language marks the characters no corpus text contains', async () => {
    await quickOpen(page, `:${k.draftLine(INSERTED) + 1}`);
    const highlighted = () => page.evaluate(() => [...document.querySelectorAll('.view-overlays .cdr')].filter((e) => (e.getAttribute('class') ?? '').includes('ced-')).length, undefined);
    assert.equal(await highlighted(), 0, 'nothing is highlighted before the command');
    await quickOpen(page, '>Resolution Drafter: Highlight New Language', 'Highlight New Language');
    // Decorations are drawn as overlays behind the text; the inserted paragraph is new from end to end.
    await page.waitForFunction(() => [...document.querySelectorAll('.view-overlays .cdr')].some((e) => (e.getAttribute('class') ?? '').includes('ced-')), undefined);
    await waitForText(page, '.statusbar-item', /New language highlighted: \d+ passages/);
    await shot('highlight');
  });

  test('Compare with Previous Resolution opens the diff editor against 73/62, which the draft recalls', async () => {
    await quickOpen(page, '>Resolution Drafter: Compare with Previous Resolution', 'Compare with Previous Resolution');
    await page.waitForSelector('.monaco-diff-editor', { timeout: 30_000 });
    await page.waitForSelector('.tabs-container .tab.active[aria-label*="A/RES/73/62"]');
    const note = await waitForText(page, '.notifications-toasts', /Compared with A\/RES\/73\/62 \(the draft recalls A\/RES\/73\/62\): 2 changed, 1 new, 1 deleted, 1 moved\./);
    assert.ok(note.length > 0);
    await shot('diff');
  });
});

declare const document: { querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null }> };
