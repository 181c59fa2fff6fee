// Paragraph-local rules with a RuleMemo: after any edit, the findings of an incremental
// validation (parse memo and rule memo of the previous versions) are exactly those of a fresh
// full validation of the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { longResolution } from '../../bench/big-drafts';
import { bundledCorpusFolder, loadCorpus } from '../../corpus/load';
import { ParseMemo, parseDraft } from '../parse/parser';
import { defaultSettings, type DrafterSettings } from '../settings';
import { RuleMemo } from './by-paragraph';
import { rules, validate } from './index';
import { TODAY } from './testing';
import type { Rule, ValidationContext } from './types';

const corpus = loadCorpus([bundledCorpusFolder()]);
const unlimited: DrafterSettings = { ...defaultSettings, maxProblems: 0 };

/** A small deterministic random source (the same edits on every run, so that a failure can be replayed). */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

/** What drafters type and paste, and what makes the local rules find something (brackets, symbols, dates, agenda sessions). */
const PIECES = ['的', '，', '。', '；', '(', ')', '（', '）', '《', '》', '“', '”', ',', ':', ' A/RES/76/54 ', ' A/76/L.12 ', 'a/res/7', '2021 年 2 月 30 日', '2020 年 12 月 7 日第 75/32 号决议', '第七十九届会议临时议程', '\n', '\n\n', '1. ', '(a) ', '¹', '---\n', '%% drafter-disable bracket-pairs\n', '%% ', 'XX/XX.', 'XXXX 年 XX 月 XX 日', '第 XX 次', '76/__.', '……', '决议标题'];

/** One random edit: a piece typed or pasted at a random place, sometimes over a few characters, sometimes a deletion or a line moved. */
function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const r = next();
  if (r < 0.15) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 40)));
  if (r < 0.2) {
    // A line cut and pasted elsewhere.
    const start = text.lastIndexOf('\n', at - 1) + 1;
    const end = text.indexOf('\n', at);
    const line = text.slice(start, end < 0 ? text.length : end + 1);
    const rest = text.slice(0, start) + text.slice(start + line.length);
    const to = Math.floor(next() * (rest.length + 1));
    return rest.slice(0, to) + line + rest.slice(to);
  }
  const piece = PIECES[Math.floor(next() * PIECES.length)];
  const over = next() < 0.3 ? Math.floor(next() * 10) : 0;
  return text.slice(0, at) + piece + text.slice(at + over);
}

/** Validates each version with the memos of the previous ones and without, and compares. */
function compareAlongEdits(text: string, edits: number, seed: number, settings: DrafterSettings, context: ValidationContext = {}, only?: readonly Rule[]) {
  const next = random(seed);
  const parseMemo = new ParseMemo();
  const memo = new RuleMemo();
  let current = text;
  let kept = 0;
  for (let i = 0; i <= edits; i++) {
    if (i > 0) current = edit(current, next);
    const incremental = validate(parseDraft(current, undefined, parseMemo), settings, { today: TODAY, ...context, memo }, only);
    const full = validate(parseDraft(current), settings, { today: TODAY, ...context }, only);
    assert.deepEqual(incremental, full, `version ${i} (seed ${seed}): the incremental findings differ from a full validation`);
    if (i > 0) kept += memo.keptLines;
  }
  return { kept };
}

test('along random edits, with the parse memo and without, every list of the model is in text order (the views of the changed lines rely on it)', () => {
  const inOrder = (list: readonly { start: number }[]) => list.every((s, i) => i === 0 || list[i - 1].start <= s.start);
  const check = (text: string, label: string) => {
    const model = parseDraft(text, undefined, parseMemo);
    for (const m of [model, parseDraft(text)]) {
      const lists = { paragraphs: m.paragraphs, preamble: m.preamble, operative: m.operative, footnotes: m.footnotes, markers: m.markers, symbols: m.symbols, citations: m.citations, dates: m.dates, titles: m.titles, crossReferences: m.crossReferences, emphasis: m.emphasis, comments: m.comments };
      for (const [name, list] of Object.entries(lists)) {
        assert.ok(inOrder(list.map((x: { span: { start: number } }) => x.span)), `${label}: ${name} out of text order`);
        if (name !== 'emphasis') assert.ok(list.every((x, i) => i === 0 || (list[i - 1] as { line: number }).line <= (x as { line: number }).line), `${label}: ${name} out of line order`);
      }
    }
  };
  let parseMemo = new ParseMemo();
  corpus.drafts.slice(0, 12).forEach((d, k) => {
    parseMemo = new ParseMemo();
    const next = random(500 + k);
    let text = d.model.text;
    for (let i = 0; i < 30; i++) {
      text = edit(text, next);
      check(text, `draft ${k}, version ${i}`);
    }
  });
});

