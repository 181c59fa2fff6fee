import { buildKnowledge, type CorpusKnowledge } from '../core';
import type { LoadedCorpus } from '../corpus/load';
import type { ServerContext } from './context';

// One digest per loaded corpus: a reload (after ingest) makes a new LoadedCorpus, hence a new digest.
const digests = new WeakMap<LoadedCorpus, CorpusKnowledge>();

/** What the corpus knows (openers, titles, resolutions, symbols), built once per corpus load. */
export function corpusKnowledge(ctx: ServerContext): CorpusKnowledge {
  const corpus = ctx.corpus();
  let knowledge = digests.get(corpus);
  if (!knowledge) {
    knowledge = buildKnowledge(corpus);
    digests.set(corpus, knowledge);
  }
  return knowledge;
}
