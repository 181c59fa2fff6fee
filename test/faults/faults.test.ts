// Fault injection (issue 15): corpus folders, index files, settings and clients that try to
// wedge, blind or mislead the server and the command line. Each case uses the real server
// (dist/server.js) or the real CLI (bin/resolution-drafter.js) and shows that the fault is
// reported, that the bad part is skipped or rebuilt, that the server answers a hover within 1 s,
// and that nothing is written outside the case's own folder.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, type ServerHandle } from '../protocol/harness';
import { CorpusStatsRequest, ServerCommands, type CorpusStats } from '../../server/src/lsp/protocol';
import { KEPT_ALIVE } from '../../server/src/exit-watch';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'resolution-drafter.js');
const BUNDLED = join(ROOT, 'corpus');
const base = mkdtempSync(join(tmpdir(), 'rd-faults-'));
after(() => rmSync(base, { recursive: true, force: true }));

/** A fresh folder for one case, with its own TMPDIR and HOME so that anything written lands inside it. */
function caseFolder(name: string): { dir: string; corpus: string; storage: string; env: NodeJS.ProcessEnv } {
  const dir = join(base, name);
  const corpus = join(dir, 'corpus');
  const storage = join(dir, 'storage');
  mkdirSync(corpus, { recursive: true });
  mkdirSync(join(dir, 'tmp'), { recursive: true });
  for (const f of ['A-RES-76-54.unres', 'catalogue.json']) writeFileSync(join(corpus, f), readFileSync(join(BUNDLED, f)));
  return { dir, corpus, storage, env: { ...process.env, TMPDIR: join(dir, 'tmp'), HOME: dir } };
}

/** Every file under the repository's corpus folder with its size and time: nothing may change there. */
function bundledState(): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      const s = lstatSync(p);
      if (s.isDirectory()) walk(p);
      else out.push(`${p} ${s.size} ${s.mtimeMs}`);
    }
  };
  walk(BUNDLED);
  return out.sort().join('\n');
}
const bundledBefore = bundledState();

const DRAFT = '大会，\n\n回顾其 2021 年 12 月 6 日第 76/54 号决议，\n\n1. 决定继续审议 A/RES/76/54。\n';

/** Opens the draft and asks for a hover on A/RES/76/54: answered within 1 s, with content. */
async function hoverWithin(server: ServerHandle, name = 'case.unres'): Promise<{ ms: number; text: string }> {
  const uri = await server.open(name, DRAFT);
  const line = DRAFT.split('\n').findIndex((l) => l.includes('A/RES/76/54'));
  const character = DRAFT.split('\n')[line].indexOf('A/RES/76/54') + 3;
  const started = Date.now();
  const hover = (await server.request('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as { contents?: { value?: string } } | null;
  const ms = Date.now() - started;
  assert.ok(ms < 1000, `hover answered in ${ms} ms`);
  return { ms, text: hover?.contents?.value ?? '' };
}

async function stats(server: ServerHandle): Promise<CorpusStats> {
  for (let i = 0; i < 600; i++) {
    const s = (await server.request(CorpusStatsRequest, null)) as CorpusStats;
    if (!s.indexing) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the index never finished');
}

async function withServer<T>(c: ReturnType<typeof caseFolder>, run: (server: ServerHandle) => Promise<T>, extra: Parameters<typeof startServer>[0] = {}): Promise<T> {
  const server = await startServer({ initializationOptions: { corpusFolders: [c.corpus], useBundledCorpus: true, storagePath: c.storage }, env: c.env, ...extra });
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

/** Runs the CLI; it must end by itself within `ms` (no handle left open). */
function cli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; ms?: number } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: options.env ?? process.env, cwd: options.cwd ?? ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(options.input ?? '');
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`resolution-drafter ${args.join(' ')} did not end within ${options.ms ?? 30000} ms`));
    }, options.ms ?? 30000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      setImmediate(() => resolvePromise({ code, stdout, stderr }));
    });
  });
}

