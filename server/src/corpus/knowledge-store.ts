/**
 * The corpus knowledge (openers, titles, resolutions, symbol facts) beside the phrase index: made
 * in the same pass over the drafts as the index, written as JSON next to the index file with the
 * same corpus fingerprint, and read back on a cold start so the corpus is not parsed again. The
 * file holds the packed form (each symbol, path and place once, see `packKnowledge`).
 */
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { KnowledgeBuilder, knowledgeData, isPackedKnowledge, packKnowledge, type PackedKnowledge } from '../core';
import { MAX_CATALOGUE_BYTES, readRegularFile } from './safe-fs';
import { forEachCorpusDraft, readCatalogues } from './load';
import { corpusFingerprint, loadOrBuildPhraseIndex, phraseIndexPaths, touch, trimIndexFolder, type LoadedPhraseIndex, type PhraseIndexOptions } from './phrase-index-store';

/** Where the knowledge of a corpus may live: beside each place its phrase index may live. */
export function knowledgePaths(folders: string[], storagePath?: string): string[] {
  // `phrases-<hash>.bin` → `knowledge-<hash>.json`, `phrases.bin` → `knowledge.json`; never the index's own name.
  return phraseIndexPaths(folders, storagePath).map((path) => {
    const name = basename(path);
    const m = /^phrases(-[0-9a-f]+)?\.bin$/.exec(name);
    return join(dirname(path), m ? `knowledge${m[1] ?? ''}.json` : `${name}.knowledge.json`);
  });
}

/** Reads a knowledge file made for this state of the corpus; undefined when missing, stale or damaged. */
export function readKnowledge(path: string, fingerprint: string): { data?: PackedKnowledge; problem?: string } {
  let text: string;
  try {
    text = readRegularFile(path, MAX_CATALOGUE_BYTES).toString('utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? {} : { problem: `cannot read ${path} (${code ?? String(err)})` };
  }
  try {
    const file = JSON.parse(text) as { fingerprint?: string; knowledge?: unknown } | null;
    if (file?.fingerprint !== fingerprint) return { problem: `${path} was made from another state of the corpus` };
    if (!isPackedKnowledge(file.knowledge)) return { problem: `${path} is not knowledge of this format` };
    const damage = checkKnowledgeEntries(file.knowledge);
    if (damage) return { problem: `${path} is damaged (${damage})` };
    return { data: file.knowledge };
  } catch (err) {
    return { problem: `${path} is damaged (${err instanceof Error ? err.message : String(err)})` };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const strings = (v: unknown): boolean => Array.isArray(v) && v.every(isString);

/**
 * Every entry of a knowledge file of the right shape, every position it names one of its strings;
 * the first that is not, named. The file is a cache of the corpus: one bad entry means it is made
 * again (nothing of the corpus is lost). What passes here the server thread assembles without fail.
 */
export function checkKnowledgeEntries(data: PackedKnowledge): string | undefined {
  if (!strings(data.strings)) return 'a string';
  const count = data.strings.length;
  const isRef = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0 && (v as number) < count;
  const isOptionalRef = (v: unknown): boolean => v === -1 || isRef(v);
  const refs = (v: unknown): boolean => Array.isArray(v) && v.every(isRef);
  for (const o of data.openers as unknown[]) if (!isObject(o) || !isString(o.base) || !isCount(o.preambular) || !isCount(o.operative) || !refs(o.documents)) return 'an opener';
  for (const t of data.titles as unknown[]) if (!isObject(t) || !isString(t.title) || !isCount(t.uses) || !strings(t.footnotes) || !refs(t.documents)) return 'a title';
  for (const e of data.symbols as unknown[]) {
    if (!Array.isArray(e) || e.length !== 2 || !isRef(e[0])) return 'a symbol';
    const f = e[1] as unknown;
    if (!isObject(f) || !isRef(f.symbol) || !isString(f.kind) || !strings(f.titles) || !strings(f.dates) || !strings(f.footnotes)) return 'the facts of a symbol';
    // Four numbers a place: the citing symbol, the line, the path (or -1), the place's name (or -1).
    const places = f.citedBy;
    if (!Array.isArray(places) || places.length % 4 !== 0) return 'a citing place';
    for (let i = 0; i < places.length; i += 4) if (!isRef(places[i]) || !isCount(places[i + 1]) || !isOptionalRef(places[i + 2]) || !isOptionalRef(places[i + 3])) return 'a citing place';
    if (f.draft !== undefined && !(Array.isArray(f.draft) && f.draft.length === 2 && isRef(f.draft[0]) && isOptionalRef(f.draft[1]))) return 'a draft';
  }
  for (const r of data.resolutions as unknown[]) if (!isObject(r) || !isRef(r.symbol) || !isString(r.number) || !isString(r.organ) || !isCount(r.citations) || (r.date !== undefined && !isString(r.date)) || (r.title !== undefined && !isString(r.title))) return 'a resolution';
  return undefined;
}

/** Writes the knowledge atomically (a temporary file renamed into place). Throws when the folder cannot be written. */
export function writeKnowledge(path: string, data: PackedKnowledge, fingerprint: string): void {
  mkdirSync(resolve(path, '..'), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify({ fingerprint, knowledge: data }), { flag: 'wx' });
    renameSync(temporary, path);
  } catch (err) {
    try {
      unlinkSync(temporary);
    } catch {
      /* nothing was written */
    }
    throw err;
  }
}

/** What `loadOrBuildIndexAndKnowledge` hands over as soon as the knowledge is ready (before the index, when it is built). */
export type KnowledgeReady = (data: PackedKnowledge, source: 'file' | 'built') => void;

/**
 * The phrase index and the knowledge of a corpus, each read from its file when that matches the
 * corpus, else made in one pass over the drafts (no draft is kept) and written. `onKnowledge` is
 * called once, as soon as the knowledge is ready; problems (unwritable folders, stale files) join
 * the index's problems.
 */
export function loadOrBuildIndexAndKnowledge(folders: string[], options: PhraseIndexOptions & { onKnowledge: KnowledgeReady }): LoadedPhraseIndex {
  const fingerprint = options.fingerprint ?? corpusFingerprint(folders);
  const paths = knowledgePaths(folders, options.storagePath);
  const problems: string[] = [];
  let known: PackedKnowledge | undefined;
  if (!options.rebuild) {
    for (const path of paths) {
      const read = readKnowledge(path, fingerprint);
      if (read.problem) problems.push(`${read.problem}; making it again`);
      if (read.data) {
        known = read.data;
        touch(path);
        break;
      }
    }
  }
  if (known) options.onKnowledge(known, 'file');
  const builder = known ? undefined : new KnowledgeBuilder();
  const finish = (): void => {
    if (!builder || known) return;
    known = packKnowledge(knowledgeData(builder.finish(readCatalogues(folders).catalogue)));
    options.onKnowledge(known, 'built');
    if (options.noWrite) return;
    for (const path of paths) {
      try {
        writeKnowledge(path, known, fingerprint);
        trimIndexFolder(dirname(path), [path]);
        return;
      } catch (err) {
        problems.push(`cannot write the corpus knowledge to ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
      }
    }
  };
  const loaded = loadOrBuildPhraseIndex(folders, {
    ...options,
    fingerprint,
    onDraft: builder ? (draft) => builder.add(draft) : undefined,
    onCorpusRead: finish,
  });
  // The index came from its file but the knowledge did not: one pass over the drafts for it alone.
  if (builder && !known) {
    forEachCorpusDraft(folders, (draft) => builder.add(draft));
    finish();
  }
  return { ...loaded, problems: [...loaded.problems, ...problems] };
}
