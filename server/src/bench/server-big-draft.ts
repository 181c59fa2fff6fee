/**
 * A draft of many megabytes in the real server (`dist/server.js --stdio`, spoken to over LSP as an
 * editor does): the time from opening it to its first diagnostics; hovers and completion on it
 * and on a small draft while it is validated; the time from one keystroke (an incremental change
 * of one character) to the diagnostics of that version; code actions; a cancelled request.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { parseDraft, type Span } from '../core';
import type { CorpusStats, ValidationStatus } from '../lsp/protocol';
import { percentiles } from './measures';
import { stopServer } from './server-start';

const now = () => Number(process.hrtime.bigint()) / 1e6;
const round = (x: number) => Math.round(x * 10) / 10;

/** What the bench reports for the big draft. */
export interface BigDraftFigures {
  bigDraftMB: number;
  /** didOpen → first diagnostics of the big draft (ms). */
  bigOpenToDiagnosticsMs: number;
  /** Hovers and completions sent one after another right after the open, on the big and the small draft. */
  whileValidatingHover: { p50: number; p95: number; runs: number; max: number };
  whileValidatingCompletion: { p50: number; p95: number; runs: number; max: number };
  /** How many of those were answered before the big draft's first diagnostics came. */
  answeredBeforeDiagnostics: number;
  /** One character typed (incremental didChange) → the diagnostics of that version (ms). */
  keystrokeToDiagnostics: { p50: number; p95: number; runs: number };
  /** Of that, the parse and the rules in the validator (the rest: the change delay, moving the text, publishing). */
  keystrokeInValidator: { p50: number; p95: number; runs: number } | null;
  keystrokeParse: { p50: number; p95: number; runs: number } | null;
  /** A code action request after the draft is validated (read from the last validation). */
  codeAction: { p50: number; p95: number; runs: number };
  /** Validations the server ran for the big draft: one per version. */
  validationRuns: number;
  versions: number;
  /** $/cancelRequest of a code action waiting for a validation → its RequestCancelled answer (ms). */
  cancelToAnswerMs: number;
}

/** Offsets a drafter hovers (titles, symbols, citations) and completes at (mid-paragraph), spread over the draft. */
function places(text: string, count: number): { hover: number[]; complete: number[] } {
  const model = parseDraft(text);
  const spans: Span[] = [...model.titles.map((t) => t.innerSpan), ...model.symbols.map((s) => s.span), ...model.citations.map((c) => c.numberSpan)].sort((a, b) => a.start - b.start);
  const hover: number[] = [];
  for (let i = 0; i < count && spans.length > 0; i++) {
    const s = spans[Math.floor((i * spans.length) / count)];
    hover.push(s.start + 1);
  }
  const paragraphs = model.paragraphs.filter((p) => p.body.end - p.body.start > 20);
  const complete: number[] = [];
  for (let i = 0; i < count && paragraphs.length > 0; i++) {
    const p = paragraphs[Math.floor((i * paragraphs.length) / count)];
    complete.push(p.body.start + 10);
  }
  return { hover, complete };
}

