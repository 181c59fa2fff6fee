import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDraft } from '../parse/parser';
import { bundledCorpusFolder, loadCorpus } from '../../corpus/load';
import { corpusParagraphs, type IndexedDocumentInput } from './corpus-paragraphs';
import { CONTINUATION_SAMPLE, COUNT_CAP, PhraseIndex, type SimilarParagraph } from './phrase-index';
import { SegmentedIndex } from './segmented-index';
import type { Continuation } from './types';

// The bundled corpus as the base; then one document changed, one removed and two added (a
// near copy of a base document, so that continuations are shared across base and segment, and
// one with new paragraphs). The composite must answer what a full build over the result answers.
const drafts = loadCorpus([bundledCorpusFolder()]).drafts;
const original: IndexedDocumentInput[] = drafts.map((d) => ({ symbol: d.symbol, file: d.path, model: d.model }));

const NEW_PARAGRAPH = '欢迎各国就海底电缆的安全与韧性开展合作，并鼓励建立区域协调机制，';
const CHANGED_PARAGRAPH = '强调各国应当共同维护外层空间的和平利用，避免任何形式的军备竞赛，';

function variant(d: IndexedDocumentInput, symbol: string, replace: (text: string) => string): IndexedDocumentInput {
  const text = replace(drafts.find((x) => x.path === d.file)!.text);
  return { symbol, file: d.file!.replace(/[^/\\]+$/, `${symbol.replace(/\//g, '-')}.unres`), model: parseDraft(text) };
}

/** Replaces the first paragraph that opens with `opener` (its line) by `line`. */
const replaceLine = (opener: string, line: string) => (text: string) => {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(opener));
  assert.ok(at >= 0, `a line opening with ${opener}`);
  lines[at] = line;
  return lines.join('\n');
};

const changedAt = 1;
const removedAt = 2;
const changed: IndexedDocumentInput = { ...variant(original[changedAt], 'X', replaceLine('认识到', CHANGED_PARAGRAPH)), symbol: original[changedAt].symbol, file: original[changedAt].file };
const copy = variant(original[3], 'A/RES/99/1', (t) => t);
const fresh = variant(original[0], 'A/RES/99/2', replaceLine('深信', NEW_PARAGRAPH));
const added = [copy, fresh];

const base = PhraseIndex.build(original);
const full = PhraseIndex.build([...original.filter((_, i) => i !== removedAt).map((d, i) => (i === changedAt ? changed : d)), ...added]);
const composite = new SegmentedIndex(base, PhraseIndex.build([changed, ...added]), [changedAt, removedAt]);

const shown = (cs: Continuation[]) => cs.map((c) => ({ matched: c.matched, text: c.text, stretch: c.stretch, occurrences: c.occurrences, documents: [...c.documents].sort() }));

/** Texts before a cursor: prefixes of every paragraph of both states of the corpus. */
function befores(): string[] {
  const texts = new Set<string>();
  for (const d of [...original, changed, ...added]) for (const p of corpusParagraphs(d.model)) texts.add(p.text);
  const out: string[] = [];
  for (const text of texts) for (const n of [3, 7, 12, 19, 28]) if (text.length > n) out.push(text.slice(0, n));
  return out;
}

test('a base with masked documents and a segment counts like a full build', () => {
  assert.equal(composite.paragraphCount, full.paragraphCount);
  assert.equal(composite.documentCount, full.documentCount);
});

test('continuations of the composite are those of a full build over the changed corpus', () => {
  const all = befores();
  assert.ok(all.length > 1000, `${all.length} texts`);
  let compared = 0;
  let exact = 0;
  for (const before of all) {
    const expected = shown(full.continuations(before, 10));
    const got = shown(composite.continuations(before, 10));
    assert.equal(got.length, expected.length, before);
    if (expected.length === 0) continue;
    compared++;
    assert.equal(got[0].matched, expected[0].matched, before);
    // Every continuation offered has the full build's counts (and documents, where it lists them all).
    const more = shown(full.continuations(before, 60));
    for (const c of got) {
      const f = more.find((m) => m.text === c.text && m.stretch === c.stretch);
      if (!f) continue;
      assert.equal(c.occurrences, f.occurrences, `${before}: ${c.text}`);
      if (c.occurrences <= COUNT_CAP) assert.deepEqual(c.documents, f.documents, `${before}: ${c.text}`);
    }
    // A rare ending, whose every occurrence a full build reads: the same continuations in the same
    // order, up to the ties at the end of the list (which a full build cuts in its own order).
    if (full.occurrences(expected[0].matched).length > CONTINUATION_SAMPLE) continue;
    exact++;
    for (const c of got) assert.ok(more.some((m) => JSON.stringify(m) === JSON.stringify(c)), `${before}: ${JSON.stringify(c)}`);
    const last = expected[expected.length - 1].occurrences;
    const above = (cs: typeof got) => cs.filter((c) => c.occurrences > last);
    assert.deepEqual(above(got), above(expected), before);
    assert.equal(got[got.length - 1].occurrences, last, before);
  }
  assert.ok(exact > 400, `${exact} rare endings`);
  assert.ok(compared > 500, `${compared} texts with continuations`);
});

