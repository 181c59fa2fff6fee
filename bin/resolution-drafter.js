#!/usr/bin/env node
'use strict';
// The command line, from the bundle that `npm run build` writes.
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('resolution-drafter: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
const cli = require(bundle);
cli.main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; cli.endWhenDone('resolution-drafter'); },
  (err) => { process.stderr.write(`resolution-drafter: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 1; },
);
