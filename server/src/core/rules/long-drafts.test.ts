// Drafts of any length and damaged shapes: what the rules report on them, within the per-draft
// limit. How fast they are is measured by the bench (`npm run bench -- --sizes drafts`), not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adversarialDrafts, longResolution } from '../../bench/big-drafts';
import { loadCorpus, bundledCorpusFolder } from '../../corpus/load';
import { NOTES_PER_KIND, parseDraft } from '../parse/parser';
import { noteMessage } from '../parse/notes';
import { defaultSettings, type DrafterSettings } from '../settings';
import { BRACKET_FINDINGS_PER_PARAGRAPH } from './bracket-pairs';
import { validate } from './index';
import { PROBLEM_LIMIT_ID } from './problem-limit';
import { seen, TODAY } from './testing';
import type { Finding } from './types';

const KB = 1024;
const unlimited: DrafterSettings = { ...defaultSettings, maxProblems: 0 };

function run(text: string, settings: DrafterSettings = defaultSettings) {
  const model = parseDraft(text);
  const findings = validate(model, settings, { today: TODAY, onRuleError: (_rule, err) => { throw err; } });
  return { model, findings };
}

const countBy = (findings: Finding[], key: (f: Finding) => string) => {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[key(f)] = (counts[key(f)] ?? 0) + 1;
  return counts;
};

test('350 KB of nested brackets never closed: three findings for the paragraph, the last counting the rest', () => {
  const text = adversarialDrafts['nested brackets'](350 * KB);
  const marks = [...text].filter((ch) => '《“(（'.includes(ch)).length;
  assert.ok(marks > 150_000);
  const { model, findings } = run(text);
  const brackets = findings.filter((f) => f.rule === 'bracket-pairs');
  assert.equal(brackets.length, BRACKET_FINDINGS_PER_PARAGRAPH);
  const shown = seen(model, brackets);
  // The first three marks of the paragraph (`1. 决定《“(（…`), each named.
  assert.deepEqual(shown.map((s) => [s.line, s.start, s.text]), [[7, 5, '《'], [7, 6, '“'], [7, 7, '(']]);
  assert.equal(shown[0].message, '“《” is not closed in this paragraph: add “》”.');
  assert.equal(shown[2].message, `“(” is not closed in this paragraph: add “)”. This paragraph has ${marks - 3} more unbalanced marks, not listed.`);
  // The next marks are pointed to.
  assert.deepEqual(brackets[2].related?.map((r) => text[r.span.start]), ['（', '《', '“']);
  // Under the limit by far: a few KB for the editor instead of 40 MB.
  assert.ok(JSON.stringify(findings).length < 10 * KB);
});

test('paragraphs of brackets closed in the wrong order: at most three findings each, every paragraph reported', () => {
  const text = adversarialDrafts['crossed brackets'](120 * KB);
  const { model, findings } = run(text, unlimited);
  const perLine = countBy(findings.filter((f) => f.rule === 'bracket-pairs'), (f) => String(model.lines.positionAt(f.span.start).line));
  const operative = model.operative.length;
  assert.ok(operative > 50);
  assert.equal(Object.keys(perLine).length, operative);
  assert.ok(Object.values(perLine).every((n) => n === BRACKET_FINDINGS_PER_PARAGRAPH));
  const first = seen(model, findings.filter((f) => f.rule === 'bracket-pairs')).slice(0, 3);
  // `1. 决定《“》”(）…`: 》 skips the open “, the ” then closes nothing, the next 》 skips “ again.
  assert.deepEqual(first.map((s) => [s.start, s.text]), [[7, '》'], [8, '”'], [13, '》']]);
  assert.equal(first[0].message, '“》” does not match the ““” it closes.');
  assert.match(first[2].message, /This paragraph has \d+ more unbalanced marks, not listed\.$/);
});

test('thousands of footnote markers: the limit keeps every error, then warnings in the order of the text', () => {
  const text = adversarialDrafts['many footnote markers'](350 * KB);
  const all = run(text, unlimited).findings;
  const { findings } = run(text);
  const counts = countBy(all, (f) => `${f.rule}:${f.severity}`);
  const errors = all.filter((f) => f.severity === 'error');
  assert.ok(errors.length > 100 && errors.length < 1000, `${errors.length} errors`);
  assert.ok(errors.every((f) => f.rule === 'footnote-undefined'));
  assert.ok(counts['footnote-reuse:warning'] > 1000);
  assert.equal(findings.length, 1001);
  const [summary, ...kept] = findings;
  assert.equal(summary.rule, PROBLEM_LIMIT_ID);
  const warnings = all.filter((f) => f.severity === 'warning');
  assert.deepEqual(kept, [...errors, ...warnings.slice(0, 1000 - errors.length)].sort((a, b) => a.span.start - b.span.start));
  const hints = all.filter((f) => f.severity === 'hint').length;
  assert.match(summary.message, new RegExp(`^${(all.length - 1000).toLocaleString('en-US')} more problems in this draft are not shown \\(${(warnings.length - (1000 - errors.length)).toLocaleString('en-US')} warnings, 1 information, ${hints} hints\\)`));
});

