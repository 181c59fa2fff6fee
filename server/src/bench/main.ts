/**
 * The benchmark: `npm run bench [-- --sizes bundled,50,200,drafts] [--json FILE] [--quick]`.
 * For each corpus size (the bundled corpus, synthetic corpora of 50 and 200 MB) it measures the
 * index build, the cold start from the persisted index to a first answer, the repeated measures
 * of `measures.ts` (p50/p95) and the resident memory. `drafts` times the parser and each rule on
 * drafts of 10 and 50 MB (`rule-times.ts`). Figures go to stdout, and as JSON to FILE.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { corpusParagraphs } from '../core/agreed/corpus-paragraphs';
import { buildPhraseIndexFromParagraphs, PhraseIndex } from '../core/agreed/phrase-index';
import { parseDraft, KnowledgeAssembler, KnowledgeBuilder, knowledgeData, knowledgeParts, packKnowledge, type CorpusKnowledge, type KnowledgePart } from '../core';
import { knowledgePaths, readKnowledge, writeKnowledge } from '../corpus/knowledge-store';
import { bundledCorpusFolder, loadCorpus, readCatalogues } from '../corpus/load';
import { firstDiagnostics } from './server-start';
import { addDocumentFigures, type NewDraft } from './add-document';
import { bigDraftFigures } from './server-big-draft';
import { keystrokeSaving, securityCouncilCorpus, type KeystrokeFigures } from './keystrokes';
import { endWhenDone } from '../exit-watch';
import { corpusFingerprint, loadOrBuildPhraseIndex, phraseIndexPaths, readIndexInput, verifyPhraseIndex, writePhraseIndex } from '../corpus/phrase-index-store';
import { cliSearch, serverIndexFigures, similarRecall } from './index-figures';
import { benchDraft, measures, percentiles, type BenchContext } from './measures';
import { random, syntheticCorpus } from './synthetic';
import { documentFigures } from './documents';
import { cataloguedCopy, lintSmallDraft } from './lint-run';
import { ruleTable, ruleTableMarkdown } from './rule-times';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;

const now = () => Number(process.hrtime.bigint()) / 1e6;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

interface Options {
  sizes: string[];
  json?: string;
  /** Fewer runs: a smoke test of the bench itself. */
  quick: boolean;
  /** The size of the big draft opened in the real server (MB); 0 leaves that measure out. */
  bigDraftMB: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { sizes: ['bundled', '50', '200', 'drafts'], quick: false, bigDraftMB: 10 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') options.json = argv[++i];
    else if (a.startsWith('--json=')) options.json = a.slice(7);
    else if (a === '--sizes') options.sizes = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (a.startsWith('--sizes=')) options.sizes = a.slice(8).split(',').filter(Boolean);
    else if (a === '--quick') options.quick = true;
    else if (a === '--big-draft') options.bigDraftMB = Number(argv[++i]);
    else throw new Error(`unknown option ${a}. Usage: bench [--sizes bundled,50,200,drafts] [--json FILE] [--quick] [--big-draft MB]`);
  }
  for (const s of options.sizes) if (s !== 'bundled' && s !== 'drafts' && !/^\d+$/.test(s)) throw new Error(`--sizes takes bundled, drafts or a number of MB, not ${s}`);
  return options;
}

type Figures = Record<string, unknown>;

/** The draft added to the built corpus: a bundled draft under another number, with a paragraph no corpus document has. */
function newDraft(text: string): NewDraft {
  const paragraph = '欢迎各国就海底电缆的安全与韧性开展合作，并鼓励建立区域协调机制，';
  const lines = text.replace(/^(\d+)\/(\d+)\. /m, '99/999. ').split('\n');
  const at = lines.findIndex((l, i) => i > 5 && /^[\u4e00-\u9fff]/.test(l));
  lines.splice(at, 0, paragraph, '');
  const changed = lines.join('\n');
  return { name: 'ADDED-99-999.unres', text: changed, symbol: parseDraft(changed).facts.symbol ?? 'ADDED-99-999.unres', before: paragraph.slice(0, 10), rest: paragraph.slice(10) };
}

