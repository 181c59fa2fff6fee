// Driving VS Code's workbench (code-server) in Chromium like a drafter would: open a file, find a
// piece of text on screen, read the Problems count, wait for widgets. Every wait is for a
// condition in the page, never a fixed time.
import { launchChromium, type Browser, type Page } from './playwright';
import { installExtension, startCodeServer, type CodeServer } from './tools';

// The functions passed to page.evaluate run in the browser. The project type-checks for Node
// (no DOM library, so that server code cannot use browser globals by mistake); these few
// declarations describe the DOM those functions use.
interface DomBox { left: number; top: number; width: number; height: number }
interface DomElement { textContent: string | null; getAttribute(name: string): string | null; getBoundingClientRect(): DomBox }
interface DomNode { textContent: string | null }
declare const document: {
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  createTreeWalker(root: DomElement, what: number): { nextNode(): DomNode | null };
  createRange(): { setStart(node: DomNode, offset: number): void; setEnd(node: DomNode, offset: number): void; getBoundingClientRect(): DomBox };
};
declare const NodeFilter: { SHOW_TEXT: number };

/**
 * A screenshot of the page with its animations run to their end: a hover or a list fading in was
 * caught half drawn over the text beneath it (the hovers of the first-hour and workbench tests).
 */
export function screenshot(page: Page, path: string): Promise<Buffer> {
  return page.screenshot({ path, animations: 'disabled' });
}

/** Opens the workbench on a folder and waits until the editor area is there. */
export async function openWorkbench(page: Page, origin: string, folder: string): Promise<void> {
  await page.goto(`${origin}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
}

/** Opens a file of the workspace with Quick Open (Ctrl+P), as a user would, and waits for its editor. */
export async function openFile(page: Page, name: string): Promise<void> {
  await quickOpen(page, name, name);
  await page.waitForSelector(`.tabs-container .tab.active[aria-label^="${name}"]`, { timeout: 20_000 });
  await page.waitForSelector('.editor-instance .monaco-editor.focused .view-lines', { timeout: 20_000 });
}

/** Types into Quick Open and accepts the row showing `rowText` (`:25` goes to line 25). */
export async function quickOpen(page: Page, input: string, rowText?: string, closes = true): Promise<void> {
  const box = page.locator('.quick-input-widget .quick-input-box input');
  // A suggestion list that opens late (the client opens one after the numbering writes `2. `) can
  // take the focus back and close Quick Open: a box not shown in 5 s is asked for again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape'); // close a hover, a menu or a suggestion list left open
    await page.keyboard.press('Control+P');
    try {
      await box.waitFor({ state: 'visible', timeout: attempt < 4 ? 5_000 : 30_000 });
      break;
    } catch (err) {
      if (attempt >= 4) throw err;
    }
  }
  await box.fill(input);
  if (rowText) await page.locator(`.quick-input-widget .monaco-list-row:has-text("${rowText}")`).first().waitFor({ state: 'visible', timeout: 20_000 });
  else await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  // A command that asks for input at once (a password) keeps the same box open: the caller waits for what it shows.
  if (closes) await box.waitFor({ state: 'hidden' });
}

/** Puts the cursor at the start of a line (1-based) of the active editor. */
export async function goToLine(page: Page, line: number): Promise<void> {
  await quickOpen(page, `:${line}`);
  await page.waitForFunction((n) => document.querySelector('.statusbar-item[id="status.editor.selection"]')?.textContent?.startsWith(`Ln ${n}, Col 1`) ?? false, line);
}

/** The Problems item of the status bar, e.g. "Errors: 1, Warnings: 2" or "No Problems". */
export async function problemsLabel(page: Page): Promise<string> {
  return (await page.locator('[id="status.problems"]').getAttribute('aria-label')) ?? '';
}

/** Waits until the status bar's Problems item reads `label` (its aria-label). */
export async function waitForProblems(page: Page, label: string, timeout = 30_000): Promise<void> {
  await explain(
    page.waitForFunction((want) => document.querySelector('[id="status.problems"]')?.getAttribute('aria-label') === want, label, { timeout }),
    async () => `the status bar's Problems item should read “${label}”; it reads “${await problemsLabel(page)}”`,
  );
}

