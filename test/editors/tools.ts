// Starting code-server (VS Code in the browser) with the extension, for the real-editor tests.
// The tools come from scripts/setup-editors.sh: code-server and playwright-core in .tools/,
// Debian's chromium. See the README section "Tests in real editors".
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { startServer } from '../protocol/harness';

/** Where scripts/setup-editors.sh installs code-server and playwright-core. */
export const TOOLS_MODULES = resolve('.tools/node_modules');
const CODE_SERVER_ENTRY = join(TOOLS_MODULES, 'code-server/out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether scripts/setup-editors.sh has installed code-server into .tools/. */
export function codeServerInstalled(): boolean {
  return existsSync(CODE_SERVER_ENTRY);
}

/** Why the real-editor tests cannot run here (a sentence naming the fix), or undefined when they can. */
export function editorToolsMissing(): string | undefined {
  const missing: string[] = [];
  if (!existsSync(CODE_SERVER_ENTRY)) missing.push('code-server (in .tools/)');
  if (!existsSync(join(TOOLS_MODULES, 'playwright-core/package.json'))) missing.push('playwright-core (in .tools/)');
  if (!existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM})`);
  if (missing.length === 0) return undefined;
  return `${missing.join(', ')} missing: run scripts/setup-editors.sh`;
}

/** The repository root: package.json, dist/, syntaxes/, corpus/ — the extension as VS Code loads it. */
export const EXTENSION_ROOT = resolve('.');

// What an installed extension does not carry: sources, tests, tools, raw corpus inputs, git.
const NOT_SHIPPED = new Set([
  'node_modules', '.git', '.tools', '.vscode-test', '.ci', 'out', 'test', 'test-results', 'scripts', 'client/src', 'server/src',
  'corpus/raw', 'corpus/.index',
]);

/**
 * Installs the extension into an extensions folder as the workbench would find an installed one:
 * the packaged .vsix named by RD_VSIX (through `code-server --install-extension`), else a copy of
 * the built repository without what a package leaves out (sources, tests, tools). Returns the
 * folder, or the .vsix path when one was installed.
 */
export function installExtension(extensionsDir: string): string {
  const vsix = process.env.RD_VSIX;
  if (vsix) {
    const result = spawnSync(process.execPath, [CODE_SERVER_ENTRY, '--extensions-dir', extensionsDir, '--install-extension', resolve(vsix)], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`code-server could not install ${vsix}:\n${result.stdout}${result.stderr}`);
    return vsix;
  }
  if (!existsSync(join(EXTENSION_ROOT, 'dist/client.js')) || !existsSync(join(EXTENSION_ROOT, 'dist/server.js'))) {
    throw new Error('dist/client.js or dist/server.js is missing: run npm run build first');
  }
  const manifest = JSON.parse(readFileSync(join(EXTENSION_ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  cpSync(EXTENSION_ROOT, target, {
    recursive: true,
    filter: (source) => {
      const path = relative(EXTENSION_ROOT, source).split(sep).join('/');
      return !NOT_SHIPPED.has(path) && !path.endsWith('.map') && !path.endsWith('.vsix') && !path.endsWith('.log');
    },
  });
  return target;
}

/** A running code-server. */
export interface CodeServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The workbench's remote authority (`127.0.0.1:PORT`), needed for vscode-remote:// URIs. */
  remoteAuthority: string;
  /** The temporary folder holding user data and extensions. */
  home: string;
  extensionsDir: string;
  /** What code-server printed, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** VS Code settings for a quiet, test-friendly workbench. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'editor.formatOnType': true,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.hover.delay': 100,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
};

/**
 * A new user's settings: VS Code's defaults, with only the welcome page kept out of the way (it
 * steals focus) and nothing else. What a plain `.vsix` install gets, with the extension's own
 * `configurationDefaults`.
 */
export const NEW_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
};

/**
 * Starts code-server on a free port with fresh user data and extensions folders; resolves when
 * /healthz answers. `env` reaches the extension host (code-server passes its environment on);
 * `port` defaults to a free one. `newUser`: VS Code's default settings (NEW_USER_SETTINGS and
 * `settings` only); `trust`: workspace trust on, as a drafter has it (Restricted Mode for a
 * folder not trusted).
 */
/**
 * `defaults: true` keeps VS Code's default editor settings (no `editor.*` key in the user
 * settings), as a drafter's fresh install has them: the extension's `configurationDefaults` apply.
 */
export async function startCodeServer(options: { env?: Record<string, string>; settings?: Record<string, unknown>; port?: number; defaults?: boolean; newUser?: boolean; trust?: boolean } = {}): Promise<CodeServer> {
  const home = mkdtempSync(join(tmpdir(), 'rd-code-server-'));
  const userData = join(home, 'user-data');
  const extensionsDir = join(home, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const quiet = options.defaults ? Object.fromEntries(Object.entries(USER_SETTINGS).filter(([key]) => !key.startsWith('editor.'))) : USER_SETTINGS;
  const base = options.newUser ? NEW_USER_SETTINGS : quiet;
  const trust = options.trust ? { 'security.workspace.trust.enabled': true } : {};
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...base, ...trust, ...options.settings }, null, 2));
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      CODE_SERVER_ENTRY, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      ...(options.trust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', '--user-data-dir', userData, '--extensions-dir', extensionsDir,
    ],
    { env: { ...process.env, XDG_CONFIG_HOME: join(home, 'xdg'), XDG_DATA_HOME: join(home, 'xdg-data'), ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5000).unref())]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(home, { recursive: true, force: true });
  };
  try {
    // Poll /healthz until it answers (code-server is up in about a second), or fail when it exits.
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output}`);
      if (Date.now() > deadline) throw new Error(`code-server did not answer on ${origin}/healthz within 60 s:\n${output}`);
      const ok = await fetch(`${origin}/healthz`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((done) => setTimeout(done, 100));
    }
    // The workbench takes its remote authority from location.host (code-server 4.99).
    const remoteAuthority = `127.0.0.1:${port}`;
    return { port, origin, remoteAuthority, home, extensionsDir, log: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The assist features the real server does not offer yet (absent from its initialize answer): `hover`, `completion`. */
export async function featuresNotOffered(): Promise<string[]> {
  const server = await startServer();
  try {
    const capabilities = server.initializeResult.capabilities;
    return [...(capabilities.hoverProvider ? [] : ['hover']), ...(capabilities.completionProvider ? [] : ['completion'])];
  } finally {
    await server.stop();
  }
}