async function benchSize(size: string, options: Options): Promise<Figures> {
  const bundled = loadCorpus([bundledCorpusFolder()]);
  const work = join(tmpdir(), 'resolution-drafter-bench');
  let folder = bundledCorpusFolder();
  const figures: Figures = { size };
  if (size !== 'bundled') {
    const started = now();
    const made = syntheticCorpus(bundled.drafts, Number(size), join(work, `corpus-${size}MB`));
    folder = made.folder;
    figures.syntheticFiles = made.files;
    figures.syntheticWriteMs = Math.round(now() - started);
  }
  const folders = [folder];
  const storage = join(work, 'storage');
  gc();

  // Build: read and parse the drafts (and digest each for completion and hovers, as the index
  // worker does in the same pass), then sort the suffixes and count the bigrams.
  // Dropped once finished: the bench keeps the knowledge as the server gets it, from its file.
  let builder: KnowledgeBuilder | undefined = new KnowledgeBuilder();
  let digesting = 0;
  let started = now();
  const input = readIndexInput(folders, undefined, (draft) => {
    const t = now();
    builder?.add(draft);
    digesting += now() - t;
  });
  figures.corpusReadMs = Math.round(now() - started - digesting);
  started = now();
  let digested: CorpusKnowledge | undefined = builder.finish(readCatalogues(folders).catalogue);
  builder = undefined;
  figures.knowledgeBuildMs = Math.round(digesting + now() - started);
  started = now();
  const built = buildPhraseIndexFromParagraphs(input.documents);
  figures.indexBuildMs = Math.round(now() - started);
  // The most this process has held so far: the drafts' paragraphs, the knowledge being made and the build.
  figures.indexBuildPeakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  figures.documents = input.documents.length;
  figures.paragraphs = built.paragraphPassage.length;
  figures.corpusChars = built.text.length;
  figures.corpusMB = mb(input.documents.reduce((n, d) => n + d.paragraphs.reduce((m, p) => m + Buffer.byteLength(p.text), 0), 0));
  const path = phraseIndexPaths(folders, storage)[0];
  started = now();
  writePhraseIndex(path, built, corpusFingerprint(folders));
  figures.indexWriteMs = Math.round(now() - started);
  input.documents.length = 0;
  const fingerprint = corpusFingerprint(folders);
  const knowledgePath = knowledgePaths(folders, storage)[0];
  writeKnowledge(knowledgePath, packKnowledge(knowledgeData(digested)), fingerprint);
  digested = undefined;
  figures.knowledgeFileMB = mb(statSync(knowledgePath).size);
  gc();
  // Cold start of the knowledge: the worker reads its file and cuts it into parts; the server
  // thread parses the parts one per turn of its event loop and puts them together. The longest
  // of those turns is how long a request may wait for it.
  started = now();
  const parts = ((): Uint8Array[] => {
    const read = readKnowledge(knowledgePath, fingerprint);
    if (!read.data) throw new Error(`the knowledge was not read from its file: ${read.problem ?? 'missing'}`);
    const encoder = new TextEncoder();
    return knowledgeParts(read.data).map((part) => encoder.encode(JSON.stringify(part)));
  })();
  figures.knowledgeReadMs = Math.round(now() - started);
  // The heap the knowledge holds once taken in (the parts are outside the heap, the file's data is gone).
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const decoder = new TextDecoder();
  const assembler = new KnowledgeAssembler();
  let longest = 0;
  let total = 0;
  for (const part of parts) {
    const t = now();
    assembler.add(JSON.parse(decoder.decode(part)) as KnowledgePart);
    longest = Math.max(longest, now() - t);
    total += now() - t;
  }
  started = now();
  const knowledge = assembler.finish();
  const finishing = now() - started;
  gc();
  figures.knowledgeHeapMB = mb(process.memoryUsage().heapUsed - heapBefore);
  figures.knowledgeParts = parts.length;
  figures.knowledgeTakeInMs = Math.round(total + finishing);
  figures.knowledgeLongestTurnMs = Math.round(Math.max(longest, finishing) * 10) / 10;

  // Cold start: fingerprint the corpus, read and check the file, answer one continuation.
  const loads: number[] = [];
  let index: PhraseIndex | undefined;
  for (let i = 0; i < (options.quick ? 1 : 3); i++) {
    index = undefined;
    gc();
    started = now();
    const loaded = loadOrBuildPhraseIndex(folders, { storagePath: storage });
    loaded.index.continuations('重申《不扩散核武器条约》');
    loads.push(now() - started);
    if (loaded.source !== 'file') throw new Error(`the index was not read from its file: ${loaded.problems.join('; ')}`);
    index = loaded.index;
  }
  figures.coldStartMs = percentiles(loads).p50;
  figures.indexFileMB = mb(statSync(path).size);
  // As the server's index worker opens it: the sections' checksums are checked after the start.
  const opens: number[] = [];
  const fingerprints: number[] = [];
  for (let i = 0; i < (options.quick ? 1 : 3); i++) {
    index = undefined;
    gc();
    started = now();
    corpusFingerprint(folders);
    fingerprints.push(now() - started);
    started = now();
    const loaded = loadOrBuildPhraseIndex(folders, { storagePath: storage, verifyLater: true });
    loaded.index.continuations('重申《不扩散核武器条约》');
    opens.push(now() - started);
    index = loaded.index;
  }
  figures.indexOpenMs = percentiles(opens).p50;
  figures.corpusFingerprintMs = Math.round(percentiles(fingerprints).p50);
  started = now();
  const damage = verifyPhraseIndex(path);
  if (damage) throw new Error(damage);
  figures.indexVerifyMs = Math.round(now() - started);
  figures.passages = index!.passageCount;
  // One document added to the built corpus: before, the whole index and knowledge were built
  // again (what the build above took); now a segment over the new document (add-document.ts).
  figures.addDocumentFullRebuildMs = (figures.corpusReadMs as number) + (figures.knowledgeBuildMs as number) + (figures.indexBuildMs as number) + (figures.indexWriteMs as number);
  Object.assign(figures, await addDocumentFigures(folder, index!, knowledge, storage, join(work, `add-${size}`), newDraft(bundled.drafts[0].text), options.quick));
  gc();

  const ctx: BenchContext = {
    size,
    index: index!,
    catalogue: bundled.catalogue,
    draft: benchDraft(bundled.drafts.flatMap((d) => corpusParagraphs(d.model))),
    knowledge,
    random: random(42),
  };
  figures.draftKB = Math.round(Buffer.byteLength(ctx.draft) / 1024);
  for (const m of measures) {
    const runs = options.quick ? Math.min(m.runs, 20) : m.runs;
    for (let i = 0; i < Math.min(10, runs); i++) m.prepare(ctx, i)();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const work = m.prepare(ctx, i);
      const t = now();
      work();
      times.push(now() - t);
    }
    figures[m.name] = percentiles(times);
  }
  if (size === 'bundled') {
    // Inline continuation: keystrokes saved by leave-one-out retyping, beside their limit.
    const shown = (k: KeystrokeFigures) => `${k.savedPercent} % saved, limit ${k.limitPercent} % (${k.ofLimitPercent} % of it; ${k.characters} characters, ${k.wholeAccepts} Tab, ${k.wordAccepts} Ctrl+→; inline p95 ${k.inline.p95} ms)`;
    figures.keystrokesBundled = shown(keystrokeSaving(bundled.drafts, bundled.catalogue));
    const sc = securityCouncilCorpus(join(__dirname, '..', 'test', 'fixtures', 'security-council'));
    figures.keystrokesSecurityCouncil = shown(keystrokeSaving(sc.documents, sc.catalogue));
  }
  figures.similarRecallPercent = similarRecall(ctx.index, random(7)).recallPercent;
  figures.rssMB = mb(process.memoryUsage().rss);
  // `resolution-drafter search` of a phrase, end to end; the server's start on the index file and its memory then.
  const search = cliSearch(size === 'bundled' ? [] : folders, '不扩散核武器条约', join(work, 'cli-search'), options.quick ? 2 : 5);
  figures.cliSearchFastestMs = search.fastestMs;
  figures.cliSearchMedianMs = search.medianMs;
  figures.cliSearchPeakRssMB = search.peakRssMB;
  // The first start after the bench wrote the index reads it by its fingerprint and writes its
  // record; the second is a drafter's usual start, on the index as built.
  figures.serverFirstStartToIndexMs = (await serverIndexFigures(folders, storage)).startToIndexMs;
  const server = await serverIndexFigures(folders, storage);
  // A single start varies by a few tens of ms on a quiet machine: the median of several.
  const starts = [server.startToIndexMs];
  for (let i = 0; i < (options.quick ? 0 : 6); i++) starts.push((await serverIndexFigures(folders, storage, undefined, undefined, false)).startToIndexMs);
  const median = percentiles(starts).p50;
  figures.serverStartToIndexMs = median;
  figures.serverStartsToIndex = `${Math.min(...starts)}-${Math.max(...starts)} ms, median ${median} (${starts.length} starts)`;
  if (server.steadyRssMB !== undefined) figures.serverSteadyRssMB = server.steadyRssMB;
  // The real server on this corpus (and the bundled one), from a fresh start: how long until the
  // bench draft has its diagnostics, while the worker starts on the corpus.
  const firsts = [];
  for (let i = 0; i < (options.quick ? 1 : 3); i++) firsts.push(await firstDiagnostics(size === 'bundled' ? [] : folders, ctx.draft, join(work, 'server-storage')));
  figures.serverOpenToDiagnosticsMs = percentiles(firsts.map((f) => f.openToDiagnostics)).p50;
  figures.serverStartToDiagnosticsMs = percentiles(firsts.map((f) => f.startToDiagnostics)).p50;
  // `resolution-drafter lint` of a 15 KB draft with this corpus configured, end to end.
  const lint = lintSmallDraft(size === 'bundled' ? [] : folders, bundledCorpusFolder(), join(work, 'lint'), options.quick ? 3 : 7);
  figures.lintSmallDraftFastestMs = lint.fastestMs;
  figures.lintSmallDraftMedianMs = lint.medianMs;
  if (size !== 'bundled') {
    // The same with the catalogue ingest would write for this corpus (the synthetic one has none):
    // the first run makes the catalogue's index, the next ones read it.
    const stamp = `${folder} ${String(figures.syntheticFiles)} files`;
    const catalogued = cataloguedCopy(folder, join(work, `catalogue-${size}MB`), stamp);
    figures.lintCatalogueMB = mb(statSync(join(catalogued, 'catalogue.json')).size);
    const withCatalogue = lintSmallDraft([catalogued], bundledCorpusFolder(), join(work, 'lint-catalogue'), options.quick ? 3 : 7);
    figures.lintSmallDraftCataloguedFirstMs = withCatalogue.firstMs;
    figures.lintSmallDraftCataloguedFastestMs = withCatalogue.fastestMs;
    figures.lintSmallDraftCataloguedMedianMs = withCatalogue.medianMs;
    // The real server with that catalogue configured: start → first diagnostics of the bench draft
    // (the validation worker reads the catalogue through its index, made by lint above when missing).
    const served = [];
    for (let i = 0; i < (options.quick ? 1 : 3); i++) served.push(await firstDiagnostics([catalogued], ctx.draft, join(work, 'server-storage-catalogue')));
    figures.serverStartToDiagnosticsCataloguedMs = percentiles(served.map((f) => f.startToDiagnostics)).p50;
  }
  if (size === 'bundled') Object.assign(figures, await documentFigures(options.quick));
  // A draft of many megabytes in the real server: validated in its worker while it answers.
  if (options.bigDraftMB > 0) {
    const big = benchDraft(bundled.drafts.flatMap((d) => corpusParagraphs(d.model)), 11, options.bigDraftMB * 1024 * 1024);
    Object.assign(figures, await bigDraftFigures(size === 'bundled' ? [] : folders, big, ctx.draft, join(work, 'server-storage'), options.quick));
  }
  return figures;
}