/** Turns a Playwright timeout into a message that says what was expected and what the page showed. */
async function explain<T>(waiting: Promise<T>, message: () => Promise<string>): Promise<T> {
  try {
    return await waiting;
  } catch (error) {
    const detail = await message().catch(() => '');
    throw new Error(`${detail} (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
}

/** The active editor's rendered lines, top to bottom (non-breaking spaces read as spaces). */
export async function visibleLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')];
    lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    return lines.map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '));
  }, undefined);
}

/** Waits until some rendered line of the active editor satisfies the test (a regular expression source). */
export async function waitForLine(page: Page, pattern: RegExp, timeout = 20_000): Promise<void> {
  await explain(page.waitForFunction(({ source, flags }) => {
    const re = new RegExp(source, flags);
    return [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')].some((l) => re.test((l.textContent ?? '').replace(/\u00a0/g, ' ')));
  }, { source: pattern.source, flags: pattern.flags }, { timeout }), async () => `no line of the editor matches ${pattern}; it shows:\n${(await visibleLines(page)).join('\n')}`);
}

/**
 * Where a piece of text is drawn in the active editor: the centre of its box, measured with a DOM
 * Range over the text node that holds it (CJK glyphs are double width, so columns cannot be counted).
 */
export async function textCentre(page: Page, text: string): Promise<{ x: number; y: number }> {
  const found = await page.evaluate((wanted) => {
    const root = document.querySelector('.editor-instance .monaco-editor .view-lines');
    if (!root) return undefined;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    return undefined;
  }, text);
  if (!found) throw new Error(`“${text}” is not drawn in the editor (not on screen, or split across tokens)`);
  return found;
}

/** Waits until an element matching `selector` shows text containing `wanted`; returns that text. */
export async function waitForText(page: Page, selector: string, wanted: string | RegExp, timeout = 20_000): Promise<string> {
  const pattern = typeof wanted === 'string' ? { source: wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags: '' } : { source: wanted.source, flags: wanted.flags };
  await explain(page.waitForFunction(({ selector: s, source, flags }) => {
    const re = new RegExp(source, flags);
    return [...document.querySelectorAll(s)].some((e) => re.test(e.textContent ?? ''));
  }, { selector, ...pattern }, { timeout }), async () => {
    const shown = await page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent ?? ''), selector);
    return `no ${selector} shows ${String(wanted)}; ${shown.length ? `they show: ${shown.join(' | ')}` : 'none is on screen'}`;
  });
  return page.evaluate(({ selector: s, source, flags }) => {
    const re = new RegExp(source, flags);
    return [...document.querySelectorAll(s)].map((e) => e.textContent ?? '').find((t) => re.test(t)) ?? '';
  }, { selector, ...pattern });
}

/** code-server with the extension installed, Chromium on it, and the workbench open on a folder. */
export interface Workbench {
  server: CodeServer;
  browser: Browser;
  page: Page;
  /** Closes the browser and stops code-server. */
  close(): Promise<void>;
}

/**
 * What every workbench scenario starts with: code-server (`codeServer` options, e.g. settings),
 * the extension installed into it, a Chromium page of `viewport` size with `timeout` as its
 * default, and the workbench open on `folder`. Whatever was started is stopped again if a later
 * step fails.
 */
export async function startWorkbench(
  folder: string,
  options: { codeServer?: Parameters<typeof startCodeServer>[0]; viewport?: { width: number; height: number }; timeout?: number } = {},
): Promise<Workbench> {
  const server = await startCodeServer(options.codeServer);
  let browser: Browser | undefined;
  try {
    installExtension(server.extensionsDir);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 800 } });
    page.setDefaultTimeout(options.timeout ?? 30_000);
    await openWorkbench(page, server.origin, folder);
    const opened = browser;
    return {
      server,
      browser: opened,
      page,
      close: async () => {
        await opened.close();
        await server.stop();
      },
    };
  } catch (err) {
    await browser?.close();
    await server.stop();
    throw err;
  }
}