function positionAt(lineStarts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

async function untilIndexed(connection: ProtocolConnection, timeoutMs: number): Promise<void> {
  const until = now() + timeoutMs;
  for (;;) {
    const stats = (await connection.sendRequest('resolutionDrafter/corpusStats')) as CorpusStats;
    if (!stats.indexing && stats.paragraphs > 0) return;
    if (now() > until) throw new Error(`the corpus index was not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs the real server on `corpusFolders` (after its index is ready) with the big and the small draft. */
export async function bigDraftFigures(corpusFolders: string[], big: string, small: string, storagePath: string, quick = false): Promise<BigDraftFigures> {
  const child = spawn(process.execPath, [join(__dirname, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const bigUri = pathToFileURL(join(storagePath, 'big-draft.unres')).toString();
  const smallUri = pathToFileURL(join(storagePath, 'small-draft.unres')).toString();
  const published: { uri: string; version?: number; at: number }[] = [];
  const waiting: { uri: string; version: number; resolve: (at: number) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const at = now();
    published.push({ uri: p.uri, version: p.version, at });
    for (const w of waiting.filter((w) => w.uri === p.uri && (p.version ?? 0) >= w.version)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(at);
    }
  });
  const diagnosed = (uri: string, version: number) =>
    new Promise<number>((resolve) => {
      const have = published.find((p) => p.uri === uri && (p.version ?? 0) >= version);
      if (have) resolve(have.at);
      else waiting.push({ uri, version, resolve });
    });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('window/workDoneProgress/create', () => null);
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  connection.listen();
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { corpusFolders, useBundledCorpus: true, storagePath } });
    await connection.sendNotification('initialized', {});
    await untilIndexed(connection, 300_000);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: smallUri, languageId: 'unres', version: 1, text: small } });
    await diagnosed(smallUri, 1);

    const bigStarts = lineStartsOf(big);
    const smallStarts = lineStartsOf(small);
    const bigPlaces = places(big, 40);
    const smallPlaces = places(small, 40);
    const opened = now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'unres', version: 1, text: big } });
    const first = diagnosed(bigUri, 1);
    // One after another, as a drafter moves and types: a quarter on the big draft, the rest on the small one.
    const hovers: number[] = [];
    const completions: number[] = [];
    let answeredBefore = 0;
    const requests = quick ? 40 : 160;
    for (let i = 0; i < requests; i++) {
      const onBig = i % 4 === 3;
      const [uri, starts, where] = onBig ? [bigUri, bigStarts, bigPlaces] : [smallUri, smallStarts, smallPlaces];
      const hover = i % 2 === 0;
      const list = hover ? where.hover : where.complete;
      const position = positionAt(starts, list[Math.floor(i / 2) % list.length]);
      const t = now();
      await connection.sendRequest(hover ? 'textDocument/hover' : 'textDocument/completion', { textDocument: { uri }, position });
      (hover ? hovers : completions).push(now() - t);
      if (!published.some((p) => p.uri === bigUri)) answeredBefore++;
    }
    const firstAt = await first;

    // Keystrokes: one character typed into a paragraph, after the previous version's diagnostics.
    let version = 1;
    const keystrokes: number[] = [];
    const inValidator: number[] = [];
    const parsing: number[] = [];
    for (let i = 0; i < (quick ? 3 : 10); i++) {
      const offset = bigPlaces.complete[(i * 7) % bigPlaces.complete.length];
      const position = positionAt(bigStarts, offset);
      version++;
      const t = now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri: bigUri, version }, contentChanges: [{ range: { start: position, end: position }, text: '的' }] });
      await diagnosed(bigUri, version);
      keystrokes.push(now() - t);
      const s = (await connection.sendRequest('resolutionDrafter/validationStatus', { uri: bigUri }).catch(() => null)) as ValidationStatus | null;
      if (s?.ms != null) inValidator.push(s.ms);
      if (s?.parseMs != null) parsing.push(s.parseMs);
    }

    // Code actions as the editor asks on each cursor move: from the last validation.
    const actions: number[] = [];
    for (let i = 0; i < (quick ? 5 : 30); i++) {
      const position = positionAt(bigStarts, bigPlaces.complete[i % bigPlaces.complete.length]);
      const t = now();
      await connection.sendRequest('textDocument/codeAction', { textDocument: { uri: bigUri }, range: { start: position, end: position }, context: { diagnostics: [] } });
      actions.push(now() - t);
    }
    // A server before the validation worker has no such request: runs unknown (-1).
    const status = ((await connection.sendRequest('resolutionDrafter/validationStatus', { uri: bigUri }).catch(() => null)) as ValidationStatus | null) ?? { runs: -1, version: -1 };

    // A code action asked right after a keystroke waits for that version's validation; cancelled, it is answered at once.
    version++;
    const position = positionAt(bigStarts, bigPlaces.complete[0]);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: bigUri, version }, contentChanges: [{ range: { start: position, end: position }, text: '的' }] });
    const source = new CancellationTokenSource();
    const asked = connection.sendRequest('textDocument/codeAction', { textDocument: { uri: bigUri }, range: { start: position, end: position }, context: { diagnostics: [] } }, source.token).then(() => now(), () => now());
    await new Promise((r) => setTimeout(r, 5));
    const cancelledAt = now();
    source.cancel();
    const answeredAt = await asked;
    await diagnosed(bigUri, version);

    const withMax = (times: number[]) => ({ ...percentiles(times), max: round(Math.max(...times)) });
    return {
      bigDraftMB: round(Buffer.byteLength(big) / 1024 / 1024),
      bigOpenToDiagnosticsMs: Math.round(firstAt - opened),
      whileValidatingHover: withMax(hovers),
      whileValidatingCompletion: withMax(completions),
      answeredBeforeDiagnostics: answeredBefore,
      keystrokeToDiagnostics: percentiles(keystrokes),
      keystrokeInValidator: inValidator.length > 0 ? percentiles(inValidator) : null,
      keystrokeParse: parsing.length > 0 ? percentiles(parsing) : null,
      codeAction: percentiles(actions),
      validationRuns: status.runs,
      versions: status.version ?? 0,
      cancelToAnswerMs: round(answeredAt - cancelledAt),
    };
  } finally {
    await stopServer(child, connection, ended);
  }
}
