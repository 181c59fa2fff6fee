/**
 * The phrase index as the server and the command line use it: how soon the server has it, the
 * memory the server keeps, `resolution-drafter search` end to end (time and peak memory), how long
 * the check of a file's sections takes (after the start), and how often similar text finds the
 * paragraph an edited text came from (recall).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { PhraseIndex } from '../core/agreed/phrase-index';
import { CorpusStatsRequest, type CorpusStats } from '../lsp/protocol';
import { stopServer } from './server-start';

const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Share (0–100) of edited corpus paragraphs (one character in 15 replaced) whose original text is
 * among the first 10 similar paragraphs; paragraphs drawn at random (seeded), as a drafter pastes one.
 */
export function similarRecall(index: PhraseIndex, random: () => number, queries = 200): { recallPercent: number; queries: number } {
  let found = 0;
  let tried = 0;
  for (let guard = 0; tried < queries && guard < queries * 20 && index.paragraphCount > 0; guard++) {
    const text = index.paragraph(Math.floor(random() * index.paragraphCount)).text;
    if (text.length < 20) continue;
    const chars = [...text];
    for (let k = 0; k < Math.max(1, Math.floor(chars.length / 15)); k++) chars[Math.floor(random() * chars.length)] = '某';
    tried++;
    if (index.similar(chars.join(''), { limit: 10 }).some((m) => m.text === text)) found++;
  }
  return { recallPercent: tried === 0 ? 0 : Math.round((1000 * found) / tried) / 10, queries: tried };
}

/**
 * `resolution-drafter search TEXT` over `folders` (the bundled corpus when none), end to end, with
 * the peak resident memory of the process (written by a preloaded module at its exit).
 */
export function cliSearch(folders: string[], text: string, workFolder: string, runs: number): { fastestMs: number; medianMs: number; peakRssMB: number } {
  mkdirSync(workFolder, { recursive: true });
  const preload = join(workFolder, 'max-rss.js');
  const rssFile = join(workFolder, 'max-rss.txt');
  // The peak from /proc (VmHWM, this process's own since its exec); getrusage's maxRSS is no use
  // here: Linux keeps it across exec, so it starts at the size of the (large) bench that forked it.
  writeFileSync(
    preload,
    `process.on('exit', () => { const fs = require('node:fs'); let kb = process.resourceUsage().maxRSS; try { kb = Number(/VmHWM:\\s+(\\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); } catch {} fs.writeFileSync(${JSON.stringify(rssFile)}, String(kb)); });\n`,
  );
  const bin = join(__dirname, '..', 'bin', 'resolution-drafter.js');
  const args = ['--require', preload, bin, 'search', text, ...(folders.length > 0 ? ['--no-bundled', ...folders.flatMap((f) => ['--corpus', f])] : [])];
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    const started = now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: workFolder });
    times.push(now() - started);
    if (r.status !== 0 && r.status !== 1) throw new Error(`search failed (exit ${r.status}): ${r.stderr}`);
    peak = Math.max(peak, Number(readFileSync(rssFile, 'utf8')) / 1024);
  }
  times.sort((a, b) => a - b);
  return { fastestMs: Math.round(times[0]), medianMs: Math.round(times[Math.floor(times.length / 2)]), peakRssMB: Math.round(peak) };
}

/** The resident memory of a process, from /proc (Linux); undefined elsewhere. */
function residentMB(pid: number | undefined): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The real server on `folders` alone (no bundled corpus beside them), whose index file is already
 * written under `storagePath`: from its start until the
 * corpus statistics count the index's paragraphs (it answers), and its resident memory once it
 * has settled (the worker's check of the file done, a draft open); without `settle`, the start alone.
 */
export async function serverIndexFigures(folders: string[], storagePath: string, timeoutMs = 120_000, serverFile = join(__dirname, 'server.js'), settle = true): Promise<{ startToIndexMs: number; steadyRssMB?: number }> {
  const started = now();
  const child = spawn(process.execPath, [serverFile, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { corpusFolders: folders, useBundledCorpus: false, storagePath } });
    await connection.sendNotification('initialized', {});
    let startToIndexMs = -1;
    while (now() - started < timeoutMs) {
      const s = (await connection.sendRequest(CorpusStatsRequest, null)) as CorpusStats;
      // The index is in use once its paragraphs are counted (the knowledge may still be coming in).
      if (s.paragraphs > 0) {
        startToIndexMs = Math.round(now() - started);
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    if (startToIndexMs < 0) throw new Error(`the server had no index within ${timeoutMs} ms`);
    if (!settle) return { startToIndexMs };
    const uri = pathToFileURL(join(storagePath, 'bench-rss.unres')).toString();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'unres', version: 1, text: '大会，\n\n1. 重申《不扩散核武器条约》\n' } });
    // The worker checks the file's sections after the start; then it ends and its memory is returned.
    await new Promise((r) => setTimeout(r, 3000));
    return { startToIndexMs, steadyRssMB: residentMB(child.pid) };
  } finally {
    await stopServer(child, connection, ended);
  }
}
