// Provenance of every paragraph: a draft with known edits against a corpus of the text it was made from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDraft } from '../../server/src/core';
import { PhraseIndex } from '../../server/src/core/agreed/phrase-index';
import { indexedWithMap, ProvenanceFinder } from '../../server/src/core/agreed/provenance';
import { EARLIER_FILE, INSERTED, knownEdits, MOVED_START, REWORDED_START, REWORDED_TO } from './known-edits';

const k = knownEdits();
const earlier = parseDraft(k.earlier);
const index = PhraseIndex.build([{ symbol: 'A/RES/73/62', file: EARLIER_FILE, model: earlier }]);

test('every paragraph carried over word for word is 100 % agreed, its closest paragraph itself (renumbered and moved ones too)', () => {
  const draft = parseDraft(k.draft);
  const lines = k.draft.split('\n');
  const found = new ProvenanceFinder(index).ofDraft(draft);
  assert.equal(found.length, draft.paragraphs.length);
  const edited = new Set([k.draftLine(INSERTED), k.draftLine(REWORDED_START), k.draftLine('回顾其 2018 年')]);
  for (const p of found) {
    if (edited.has(p.line)) continue;
    assert.equal(p.agreed, 100, `line ${p.line + 1}`);
    assert.deepEqual(p.newInLine, [], `line ${p.line + 1}`);
    assert.equal(p.closest?.score, 100, `line ${p.line + 1}`);
    assert.equal(p.closest?.symbol, 'A/RES/73/62');
    // The corpus line of the same text.
    assert.equal(k.earlier.split('\n')[p.closest?.line ?? -1].replace(/^\d+\. /, ''), lines[p.line].replace(/^\d+\. /, ''), `line ${p.line + 1}`);
    assert.deepEqual(p.sources.map((s) => s.symbol), ['A/RES/73/62']);
  }
  const moved = found.find((p) => p.line === k.draftLine(MOVED_START));
  assert.equal(moved?.closest?.where, '序言部分第 10 段');
});

test('an inserted paragraph is all new language; a reworded one is new exactly where the words changed', () => {
  const draft = parseDraft(k.draft);
  const lines = k.draft.split('\n');
  const finder = new ProvenanceFinder(index);
  const found = new Map(finder.ofDraft(draft).map((p) => [p.line, p]));
  const inserted = found.get(k.draftLine(INSERTED));
  assert.equal(inserted?.agreed, 0);
  assert.equal(inserted?.closest, undefined);
  assert.deepEqual(inserted?.newInLine, [[0, INSERTED.length]]);
  assert.deepEqual(inserted?.sources, []);
  const line = k.draftLine(REWORDED_START);
  const reworded = found.get(line);
  // Ranges are characters of the line, after its label `2. `.
  assert.deepEqual(reworded?.newInLine.map(([s, e]) => lines[line].slice(s, e)), [REWORDED_TO.replace('执行', '')]);
  assert.ok(reworded && reworded.agreed >= 90 && reworded.agreed < 100, String(reworded?.agreed));
  assert.equal(reworded?.closest?.where, '执行部分第 2 段');
  assert.ok(reworded && reworded.closest && reworded.closest.score >= 90 && reworded.closest.score < 100);
});

test('a changed paragraph is recomputed alone: the others come from memory', () => {
  const finder = new ProvenanceFinder(index);
  const draft = parseDraft(k.draft);
  finder.ofDraft(draft);
  const edited = k.draft.replace(INSERTED, '欢迎各国为建立信任所作的各项新倡议，');
  const again = parseDraft(edited);
  const unknown = again.paragraphs.filter((p) => !finder.known(again.text.slice(p.body.start, p.body.end)));
  assert.equal(unknown.length, 1);
  assert.equal(unknown[0].line, k.draftLine(INSERTED));
});

test('footnote markers and ** are not text: ranges still point at the right characters of the line', () => {
  const { text, map } = indexedWithMap(' **重申**《条约》¹ 作为基石， ');
  assert.equal(text, '重申《条约》作为基石，');
  assert.equal(map[0], 3);
  assert.equal(map[text.indexOf('作')], ' **重申**《条约》¹ 作为基石， '.indexOf('作'));
  const line = '重申《不扩散核武器条约》¹ 作为国际核不扩散机制的基石以及谋求实现核裁军、核不扩散及和平利用核能的新关键基础，具有至关重要的意义，';
  const [p] = new ProvenanceFinder(index).ofDraft(parseDraft(`大会，\n\n${line}\n`));
  assert.deepEqual(p.newInLine.map(([s, e]) => line.slice(s, e)), ['新']);
  assert.equal(p.closest?.where, '序言部分第 3 段');
});

