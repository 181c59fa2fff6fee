// Drafts added, changed and removed in a user's corpus folder while the real server runs: the
// server watches the folder itself (no client file events), and after a burst of changes updates
// the phrase index once (a segment over the changed drafts), so that `resolutionDrafter/similar`
// and the corpus stats answer from the corpus as it is on disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CorpusStatsRequest, ServerCommands, SimilarRequest, type CorpusStats, type SimilarMatch } from '../../server/src/lsp/protocol';
import { rawFiles } from '../corpus/helpers';
import { startServer, type ServerHandle } from './harness';

let dir: string;
let mine: string;
let server: ServerHandle;
const logs: string[] = [];
const organs = resolve('test/fixtures/organs');

const stats = async () => (await server.request(CorpusStatsRequest, null)) as CorpusStats;
const similar = async (text: string) => (await server.request(SimilarRequest, { text, limit: 20 })) as SimilarMatch[];

/** Polls `check` until it gives a value (not undefined), every 50 ms; fails after `ms` with what it last saw. */
async function until<T>(what: string, check: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`${what}: not within ${ms} ms\nlog:\n${logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The index is idle and answers with this many documents. */
const settled = (documents: number) => until(`the index with ${documents} documents`, async () => {
  const s = await stats();
  return !s.indexing && s.documents === documents ? s : undefined;
});

/** A match at 100 % for this text in the document `symbol`, if any. */
async function exact(text: string, symbol: string): Promise<SimilarMatch | undefined> {
  return (await similar(text)).find((m) => m.score === 100 && m.symbol === symbol);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rd-corpus-watch-'));
  mine = join(dir, 'mine');
  mkdirSync(mine);
  for (const name of ['A-HRC-RES-52-1.unres', 'E-RES-2023-10.unres']) copyFileSync(join(organs, name), join(mine, name));
  // The harness's client declares no file watching (as Neovim or Emacs may not): the server watches itself.
  server = await startServer({ initializationOptions: { useBundledCorpus: false, corpusFolders: [mine], storagePath: join(dir, 'storage') } });
  server.connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  server.connection.onRequest('window/showMessageRequest', () => null);
  const first = await settled(2);
  assert.deepEqual(first.watchedFolders, [mine]);
  assert.equal(first.reloads, 0);
});
after(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const OLD = '深为关切叙利亚阿拉伯共和国人权状况持续恶化，';
const NEW = '深为震惊叙利亚阿拉伯共和国境内人道主义局势急剧恶化并对平民造成严重影响，';
const AGAIN = '深为关切叙利亚阿拉伯共和国境内持续发生的强迫失踪和任意拘留行为，';

test('a paragraph edited on disk is found at 100 % within a few seconds, the old text no longer; the index is updated by a segment, not rebuilt', async (t) => {
  const file = join(mine, 'A-HRC-RES-52-1.unres');
  assert.ok(await exact(OLD, 'A/HRC/RES/52/1'), 'the old text at 100 % before');
  assert.equal(await exact(NEW, 'A/HRC/RES/52/1'), undefined);
  const logged = logs.length;
  const saved = Date.now();
  writeFileSync(file, readFileSync(file, 'utf8').replace(OLD, NEW));
  const found = await until('the new text at 100 %', () => exact(NEW, 'A/HRC/RES/52/1'));
  const elapsed = Date.now() - saved;
  t.diagnostic(`save → similar answers with the new text: ${elapsed} ms`);
  assert.equal(found.uri, pathToFileURL(file).toString());
  assert.equal(await exact(OLD, 'A/HRC/RES/52/1'), undefined, 'the old text no longer at 100 %');
  const s = await settled(2);
  assert.equal(s.reloads, 1);
  const index = logs.slice(logged).filter((l) => l.startsWith('phrase index:'));
  assert.match(index.at(-1) ?? '', /the base index kept \(not rebuilt\), with a segment of 1 added or changed documents \(1 masked in the base\)/, index.join('\n'));
  assert.ok(elapsed < 5000, `${elapsed} ms`);
});

test('a save through a temporary file and a rename (as many editors save) is noticed too', async () => {
  const file = join(mine, 'A-HRC-RES-52-1.unres');
  const temporary = join(mine, '.A-HRC-RES-52-1.unres.tmp');
  writeFileSync(temporary, readFileSync(file, 'utf8').replace(NEW, AGAIN));
  renameSync(temporary, file);
  await until('the text saved through a rename at 100 %', () => exact(AGAIN, 'A/HRC/RES/52/1'));
  assert.equal(await exact(NEW, 'A/HRC/RES/52/1'), undefined);
  await settled(2);
});

test('a draft deleted on disk is no longer returned, and the corpus counts one document fewer', async () => {
  const file = join(mine, 'E-RES-2023-10.unres');
  const paragraph = readFileSync(file, 'utf8').split('\n').find((l) => l.length > 20 && /[，；。]$/.test(l) && !l.startsWith('['))!;
  assert.ok(await exact(paragraph, 'E/RES/2023/10'), `${paragraph} at 100 % before`);
  unlinkSync(file);
  await until('the deleted draft gone from similar', async () => ((await similar(paragraph)).some((m) => m.symbol === 'E/RES/2023/10') ? undefined : true));
  await settled(1);
  assert.ok(!(await similar(paragraph)).some((m) => m.uri === pathToFileURL(file).toString()), 'no link to the deleted file');
});

test('a draft added on disk is found', async () => {
  const added = join(mine, 'S-RES-2446-2018.unres');
  const paragraph = readFileSync(join(organs, 'S-RES-2446-2018.unres'), 'utf8').split('\n').find((l) => l.length > 20 && /[，；。]$/.test(l) && !l.startsWith('['))!;
  assert.equal((await similar(paragraph)).find((m) => m.score === 100), undefined);
  copyFileSync(join(organs, 'S-RES-2446-2018.unres'), added);
  const found = await until('the added draft found', async () => (await similar(paragraph)).find((m) => m.score === 100));
  assert.equal(found.uri, pathToFileURL(added).toString());
  await settled(2);
});

test('a burst of 20 drafts written at once is one update', async () => {
  const before = await settled(2);
  const logged = logs.length;
  const template = readFileSync(join(organs, 'A-HRC-RES-52-1.unres'), 'utf8');
  const marker = (i: number) => `深为关切第 ${i} 号特别报告所述的侵犯人权情况，`;
  for (let i = 1; i <= 20; i++) {
    writeFileSync(join(mine, `A-HRC-RES-60-${i}.unres`), template.replace('52/1.', `60/${i}.`).replace(OLD, marker(i)));
  }
  const after = await settled(22);
  assert.equal(after.reloads, (before.reloads ?? 0) + 1, logs.slice(logged).join('\n'));
  const updates = logs.slice(logged).filter((l) => /^corpus folders: \d+ changes? on disk/.test(l));
  assert.equal(updates.length, 1, updates.join('\n'));
  assert.ok(Number(/(\d+) changes/.exec(updates[0])?.[1]) >= 20, updates[0]);
  assert.ok(await exact(marker(7), 'A/HRC/RES/60/7'), 'a draft of the burst found');
  // Nothing more comes after the burst's update (events are not left over for a second one), nor
  // from files that are not drafts or the catalogue: index files, notes, an editor's swap file.
  mkdirSync(join(mine, '.index'));
  writeFileSync(join(mine, '.index', 'phrases.bin'), 'x');
  writeFileSync(join(mine, 'notes.txt'), 'x');
  writeFileSync(join(mine, '.A-HRC-RES-60-1.unres.swp'), 'x');
  unlinkSync(join(mine, 'notes.txt'));
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal((await stats()).reloads, after.reloads, logs.slice(logged).join('\n'));
});

test('workspace/didChangeWatchedFiles for a corpus draft is a trigger too; for another file it is not', async () => {
  const before = await settled(22);
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'elsewhere.unres')).toString(), type: 2 }] });
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 2 }] });
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', null);
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(mine, 'A-HRC-RES-60-1.unres')).toString(), type: 2 }] });
  const after = await until('an update after the client event', async () => {
    const s = await stats();
    return s.reloads === (before.reloads ?? 0) + 1 && !s.indexing ? s : undefined;
  });
  assert.equal(after.documents, 22);
});

// The ingest reloads the corpus itself, at once, after writing its drafts; their events on disk come
// after that reload and make one more update, which finds the corpus as the first left it (the
// segment read from its file, nothing built): cheap, and left so (telling the two apart would
// risk missing a change made just after the ingest).
test('an ingest into the watched folder: its own update, then at most one more from the watcher, which builds nothing', async () => {
  const before = await settled(22);
  const logged = logs.length;
  const raw = rawFiles().find((f) => readFileSync(f, 'utf8').includes('73/62'))!;
  await server.request('workspace/executeCommand', { command: ServerCommands.ingest, arguments: [[raw], mine] });
  await settled(23);
  await new Promise((r) => setTimeout(r, 1500));
  const after = await settled(23);
  assert.ok(after.reloads! - before.reloads! >= 1 && after.reloads! - before.reloads! <= 2, logs.slice(logged).join('\n'));
  const index = logs.slice(logged).filter((l) => l.startsWith('phrase index:'));
  assert.equal(index.filter((l) => / built, in \d+ ms$/.test(l)).length, 1, index.join('\n'));
});

test('the folder removed while the server runs: it still answers, logs it once, and watches the folder again when it is back', async () => {
  const before = await stats();
  rmSync(mine, { recursive: true, force: true });
  await settled(0);
  assert.deepEqual((await stats()).watchedFolders, []);
  assert.deepEqual((await similar(AGAIN)).filter((m) => m.score === 100), []);
  const gone = logs.filter((l) => l.startsWith(`corpus folder ${mine}: it does not exist`));
  assert.equal(gone.length, 1, logs.join('\n'));
  assert.ok((await stats()).reloads! > before.reloads!);
  // Back, with one draft: watched again (it is looked at every few seconds) and indexed.
  mkdirSync(mine);
  copyFileSync(join(organs, 'A-HRC-RES-52-1.unres'), join(mine, 'A-HRC-RES-52-1.unres'));
  await until('the folder watched again', async () => ((await stats()).watchedFolders?.length === 1 ? true : undefined));
  await until('its draft found', () => exact(OLD, 'A/HRC/RES/52/1'));
  await settled(1);
  assert.equal(logs.filter((l) => l.startsWith(`corpus folder ${mine}: it does not exist`)).length, 1, logs.join('\n'));
});
