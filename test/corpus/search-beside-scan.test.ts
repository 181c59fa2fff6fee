// `search` scans the corpus in a worker thread (dist/scan-worker.js, `npm run build` first) while it
// queries the index as stored: the answer is taken only when that index is the corpus as it is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { scanCorpus } from '../../server/src/corpus/corpus-scan';
import { CorpusScanThread } from '../../server/src/corpus/corpus-scan-thread';
import { phraseIndexPaths } from '../../server/src/corpus/phrase-index-store';
import { queryUpdatedPhraseIndex, queryUpdatedPhraseIndexBesideScan } from '../../server/src/corpus/segment-store';
import type { SearchRecord } from '../../server/src/cli/commands/search';

const WORKER = resolve('dist/scan-worker.js');
const BIN = resolve('bin/resolution-drafter.js');
let dir: string;
let folder: string;
let storagePath: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-beside-scan-'));
  folder = join(dir, 'corpus');
  storagePath = join(dir, 'storage');
  mkdirSync(folder);
  for (const name of readdirSync('corpus')) if (name.endsWith('.unres') || name === 'catalogue.json') copyFileSync(join('corpus', name), join(folder, name));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const EDITED = '鼓励各国就海底电缆的安全与韧性开展合作并建立区域协调机制，';
const similar = (text: string) => (index: { similar(t: string, o: { limit: number }): { score: number; file?: string; text: string }[] }) => index.similar(text, { limit: 3 });

test('the thread makes the fingerprint scanCorpus makes, and ends once it has answered', async () => {
  const thread = CorpusScanThread.start(WORKER);
  assert.ok(thread, 'dist/scan-worker.js (npm run build)');
  assert.equal(await thread.fingerprint([folder, 'corpus']), scanCorpus([folder, 'corpus']).fingerprint);
  assert.equal(await thread.fingerprint([folder]), undefined, 'one fingerprint a thread');
});

test('a thread that fails to start answers nothing, and throws nothing', async () => {
  const broken = join(dir, 'broken-worker.js');
  writeFileSync(broken, "throw new Error('no such scan');\n");
  assert.equal(await CorpusScanThread.start(broken)!.fingerprint([folder]), undefined);
  assert.equal(CorpusScanThread.start(join(dir, 'absent.js')), undefined);
});

test('the corpus as its index was built: the answer of the index as stored, the same as the usual path', async () => {
  const text = readFileSync(join(folder, 'A-RES-73-62.unres'), 'utf8').split('\n').find((l) => l.startsWith('重申《不扩散核武器条约》'))!.replace('¹ ', '');
  const usual = queryUpdatedPhraseIndex([folder], similar(text), { storagePath });
  const path = phraseIndexPaths([folder], storagePath)[0];
  const before = statSync(path).mtimeMs;
  await new Promise((r) => setTimeout(r, 20));
  const beside = await queryUpdatedPhraseIndexBesideScan([folder], similar(text), CorpusScanThread.start(WORKER)!.fingerprint([folder]), { storagePath });
  assert.deepEqual(beside, usual);
  assert.equal(beside.result[0].score, 100);
  assert.ok(statSync(path).mtimeMs > before, 'the index whose answer is taken is touched (kept in the cache)');
});

test('a draft edited in place since: the stored answer is dropped, the edited text is found; so too without a fingerprint', async () => {
  const draft = join(folder, 'A-RES-76-54.unres');
  const lines = readFileSync(draft, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.endsWith('，') && l.length > 30 && !/^\d/.test(l));
  lines[at] = EDITED;
  writeFileSync(draft, lines.join('\n'));
  const found = await queryUpdatedPhraseIndexBesideScan([folder], similar(EDITED), CorpusScanThread.start(WORKER)!.fingerprint([folder]), { storagePath });
  assert.equal(found.result[0]?.score, 100, JSON.stringify(found));
  assert.equal(found.result[0].file, draft);
  // A scan that failed (undefined): the usual path, never the stored answer unchecked.
  const unchecked = await queryUpdatedPhraseIndexBesideScan([folder], similar(EDITED), Promise.resolve(undefined), { storagePath });
  assert.deepEqual(unchecked.result, found.result);
});

test('the command line: a draft edited in place between two searches is found as it is now; a usage error ends at once', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, 'search', '--no-bundled', '--corpus', folder, '--format', 'json', ...args], { encoding: 'utf8', env: { ...process.env, TMPDIR: dir } });
  const first = run(['--limit', '1', EDITED]);
  assert.equal(first.status, 0, first.stderr);
  const draft = join(folder, 'A-RES-76-54.unres');
  const again = '呼吁各国就深海采矿的环境影响开展联合研究并交流最佳做法，';
  writeFileSync(draft, readFileSync(draft, 'utf8').replace(EDITED, again));
  const second = run(['--limit', '1', again]);
  assert.equal(second.status, 0, second.stderr);
  const records = JSON.parse(second.stdout) as SearchRecord[];
  assert.deepEqual(records.map((r) => [r.score, r.file]), [[100, draft]]);
  const started = Date.now();
  const usage = run(['--limit', '0', again]);
  assert.equal(usage.status, 2);
  assert.doesNotMatch(usage.stderr, /still alive/);
  assert.ok(Date.now() - started < 4000, 'the scan thread keeps no process alive');
});