test('one huge paragraph: every rule runs; more errors than the limit, so the first errors of the text', () => {
  const text = adversarialDrafts['one huge paragraph'](300 * KB);
  const { model, findings } = run(text);
  assert.equal(model.paragraphs.length, 1);
  assert.ok(model.citations.length > 2000 && model.symbols.length > 2000 && model.titles.length > 2000);
  assert.equal(findings.length, 1001);
  // The cited resolution and its date are read in every clause: no finding about them.
  const all = run(text, unlimited).findings;
  assert.ok(!all.some((f) => f.rule === 'citation-date' || f.rule === 'date-invalid' || f.rule === 'symbol-format'));
  // 上文第 1 段 in paragraph 1 itself: an error in every clause; the first 1,000 are kept, in the order of the text.
  const errors = all.filter((f) => f.severity === 'error');
  assert.ok(errors.length > 2000 && errors.every((f) => f.rule === 'cross-reference'));
  assert.deepEqual(findings.slice(1), errors.slice(0, 1000));
  const warnings = all.filter((f) => f.severity === 'warning').length;
  assert.ok(warnings > 4000, 'half-width commas and reused footnote 1');
  assert.equal(findings[0].severity, 'error');
  assert.match(findings[0].message, new RegExp(`\\(${(errors.length - 1000).toLocaleString('en-US')} errors, ${warnings.toLocaleString('en-US')} warnings, 1 information\\)`));
});

test('very many cross-references: each checked against the paragraph it names', () => {
  const text = adversarialDrafts['many cross-references'](100 * KB);
  const { model, findings } = run(text, unlimited);
  const count = model.operative.length;
  // Each reference from its own paragraph, counted by what it should be found to be.
  let missing = 0;
  let wrongSide = 0;
  for (const ref of model.crossReferences) {
    const from = ref.from!.label!.value;
    if (ref.paragraphNumber > count) missing++;
    else if (ref.direction === 'above' ? ref.paragraphNumber >= from : ref.paragraphNumber <= from) wrongSide++;
  }
  const found = findings.filter((f) => f.rule === 'cross-reference');
  assert.equal(found.filter((f) => /There is no paragraph/.test(f.message)).length, missing);
  assert.equal(found.filter((f) => /is not (above|below) this one/.test(f.message)).length, wrongSide);
  assert.ok(missing > 0 && wrongSide > 1000);
});

test('a long resolution of corpus paragraphs gives the faults of its corpus texts, copy after copy', () => {
  const corpus = loadCorpus([bundledCorpusFolder()]);
  const one = longResolution(corpus.drafts, 120 * KB);
  const three = longResolution(corpus.drafts, 360 * KB);
  const per = (text: string) => {
    const findings = validate(parseDraft(text), unlimited, { today: TODAY, catalogue: corpus.catalogue });
    return countBy(findings, (f) => f.rule);
  };
  const a = per(one);
  const b = per(three);
  // Three times the text, about three times each rule's findings: no rule floods with length.
  for (const rule of Object.keys(b)) assert.ok(b[rule] <= 3 * (a[rule] ?? 0) + 12, `${rule}: ${a[rule]} then ${b[rule]}`);
});

test('a long text pasted under the footnote line: the parser marks its first 100 lines and counts the rest', () => {
  const pasted = Array.from({ length: 350 }, (_, i) => `重申其 2019 年 12 月 12 日第 74/${i + 1} 号决议，`);
  const text = ['第七十九届会议', '', '79/__. 草案', '', '大会，', '', '1. **决定**继续审议此问题。', '', '---', '¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。', ...pasted, ''].join('\n');
  const model = parseDraft(text);
  assert.equal(model.notes.length, NOTES_PER_KIND);
  assert.deepEqual([model.notes[0].line, model.notes[99].line], [10, 109]);
  assert.equal(model.notes[0].message, 'This line stands among the footnotes but does not start with a footnote number (¹, ², …).');
  assert.equal(model.notes[99].message, 'This line stands among the footnotes but does not start with a footnote number (¹, ², …). 250 more lines are like this one, not marked.');
  // In Chinese, for an editor or a command line in Chinese.
  assert.equal(noteMessage(model.notes[0], 'zh'), '此行位于脚注之中，但不以脚注编号（¹、²……）开头。');
  assert.equal(noteMessage(model.notes[99], 'zh'), '此行位于脚注之中，但不以脚注编号（¹、²……）开头。另有 250 行与此行相同，未逐一标出。');
});
