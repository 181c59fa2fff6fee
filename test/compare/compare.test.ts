// The comparison with an earlier text, on drafts with known edits and on the bundled corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDraft } from '../../server/src/core';
import { compareDrafts, comparisonHtml, diffText, findPredecessor, recalledResolutions } from '../../server/src/core/compare';
import { corpusDocuments } from '../../server/src/corpus/compare-with';
import { DELETED_START, INSERTED, knownEdits, MOVED_START, RECALL_AFTER, REWORDED_START } from './known-edits';

test('a draft with known edits: the report names exactly the inserted, deleted, moved and reworded paragraphs, and the date/symbol change', () => {
  const k = knownEdits();
  const result = compareDrafts(parseDraft(k.draft), parseDraft(k.earlier));
  const by = (status: string) => result.filter((p) => p.status === status);
  assert.deepEqual(by('new').map((p) => p.line), [k.draftLine(INSERTED)]);
  assert.deepEqual(by('deleted').map((p) => p.withLine), [k.earlierLine(DELETED_START)]);
  assert.deepEqual(by('moved').map((p) => [p.line, p.withLine]), [[k.draftLine(MOVED_START), k.earlierLine(MOVED_START)]]);
  assert.deepEqual(by('changed').map((p) => [p.line, p.withLine]), [
    [k.draftLine(RECALL_AFTER), k.earlierLine('回顾其 2017 年')],
    [k.draftLine(REWORDED_START), k.earlierLine(REWORDED_START)],
  ]);
  const [recall, reworded] = by('changed');
  // The date and the number, not the whole line.
  assert.deepEqual(recall.inserted, ['2018', '5', '73/62']);
  assert.deepEqual(recall.deleted, ['2017', '4', '72/50']);
  assert.deepEqual(reworded.inserted, ['全面、切实']);
  assert.deepEqual(reworded.deleted, ['充分']);
  // Every other paragraph is unchanged, the renumbered operative paragraphs included (8 → 7 …).
  const unchanged = by('unchanged');
  assert.equal(unchanged.length + 4, parseDraft(k.draft).paragraphs.length);
  const renumbered = unchanged.find((p) => p.withWhere === '执行部分第 8 段');
  assert.equal(renumbered?.where, '执行部分第 7 段');
  // The deleted paragraph stands where it stood: after operative paragraph 6.
  const order = result.map((p) => p.status === 'deleted' ? 'deleted' : p.where);
  assert.equal(order[order.indexOf('deleted') - 1], '执行部分第 6 段');
});

test('the same text compares unchanged everywhere; an empty draft has every paragraph deleted', () => {
  const text = readFileSync(resolve('corpus/A-RES-76-54.unres'), 'utf8');
  const same = compareDrafts(parseDraft(text), parseDraft(text));
  assert.ok(same.length > 30);
  assert.ok(same.every((p) => p.status === 'unchanged' && p.line === p.withLine));
  const empty = compareDrafts(parseDraft(''), parseDraft(text));
  assert.equal(empty.length, same.length);
  assert.ok(empty.every((p) => p.status === 'deleted' && p.line === undefined));
});

test('76/54 compared with 73/62 (the same series) aligns the paragraphs that carry over', () => {
  const result = compareDrafts(parseDraft(readFileSync(resolve('corpus/A-RES-76-54.unres'), 'utf8')), parseDraft(readFileSync(resolve('corpus/A-RES-73-62.unres'), 'utf8')));
  const pair = (line: number) => result.find((p) => p.line === line - 1);
  // Pairs read off the two texts (1-based lines: 76/54 → 73/62).
  const carried: [number, number, string][] = [
    [16, 11, 'changed'], // 又重申《不扩散核武器条约》… 普遍性
    [28, 37, 'changed'], // 重申进一步加强（巩固）国际核不扩散制度（机制）…
    [30, 89, 'moved'], // 无核武器区: operative 16 in 73/62, preambular 9 in 76/54
    [32, 39, 'changed'], // 1995 年审议和延期大会 … 中东决议
    [52, 45, 'changed'], // 欢迎（政治）领导人… 访问广岛和长崎
    [88, 125, 'changed'], // the closing paragraph: 第七十四 → 第七十七届会议, the new title
  ];
  for (const [line, withLine, status] of carried) {
    assert.equal(pair(line)?.withLine, withLine - 1, `76/54 line ${line} pairs with 73/62 line ${withLine}`);
    assert.equal(pair(line)?.status, status, `76/54 line ${line}`);
  }
  assert.deepEqual(pair(88)?.deleted.slice(0, 1), ['四']);
  assert.deepEqual(pair(88)?.inserted.slice(0, 1), ['七']);
  // Text new in 76/54 is new: the paragraph on the CTBT's 25 years.
  assert.equal(result.find((p) => p.text?.startsWith('回顾《全面禁止核试验条约》开放供签署已有 25 年'))?.status, 'new');
});

