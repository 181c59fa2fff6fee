// The part of Playwright's API these tests use. playwright-core lives in .tools/ (installed by
// scripts/setup-editors.sh, apart from the project's dependencies), so the type-check cannot
// rely on its types being present; this narrow interface keeps `npm run typecheck` working
// without it, and the tests load the real module at run time.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TOOLS_MODULES } from './tools';

/** A DOM element handle's waitable, clickable view (Playwright `Locator`). */
export interface Locator {
  first(): Locator;
  nth(index: number): Locator;
  count(): Promise<number>;
  click(options?: { timeout?: number }): Promise<void>;
  hover(options?: { timeout?: number }): Promise<void>;
  fill(value: string): Promise<void>;
  press(key: string): Promise<void>;
  textContent(): Promise<string | null>;
  innerText(): Promise<string>;
  getAttribute(name: string): Promise<string | null>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  locator(selector: string): Locator;
  allInnerTexts(): Promise<string[]>;
  evaluate<R, A>(fn: (element: never, arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** An iframe's content, e.g. a webview's (Playwright `FrameLocator`). */
export interface FrameLocator {
  frameLocator(selector: string): FrameLocator;
  locator(selector: string): Locator;
}

/** A browser tab (Playwright `Page`). */
export interface Page {
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' | 'commit'; timeout?: number }): Promise<unknown>;
  locator(selector: string): Locator;
  frameLocator(selector: string): FrameLocator;
  waitForSelector(selector: string, options?: { state?: 'attached' | 'visible' | 'hidden' | 'detached'; timeout?: number }): Promise<unknown>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg: A, options?: { timeout?: number; polling?: number | 'raf' }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  exposeFunction(name: string, fn: (...args: never[]) => unknown): Promise<void>;
  screenshot(options: { path: string; fullPage?: boolean; animations?: 'disabled' | 'allow' }): Promise<Buffer>;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  keyboard: {
    press(key: string): Promise<void>;
    type(text: string, options?: { delay?: number }): Promise<void>;
    insertText(text: string): Promise<void>;
  };
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void>; click(x: number, y: number): Promise<void> };
  setDefaultTimeout(ms: number): void;
}

/** A running browser (Playwright `Browser`). */
export interface Browser {
  newPage(options?: { viewport?: { width: number; height: number }; locale?: string }): Promise<Page>;
  close(): Promise<void>;
}

interface PlaywrightModule {
  chromium: { launch(options: { executablePath: string; headless?: boolean; args?: string[] }): Promise<Browser> };
}

/** Debian's Chromium; Playwright never downloads a browser here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches Debian's Chromium through playwright-core from .tools/, with flags that keep it offline and quiet. */
export async function launchChromium(): Promise<Browser> {
  const require = createRequire(join(TOOLS_MODULES, 'noop.js'));
  const playwright = require('playwright-core') as PlaywrightModule;
  return playwright.chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}
