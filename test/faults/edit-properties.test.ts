// Issue 15, item 4: every renumbering and every quick fix keeps the words and every marker → text
// pairing, moves only what it names, and applying it twice changes nothing — on every corpus
// draft, on each with its footnotes shuffled, and on a fixed-seed sample of mutated drafts.
import { test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraftEdits } from './edit-properties';
import { mutatedDrafts } from './mutate';

const CORPUS = join(__dirname, '..', '..', 'corpus');
const drafts = readdirSync(CORPUS).filter((n) => n.endsWith('.unres')).sort().map((n) => ({ name: n, text: readFileSync(join(CORPUS, n), 'utf8') }));

for (const { name, text } of drafts) {
  test(`renumberings and quick fixes keep ${name} intact`, () => {
    checkDraftEdits(text);
  });
}

test('renumberings and quick fixes keep 2,000 mutated drafts intact (fixed seed)', () => {
  let n = 0;
  for (const text of mutatedDrafts(drafts.map((d) => d.text), 2000, 15)) {
    checkDraftEdits(text);
    n++;
  }
  if (n !== 2000) throw new Error(`${n} drafts`);
});