test('random edits to each corpus draft: the incremental findings are those of a full validation', () => {
  const drafts = corpus.drafts.filter((d) => d.model.text.length > 2000).slice(0, 12);
  assert.ok(drafts.length >= 5, 'the bundled corpus has drafts to edit');
  let kept = 0;
  drafts.forEach((d, i) => {
    kept += compareAlongEdits(d.model.text, 25, 1000 + i, unlimited, { catalogue: corpus.catalogue, locale: i % 2 === 0 ? 'en' : 'zh' }).kept;
  });
  // And the memo did serve: most lines of most versions were not checked again.
  assert.ok(kept > 0);
});

test('random edits to a large synthetic draft, with the per-draft limit: the incremental findings are those of a full validation', () => {
  const text = longResolution(corpus.drafts, 400 * 1024);
  const { kept } = compareAlongEdits(text, 30, 7, defaultSettings, { catalogue: corpus.catalogue });
  assert.ok(kept > 30 * 1000, `the memo kept ${kept} lines over 30 versions`);
});

test('one character typed in a large draft: only its line is checked again by the paragraph-local rules', () => {
  const text = longResolution(corpus.drafts, 400 * 1024);
  const parseMemo = new ParseMemo();
  const memo = new RuleMemo();
  validate(parseDraft(text, undefined, parseMemo), defaultSettings, { today: TODAY, memo });
  const lineCount = parseDraft(text).lines.lineCount;
  assert.equal(memo.checkedLines, lineCount);
  const at = text.indexOf('。', text.length / 2);
  const edited = text.slice(0, at) + '的' + text.slice(at);
  const findings = validate(parseDraft(edited, undefined, parseMemo), defaultSettings, { today: TODAY, memo });
  assert.equal(memo.checkedLines, 1);
  assert.deepEqual(findings, validate(parseDraft(edited), defaultSettings, { today: TODAY }));
});

test('a settings change empties the memo: the lines are checked again under the new settings', () => {
  const text = longResolution(corpus.drafts, 60 * 1024);
  const memo = new RuleMemo();
  const model = parseDraft(text);
  validate(model, defaultSettings, { today: TODAY, memo });
  const other: DrafterSettings = { ...defaultSettings, rules: { ...defaultSettings.rules, 'symbol-format': 'error' } };
  assert.deepEqual(validate(model, other, { today: TODAY, memo }), validate(model, other, { today: TODAY }));
  assert.equal(memo.checkedLines, model.lines.lineCount);
});

test('the rules declared paragraph-local are the ones whose findings stay on their line', () => {
  const local = rules.filter((r) => r.scope === 'paragraph').map((r) => r.id);
  assert.deepEqual(local, ['agenda-session', 'bracket-pairs', 'date-invalid', 'placeholder', 'symbol-format']);
});

/** A document-wide rule (no scope): on the first paragraph, how many paragraphs the draft has. */
const counting: Rule = {
  id: 'count-paragraphs',
  defaultSeverity: 'info',
  description: 'test rule',
  messages: { en: {}, zh: {} },
  check: ({ model }) => (model.paragraphs.length === 0 ? [] : [{ span: model.paragraphs[0].body, message: `${model.paragraphs.length} paragraphs, ${model.footnotes.length} footnotes` }]),
};

