// Bundles the client, the server, the command line and the benchmark with esbuild.
// Type-checking is its own step (npm run typecheck).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
  { in: 'client/src/extension.ts', out: 'client' },
  // The server (dist/server-main.js), and what the editor starts: dist/server.js, which compiles it with V8's code cache.
  { in: 'server/src/lsp/main.ts', out: 'server-main' },
  { in: 'server/src/lsp/server-loader.ts', out: 'server' },
  { in: 'server/src/cli/main.ts', out: 'cli' },
  // `lint` alone, loaded in a fraction of the time (bin/resolution-drafter.js picks it).
  { in: 'server/src/cli/lint-main.ts', out: 'cli-lint' },
  // Word in and out, loaded on the first Word document (server/src/corpus/word.ts).
  { in: 'server/src/corpus/word-bundle.ts', out: 'word' },
  // `search` alone, likewise.
  { in: 'server/src/cli/search-main.ts', out: 'cli-search' },
  { in: 'server/src/bench/main.ts', out: 'bench' },
  // The phrase index is built in a worker thread beside the server.
  { in: 'server/src/lsp/index-worker.ts', out: 'index-worker' },
  // `search` scans the corpus in a worker thread beside its query (server/src/corpus/corpus-scan-thread.ts).
  { in: 'server/src/corpus/scan-worker.ts', out: 'scan-worker' },
  // Drafts are validated in a worker thread beside the server (server/src/lsp/validations.ts).
  { in: 'server/src/lsp/validation-worker.ts', out: 'validation-worker' },
].filter((e) => existsSync(e.in));

const options = {
  entryPoints: entries,
  bundle: true,
  outdir: 'dist',
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  external: ['vscode'],
  // pg-native: node-postgres's optional native binding, not shipped (a stub that says so).
  alias: { 'pg-native': './scripts/stubs/pg-native.cjs' },
  logLevel: 'warning',
};

// pdfjs alone, loaded on the first PDF read (server/src/corpus/pdf.ts): 3.5 MB that the server and
// the command line load without. Its `import.meta.url` (it makes a `require` from it) is this file's.
const pdfjs = {
  ...options,
  entryPoints: [{ in: 'server/src/corpus/pdfjs-bundle.ts', out: 'pdfjs' }],
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

// The extension test suite (test/suite/), loaded by VS Code or code-server as extensionTestsPath.
const suite = existsSync('test/suite/index.ts')
  ? { ...options, entryPoints: [{ in: 'test/suite/index.ts', out: 'index' }], outdir: 'out/test/suite', sourcemap: true, minify: false }
  : undefined;

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  await (await esbuild.context(pdfjs)).watch();
  if (suite) await (await esbuild.context(suite)).watch();
} else {
  await Promise.all([esbuild.build(options), esbuild.build(pdfjs), suite && esbuild.build(suite)]);
}