function nothingOutside(c: { dir: string }): void {
  assert.equal(bundledState(), bundledBefore, 'the repository corpus folder is unchanged');
  void c;
}

test('1a. a FIFO draft in a corpus folder: reported and skipped, the server answers at once', async () => {
  const c = caseFolder('fifo-draft');
  execFileSync('mkfifo', [join(c.corpus, 'A-RES-00-00.unres')]);
  await withServer(c, async (server) => {
    const hover = await hoverWithin(server);
    assert.match(hover.text, /76\/54|建立无核武器世界/);
    const s = await stats(server);
    assert.ok(s.problems.some((p) => p.includes('A-RES-00-00.unres') && /regular file/.test(p)), s.problems.join('\n'));
    assert.ok(s.paragraphs > 0);
  });
  nothingOutside(c);
});

test('1b. a FIFO catalogue.json: reported and skipped, diagnostics still come', async () => {
  const c = caseFolder('fifo-catalogue');
  rmSync(join(c.corpus, 'catalogue.json'));
  execFileSync('mkfifo', [join(c.corpus, 'catalogue.json')]);
  await withServer(c, async (server) => {
    const uri = await server.open('diag.unres', '大会，\n\n1. 决定,继续审议。\n');
    const diagnostics = await server.diagnostics(uri);
    assert.ok(diagnostics.diagnostics.length > 0);
    await hoverWithin(server);
    const s = await stats(server);
    assert.ok(s.problems.some((p) => p.includes('catalogue.json') && /regular file/.test(p)), s.problems.join('\n'));
  });
  nothingOutside(c);
});

test('1c. a link to /dev/zero and a draft over 20 MB: reported and skipped, memory stays small', async () => {
  const c = caseFolder('dev-zero');
  symlinkSync('/dev/zero', join(c.corpus, 'A-RES-00-01.unres'));
  writeFileSync(join(c.corpus, 'A-RES-00-02.unres'), '');
  truncateSync(join(c.corpus, 'A-RES-00-02.unres'), 21 * 1024 * 1024);
  await withServer(c, async (server) => {
    await hoverWithin(server);
    const s = await stats(server);
    assert.ok(s.problems.some((p) => p.includes('A-RES-00-01.unres')), s.problems.join('\n'));
    assert.ok(s.problems.some((p) => p.includes('A-RES-00-02.unres') && /larger than 20 MB/.test(p)), s.problems.join('\n'));
  });
  nothingOutside(c);
});

test('1d. the CLI through .resolution-drafter.json naming a folder with a FIFO: reported, ends', async () => {
  const c = caseFolder('cli-fifo');
  execFileSync('mkfifo', [join(c.corpus, 'A-RES-00-00.unres')]);
  execFileSync('mkfifo', [join(c.corpus, 'x.fifo')]);
  rmSync(join(c.corpus, 'catalogue.json'));
  execFileSync('mkfifo', [join(c.corpus, 'catalogue.json')]);
  writeFileSync(join(c.dir, '.resolution-drafter.json'), JSON.stringify({ corpus: { folders: ['corpus'] } }));
  writeFileSync(join(c.dir, 'draft.unres'), DRAFT);
  const r = await cli(['lint', join(c.dir, 'draft.unres')], { env: c.env });
  assert.match(r.stderr, /catalogue\.json.*regular file/);
  assert.ok(r.code === 0 || r.code === 1);
  nothingOutside(c);
});

