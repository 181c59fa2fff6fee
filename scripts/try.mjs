// `npm run try`: re-ingests corpus/raw with the built command line into a temporary folder and
// reports whether the result matches the committed clean corpus (corpus/*.unres, catalogue.json);
// then shows the other commands at work: lint on the corpus and on a broken draft, and a search
// of agreed language.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const dir = mkdtempSync(join(tmpdir(), 'rd-try-'));
let exitCode = 0;
try {
  mkdirSync(join(dir, 'raw'));
  const inputs = readdirSync('corpus/raw').filter((n) => n.endsWith('.txt')).sort().map((n) => {
    copyFileSync(join('corpus/raw', n), join(dir, 'raw', n));
    return join(dir, 'raw', n);
  });
  console.log(`$ resolution-drafter ingest corpus/raw/*.txt --out <temporary folder>`);
  const run = spawnSync(process.execPath, ['bin/resolution-drafter.js', 'ingest', ...inputs, '--out', dir], { encoding: 'utf8' });
  process.stdout.write(run.stdout.split(dir).join('<tmp>'));
  process.stderr.write(run.stderr);
  if (run.status !== 0) exitCode = 1;
  const pick = (folder) => readdirSync(folder).filter((n) => n.endsWith('.unres') || n === 'catalogue.json').sort();
  const committed = pick('corpus');
  const made = pick(dir);
  const differing = [...new Set([...committed, ...made])].filter((n) => !committed.includes(n) || !made.includes(n) || !readFileSync(join('corpus', n)).equals(readFileSync(join(dir, n))));
  const catalogue = JSON.parse(readFileSync(join(dir, 'catalogue.json'), 'utf8'));
  console.log('\nThe clean corpus:');
  for (const d of catalogue.documents) {
    const c = d.counts;
    console.log(`  ${d.symbol.padEnd(22)} ${d.file.padEnd(28)} ${String(c.preambular).padStart(3)} preambular ${String(c.operative).padStart(4)} operative ${String(c.subparagraphs).padStart(3)} subparagraphs ${String(c.footnotes).padStart(3)} footnotes`);
  }
  console.log(`  ${catalogue.cited.length} cited documents, ${catalogue.titles.length} titles in the catalogue`);
  if (differing.length === 0) console.log('\nMatches corpus/ exactly: yes');
  else {
    console.log(`\nMatches corpus/ exactly: NO — differs: ${differing.join(', ')}`);
    console.log('Run `npx resolution-drafter ingest --out corpus corpus/raw/*.txt` to regenerate it.');
    exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs the command line and shows what it prints; its exit code is shown, not taken as a failure. */
function show(args) {
  console.log(`\n$ resolution-drafter ${args.map((a) => (/[\s*《]/.test(a) ? `"${a}"` : a)).join(' ')}`);
  const run = spawnSync(process.execPath, ['bin/resolution-drafter.js', ...args], { encoding: 'utf8' });
  process.stdout.write(run.stdout);
  process.stdout.write(run.stderr);
  console.log(`(exit code ${run.status})`);
  return run.status;
}
// The corpus as published: only the faults its texts really have (test/corpus/validator.test.ts).
const corpusDrafts = readdirSync('corpus').filter((n) => n.endsWith('.unres')).sort().map((n) => join('corpus', n));
const lint = spawnSync(process.execPath, ['bin/resolution-drafter.js', 'lint', '--format', 'json', ...corpusDrafts], { encoding: 'utf8' });
const findings = JSON.parse(lint.stdout);
const count = (s) => findings.filter((f) => f.severity === s).length;
console.log(`\n$ resolution-drafter lint corpus/*.unres\n${count('error')} error, ${count('warning')} warnings (faults of the published texts), ${count('hint') + count('info')} style remarks`);
if (show(['lint', 'test/fixtures/broken.unres']) !== 1) exitCode = 1;
if (show(['search', '--limit', '3', '重申《不扩散核武器条约》']) !== 0) exitCode = 1;
console.log('');
process.exit(exitCode);
