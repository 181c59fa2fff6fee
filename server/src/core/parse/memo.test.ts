// The parse memo (what one parse of a draft keeps for the next version) must change nothing: over
// random edits of every corpus draft and fixture, a parse that uses it gives the same model, and
// the same findings of every rule, as a parse from scratch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { validate } from '../rules';
import { TODAY } from '../rules/testing';
import { ParseMemo, parseDraft } from './parser';

function drafts(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'raw' ? [] : drafts(path);
    return name.endsWith('.unres') ? [path] : [];
  });
}
const FILES = [...drafts('corpus'), ...drafts('test/fixtures')];

// What drafters type and what breaks structure: labels, marks, markers, titles, dates, symbols,
// bold, comments, the footnote line, whole lines copied or removed.
const PIECES = ['的', '\n', '\n\n', '1. ', '(a) ', '㈡ ', '¹', '²³', '《', '》', '，', '；', '。', '：', '又', '**重申**', '---\n', '%% drafter-disable\n', '上文第 2 段', '2021 年 12 月 6 日', '第 76/54 号决议', 'A/RES/76/54', '大会，\n', '2021 年 12 月 6 日\n第 45 次全体会议\n', '\u3000', ' 1'];

type Edit = { at: number; remove: number; insert: string } | { line: number; copy: boolean };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ at: fc.nat(), remove: fc.nat(6), insert: fc.constantFrom(...PIECES, '') }),
  fc.record({ line: fc.nat(), copy: fc.boolean() }),
);

function apply(text: string, e: Edit): string {
  if ('at' in e) {
    const i = e.at % (text.length + 1);
    return text.slice(0, i) + e.insert + text.slice(i + e.remove);
  }
  const lines = text.split('\n');
  const i = e.line % lines.length;
  if (e.copy) lines.splice(i, 0, lines[i]);
  else lines.splice(i, 1);
  return lines.join('\n');
}

test('a parse with the memo of the previous version gives the same model and findings as a parse from scratch', () => {
  assert.ok(FILES.length >= 25, `${FILES.length} drafts`);
  const texts = FILES.map((f) => readFileSync(f, 'utf8'));
  fc.assert(
    fc.property(fc.nat(texts.length - 1), fc.array(edit, { minLength: 1, maxLength: 8 }), (which, edits) => {
      const memo = new ParseMemo();
      let text = texts[which];
      parseDraft(text, undefined, memo);
      for (const e of edits) {
        text = apply(text, e);
        const remembered = parseDraft(text, undefined, memo);
        const fresh = parseDraft(text);
        assert.deepStrictEqual(remembered, fresh);
        assert.deepStrictEqual(validate(remembered, undefined, { today: TODAY }), validate(fresh, undefined, { today: TODAY }));
      }
    }),
    { numRuns: 150, seed: 13 },
  );
});

test('the memo is used: an unchanged line keeps its remembered class and scans', () => {
  const text = readFileSync('test/fixtures/sample.unres', 'utf8');
  const memo = new ParseMemo();
  parseDraft(text, undefined, memo);
  const before = memo.lines.slice();
  // One character typed into the first operative paragraph: every other line is taken as it was.
  const at = text.indexOf('致力于');
  parseDraft(text.slice(0, at) + '的' + text.slice(at), undefined, memo);
  const kept = memo.lines.filter((l, i) => before.some((b) => b.cls === l.cls) && i >= 0).length;
  assert.equal(kept, memo.lines.length - 1);
});