/** The V8 flags of the process that times the rules: every collection on the thread that runs the code, and the collector callable. */
const DRAFTS_FLAGS = ['--single-threaded-gc', '--expose-gc'];

/**
 * The parser and each rule on drafts of 10 and 50 MB (2 and 10 with --quick): the table, and its
 * figures. Timed in a process of its own whose collector runs on the main thread only
 * (`--single-threaded-gc`): the process's CPU time is then that thread's work, collections
 * included, and not what helper threads happened to do meanwhile (on 2 shared cores that made
 * a step's figure vary by half).
 */
function benchDrafts(options: Options): Figures {
  const sizes: [number, number] = options.quick ? [2, 10] : [10, 50];
  if (!DRAFTS_FLAGS.every((f) => process.execArgv.includes(f))) {
    const file = join(tmpdir(), `resolution-drafter-bench-drafts-${process.pid}.json`);
    const child = spawnSync(process.execPath, [...DRAFTS_FLAGS, __filename, '--sizes', 'drafts', '--json', file, ...(options.quick ? ['--quick'] : [])], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`the drafts bench failed (exit ${child.status ?? child.signal})`);
    const [figures] = JSON.parse(readFileSync(file, 'utf8')) as Figures[];
    rmSync(file, { force: true });
    delete figures.machine;
    return figures;
  }
  process.stdout.write(`\n== drafts of ${sizes[0]} and ${sizes[1]} MB: the parser and each rule ==\n`);
  const bundled = loadCorpus([bundledCorpusFolder()]);
  const passes = options.quick ? 2 : 5;
  const table = ruleTable(bundled.drafts, bundled.catalogue, sizes, { passes, gc: gc as (o?: { type: 'minor' | 'major' }) => void }, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`\n${ruleTableMarkdown(table, sizes)}\n`);
  gc();
  return { draftSizesMB: sizes, passes, rules: table };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
  process.stdout.write(`machine: ${machine.cpus} × ${machine.cpu}, node ${machine.node}\n`);
  const results: Figures[] = [];
  for (const size of options.sizes) {
    if (size === 'drafts') {
      results.push({ size, ...benchDrafts(options), machine });
      continue;
    }
    process.stdout.write(`\n== corpus ${size === 'bundled' ? 'bundled' : `${size} MB synthetic`} ==\n`);
    const figures = await benchSize(size, options);
    results.push({ ...figures, machine });
    for (const [k, v] of Object.entries(figures)) {
      const shown = typeof v === 'object' && v !== null ? `p50 ${(v as { p50: number }).p50} ms, p95 ${(v as { p95: number }).p95} ms (${(v as { runs: number }).runs} runs)` : String(v);
      process.stdout.write(`${k.padEnd(28)} ${shown}\n`);
    }
    gc();
  }
  if (options.json) writeFileSync(options.json, JSON.stringify(results, null, 2) + '\n');
}

void main()
  .catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  })
  // Once, a run stayed alive for 10 minutes after its table: should anything be left open, it is named and the bench ends.
  .finally(() => endWhenDone('bench'));