test('differences are words: a Chinese character, or a run of Latin letters and digits (a symbol, a year)', () => {
  assert.deepEqual(diffText('根据 CD/1299 号文件', '根据 CD/1300 号文件'), [
    { kind: 'same', text: '根据 ' },
    { kind: 'deleted', text: 'CD/1299' },
    { kind: 'inserted', text: 'CD/1300' },
    { kind: 'same', text: ' 号文件' },
  ]);
  assert.deepEqual(diffText('具有至关重要的意义', '具有重要意义').filter((p) => p.kind !== 'same').map((p) => p.text), ['至关', '的']);
});

test('the predecessor: the resolution recalled when the corpus has it, else the same title, else the most paragraphs shared; the rule is named', () => {
  const documents = corpusDocuments([resolve('corpus')]);
  const k = knownEdits();
  // The edited draft recalls 73/62 (its date and number were changed to it), which the corpus has.
  const draft = parseDraft(k.draft.replace('73/62. ', '74/__. '));
  assert.deepEqual(recalledResolutions(draft), ['A/RES/73/62']);
  const recalled = findPredecessor(draft, documents);
  assert.equal(recalled.predecessor?.symbol, 'A/RES/73/62');
  assert.equal(recalled.predecessor?.rule, 'recalled');
  assert.match(recalled.predecessor?.reason ?? '', /recalls A\/RES\/73\/62/);
  // 73/62 itself recalls 72/50, which the corpus does not have: said so, and another rule decides.
  const original = parseDraft(k.earlier);
  const byTitle = findPredecessor(original, documents.map((d) => (d.symbol === 'A/RES/62/42' ? { ...d, title: original.title?.title } : d)));
  assert.equal(byTitle.recalledMissing, 'A/RES/72/50');
  assert.equal(byTitle.predecessor?.symbol, 'A/RES/62/42');
  assert.equal(byTitle.predecessor?.rule, 'title');
  const byOverlap = findPredecessor(original, documents, { counts: new Map([['A/RES/59/76', 3], ['A/RES/62/42', 5]]), total: 56 });
  assert.equal(byOverlap.predecessor?.symbol, 'A/RES/62/42');
  assert.equal(byOverlap.predecessor?.rule, 'overlap');
  const none = findPredecessor(original, documents);
  assert.equal(none.predecessor, undefined);
  assert.equal(none.recalledMissing, 'A/RES/72/50');
  assert.match(none.problem ?? '', /A\/RES\/72\/50, which is not in the corpus/);
  // A document never is its own predecessor, nor is a later one.
  assert.equal(findPredecessor(parseDraft(readFileSync(resolve('corpus/A-RES-62-42.unres'), 'utf8')), documents, { counts: new Map([['A/RES/62/42', 9], ['A/RES/73/62', 9]]), total: 9 }).predecessor, undefined);
});

test('the HTML report escapes the texts and marks insertions and deletions', () => {
  const k = knownEdits();
  const paragraphs = compareDrafts(parseDraft(k.draft.replace(INSERTED, '欢迎<script>alert(1)</script>的倡议，')), parseDraft(k.earlier));
  const html = comparisonHtml({ draftName: 'draft <1>.unres', withSymbol: 'A/RES/73/62', reason: 'as asked' }, paragraphs);
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('&lt;script&gt;'));
  assert.ok(html.includes('draft &lt;1&gt;.unres'));
  assert.ok(html.includes('<ins>全面、切实</ins>'));
  assert.ok(html.includes('<del>充分</del>'));
  assert.match(html, /@media print/);
});
