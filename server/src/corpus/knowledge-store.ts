/**
 * The corpus knowledge (openers, titles, resolutions, symbol facts) beside the phrase index: made
 * in the same pass over the drafts as the index, written as JSON next to the index file with the
 * same corpus fingerprint, and read back on a cold start so the corpus is not parsed again.
 */
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { KnowledgeBuilder, knowledgeData, isKnowledgeData, type KnowledgeData } from '../core';
import { forEachCorpusDraft, readCatalogues } from './load';
import { corpusFingerprint, loadOrBuildPhraseIndex, phraseIndexPaths, type LoadedPhraseIndex, type PhraseIndexOptions } from './phrase-index-store';

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
export function readKnowledge(path: string, fingerprint: string): { data?: KnowledgeData; problem?: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  try {
    const file = JSON.parse(text) as { fingerprint?: string; knowledge?: unknown };
    if (file.fingerprint !== fingerprint) return { problem: `${path} was made from another state of the corpus` };
    if (!isKnowledgeData(file.knowledge)) return { problem: `${path} is not knowledge of this format` };
    return { data: file.knowledge };
  } catch {
    return { problem: `${path} is damaged` };
  }
}

/** Writes the knowledge atomically (a temporary file renamed into place). Throws when the folder cannot be written. */
export function writeKnowledge(path: string, data: KnowledgeData, fingerprint: string): void {
  mkdirSync(resolve(path, '..'), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify({ fingerprint, knowledge: data }));
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
export type KnowledgeReady = (data: KnowledgeData, source: 'file' | 'built') => void;

/**
 * The phrase index and the knowledge of a corpus, each read from its file when that matches the
 * corpus, else made in one pass over the drafts (no draft is kept) and written. `onKnowledge` is
 * called once, as soon as the knowledge is ready; problems (unwritable folders, stale files) join
 * the index's problems.
 */
export function loadOrBuildIndexAndKnowledge(folders: string[], options: PhraseIndexOptions & { onKnowledge: KnowledgeReady }): LoadedPhraseIndex {
  const fingerprint = corpusFingerprint(folders);
  const paths = knowledgePaths(folders, options.storagePath);
  const problems: string[] = [];
  let known: KnowledgeData | undefined;
  if (!options.rebuild) {
    for (const path of paths) {
      const read = readKnowledge(path, fingerprint);
      if (read.problem) problems.push(`${read.problem}; making it again`);
      if (read.data) {
        known = read.data;
        break;
      }
    }
  }
  if (known) options.onKnowledge(known, 'file');
  const builder = known ? undefined : new KnowledgeBuilder();
  const finish = (): void => {
    if (!builder || known) return;
    known = knowledgeData(builder.finish(readCatalogues(folders).catalogue));
    options.onKnowledge(known, 'built');
    if (options.noWrite) return;
    for (const path of paths) {
      try {
        writeKnowledge(path, known, fingerprint);
        return;
      } catch (err) {
        problems.push(`cannot write the corpus knowledge to ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
      }
    }
  };
  const loaded = loadOrBuildPhraseIndex(folders, {
    ...options,
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
