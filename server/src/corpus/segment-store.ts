/**
 * Index segments on disk: when a few documents of a corpus were added, changed or removed since
 * its phrase index was built, a small index over the added and changed documents (the segment)
 * is built and written beside the base index, instead of building the whole index again; the
 * base's changed and removed documents are masked out (SegmentedIndex). A restart reads both.
 *
 * Beside the base index `phrases….bin`:
 * - `….bin.files.json`: the corpus files (size and modification time of each draft and catalogue)
 *   the base was built from, and the base's fingerprint: what tells the added, changed and removed
 *   documents apart later;
 * - `….bin.segment.json` and `….bin.segment.bin`: the segment, for one state of the corpus over
 *   one base: the masked drafts, the segment's corpus knowledge, and its index (in the index
 *   file format).
 * Each names the fingerprints it was made for; one for another state is never used, only made again.
 */
import { existsSync, mkdirSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { corpusParagraphs } from '../core/agreed/corpus-paragraphs';
import { buildPhraseIndexFromParagraphs, PhraseIndex, type IndexedDocumentParagraphs, type PhraseIndexData } from '../core/agreed/phrase-index';
import { SegmentedIndex, type CorpusPhraseIndex } from '../core/agreed/segmented-index';
import { isPackedKnowledge, KnowledgeBuilder, knowledgeData, packKnowledge, type Catalogue, type PackedKnowledge } from '../core';
import { bundledCorpusFolder, forEachCorpusDraft } from './load';
import { MAX_CATALOGUE_BYTES, readRegularFile, writeFileSafely } from './safe-fs';
import { checkKnowledgeEntries, knowledgePaths, loadOrBuildIndexAndKnowledge, readKnowledge, type KnowledgeReady } from './knowledge-store';
import { corpusFingerprint, loadOrBuildPhraseIndex, scanCorpus, openPhraseIndexForQuery, phraseIndexPaths, queryIndexAsStored, queryStoredIndex, readPhraseIndex, touch, writePhraseIndex, type LoadedPhraseIndex, type PhraseIndexOptions } from './phrase-index-store';

/** Raised whenever the manifest or the segment files change shape. */
export const SEGMENT_FORMAT = 1;

/**
 * The share of the base's documents that may be added, changed or removed before the index is
 * built again in full (a segment that large answers more slowly, and a full build is due).
 */
export const SEGMENT_SHARE = 0.1;

/** The corpus files a base index was built from. */
export interface BaseManifest {
  format: number;
  fingerprint: string;
  /** Absolute path → `size mtime` of every draft and catalogue. */
  files: Record<string, string>;
}

/** What differs between the corpus a base was built from and the corpus now (absolute paths of drafts). */
export interface CorpusDelta {
  added: string[];
  changed: string[];
  removed: string[];
  /** Whether a catalogue was added, changed or removed. */
  catalogues: boolean;
  /** Drafts of the base. */
  baseDrafts: number;
}

/** A segment: the index and the knowledge of the added and changed drafts, and the base drafts to mask. */
export interface SegmentPart {
  /** The state of the corpus it is for (corpusState). */
  fingerprint: string;
  /** The base it goes with. */
  baseFingerprint: string;
  /** The segment's index; undefined when no draft was added or changed (documents were only removed). */
  data?: PhraseIndexData;
  /** Base drafts whose paragraphs are no longer the corpus's (changed or removed), absolute paths. */
  masked: string[];
  /** The knowledge of the segment's drafts, with the catalogue entries that describe them. */
  knowledge: PackedKnowledge;
  /** Drafts of the segment that could not be read. */
  problems: string[];
}

/** Size and modification time of every draft and catalogue of the folders (what the fingerprint hashes). */
export function corpusFileStats(folders: string[]): Record<string, string> {
  return scanCorpus(folders).files;
}

/**
 * The state of the corpus a segment is for: a hash of the size and modification time of every
 * draft and catalogue (as the index's fingerprint, from the same one pass of `stat`s).
 */
export function corpusState(files: Record<string, string>): string {
  const hash = createHash('sha1');
  hash.update(`segment ${SEGMENT_FORMAT}\n`);
  for (const path of Object.keys(files).sort()) hash.update(`${path} ${files[path]}\n`);
  return hash.digest('hex');
}

const unchanged = (delta: CorpusDelta) => delta.added.length + delta.changed.length + delta.removed.length === 0 && !delta.catalogues;

export const manifestPath = (indexPath: string) => `${indexPath}.files.json`;
const segmentMetaPath = (indexPath: string) => `${indexPath}.segment.json`;
const segmentDataPath = (indexPath: string) => `${indexPath}.segment.bin`;

function writeAtomically(path: string, text: string): void {
  mkdirSync(resolve(path, '..'), { recursive: true, mode: 0o700 });
  writeFileSafely(path, text);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readRegularFile(path, MAX_CATALOGUE_BYTES).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Records what the base index at `indexPath` was built from. Never throws (without it, the next change rebuilds in full). */
export function writeBaseManifest(indexPath: string, fingerprint: string, files: Record<string, string>): void {
  try {
    writeAtomically(manifestPath(indexPath), JSON.stringify({ format: SEGMENT_FORMAT, fingerprint, files } satisfies BaseManifest));
  } catch {
    /* a read-only place: the index is still used, only not updated in part */
  }
}

export function readBaseManifest(indexPath: string): BaseManifest | undefined {
  const m = readJson(manifestPath(indexPath)) as Partial<BaseManifest> | undefined;
  if (!m || m.format !== SEGMENT_FORMAT || typeof m.fingerprint !== 'string' || typeof m.files !== 'object' || m.files === null) return undefined;
  if (!Object.values(m.files).every((v) => typeof v === 'string')) return undefined;
  return m as BaseManifest;
}

/** The drafts added, changed and removed since the manifest was written. */
export function corpusDelta(manifest: BaseManifest, now: Record<string, string>): CorpusDelta {
  const delta: CorpusDelta = { added: [], changed: [], removed: [], catalogues: false, baseDrafts: 0 };
  for (const [path, stat] of Object.entries(now)) {
    const was = manifest.files[path];
    if (was === stat) continue;
    if (path.endsWith('catalogue.json')) delta.catalogues = true;
    else if (was === undefined) delta.added.push(path);
    else delta.changed.push(path);
  }
  for (const path of Object.keys(manifest.files)) {
    if (path.endsWith('catalogue.json')) {
      if (now[path] === undefined) delta.catalogues = true;
      continue;
    }
    delta.baseDrafts++;
    if (now[path] === undefined) delta.removed.push(path);
  }
  return delta;
}

/** Whether a segment over this delta is small enough (else the index is built again in full). */
export function segmentFits(delta: CorpusDelta, share = SEGMENT_SHARE): boolean {
  return delta.added.length + delta.changed.length + delta.removed.length <= Math.max(1, share * delta.baseDrafts);
}

/** Options of the updates in part. */
export interface SegmentOptions extends PhraseIndexOptions {
  /** The share of the base's drafts a segment may take (SEGMENT_SHARE). */
  segmentShare?: number;
}

/** The catalogue entries that concern the given drafts (by file name): what the segment's knowledge takes from the catalogue. */
function catalogueOf(catalogue: Catalogue, names: Set<string>): Catalogue {
  return {
    ...catalogue,
    documents: catalogue.documents.filter((d) => names.has(d.file)),
    cited: catalogue.cited.map((c) => ({ ...c, citedBy: c.citedBy.filter((s) => names.has(s.file)) })).filter((c) => c.citedBy.length > 0),
    titles: catalogue.titles.map((t) => ({ ...t, citedBy: t.citedBy.filter((s) => names.has(s.file)) })).filter((t) => t.citedBy.length > 0),
  };
}

/** Builds the segment over the added and changed drafts of `delta` (only they are read). */
export function buildSegment(folders: string[], delta: CorpusDelta, fingerprint: string, baseFingerprint: string): SegmentPart {
  const include = new Set([...delta.added, ...delta.changed]);
  const documents: IndexedDocumentParagraphs[] = [];
  const builder = new KnowledgeBuilder();
  const { catalogue, problems } = forEachCorpusDraft(
    folders,
    (draft) => {
      builder.add(draft);
      documents.push({ symbol: draft.symbol, file: draft.path, paragraphs: corpusParagraphs(draft.model) });
    },
    include,
  );
  const names = new Set([...include].map((p) => basename(p)));
  const knowledge = packKnowledge(knowledgeData(builder.finish(catalogueOf(catalogue, names))));
  return {
    fingerprint,
    baseFingerprint,
    data: documents.length > 0 ? buildPhraseIndexFromParagraphs(documents) : undefined,
    masked: [...delta.changed, ...delta.removed],
    knowledge,
    problems: problems.filter((p) => [...include].some((path) => p.startsWith(path))),
  };
}

/** Writes the segment beside its base. Never throws: a segment that cannot be written is built again at the next start. */
export function writeSegment(indexPath: string, segment: SegmentPart): string | undefined {
  try {
    if (segment.data) writePhraseIndex(segmentDataPath(indexPath), segment.data, segment.fingerprint);
    else removeFile(segmentDataPath(indexPath));
    const meta = { format: SEGMENT_FORMAT, fingerprint: segment.fingerprint, baseFingerprint: segment.baseFingerprint, hasData: segment.data !== undefined, masked: segment.masked, problems: segment.problems, knowledge: segment.knowledge };
    writeAtomically(segmentMetaPath(indexPath), JSON.stringify(meta));
    return undefined;
  } catch (err) {
    return `cannot write the index segment beside ${indexPath} (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  }
}

/** The segment written for this state of the corpus over this base; undefined when there is none (or it is stale or damaged). */
export function readSegment(indexPath: string, fingerprint: string, baseFingerprint: string): SegmentPart | undefined {
  const meta = readJson(segmentMetaPath(indexPath)) as Record<string, unknown> | undefined;
  if (!meta || meta.format !== SEGMENT_FORMAT || meta.fingerprint !== fingerprint || meta.baseFingerprint !== baseFingerprint) return undefined;
  if (!Array.isArray(meta.masked) || !meta.masked.every((m) => typeof m === 'string') || !Array.isArray(meta.problems) || !meta.problems.every((p) => typeof p === 'string')) return undefined;
  if (!isPackedKnowledge(meta.knowledge) || checkKnowledgeEntries(meta.knowledge)) return undefined;
  let data: PhraseIndexData | undefined;
  if (meta.hasData === true) {
    const read = readPhraseIndex(segmentDataPath(indexPath), fingerprint);
    if (!('data' in read)) return undefined;
    data = read.data;
  }
  return { fingerprint, baseFingerprint, data, masked: meta.masked as string[], knowledge: meta.knowledge, problems: meta.problems as string[] };
}

function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* not there */
  }
}

/** Removes the segment of a base (a full build replaced it). */
export function removeSegment(indexPath: string): void {
  removeFile(segmentMetaPath(indexPath));
  removeFile(segmentDataPath(indexPath));
}

/**
 * Whether the index at `path` may have a segment: not the index shipped with the bundled corpus
 * (packaging builds it in full; the bundled corpus changes only with a new version).
 */
function segmentable(path: string): boolean {
  return !resolve(path).startsWith(resolve(bundledCorpusFolder(), '.index'));
}

/**
 * Records what the base index at `path` was built from, and drops its old segment; only when it
 * was just built, or read by its own fingerprint with no record yet, and the corpus did not change
 * meanwhile (else the record would be wrong). An index read from its file keeps the record it
 * has: the file may have been taken for a corpus of the same content but other file times, and
 * then its record (or none) is the one that holds (without one, the next change builds in full
 * and records it). Whether a record holds.
 */
function recordBase(folders: string[], loaded: LoadedPhraseIndex, fingerprint: string, stats: Record<string, string>): boolean {
  const path = loaded.path;
  if (!path || !segmentable(path)) return false;
  if (loaded.source === 'file') {
    const manifest = readBaseManifest(path);
    if (manifest) return manifest.fingerprint === fingerprint;
    // A file with no record (written by an older version, or by the bench) read by its own
    // fingerprint: the record is written now, so that the next start opens it as built and the
    // next change is a segment.
    if (!loaded.exact) return false;
  }
  if (corpusFingerprint(folders) !== fingerprint) return false;
  writeBaseManifest(path, fingerprint, stats);
  removeSegment(path);
  return true;
}

/** The segment for the corpus as it is now over the base at `indexPath`: read when written before, else built and written. */
function segmentFor(folders: string[], indexPath: string, manifest: BaseManifest, fingerprint: string, delta: CorpusDelta, problems: string[]): { segment: SegmentPart; source: 'file' | 'built' } {
  const read = readSegment(indexPath, fingerprint, manifest.fingerprint);
  if (read) return { segment: read, source: 'file' };
  const segment = buildSegment(folders, delta, fingerprint, manifest.fingerprint);
  const problem = writeSegment(indexPath, segment);
  if (problem) problems.push(problem);
  return { segment, source: 'built' };
}

/** What `loadOrUpdateIndexAndKnowledge` found. */
export type UpdatedIndex =
  /** The base the caller holds (`haveBase`) is still the base: only the segment (none when the corpus is the base's). */
  | { kind: 'segment'; baseFingerprint: string; segment?: SegmentPart; segmentSource?: 'file' | 'built'; path: string; problems: string[] }
  /** A base read or built (and its knowledge handed to `onKnowledge`), with the segment when the corpus changed since. */
  | { kind: 'base'; baseFingerprint?: string; loaded: LoadedPhraseIndex; segment?: SegmentPart; segmentSource?: 'file' | 'built' };

export interface UpdateOptions extends SegmentOptions {
  onKnowledge: KnowledgeReady;
  /** The fingerprint of the base the caller holds in memory: when it is still the base, it is not read again. */
  haveBase?: string;
}

/**
 * The phrase index and knowledge of the corpus folders, updated in part where it can be: when
 * the corpus changed a little since its base index was built (at most SEGMENT_SHARE of its
 * drafts added, changed or removed), the base is kept (not even read, when the caller holds it)
 * and a segment over the changes is read or built; else the index is read or built in full
 * (loadOrBuildIndexAndKnowledge) and what it was built from recorded for next time.
 */
export function loadOrUpdateIndexAndKnowledge(folders: string[], options: UpdateOptions): UpdatedIndex {
  const problems: string[] = [];
  const paths = phraseIndexPaths(folders, options.storagePath);
  const knowledgeFiles = knowledgePaths(folders, options.storagePath);
  // One pass of `stat`s over the corpus tells what changed since the base was built (and, when no
  // base can be updated, the fingerprint of the corpus to read or build the index of).
  const scan = options.rebuild ? undefined : scanCorpus(folders);
  if (scan) {
    const stats = scan.files;
    for (const [i, path] of paths.entries()) {
      const manifest = segmentable(path) ? readBaseManifest(path) : undefined;
      if (!manifest) continue;
      const delta = corpusDelta(manifest, stats);
      if (unchanged(delta)) {
        if (options.haveBase === manifest.fingerprint) return { kind: 'segment', baseFingerprint: manifest.fingerprint, path, problems };
        break;
      }
      if (!segmentFits(delta, options.segmentShare)) break;
      const { segment, source } = segmentFor(folders, path, manifest, corpusState(stats), delta, problems);
      if (options.haveBase === manifest.fingerprint) return { kind: 'segment', baseFingerprint: manifest.fingerprint, segment, segmentSource: source, path, problems: [...problems, ...segment.problems] };
      // A start: the base and its knowledge from their files (as the corpus was when they were written).
      const knowledge = readKnowledge(knowledgeFiles[i], manifest.fingerprint);
      const base = knowledge.data ? readPhraseIndex(path, manifest.fingerprint, folders, { verify: !options.verifyLater, paged: options.paged }) : undefined;
      if (!knowledge.data || !base || !('data' in base)) break;
      options.onKnowledge(knowledge.data, 'file');
      const loaded: LoadedPhraseIndex = { index: new PhraseIndex(base.data), source: 'file', path, problems: [...problems, ...segment.problems], corpusProblems: base.corpusProblems };
      return { kind: 'base', baseFingerprint: manifest.fingerprint, loaded, segment, segmentSource: source };
    }
  }
  const { fingerprint, files: stats } = scan ?? scanCorpus(folders);
  const loaded = loadOrBuildIndexAndKnowledge(folders, { ...options, fingerprint });
  loaded.problems.unshift(...problems);
  if (!options.noWrite && recordBase(folders, loaded, fingerprint, stats)) return { kind: 'base', baseFingerprint: fingerprint, loaded };
  return { kind: 'base', loaded };
}

/**
 * Builds the phrase index again in full over the corpus as it is now (its file was found damaged
 * after it was opened with `verifyLater`), writes it over the old one and records it as the base:
 * a segment is dropped. With `onKnowledge`, the knowledge is made again too (the base's knowledge
 * file is for the corpus as the old base had it); without, the knowledge file is the corpus's already.
 */
export function rebuildIndexInFull(folders: string[], options: PhraseIndexOptions & { onKnowledge?: KnowledgeReady }): { loaded: LoadedPhraseIndex; baseFingerprint?: string } {
  const { fingerprint, files: stats } = scanCorpus(folders);
  const { onKnowledge } = options;
  const loaded = onKnowledge ? loadOrBuildIndexAndKnowledge(folders, { ...options, rebuild: true, onKnowledge }) : loadOrBuildPhraseIndex(folders, { ...options, rebuild: true, fingerprint });
  return { loaded, baseFingerprint: !options.noWrite && recordBase(folders, loaded, fingerprint, stats) ? fingerprint : undefined };
}

/** The index a caller answers from: the base alone, or the base with its segment (the segment's drafts masked in the base by path). */
export function segmentedIndex(base: PhraseIndex, segment: Pick<SegmentPart, 'data' | 'masked'> | undefined): CorpusPhraseIndex {
  if (!segment) return base;
  const masked = new Set(segment.masked.map((p) => resolve(p)));
  const documents: number[] = [];
  if (masked.size > 0) {
    for (let d = 0; d < base.documentCount; d++) {
      const file = base.document(d).file;
      if (file !== undefined && masked.has(resolve(file))) documents.push(d);
    }
  }
  return new SegmentedIndex(base, segment.data ? new PhraseIndex(segment.data) : undefined, documents);
}

/**
 * The first stored base of these folders that a segment can bring up to date: its record names it,
 * the corpus changed since, and not by more than the segment's share. Undefined when the first base
 * with a record is unchanged or changed too much (it is then read or built in full).
 */
function baseToUpdate(folders: string[], stats: ReturnType<typeof corpusFileStats>, options: SegmentOptions): { path: string; manifest: BaseManifest; delta: ReturnType<typeof corpusDelta> } | undefined {
  for (const path of phraseIndexPaths(folders, options.storagePath)) {
    const manifest = segmentable(path) ? readBaseManifest(path) : undefined;
    if (!manifest) continue;
    const delta = corpusDelta(manifest, stats);
    if (unchanged(delta) || !segmentFits(delta, options.segmentShare)) return undefined;
    return { path, manifest, delta };
  }
  return undefined;
}

/**
 * The phrase index alone (the command line), updated in part like `loadOrUpdateIndexAndKnowledge`
 * when a base and its record are there; else read or built in full.
 */
export function loadOrUpdatePhraseIndex(folders: string[], options: SegmentOptions = {}): Omit<LoadedPhraseIndex, 'index'> & { index: CorpusPhraseIndex; segmentSource?: 'file' | 'built' } {
  const scan = options.rebuild ? undefined : scanCorpus(folders);
  if (scan) {
    const stats = scan.files;
    const found = baseToUpdate(folders, stats, options);
    const base = found && readPhraseIndex(found.path, found.manifest.fingerprint, folders);
    if (found && base && 'data' in base) {
      const { path, manifest, delta } = found;
      const problems: string[] = [];
      const { segment, source } = segmentFor(folders, path, manifest, corpusState(stats), delta, problems);
      return { index: segmentedIndex(new PhraseIndex(base.data), segment), source: 'file', path, problems: [...problems, ...segment.problems], corpusProblems: base.corpusProblems, segmentSource: source };
    }
  }
  const { fingerprint, files: stats } = scan ?? scanCorpus(folders);
  const loaded = loadOrBuildPhraseIndex(folders, { ...options, fingerprint });
  if (!options.noWrite) recordBase(folders, loaded, fingerprint, stats);
  return loaded;
}

/**
 * The phrase index for a few queries (the command line's `search`), read on demand: when the
 * corpus changed a little since its base was built, the base opened with `openPhraseIndexForQuery`
 * (its large sections read a page at a time) and the segment read or built, else as
 * `queryPhraseIndex`. The segment's masks are found by reading which document each base paragraph
 * is of (one section, 4 bytes a paragraph, read whole when some base drafts are masked); with no
 * draft masked (drafts only added), nothing more of the base is read. `query` runs on it; should it
 * throw (a file damaged past its header), the index is read again with every check
 * (`loadOrUpdatePhraseIndex`) and `query` runs on that.
 */
export function queryUpdatedPhraseIndex<T>(folders: string[], query: (index: CorpusPhraseIndex) => T, options: SegmentOptions = {}): { result: T; problems: string[] } {
  const problems: string[] = [];
  if (!options.rebuild) {
    // One pass of `stat`s: what changed since a base was built, and the fingerprint of the corpus now.
    const scan = scanCorpus(folders);
    // The corpus as its index was built (the usual case): answered at once, no record read.
    const exact = queryStoredIndex(folders, scan.fingerprint, (data) => query(new PhraseIndex(data)), problems, options.storagePath, false);
    if (exact) return { result: exact.result, problems };
    // That index failed the query (damaged past its header): read with every check, below.
    const failed = problems.length > 0;
    const found = failed ? undefined : baseToUpdate(folders, scan.files, options);
    const base = found && openPhraseIndexForQuery(found.path, found.manifest.fingerprint, folders);
    if (found && base && 'data' in base) {
      const { path, manifest, delta } = found;
      const { segment } = segmentFor(folders, path, manifest, corpusState(scan.files), delta, problems);
      problems.push(...segment.problems);
      try {
        const result = query(segmentedIndex(new PhraseIndex(base.data), segment));
        touch(path);
        return { result, problems };
      } catch (err) {
        problems.push(`${path} could not be used (${err instanceof Error ? err.message : String(err)}); checking it`);
      }
    } else if (!failed) {
      // An index of the same content under other file times (a corpus copied or checked out again).
      const answered = queryStoredIndex(folders, scan.fingerprint, (data) => query(new PhraseIndex(data)), problems, options.storagePath);
      if (answered) return { result: answered.result, problems };
    }
  }
  // Read with every check, or built (and recorded as a base, for the segments of later changes).
  const loaded = loadOrUpdatePhraseIndex(folders, options);
  return { result: query(loaded.index), problems: [...problems, ...loaded.problems] };
}

/**
 * `queryUpdatedPhraseIndex`, with its pass of `stat`s made elsewhere meanwhile (`fingerprintNow`,
 * a worker thread's: `CorpusScanThread`): the query runs on the index as stored while the corpus
 * is scanned, and its answer is taken when that index was built from the corpus as it is now,
 * the same index and answer as `queryUpdatedPhraseIndex` gives then. Otherwise (a draft changed,
 * added or removed since, no index yet, a damaged one, the scan failed) that usual path answers,
 * with its own scan. On 22,783 drafts the scan costs about as much as the query: side by side the
 * search takes the longer of the two, not their sum.
 */
export async function queryUpdatedPhraseIndexBesideScan<T>(folders: string[], query: (index: CorpusPhraseIndex) => T, fingerprintNow: Promise<string | undefined>, options: SegmentOptions = {}): Promise<{ result: T; problems: string[] }> {
  const stored = options.rebuild ? undefined : queryIndexAsStored(folders, (data) => query(new PhraseIndex(data)), options.storagePath);
  const fingerprint = await fingerprintNow;
  if (stored && fingerprint !== undefined && stored.fingerprint === fingerprint) {
    touch(stored.path);
    return { result: stored.result, problems: [] };
  }
  return queryUpdatedPhraseIndex(folders, query, options);
}

/** The base drafts' paths and symbols that a segment masks (for the knowledge update). */
export function maskedDocuments(base: PhraseIndex, segment: Pick<SegmentPart, 'masked'>): { symbols: Set<string>; paths: Set<string> } {
  const masked = new Set(segment.masked.map((p) => resolve(p)));
  const symbols = new Set<string>();
  const paths = new Set<string>();
  for (let d = 0; d < base.documentCount; d++) {
    const { symbol, file } = base.document(d);
    if (file !== undefined && masked.has(resolve(file))) {
      symbols.add(symbol);
      paths.add(file);
    }
  }
  return { symbols, paths };
}

/** The base index as it was last built for these folders, opened without a look at the corpus (see `openIndexAsBuilt`). */
export interface IndexAsBuilt {
  path: string;
  /** The fingerprint the file was built for (its header's). */
  fingerprint: string;
  /** Its record, read after the index is handed over (it lists every draft: 2 MB at 22,783). */
  readManifest: () => BaseManifest | undefined;
  data: PhraseIndexData;
  corpusProblems: string[];
  /** The knowledge file made with that base (read after the index is handed over). */
  knowledgePath: string;
}

/**
 * The base index of these folders that has a record (it was built, or read by its fingerprint,
 * and recorded), read (sections not checked: `verifyPhraseIndex` follows) without a `stat` of any
 * draft and without reading the record: the server answers from it at once, as an editor from
 * its cache. Afterwards the record is read (`readManifest`: it must name this file's fingerprint)
 * and `corpusChangedSince` tells whether the corpus changed since (then the usual update runs: a
 * segment, or a build in full). Undefined when there is no record, its knowledge file is missing,
 * or the file cannot be read.
 */
export function openIndexAsBuilt(folders: string[], storagePath?: string): IndexAsBuilt | undefined {
  const knowledgeFiles = knowledgePaths(folders, storagePath);
  for (const [i, path] of phraseIndexPaths(folders, storagePath).entries()) {
    if (!segmentable(path) || !existsSync(manifestPath(path))) continue;
    // The knowledge is written to the first place that can be written, which need not be the
    // index's (an index the command line built in the user's folder, its knowledge made by a
    // server with a storage folder of its own): the one beside it first, then the others.
    const knowledgePath = [knowledgeFiles[i], ...knowledgeFiles].find((k) => existsSync(k));
    if (knowledgePath === undefined) return undefined;
    // Its suffix array and bigram postings stay in the file, read a page at a time by the server.
    const read = readPhraseIndex(path, '', folders, { verify: false, anyState: true, paged: true });
    // A file that cannot be used (an earlier version's format, damaged) is passed over for the
    // next place's: it was left in the first place every start found, and every start then took
    // the long way (the usual read finds the good file but writes nothing over the other).
    if (!('data' in read)) continue;
    touch(path);
    return { path, fingerprint: read.fingerprint, readManifest: () => readBaseManifest(path), data: read.data, corpusProblems: read.corpusProblems, knowledgePath };
  }
  return undefined;
}

/** Whether a draft or catalogue was added, changed or removed since the base of `manifest` was built (one pass of `stat`s). */
export function corpusChangedSince(folders: string[], manifest: BaseManifest): boolean {
  return !unchanged(corpusDelta(manifest, corpusFileStats(folders)));
}
