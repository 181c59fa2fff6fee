// Runs every *.test.ts under test/ and server/src with node's built-in test runner (via tsx).
// Usage: node scripts/run-tests.mjs [substring-filter …]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['server/src', 'client/src', 'test'];
const skip = new Set(['node_modules', 'fixtures', 'e2e', 'suite']);
const files = [];
function walk(dir) {
  let entries;
  try { entries = readdirSync(dir); } catch { return; }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { if (!skip.has(name)) walk(path); }
    else if (name.endsWith('.test.ts')) files.push(path);
  }
}
roots.forEach(walk);
const filters = process.argv.slice(2);
const selected = filters.length ? files.filter((f) => filters.some((s) => f.includes(s))) : files;
if (selected.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}
// --test-force-exit: a test file whose tests have all finished ends even if a handle is left open
// (a browser or editor connection once kept one alive after its test had passed, and CI waited).
// --test-timeout: a test that hangs fails after 10 minutes instead of holding CI to its limit.
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-force-exit', '--test-timeout=600000', '--test-reporter=spec', ...selected.sort()],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
