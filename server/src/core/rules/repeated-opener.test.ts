import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDraft } from '../parse/parser';
import { defaultSettings } from '../settings';
import { validate } from './index';
import { repeatedOpener, sameVerb } from './repeated-opener';
import { applyFirstFix, check, places, resolution } from './testing';
import { applyFix, fixAll } from '../fixes/suppress';

// A/RES/76/54 preamble: 重申 … 又重申.
const REAFFIRM = '重申实现无核武器世界是国际社会的共同目标，';
const ALSO = '又重申国际社会应立即采取共同行动，开展面向未来的对话，通过建立信任进一步促进具体核裁军措施的实施，';
const MINDFUL = '铭记实现无核武器世界有多种途径，对此所有国家之间建立信任至关重要，';
const LAST = '1. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';

test('重申 … 又重申: quiet', () => {
  assert.deepEqual(check('repeated-opener', resolution([REAFFIRM, MINDFUL, ALSO, LAST])), []);
});

test('又重申 with no earlier 重申 is an error on the opener', () => {
  const found = check('repeated-opener', resolution([MINDFUL, ALSO, LAST]));
  assert.deepEqual(places(found), [[11, 0, 3]]);
  assert.equal(found[0].severity, 'error');
});

test('an earlier 重申 in the operative part does not count for the preamble', () => {
  const op = '1. **重申**《不扩散核武器条约》所有缔约国致力于实现消除核武器的最终目标；';
  const found = check('repeated-opener', resolution([MINDFUL, ALSO, op, LAST.replace(/^1\./, '2.')]));
  assert.deepEqual(places(found), [[11, 0, 3]]);
  const inOperative = '2. **又重申**国际社会应立即采取共同行动；';
  assert.deepEqual(check('repeated-opener', resolution([MINDFUL, op, inOperative, LAST.replace(/^1\./, '3.')])), []);
});

test('重申 right after 重申 without 又 is a style remark (hint), and the fix adds 又', () => {
  const text = resolution([REAFFIRM, ALSO.replace(/^又/, ''), MINDFUL, LAST]);
  const found = check('repeated-opener', text);
  assert.deepEqual(places(found), [[11, 0, 2]]);
  assert.equal(found[0].severity, 'hint');
  assert.equal(applyFirstFix('repeated-opener', text), resolution([REAFFIRM, ALSO, MINDFUL, LAST]));
  assert.equal(check('repeated-opener', text, { rules: { 'repeated-opener': 'warning' } })[0].severity, 'warning');
});

test('重申 again further down, with another paragraph between, is written plain in the published texts: quiet', () => {
  // 76/54 writes 重申 in preambular paragraphs 1, 4 and 7 without 又.
  assert.deepEqual(check('repeated-opener', resolution([REAFFIRM, MINDFUL, ALSO.replace(/^又/, ''), LAST])), []);
  const op1 = '1. **鼓励**所有国家进一步努力；';
  const op2 = '2. **欢迎**秘书长的报告；';
  const op3 = '3. **鼓励**各方开展对话；';
  assert.deepEqual(check('repeated-opener', resolution([REAFFIRM, op1, op2, op3, LAST.replace(/^1\./, '4.')])), []);
  // The same operative verb right after: the remark, on paragraph 2.
  const found = check('repeated-opener', resolution([REAFFIRM, op1, op3.replace(/^3\./, '2.'), LAST.replace(/^1\./, '3.')]));
  assert.deepEqual(places(found), [[12, 5, 7]]);
});

test('the fix for an orphan 又重申 writes 重申; a third use right after 又重申 takes 还, not a second 又', () => {
  const orphan = resolution([MINDFUL, ALSO, LAST]);
  assert.equal(applyFirstFix('repeated-opener', orphan), resolution([MINDFUL, ALSO.replace(/^又/, ''), LAST]));
  const third = resolution([REAFFIRM, ALSO, ALSO.replace(/^又/, ''), MINDFUL, LAST]);
  assert.equal(applyFirstFix('repeated-opener', third), resolution([REAFFIRM, ALSO, ALSO.replace(/^又/, '还'), MINDFUL, LAST]));
});

test('parts A and B of one resolution: 又 counts within its own part', () => {
  const text = [
    '63/80. 人道主义援助', '', 'A', '', '大会，', '', REAFFIRM, '', '1. 欢迎秘书长的报告。', '', '2008 年 12 月 5 日', '第 65 次全体会议', '',
    'B', '', '大会，', '', ALSO, '', '1. 敦促会员国加强合作。', '', '2008 年 12 月 5 日', '第 65 次全体会议', '',
  ].join('\n');
  const found = check('repeated-opener', text);
  assert.deepEqual(places(found), [[17, 0, 3]], 'part B has no 重申 of its own before 又重申');
  assert.equal(found[0].severity, 'error');
});

