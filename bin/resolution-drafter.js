#!/usr/bin/env node
'use strict';
// The command line, from the bundle that `npm run build` writes.
const path = require('node:path');
const fs = require('node:fs');
const args = process.argv.slice(2);
// The command's name: the first word that is not `--locale X` / `--locale=X` (as main reads it).
let name;
for (let i = 0; i < args.length && name === undefined; i++) {
  if (args[i] === '--locale') i++;
  else if (!args[i].startsWith('--locale=')) name = args[i];
}
// `lint` and `search` have bundles of their own (the whole takes longer to load than a draft to lint or a search).
const own = { lint: 'cli-lint.js', search: 'cli-search.js' }[name];
const dist = path.join(__dirname, '..', 'dist');
const bundle = own && fs.existsSync(path.join(dist, own)) ? path.join(dist, own) : path.join(dist, 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('resolution-drafter: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
// `search` stats every corpus draft to know that the index is current, in a worker thread beside
// the query: started now, the thread is ready by the time the bundle is loaded. Only for folders of
// the user's (`--corpus`): the bundled corpus alone, five drafts, is scanned sooner than a thread starts.
let scanWorker;
const scanFile = path.join(dist, 'scan-worker.js');
if (name === 'search' && bundle.endsWith(own) && args.some((a) => a === '--corpus' || a.startsWith('--corpus=')) && fs.existsSync(scanFile)) {
  try {
    scanWorker = new (require('node:worker_threads').Worker)(scanFile);
    scanWorker.unref();
    scanWorker.on('error', () => {});
  } catch {
    scanWorker = undefined;
  }
}
const cli = require(bundle);
cli.main(args, { scanWorker }).then(
  (code) => { process.exitCode = code; cli.endWhenDone('resolution-drafter'); },
  (err) => { process.stderr.write(`resolution-drafter: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 1; },
);