test('the bundled 76/54 against the other bundled documents: its closing paragraph is agreed language except the new session and title', () => {
  const others = ['A-RES-59-76', 'A-RES-62-42', 'A-RES-73-62', 'NPT-CONF.2020-WP.77'].map((f) => ({ symbol: f.replace(/-/g, '/'), model: parseDraft(readFileSync(resolve(`corpus/${f}.unres`), 'utf8')) }));
  const text = readFileSync(resolve('corpus/A-RES-76-54.unres'), 'utf8');
  const found = new ProvenanceFinder(PhraseIndex.build(others)).ofDraft(parseDraft(text));
  const closing = found.find((p) => text.split('\n')[p.line].includes('第七十七届会议临时议程'));
  assert.equal(closing?.closest?.symbol, 'A/RES/73/62');
  assert.equal(closing?.closest?.where, '执行部分第 34 段');
  const newText = closing?.newInLine.map(([s, e]) => text.split('\n')[closing.line].slice(s, e)).join('|') ?? '';
  assert.ok(newText.includes('建立无核武器世界的联合行动和面向未来的对话'), newText);
  // Each agreed share is a whole percentage and the new ranges lie inside the line.
  for (const p of found) {
    assert.ok(Number.isInteger(p.agreed) && p.agreed >= 0 && p.agreed <= 100);
    for (const [s, e] of p.newInLine) assert.ok(s >= 0 && s < e && e <= text.split('\n')[p.line].length);
  }
});

test('coverage is exactly the union of the 8-character windows the corpus contains (checked by brute force on edited paragraphs)', () => {
  const corpusText = Array.from({ length: index.paragraphCount }, (_, p) => index.paragraph(p).text).join('\n');
  const paragraphs = earlier.paragraphs.map((p) => earlier.text.slice(p.body.start, p.body.end).replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰]+ ?/g, '').replace(/\*\*/g, ''));
  const finder = new ProvenanceFinder(index);
  let seed = 11;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let run = 0; run < 60; run++) {
    // A corpus paragraph with a few characters replaced, or two paragraphs spliced together.
    const a = paragraphs[Math.floor(next() * paragraphs.length)];
    const b = paragraphs[Math.floor(next() * paragraphs.length)];
    let text = run % 3 === 0 ? a.slice(0, Math.floor(a.length / 2)) + b.slice(Math.floor(b.length / 2)) : a;
    for (let k = 0; k < run % 5; k++) {
      const at = Math.floor(next() * text.length);
      text = text.slice(0, at) + '和' + text.slice(at + 1);
    }
    text = text.trim();
    const covered = new Uint8Array(text.length);
    for (let i = 0; i + 8 <= text.length; i++) if (corpusText.includes(text.slice(i, i + 8))) covered.fill(1, i, i + 8);
    const expected: [number, number][] = [];
    for (let i = 0; i < text.length; i++) {
      if (covered[i]) continue;
      const last = expected[expected.length - 1];
      if (last && last[1] === i) last[1] = i + 1;
      else expected.push([i, i + 1]);
    }
    const got = finder.ofText(text);
    assert.deepEqual(got.newRanges, expected.filter(([s, e]) => text.slice(s, e).trim().length > 0), text);
  }
});

test('a preambular paragraph taken word for word into the operative part, its ，made ；or 。, is all agreed language: the closing mark alone is not new', () => {
  const finder = new ProvenanceFinder(index);
  const pre = earlier.preamble.map((p) => earlier.text.slice(p.body.start, p.body.end)).filter((t) => t.endsWith('，') && t.length > 30);
  assert.ok(pre.length >= 2);
  const draft = parseDraft(['大会，', '', '1. ' + pre[0].slice(0, -1) + '；', '', '2. ' + pre[1].slice(0, -1) + '。', ''].join('\n'));
  const found = finder.ofDraft(draft);
  assert.equal(found.length, 2);
  for (const p of found) {
    assert.equal(p.agreed, 100, `line ${p.line + 1}`);
    assert.deepEqual(p.newInLine, [], `line ${p.line + 1}`);
  }
  // A changed word before the mark is still new, and so is a mark inside the text.
  const changed = parseDraft(['大会，', '', '1. ' + pre[0].slice(0, -2) + '甲；', ''].join('\n'));
  assert.ok(finder.ofDraft(changed)[0].newInLine.length > 0);
});
