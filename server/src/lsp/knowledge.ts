import { statSync } from 'node:fs';
import { KnowledgeBuilder, type CorpusKnowledge } from '../core';
import { corpusFilePaths, forEachCorpusDraft } from '../corpus/load';
import type { ServerContext } from './context';

/**
 * A corpus this small is digested on the server thread at first use (a few ms for the bundled
 * corpus), so that its openers are there from the first keystroke; a larger one is digested by
 * the index worker only, and the server answers from its catalogue until then. Only regular files
 * are read (forEachCorpusDraft): a FIFO or a link to a device is skipped, never waited on.
 */
const SMALL_CORPUS = { files: 200, bytes: 2 * 1024 * 1024 };

function isSmall(paths: string[]): boolean {
  if (paths.length > SMALL_CORPUS.files) return false;
  let bytes = 0;
  for (const path of paths) {
    try {
      const s = statSync(path);
      if (s.isFile()) bytes += s.size;
    } catch {
      /* gone: not counted */
    }
  }
  return bytes <= SMALL_CORPUS.bytes;
}

// What is answered before the worker's knowledge comes, once per corpus generation.
const interim = new WeakMap<ServerContext, { generation: number; knowledge: CorpusKnowledge }>();

/**
 * What the corpus knows (openers, titles, resolutions, symbols): the index worker's digest when it
 * has come (`ctx.knowledge`); before that, for a small corpus the full digest made here, for a
 * large one what its catalogues say (titles, resolutions, symbols; no openers yet). Never blocks
 * on a large corpus.
 */
export function corpusKnowledge(ctx: ServerContext): CorpusKnowledge {
  if (ctx.knowledge) return ctx.knowledge;
  const kept = interim.get(ctx);
  if (kept && kept.generation === ctx.corpusGeneration) return kept.knowledge;
  const folders = ctx.corpusFolders();
  const paths = corpusFilePaths(folders);
  const builder = new KnowledgeBuilder();
  if (isSmall(paths)) forEachCorpusDraft(folders, (draft) => builder.add(draft));
  else for (const path of paths) builder.knowFile(path);
  const knowledge = builder.finish(ctx.catalogue());
  interim.set(ctx, { generation: ctx.corpusGeneration, knowledge });
  return knowledge;
}