test('a rule not declared paragraph-local sees the whole draft, however little changed', () => {
  const text = longResolution(corpus.drafts, 100 * 1024);
  const parseMemo = new ParseMemo();
  const memo = new RuleMemo();
  const first = validate(parseDraft(text, undefined, parseMemo), defaultSettings, { today: TODAY, memo }, [counting]);
  const model = parseDraft(text);
  assert.equal(first[0].message, `${model.paragraphs.length} paragraphs, ${model.footnotes.length} footnotes`);
  // A paragraph added at the end: the count on the first line changes though that line did not.
  const edited = `${text}\n\n${model.operative.length + 1}. 决定继续审议这个问题。\n`;
  const after = validate(parseDraft(edited, undefined, parseMemo), defaultSettings, { today: TODAY, memo }, [counting]);
  assert.equal(after[0].message, `${model.paragraphs.length + 1} paragraphs, ${model.footnotes.length} footnotes`);
  assert.deepEqual(after, validate(parseDraft(edited), defaultSettings, { today: TODAY }, [counting]));
});

// What the memo cannot see is a finding on its own line that depends on other lines (as `counting`
// declared local would be): the random edits above check each declared rule for that.
test('a rule declared paragraph-local that is not (a finding reaches another line) is checked on the whole draft', () => {
  const wrong: Rule = {
    ...counting,
    id: 'wrongly-local',
    scope: 'paragraph',
    check: ({ model }) => model.paragraphs.slice(1).map((p, i) => ({ span: { start: model.paragraphs[i].body.start, end: p.body.end }, message: 'from here to the next' })),
  };
  const wrongRelated: Rule = {
    ...counting,
    id: 'wrongly-local-related',
    scope: 'paragraph',
    check: ({ model }) => model.paragraphs.slice(1).map((p) => ({ span: p.body, message: 'see the first', related: [{ span: model.paragraphs[0].body, message: 'first' }] })),
  };
  const text = longResolution(corpus.drafts, 60 * 1024);
  const edits = random(3);
  for (const rule of [wrong, wrongRelated]) {
    const parseMemo = new ParseMemo();
    const memo = new RuleMemo();
    let current = text;
    for (let i = 0; i < 6; i++) {
      if (i > 0) current = edit(current, edits);
      const incremental = validate(parseDraft(current, undefined, parseMemo), unlimited, { today: TODAY, memo }, [rule]);
      assert.deepEqual(incremental, validate(parseDraft(current), unlimited, { today: TODAY }, [rule]), `${rule.id}, version ${i}`);
    }
  }
});

test('a paragraph-local rule that fails is reported, and the next version checks it again', () => {
  let fail = true;
  const flaky: Rule = { ...counting, id: 'flaky', scope: 'paragraph', check: ({ model }) => {
    if (fail) throw new Error('broken');
    return model.paragraphs.map((p) => ({ span: p.body, message: 'seen' }));
  } };
  const text = longResolution(corpus.drafts, 30 * 1024);
  const memo = new RuleMemo();
  const errors: string[] = [];
  const model = parseDraft(text);
  assert.deepEqual(validate(model, unlimited, { today: TODAY, memo, onRuleError: (rule) => errors.push(rule) }, [flaky]), []);
  assert.deepEqual(errors, ['flaky']);
  fail = false;
  assert.equal(validate(model, unlimited, { today: TODAY, memo }, [flaky]).length, model.paragraphs.length);
});

test('per-line summaries: after one character typed, only its line is summarized again; the rest is the last version\'s', () => {
  const text = longResolution(corpus.drafts, 60 * 1024);
  const memo = new RuleMemo();
  const summarize = (seen: number[][]) => (view: ReturnType<typeof parseDraft>, lines: readonly number[]) => {
    seen.push([...lines]);
    const out: (string | undefined)[] = [];
    for (const line of lines) out[line] = view.lines.lineText(line);
    return out;
  };
  const first = parseDraft(text);
  validate(first, defaultSettings, { today: TODAY, memo });
  const seen: number[][] = [];
  memo.summaries('test', first, summarize(seen));
  assert.equal(seen[0].length, first.lines.lineCount);
  const at = text.indexOf('。', text.length / 2);
  const edited = parseDraft(text.slice(0, at) + '的' + text.slice(at));
  validate(edited, defaultSettings, { today: TODAY, memo });
  const again: number[][] = [];
  const lines = memo.summaries('test', edited, summarize(again));
  assert.deepEqual(again, [[edited.lines.positionAt(at).line]]);
  // Every line's summary is what a fresh summary gives.
  for (let line = 0; line < edited.lines.lineCount; line++) assert.equal(lines[line], edited.lines.lineText(line));
});