test('the added document is offered, the changed document’s old paragraph and the removed document are not', () => {
  const fresh = composite.continuations('欢迎各国就海底电缆的');
  assert.equal(fresh[0]?.text, '安全与韧性开展合作，');
  assert.deepEqual(fresh[0].documents, ['A/RES/99/2']);
  assert.equal(base.continuations('欢迎各国就海底电缆的').length, 0);
  // The changed document's old line is no longer where it was.
  const old = corpusParagraphs(original[changedAt].model).find((p) => p.text.startsWith('认识到'))!;
  const before = old.text.slice(0, 12);
  for (const c of composite.continuations(before)) assert.ok(full.continuations(before).some((f) => f.text === c.text && f.occurrences === c.occurrences), c.text);
  // Every paragraph of the removed document: whatever is offered is counted in documents still there.
  const removedSymbol = original[removedAt].symbol;
  for (const p of corpusParagraphs(original[removedAt].model)) {
    for (const c of composite.continuations(p.text.slice(0, 15))) assert.ok(!c.documents.includes(removedSymbol) || full.documentCount === 0, `${removedSymbol} in ${c.text}`);
  }
});

test('similar paragraphs of the composite are those of a full build', () => {
  const key = (r: SimilarParagraph) => `${r.score} ${r.within ?? ''} ${r.contains ? 'c' : ''} ${r.symbol} ${r.where} ${r.text}`;
  const queries = [NEW_PARAGRAPH, CHANGED_PARAGRAPH, ...corpusParagraphs(original[removedAt].model).slice(0, 20).map((p) => p.text), ...corpusParagraphs(original[4].model).slice(0, 40).map((p) => p.text.slice(0, 30))];
  for (const q of queries) {
    const expectedAll = full.similar(q, { limit: 10, closest: 3 });
    const gotAll = composite.similar(q, { limit: 10, closest: 3 });
    // When nothing reaches the minimum, the closest few: each index picks its own candidates, so
    // the composite's are at least as close as a full build's.
    if (expectedAll.every((r) => r.closest)) {
      assert.ok(gotAll.every((r) => r.closest), q);
      assert.equal(gotAll.length, expectedAll.length, q);
      gotAll.forEach((r, i) => assert.ok(r.score >= expectedAll[i].score, q));
      continue;
    }
    const expected = expectedAll;
    const got = gotAll;
    // Up to ties: the same scores, and the same entries above the last score (a full build cuts a tie in its own order).
    assert.deepEqual(got.map((r) => r.score), expected.map((r) => r.score), q);
    const last = expected.at(-1)?.score ?? 0;
    const above = (rs: SimilarParagraph[]) => rs.filter((r) => r.score > last).map(key).sort();
    assert.deepEqual(above(got), above(expected), q);
  }
  assert.ok(composite.similar(NEW_PARAGRAPH, { limit: 3 }).some((r) => r.symbol === 'A/RES/99/2' && r.score === 100));
  assert.ok(!composite.similar(corpusParagraphs(original[removedAt].model)[3].text, { limit: 20 }).some((r) => r.file === original[removedAt].file));
});

test('the ghost text of the composite is a full build’s', () => {
  const place = { kind: 'preambular' as const };
  let same = 0;
  let offered = 0;
  for (const before of befores()) {
    const expected = full.inline(before, place);
    const got = composite.inline(before, place);
    if (expected) offered++;
    if (got?.text === expected?.text && got?.matched === expected?.matched) same++;
    // Never text that only a masked paragraph has.
    if (got) assert.ok(full.continuations(got.matched).length > 0 || full.occurrences(got.matched + got.text).length > 0, before);
  }
  assert.ok(offered > 500, `${offered} ghost texts`);
  // Put together from the two indexes' own ghost texts, not from their merged sources: most (over 90 %), not all, are a full build's.
  assert.ok(same / befores().length > 0.9, `${same} of ${befores().length} the same`);
  assert.equal(composite.inline('欢迎各国就海底电缆的', place)?.text.startsWith('安全与韧性'), true);
});

test('a text a removed document shares with a live one still counts and shows the live one', () => {
  // The removed document's paragraphs whose text another base document also has: one passage of
  // the base, a masked and a live paragraph.
  const removedSymbol = original[removedAt].symbol;
  const others = new Set<string>();
  original.forEach((d, i) => {
    if (i !== removedAt) for (const p of corpusParagraphs(d.model)) others.add(p.text);
  });
  const shared = corpusParagraphs(original[removedAt].model).filter((p) => others.has(p.text) && p.text.length > 12);
  assert.ok(shared.length > 0, 'the removed document shares a paragraph text with another');
  for (const p of shared) {
    assert.ok(base.passageCount < base.paragraphCount);
    const before = p.text.slice(0, 10);
    const got = composite.continuations(before, 20);
    const expected = full.continuations(before, 20);
    const rest = p.text.slice(10);
    const f = expected.find((c) => rest.startsWith(c.text));
    assert.ok(f, `${before}: the full build continues it`);
    const c = got.find((x) => x.text === f.text && x.stretch === f.stretch);
    assert.ok(c, `${before}: ${f.text}`);
    assert.equal(c.occurrences, f.occurrences, `${before}: ${f.text}`);
    if (c.occurrences <= COUNT_CAP) assert.deepEqual([...c.documents].sort(), [...f.documents].sort(), `${before}: ${f.text}`);
    assert.ok(!c.documents.includes(removedSymbol) || f.documents.includes(removedSymbol), `${before}: ${removedSymbol}`);
    assert.notEqual(c.example.file, original[removedAt].file, before);
  }
});
