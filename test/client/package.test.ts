// The packaged extension: exactly the run-time files, and bundles that need no node_modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const vsce = join('node_modules', '@vscode', 'vsce', 'vsce');

/** What the package must hold: the bundles, the grammar, the clean corpus (and its index if built), texts, README, CHANGELOG, LICENSE. */
function expectedFiles(): string[] {
  return [
    'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json',
    'README.md', 'CHANGELOG.md', 'LICENSE',
    'dist/client.js', 'dist/server.js',
    // The server's bundle, which dist/server.js compiles with V8's code cache.
    ...['dist/server-main.js'].filter((f) => existsSync(f)),
    // The server builds the phrase index in a worker thread when its bundle is there.
    ...['dist/index-worker.js'].filter((f) => existsSync(f)),
    // Drafts are validated in a worker thread when its bundle is there.
    ...['dist/validation-worker.js'].filter((f) => existsSync(f)),
    // pdfjs, loaded when a PDF is read, in a bundle of its own.
    ...['dist/pdfjs.js'].filter((f) => existsSync(f)),
    // Word in and out, loaded on the first Word document, likewise.
    ...['dist/word.js'].filter((f) => existsSync(f)),
    'syntaxes/unres.tmLanguage.json', 'syntaxes/language-configuration.json',
    ...readdirSync('corpus').filter((n) => n.endsWith('.unres')).map((n) => `corpus/${n}`),
    'corpus/catalogue.json',
    // Its phrase index, built by `npm run package` (`resolution-drafter index`); no other index file.
    ...['corpus/.index/phrases.bin'].filter((f) => existsSync(f)),
  ].sort();
}

function requireBundles(): void {
  for (const b of ['dist/client.js', 'dist/server.js']) assert.ok(existsSync(b), `${b} is missing: run npm run build first`);
}

test('vsce lists exactly the run-time files: no sources, tests, raw corpus or node_modules', () => {
  requireBundles();
  const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { encoding: 'utf8' })
    .split('\n').map((l) => l.trim()).filter((l) => l.length > 0).sort();
  assert.deepEqual(listed, expectedFiles());
  assert.ok(listed.filter((f) => f.endsWith('.unres')).length >= 5, 'the bundled corpus is in');
});

/** The names in a zip file's central directory. */
function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a zip file');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'central directory entry');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extra = zip.readUInt16LE(offset + 30);
    const comment = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extra + comment;
  }
  return names;
}

test('vsce packages a .vsix with those files (README, CHANGELOG and LICENSE under vsce\'s names)', () => {
  requireBundles();
  const dir = mkdtempSync(join(tmpdir(), 'vsix-'));
  try {
    const vsix = join(dir, 'resolution-drafter.vsix');
    execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '-o', vsix], { encoding: 'utf8', stdio: 'pipe' });
    const entries = zipEntries(readFileSync(vsix)).sort();
    const renamed: Record<string, string> = { 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md', LICENSE: 'LICENSE.txt' };
    const expected = ['[Content_Types].xml', 'extension.vsixmanifest', ...expectedFiles().map((f) => `extension/${renamed[f] ?? f}`)].sort();
    assert.deepEqual(entries, expected);
    assert.ok(!entries.some((e) => e.includes('node_modules')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the bundles need nothing from node_modules at run time: only Node built-ins and vscode', () => {
  requireBundles();
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  for (const bundle of ['dist/client.js', 'dist/server.js', 'dist/server-main.js', 'dist/index-worker.js', 'dist/validation-worker.js', 'dist/pdfjs.js', 'dist/word.js'].filter((b) => existsSync(b))) {
    const code = readFileSync(bundle, 'utf8');
    const required = new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    assert.ok(required.size > 0, `${bundle} requires something (the check reads it)`);
    const outside = [...required].filter((r) => !builtins.has(r) && r !== 'vscode');
    assert.deepEqual(outside, [], bundle);
    if (!bundle.endsWith('client.js')) assert.ok(!required.has('vscode'), `${bundle} does not need vscode`);
  }
});

test('the manifest points at the bundled client and declares the languages it activates on', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.equal(manifest.main, './dist/client.js');
  assert.deepEqual(manifest.activationEvents, ['onLanguage:unres']);
  assert.equal(manifest.license, 'MIT');
  assert.match(readFileSync('LICENSE', 'utf8'), /^MIT License/);
  assert.match(readFileSync('CHANGELOG.md', 'utf8'), new RegExp(`## ${manifest.version.replace(/\./g, '\\.')}`));
  assert.match(manifest.devDependencies['@vscode/vsce'], /^\^3\./, 'vsce 3: vsce 4 needs Node 22');
});