for (const [name, text] of [
  ['titles: 5', '{"documents":[],"titles":5}'],
  ['documents: [null]', '{"documents":[null],"cited":[],"titles":[]}'],
  ['symbol: 42', '{"documents":[{"file":"A-RES-76-54.unres","symbol":42}],"cited":[{"symbol":42}],"titles":[{"title":null}]}'],
]) {
  test(`2. a catalogue of the wrong shape (${name}): its bad entries dropped and reported, the bundled corpus still answers`, async () => {
    const c = caseFolder(`catalogue-${name.replace(/\W+/g, '-')}`);
    writeFileSync(join(c.corpus, 'catalogue.json'), text);
    await withServer(c, async (server) => {
      const hover = await hoverWithin(server);
      // The bundled catalogue still knows A/RES/76/54 and its title.
      assert.match(hover.text, /建立无核武器世界/);
      const uri = await server.open('complete.unres', '大会，\n\n回顾《不扩散');
      const completion = (await server.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 5 } })) as { items?: unknown[] } | unknown[] | null;
      const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
      assert.ok(items.length > 0, 'completion still offers titles');
      const s = await stats(server);
      assert.ok(s.problems.some((p) => p.includes(join(c.corpus, 'catalogue.json'))), s.problems.join('\n'));
      assert.ok(s.paragraphs > 0, 'the phrase index is built');
    });
    nothingOutside(c);
  });
}