test('a Security Council resolution: 又决定 right after 决定 is quiet, 决定 right after 决定 is the remark', () => {
  const sc = (ops: string[]) =>
    ['第 2446(2018)号决议', '2018 年 11 月 15 日安全理事会第 8401 次会议通过', '', '安全理事会，', '', '回顾其以往关于索马里局势的各项决议，', '', ...ops, '', '第 8401 次会议一致通过。', ''].join('\n');
  assert.deepEqual(check('repeated-opener', sc(['1. 决定延长上述措施；', '2. 又决定继续积极处理此案。'])), []);
  const found = check('repeated-opener', sc(['1. 决定延长上述措施；', '2. 决定继续积极处理此案。']));
  assert.deepEqual(places(found), [[8, 3, 5]]);
  assert.equal(found[0].severity, 'hint');
});

test('a long preamble of repeats agrees with the rule read naively (every earlier opener compared)', () => {
  const verbs = ['重申', '强调', '注意到', '回顾'];
  const written = verbs.flatMap((v) => [v, `又${v}`, `还${v}`]);
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 8;
  const openers = Array.from({ length: 300 }, () => written[next() % written.length]);
  const text = resolution([...openers.map((o) => `${o}各国的承诺，`), LAST]);
  const model = parseDraft(text);
  const preamble = model.preamble.map((p) => p.opener!);
  assert.deepEqual(
    preamble.map((o) => o.text),
    openers,
  );
  // The naive reading: each opener against all the earlier ones.
  const expected: [number, string, string?][] = [];
  preamble.forEach((o, i) => {
    const earlier = preamble.slice(0, i).filter((e) => sameVerb(e.base, o.base));
    if (o.repeatPrefix && earlier.length === 0) expected.push([o.span.start, 'error']);
    else if (!o.repeatPrefix && i > 0 && sameVerb(preamble[i - 1].base, o.base)) {
      const used = new Set(earlier.map((e) => e.repeatPrefix ?? ''));
      expected.push([o.span.start, 'hint', ['又', '还'].find((r) => !used.has(r)) ?? '还']);
    }
  });
  const found = validate(model, { ...defaultSettings, maxProblems: 0 }, {}, [repeatedOpener]);
  assert.ok(expected.length > 20 && expected.some((e) => e[2] === '还'), `${expected.length} findings expected`);
  assert.deepEqual(
    found.map((f) => (f.severity === 'hint' ? [f.span.start, f.severity, (f.data as { newText: string }).newText] : [f.span.start, f.severity])),
    expected,
  );
});

/** The draft once every repeated-opener quick fix is applied one after another, from the top, validating again each time. */
function fixedOneByOne(text: string): string {
  for (let i = 0; i < 20; i++) {
    if (check('repeated-opener', text).length === 0) return text;
    text = applyFirstFix('repeated-opener', text);
  }
  throw new Error('the fixes do not settle');
}

test('fix all: three uses of 重申 in a row become 重申 · 又重申 · 还重申, as the quick fixes applied one by one give', () => {
  const second = '重申国际社会应立即采取共同行动，';
  const third = '重申通过建立信任进一步促进具体核裁军措施的实施，';
  const text = resolution([REAFFIRM, second, third, LAST]);
  const model = parseDraft(text);
  const all = fixAll(model, validate(model, defaultSettings, {}, [repeatedOpener]), 'repeated-opener')!;
  assert.ok(all, 'a fix-all for the two findings');
  const together = applyFix(model, all);
  assert.equal(together, fixedOneByOne(text));
  assert.equal(together, resolution([REAFFIRM, `又${second}`, `还${third}`, LAST]));
  // Each quick fix alone still says what the text as it is needs: 又 for both.
  assert.deepEqual(
    validate(model, defaultSettings, {}, [repeatedOpener]).map((f) => f.data?.fix === 'insert' && f.data.newText),
    ['又', '又'],
  );
});

test('fix all: an orphan 又回顾 fixed to 回顾 leaves 又 free for the 回顾 right after it (not 还 with no 又 before it)', () => {
  const orphan = '又回顾其 2019 年 12 月 12 日第 74/50 号决议，';
  const next = '回顾其 2021 年 12 月 6 日第 76/54 号决议，';
  const text = resolution([MINDFUL, orphan, next, LAST]);
  const model = parseDraft(text);
  const all = fixAll(model, validate(model, defaultSettings, {}, [repeatedOpener]), 'repeated-opener')!;
  const together = applyFix(model, all);
  assert.equal(together, resolution([MINDFUL, orphan.slice(1), `又${next}`, LAST]));
  assert.equal(together, fixedOneByOne(text));
  assert.deepEqual(check('repeated-opener', together), []);
});
