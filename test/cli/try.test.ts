// `npm run try`: each step said in words, the corpus's faults named, no unannounced JSON at the end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('npm run try explains each step and names the faults of the published texts', { timeout: 120_000 }, () => {
  const run = spawnSync(process.execPath, ['scripts/try.mjs'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const out = run.stdout;
  for (let step = 1; step <= 5; step++) assert.match(out, new RegExp(`Step ${step} of 5\\. \\S`), `step ${step} is explained`);
  // The bundled corpus's findings, counted and each one named with its place and rule.
  const lint = spawnSync(process.execPath, ['dist/cli.js', 'lint', '--format', 'json', 'corpus/A-RES-59-76.unres', 'corpus/A-RES-62-42.unres', 'corpus/A-RES-73-62.unres', 'corpus/A-RES-76-54.unres', 'corpus/NPT-CONF.2020-WP.77.unres'], { encoding: 'utf8' });
  const faults = (JSON.parse(lint.stdout) as { file: string; line: number; severity: string; rule: string }[]).filter((f) => f.severity === 'error' || f.severity === 'warning');
  const errors = faults.filter((f) => f.severity === 'error').length;
  assert.ok(out.includes(`${errors} error${errors === 1 ? '' : 's'} and ${faults.length - errors} warnings: real faults of the published texts`), out);
  for (const f of faults) assert.ok(out.includes(`${f.file}:${f.line}:`) && out.includes(`${f.severity} ${f.rule}:`), `${f.file}:${f.line} is named`);
  // It ends in words, not in the parse command's JSON.
  const last = out.trimEnd().split('\n').pop() ?? '';
  assert.match(last, /[a-z]/i);
  assert.doesNotMatch(last, /^[\s{}[\]",]*$/);
});
