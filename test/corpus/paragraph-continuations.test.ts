// Continuations found in the paragraphs that contain an ending (what the corpus database answers
// with) against the phrase index's, over the whole bundled corpus: the same continuations, counts
// and documents for every ending the drafter may have typed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpusParagraphs } from '../../server/src/core/agreed/corpus-paragraphs';
import { continuationsInParagraphs, endingToLookUp } from '../../server/src/core/agreed/paragraph-continuations';
import { CONTINUATION_SAMPLE, PhraseIndex } from '../../server/src/core/agreed/phrase-index';
import type { PhraseSourceParagraph } from '../../server/src/core/agreed/types';
import { bundledCorpusFolder, loadCorpus } from '../../server/src/corpus/load';

const corpus = loadCorpus([bundledCorpusFolder()]);
const index = PhraseIndex.build(corpus.drafts.map((d) => ({ symbol: d.symbol, model: d.model })));
const paragraphs: PhraseSourceParagraph[] = corpus.drafts.flatMap((d) => corpusParagraphs(d.model).map((p) => ({ symbol: d.symbol, where: p.where, text: p.text, line: p.line })));

function fromParagraphs(before: string, limit: number) {
  const ending = index.longestEnding(before);
  if (!ending) return [];
  return continuationsInParagraphs(ending.matched, paragraphs.filter((p) => p.text.includes(ending.matched)), limit);
}

const shape = (list: ReturnType<typeof fromParagraphs>) => list.map((c) => ({ matched: c.matched, text: c.text, stretch: c.stretch, occurrences: c.occurrences, documents: [...c.documents].sort() }));

// Beyond CONTINUATION_SAMPLE occurrences both sample (the index evenly over its suffix array, the
// database the first rows it finds), and the answers may differ: those endings are left out.
test('the same continuations as the phrase index after every stretch of the first clauses of the bundled corpus', () => {
  let compared = 0;
  let sampled = 0;
  for (const p of paragraphs.filter((_, i) => i % 3 === 0)) {
    for (let cut = 2; cut < Math.min(p.text.length, 40); cut += 3) {
      const before = p.text.slice(0, cut);
      const ending = index.longestEnding(before);
      if (ending && ending.range[1] - ending.range[0] > CONTINUATION_SAMPLE) {
        sampled++;
        continue;
      }
      assert.deepEqual(shape(fromParagraphs(before, 40)), shape(index.continuations(before, 40)), before);
      compared++;
    }
  }
  assert.ok(compared > 1000 && compared > 10 * sampled, `${compared} endings compared, ${sampled} left out`);
});

test('the ending looked up is the last line as the index keeps it (no footnote markers, at most 40 characters)', () => {
  assert.equal(endingToLookUp('大会，\n又重申《不扩散核武器条约》¹ 是'), '又重申《不扩散核武器条约》是');
  assert.equal(endingToLookUp('重'.repeat(50)).length, 40);
});
