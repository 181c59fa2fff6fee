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
  console.log('Step 1 of 5. Clean the raw PDF texts of corpus/raw again, into a temporary folder, and compare');
  console.log('the result with the clean corpus committed in corpus/ (it must be the same, byte for byte).');
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
  if (differing.length === 0) console.log('\nMatches corpus/ exactly: yes. The ingest tool still makes the committed corpus.');
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
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
console.log('\nStep 2 of 5. Check the clean corpus with the same rules as the editor.');
console.log('$ resolution-drafter lint corpus/*.unres');
const faults = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
console.log(`${plural(count('error'), 'error')} and ${plural(count('warning'), 'warning')}: real faults of the published texts, kept as`);
console.log('published (a clean corpus keeps the wording). Each is a slip of the original document:');
for (const f of faults) console.log(`  ${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}: ${f.message}`);
console.log(`The other ${plural(count('hint') + count('info'), 'remark')} are style hints (an opener repeated without 又, which older`);
console.log('resolutions often do); the editor shows them faintly.');

console.log('\nStep 3 of 5. Check a draft broken as drafters break them (test/fixtures/broken.unres): each line');
console.log('is file:line:column severity rule message; the exit code is 1 because it has an error.');
if (show(['lint', 'test/fixtures/broken.unres']) !== 1) exitCode = 1;
console.log('\nStep 4 of 5. Search the corpus for agreed language: the corpus paragraphs closest to a text,');
console.log('with their score (100 = the same text), the document and the place in it.');
if (show(['search', '--limit', '3', '重申《不扩散核武器条约》']) !== 0) exitCode = 1;
console.log('\nStep 5 of 5. Read a draft into its structure (what the editor\'s outline, checks and completion');
console.log('work on): heading, title, preambular and operative paragraphs, closing, footnotes. The start of');
console.log('the JSON the command prints:');
const parsed = spawnSync(process.execPath, ['bin/resolution-drafter.js', 'parse', 'test/fixtures/sample.unres'], { encoding: 'utf8' });
const jsonLines = parsed.stdout.split('\n');
console.log(`$ resolution-drafter parse test/fixtures/sample.unres\n${jsonLines.slice(0, 14).join('\n')}\n  … (${jsonLines.length} lines in all; run the command to see the whole structure)`);
if (parsed.status !== 0) exitCode = 1;
console.log(exitCode === 0
  ? '\nAll done: the corpus is reproducible, the checks find what they should. Next: `npm run setup:editors && npm start`\nopens the extension in VS Code (code-server) on example drafts.'
  : '\nSomething above did not go as expected (see the messages); the exit code is 1.');
process.exit(exitCode);
