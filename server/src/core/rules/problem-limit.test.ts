import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDraft } from '../parse/parser';
import { defaultSettings, resolveSettings } from '../settings';
import { validate } from './index';
import { PROBLEM_LIMIT_ID } from './problem-limit';
import { resolution, seen, TODAY } from './testing';

// Operative paragraphs of A/RES/76/54 as a drafter breaks them: every other one ends with ， (a
// warning each), every fifth has lost its 》 (an error each), and one opener is repeated without 又
// (a hint); the operative verbs take turns, as in a resolution.
const VERBS = ['鼓励', '促请', '吁请', '敦促', '呼吁'];
const GOOD = '所有国家，包括《全面禁止核试验条约》附件2中所列尚未签署和(或)批准《条约》的剩余八个国家，不要等待任何其他国家而予以签署和(或)批准';
function broken(paragraphs: number): string {
  const body = ['重申实现无核武器世界是国际社会的共同目标，', '重申《不扩散核武器条约》是国际核不扩散制度的基石，'];
  for (let i = 1; i <= paragraphs; i++) {
    let text = `**${VERBS[i % VERBS.length]}**${GOOD}`;
    if (i % 5 === 0) text = text.replace('核试验条约》', '核试验条约');
    const ending = i === paragraphs ? '。' : i % 2 === 0 ? '，' : '；';
    body.push(`${i}. ${text}${ending}`);
  }
  return resolution(body);
}

const run = (text: string, settings: unknown = {}, locale: 'en' | 'zh' = 'en') => {
  const model = parseDraft(text);
  return { model, findings: validate(model, resolveSettings(settings), { today: TODAY, locale }) };
};

test('within the limit: every finding, and no word about a limit', () => {
  const { findings } = run(broken(20));
  assert.ok(findings.length > 10 && findings.length < 1000);
  assert.ok(!findings.some((f) => f.rule === PROBLEM_LIMIT_ID));
  const { findings: unlimited } = run(broken(20), { maxProblems: 0 });
  assert.deepEqual(unlimited, findings);
});

test('over the limit: errors first, then warnings in the order of the text, and one finding on the rest', () => {
  const text = broken(40);
  const all = run(text, { maxProblems: 0 }).findings;
  const errors = all.filter((f) => f.severity === 'error');
  const warnings = all.filter((f) => f.severity === 'warning');
  const hints = all.filter((f) => f.severity === 'hint');
  assert.equal(errors.length, 8, 'one lost 》 in every fifth paragraph');
  assert.ok(warnings.length >= 19, 'a wrong ending in every other paragraph');
  assert.equal(hints.length, 1, 'the repeated 重申');

  const { model, findings } = run(text, { maxProblems: 12 });
  assert.equal(findings.length, 13);
  const [summary, ...kept] = findings;
  assert.equal(summary.rule, PROBLEM_LIMIT_ID);
  // All 8 errors, then the first 4 warnings of the text; the other warnings and the hint are left out.
  assert.deepEqual(kept, [...errors, ...warnings.slice(0, 4)].sort((a, b) => a.span.start - b.span.start));
  const left = all.length - 12;
  assert.equal(summary.severity, 'warning', 'as severe as the most severe finding left out');
  assert.equal(summary.message, `${left} more problems in this draft are not shown (${warnings.length - 4} warnings, 1 hint): at most 12 are shown, errors first. The setting maxProblems sets the limit (0: none).`);
  // At the top of the draft: its first line.
  const [place] = seen(model, [summary]);
  assert.equal(place.line, 0);
  assert.equal(place.text, '大 会');
});

test('more errors than the limit: the first errors of the text, and the summary is an error', () => {
  const { findings } = run(broken(40), { maxProblems: 3 });
  const all = run(broken(40), { maxProblems: 0 }).findings.filter((f) => f.severity === 'error');
  assert.deepEqual(findings.slice(1), all.slice(0, 3));
  assert.equal(findings[0].severity, 'error');
  assert.match(findings[0].message, /^\d+ more problems in this draft are not shown \(5 errors, \d+ warnings, 1 hint\)/);
});

test('the summary in Chinese; in English, numbers grouped by thousands', () => {
  const zh = run(broken(40), { maxProblems: 12 }, 'zh').findings[0];
  assert.match(zh.message, /^本草案另有 \d+ 个问题未显示\(警告 \d+ 个、提示 1 个\)：每份草案最多显示 12 个问题，错误优先。上限由设置 maxProblems 规定\(0 为不设上限\)。$/);
  // 5,000 paragraphs: 1,000 errors fill the default limit; 2,499 wrong endings and the hint are counted.
  const { findings } = run(broken(5000));
  assert.equal(findings.length, 1001);
  assert.ok(findings.slice(1).every((f) => f.severity === 'error'));
  assert.match(findings[0].message, /^2,500 more problems in this draft are not shown \(2,499 warnings, 1 hint\): at most 1,000 are shown/);
});

test('maxProblems: a whole number from 0; anything else is the default 1000', () => {
  assert.equal(defaultSettings.maxProblems, 1000);
  assert.equal(resolveSettings({ maxProblems: 0 }).maxProblems, 0);
  assert.equal(resolveSettings({ maxProblems: 50 }).maxProblems, 50);
  for (const bad of [-1, 2.5, '50', null, Number.NaN]) assert.equal(resolveSettings({ maxProblems: bad }).maxProblems, 1000, String(bad));
});