/** The index file of a case's corpus, built by the CLI into the case's TMPDIR. */
async function builtIndex(c: ReturnType<typeof caseFolder>): Promise<string> {
  const r = await cli(['index', '--no-bundled', '--corpus', c.corpus], { env: c.env });
  assert.equal(r.code, 0, r.stderr);
  const m = /written to (\S+) \(/.exec(r.stdout);
  assert.ok(m, r.stdout);
  assert.ok(m[1].startsWith(join(c.dir, 'tmp')), `the index is in the case's own temporary folder: ${m[1]}`);
  return m[1];
}

function editHeader(path: string, edit: (header: Record<string, unknown>) => void): void {
  const file = readFileSync(path);
  const length = file.readUInt32LE(4);
  const header = JSON.parse(file.toString('utf8', 8, 8 + length)) as Record<string, unknown>;
  edit(header);
  let json = Buffer.from(JSON.stringify(header));
  assert.ok(json.length <= length, 'the edited header fits');
  json = Buffer.concat([json, Buffer.alloc(length - json.length, 0x20)]);
  writeFileSync(path, Buffer.concat([file.subarray(0, 8), json, file.subarray(8 + length)]));
}

for (const [name, edit] of [
  ['sections[1].offset += 2', (h: Record<string, unknown>) => ((h.sections as { offset: number }[])[1].offset += 2)],
  ['a negative length', (h: Record<string, unknown>) => ((h.sections as { length: number }[])[2].length = -1)],
  ['documents: null', (h: Record<string, unknown>) => (h.documents = null)],
  ['a document index out of range', (h: Record<string, unknown>) => (h.documents = [])],
] as const) {
  test(`3. an index file that parses but is damaged (${name}): reported and rebuilt`, async () => {
    const c = caseFolder(`index-${name.replace(/\W+/g, '-')}`);
    const path = await builtIndex(c);
    editHeader(path, edit);
    const r = await cli(['index', '--no-bundled', '--corpus', c.corpus], { env: c.env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /damaged|rebuilding/);
    assert.match(r.stdout, /built and written/);
    const again = await cli(['index', '--no-bundled', '--corpus', c.corpus], { env: c.env });
    assert.match(again.stdout, /read from/);
    nothingOutside(c);
  });
}

test('3c. an index file whose array data is damaged: the server starts on it, finds the damage in its check after the start, rebuilds it and says so', async () => {
  const c = caseFolder('index-damaged-section');
  await withServer(c, async (server) => {
    await stats(server);
  });
  const folder = join(c.storage, 'phrase-index');
  const name = readdirSync(folder).find((n) => /^phrases-[0-9a-f]+\.bin$/.test(n));
  assert.ok(name, readdirSync(folder).join(', '));
  const path = join(folder, name);
  // One byte in the middle of the suffix array: the header and the section table are still right.
  const file = readFileSync(path);
  const header = JSON.parse(file.toString('utf8', 8, 8 + file.readUInt32LE(4))) as { sections: { name: string; offset: number; length: number }[] };
  const suffixes = header.sections.find((s) => s.name === 'suffixes')!;
  file[8 + file.readUInt32LE(4) + suffixes.offset + suffixes.length * 2] ^= 0xff;
  writeFileSync(path, file);
  await withServer(c, async (server) => {
    let s = await stats(server);
    for (let i = 0; i < 100 && !s.problems.some((p) => /corrupt/.test(p)); i++) {
      await new Promise((r) => setTimeout(r, 100));
      s = await stats(server);
    }
    assert.ok(s.problems.some((p) => p.includes(path) && /section suffixes is corrupt \(checksum mismatch\); rebuilt it/.test(p)), s.problems.join('\n'));
    assert.ok(s.paragraphs > 0);
    await hoverWithin(server);
  });
  // Written again: the next start finds nothing wrong.
  await withServer(c, async (server) => {
    await stats(server);
    await new Promise((r) => setTimeout(r, 500));
    const s = await stats(server);
    assert.ok(!s.problems.some((p) => /corrupt|damaged/.test(p)), s.problems.join('\n'));
  });
  nothingOutside(c);
});

test('3b. a knowledge file with openers: [null]: reported and made again; hovers answer', async () => {
  const c = caseFolder('knowledge-null');
  await withServer(c, async (server) => {
    await stats(server);
  });
  const folder = join(c.storage, 'phrase-index');
  const knowledge = readdirSync(folder).find((n) => n.startsWith('knowledge-'));
  assert.ok(knowledge, readdirSync(folder).join(', '));
  const path = join(folder, knowledge);
  const file = JSON.parse(readFileSync(path, 'utf8')) as { knowledge: { openers: unknown[] } };
  file.knowledge.openers = [null];
  writeFileSync(path, JSON.stringify(file));
  await withServer(c, async (server) => {
    await hoverWithin(server);
    const s = await stats(server);
    assert.ok(s.problems.some((p) => p.includes(path) && /damaged/.test(p)), s.problems.join('\n'));
  });
  const rewritten = JSON.parse(readFileSync(path, 'utf8')) as { knowledge: { openers: unknown[] } };
  assert.ok(rewritten.knowledge.openers.every((o) => o !== null) && rewritten.knowledge.openers.length > 0, 'made again');
  nothingOutside(c);
});

test('5. a client that never answers workspace/configuration gets diagnostics with the defaults after about 1 s', async () => {
  const c = caseFolder('silent-client');
  await withServer(
    c,
    async (server) => {
      const started = Date.now();
      const uri = await server.open('silent.unres', '大会，\n\n1. 决定,继续审议。\n');
      const d = await server.diagnostics(uri);
      const ms = Date.now() - started;
      assert.ok(d.diagnostics.some((x) => x.code === 'punctuation-width'));
      assert.ok(ms < 5000, `diagnostics after ${ms} ms`);
      const actions = (await server.request('textDocument/codeAction', { textDocument: { uri }, range: d.diagnostics[0].range, context: { diagnostics: d.diagnostics } })) as unknown[];
      assert.ok(Array.isArray(actions) && actions.length > 0);
    },
    { silentConfiguration: true },
  );
});

test('6. lint of a draft with 60,000 findings: capped at 1,000 and one that counts the rest by default; all of them with maxProblems 0; ends', async () => {
  const c = caseFolder('many-findings');
  const path = join(c.dir, 'many.unres');
  writeFileSync(path, `大会，\n\n1. ${'决,'.repeat(60000)}定。\n`);
  // By default 1,000 findings and one on the rest; with the limit off, all 60,000 streamed.
  const limited = await cli(['lint', '--format', 'json', path], { env: c.env, ms: 120000 });
  assert.equal(limited.code, 0, limited.stderr.slice(0, 500));
  const shown = JSON.parse(limited.stdout) as { rule: string }[];
  assert.equal(shown.length, 1001);
  const limit = shown.filter((f) => f.rule === 'problem-limit') as unknown as { message: string }[];
  assert.equal(limit.length, 1);
  assert.match(limit[0].message, /59,000 more problems/, 'the one finding counts the rest');
  writeFileSync(join(c.dir, '.resolution-drafter.json'), JSON.stringify({ maxProblems: 0 }));
  const all = await cli(['lint', '--format', 'json', path], { env: c.env, ms: 120000 });
  assert.equal(all.code, 0, all.stderr.slice(0, 500));
  assert.equal((JSON.parse(all.stdout) as unknown[]).length, 60000);
  nothingOutside(c);
});

test('8. ingest never writes through a symbolic link in the output folder, nor reads a draft through one that leaves it', async () => {
  const c = caseFolder('ingest-links');
  const out = join(c.dir, 'out');
  mkdirSync(out);
  writeFileSync(join(c.dir, 'victim'), 'victim');
  symlinkSync('../victim', join(out, 'A-RES-76-54.unres'));
  symlinkSync(join(c.dir, 'victim'), join(out, 'A-RES-00-09.unres'));
  const raw = join(ROOT, 'corpus', 'raw');
  const inputs = readdirSync(raw).filter((n) => n.endsWith('.txt')).map((n) => join(raw, n));
  const r = await cli(['ingest', '--out', out, ...inputs], { env: c.env, ms: 120000 });
  assert.equal(readFileSync(join(c.dir, 'victim'), 'utf8'), 'victim', 'the link target is untouched');
  assert.notEqual(r.code, 0);
  assert.match(r.stdout + r.stderr, /symbolic link|leaves the folder|ESYMLINK/);
  // The catalogue itself a link: refused too.
  rmSync(join(out, 'A-RES-76-54.unres'));
  rmSync(join(out, 'A-RES-00-09.unres'));
  rmSync(join(out, 'catalogue.json'), { force: true });
  symlinkSync('../victim', join(out, 'catalogue.json'));
  const r2 = await cli(['ingest', '--out', out, ...inputs], { env: c.env, ms: 120000 });
  assert.notEqual(r2.code, 0);
  assert.equal(readFileSync(join(c.dir, 'victim'), 'utf8'), 'victim');
  nothingOutside(c);
});

test('9. indexes live under storagePath or a per-user 0700 folder, never in the extension; the cache is capped; an empty corpus index verifies', async () => {
  const c = caseFolder('index-place');
  await withServer(c, async (server) => {
    await hoverWithin(server);
    await stats(server);
  });
  assert.ok(readdirSync(join(c.storage, 'phrase-index')).some((n) => /^phrases-[0-9a-f]+\.bin$/.test(n)));
  const bundledIndex = join(BUNDLED, '.index');
  if (existsSync(bundledIndex)) assert.ok(readdirSync(bundledIndex).every((n) => n === 'phrases.bin' || n === 'knowledge.json'), readdirSync(bundledIndex).join(', '));
  // The CLI without storagePath: a per-user folder of mode 0700 in the temporary folder.
  const path = await builtIndex(c);
  const userFolder = resolve(path, '..', '..');
  assert.equal(statSync(userFolder).mode & 0o777, 0o700);
  // A folder of that name that others can use is not used.
  const other = caseFolder('index-place-open');
  const openFolder = join(other.dir, 'tmp', `resolution-drafter-${process.getuid?.() ?? 'user'}`);
  mkdirSync(openFolder, { recursive: true });
  chmodSync(openFolder, 0o777);
  const r = await cli(['index', '--no-bundled', '--corpus', other.corpus], { env: other.env });
  assert.match(r.stdout, /built, but not written/);
  // The cap: with 1 MB, building a second corpus's index removes the least recently used one.
  const second = join(c.dir, 'corpus2');
  mkdirSync(second);
  writeFileSync(join(second, 'A-RES-76-54.unres'), readFileSync(join(BUNDLED, 'A-RES-73-62.unres')));
  const capped = { ...c.env, RESOLUTION_DRAFTER_INDEX_CACHE_MB: '0.05' };
  await cli(['index', '--no-bundled', '--corpus', second], { env: capped });
  assert.ok(!existsSync(path), 'the older index was removed to keep the cache under its cap');
  // An empty corpus: built once, then read from its file.
  const empty = join(c.dir, 'empty');
  mkdirSync(empty);
  const e1 = await cli(['index', '--no-bundled', '--corpus', empty], { env: c.env });
  const e2 = await cli(['index', '--no-bundled', '--corpus', empty], { env: c.env });
  assert.match(e1.stdout, /built and written/);
  assert.match(e2.stdout, /read from/, e2.stderr);
  assert.doesNotMatch(e2.stderr, /corrupt|damaged/);
  nothingOutside(c);
});

test('10. protocol details: unknown command, params: null, a negative position, a client without applyEdit or documentChanges', async () => {
  const c = caseFolder('protocol');
  await withServer(
    c,
    async (server) => {
      const uri = await server.open('p.unres', '大会，\n\n2. 决定继续审议。\n');
      const code = (p: Promise<unknown>) => p.then(() => 'answered', (err: { code?: number }) => err.code);
      assert.equal(await code(server.request('workspace/executeCommand', { command: 'no.such.command', arguments: [] })), -32602);
      assert.equal(await code(server.request('textDocument/hover', null)), -32602);
      assert.equal(await code(server.request('textDocument/documentSymbol', null)), -32602);
      assert.equal(await code(server.request('workspace/executeCommand', { command: ServerCommands.insertFootnote, arguments: [uri, { line: -1, character: 0 }] })), -32602);
      let asked = false;
      server.connection.onRequest('workspace/applyEdit', () => {
        asked = true;
        return { applied: true };
      });
      const result = (await server.request('workspace/executeCommand', { command: ServerCommands.renumberParagraphs, arguments: [uri] })) as { applied: boolean; edit?: { changes?: Record<string, unknown[]>; documentChanges?: unknown } };
      assert.equal(asked, false, 'no workspace/applyEdit to a client that did not declare it');
      assert.equal(result.applied, false);
      assert.ok(result.edit?.changes?.[uri] && !result.edit.documentChanges, 'plain changes to a client without documentChanges');
      const d = await server.diagnostics(uri);
      const actions = (await server.request('textDocument/codeAction', { textDocument: { uri }, range: d.diagnostics[0].range, context: { diagnostics: d.diagnostics } })) as { edit?: { documentChanges?: unknown; changes?: unknown } }[];
      assert.ok(actions.length > 0 && actions.every((a) => !a.edit || (a.edit.changes && !a.edit.documentChanges)));
      await hoverWithin(server);
    },
    { workspace: { applyEdit: false, workspaceEdit: {} } },
  );
});

test('10b. lint - reads standard input; -- ends the options', async () => {
  const c = caseFolder('lint-stdin');
  const r = await cli(['lint', '-'], { env: c.env, input: '大会，\n\n1. 决定,继续审议。\n' });
  assert.match(r.stdout, /^<stdin>:3:\d+ warning punctuation-width/m);
  writeFileSync(join(c.dir, '-dash.unres'), '大会，\n\n1. 决定,继续审议。\n');
  const r2 = await cli(['lint', '--', '-dash.unres'], { env: c.env, cwd: c.dir });
  assert.match(r2.stdout, /^-dash\.unres:3:\d+ warning punctuation-width/m);
});

test('11. every CLI command ends by itself when its work is done (nothing left open)', async () => {
  const c = caseFolder('exits');
  writeFileSync(join(c.dir, 'd.unres'), DRAFT);
  for (const args of [
    ['parse', join(c.dir, 'd.unres')],
    ['lint', join(c.dir, 'd.unres')],
    ['lint', '--format', 'json', join(c.dir, 'd.unres')],
    ['search', '重申《不扩散核武器条约》'],
    ['index', '--no-bundled', '--corpus', c.corpus],
    ['ingest', '--out', join(c.dir, 'out'), join(ROOT, 'corpus', 'raw', readdirSync(join(ROOT, 'corpus', 'raw')).find((n) => n.endsWith('.txt'))!)],
    ['--help'],
  ]) {
    const r = await cli(args, { env: c.env });
    assert.doesNotMatch(r.stderr, new RegExp(KEPT_ALIVE), `${args.join(' ')}: ${r.stderr}`);
    assert.ok(r.code !== null, `${args.join(' ')} exited`);
  }
  nothingOutside(c);
});

