/**
 * What the editor starts (`dist/server.js`): the server's bundle (`dist/server-main.js`, 1.2 MB)
 * compiled with V8's code cache. Compiling the bundle took 21-35 ms of every start; with the cache
 * of an earlier start, 3 ms. The cache is written two seconds after a start that had none (or
 * whose cache V8 refused: another bundle, another Node), with the functions the start compiled,
 * to a folder of this user's own (mode 0700, as the index files: bytecode from a folder others can
 * write would be code they could run). Anything wrong with it and the bundle is loaded as usual.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { ensurePrivateFolder } from '../corpus/safe-fs';

const bundle = join(__dirname, 'server-main.js');

/** The cache file of this bundle under this Node (its size and time, Node's version and architecture). */
function cachePath(): string | undefined {
  const folder = join(tmpdir(), `resolution-drafter-${process.getuid?.() ?? 'user'}`, 'code-cache');
  if (!ensurePrivateFolder(dirname(folder), true) || !ensurePrivateFolder(folder, true)) return undefined;
  const s = statSync(bundle);
  const key = createHash('sha1').update(`${bundle}\n${s.size}\n${s.mtimeMs}\n${process.version}\n${process.arch}`).digest('hex').slice(0, 16);
  return join(folder, `server-${key}.bin`);
}

function readCache(path: string | undefined): Buffer | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function writeCache(path: string, script: Script): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, script.createCachedData(), { flag: 'wx', mode: 0o600 });
    renameSync(temporary, path);
    dropOldCaches(dirname(path));
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
  }
}

/** The bundle compiled (with the cache when there is one); undefined when it cannot be (then it is required as usual). */
function compile(): { script: Script; path?: string; cached: boolean } | undefined {
  if (process.env.RESOLUTION_DRAFTER_NO_CODE_CACHE !== undefined) return undefined;
  try {
    let path: string | undefined;
    try {
      path = cachePath();
    } catch {
      path = undefined;
    }
    const cachedData = readCache(path);
    const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
    return { script, path, cached: cachedData !== undefined && script.cachedDataRejected !== true };
  } catch {
    return undefined;
  }
}

/** Caches kept: each build of the bundle under each Node has its own (an editor and its Insiders, two versions installed). */
const KEPT_CACHES = 4;

/** The caches of other bundles and other Nodes beyond the most recent `KEPT_CACHES` are removed. */
function dropOldCaches(folder: string): void {
  const caches = readdirSync(folder)
    .filter((n) => /^server-[0-9a-f]{16}\.bin$/.test(n))
    .map((n) => ({ path: join(folder, n), time: statSync(join(folder, n)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const old of caches.slice(KEPT_CACHES)) unlinkSync(old.path);
}

/** Runs the compiled bundle as `require` would: its own module, exports, require, __filename and __dirname. */
function run({ script, path, cached }: { script: Script; path?: string; cached: boolean }): void {
  const start = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  const module = new Module(bundle, require.main ?? undefined);
  module.filename = bundle;
  module.loaded = true;
  start.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  // Written two seconds on, with the functions the start compiled; never in the way of the start itself.
  if (path && !cached) setTimeout(() => writeCache(path, script), 2000).unref();
}

const compiled = compile();
if (compiled) run(compiled);
// eslint-disable-next-line @typescript-eslint/no-require-imports
else require(bundle);
