import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDraft } from '../parse/parser';
import { defaultSettings, resolveSettings } from '../settings';
import { rules, validate } from './index';
import type { Rule } from './types';
import { draft, resolution, TODAY } from './testing';

const REQUIRED = [
  'agenda-session', 'bracket-pairs', 'citation-date', 'cross-reference', 'date-invalid', 'footnote-ibid', 'footnote-order',
  'footnote-reuse', 'footnote-undefined', 'footnote-unused', 'operative-numbering', 'paragraph-ending', 'punctuation-width',
  'repeated-opener', 'subparagraph-order', 'symbol-format',
];

test('rule ids are unique, listed alphabetically, and include every id of the interface', () => {
  const ids = rules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(ids, [...ids].sort());
  for (const id of REQUIRED) assert.ok(ids.includes(id), id);
});

test('every rule has a description, a severity, its own file and its own tests', () => {
  for (const r of rules) {
    assert.ok(r.description.length > 10 && r.description.endsWith('.'), r.id);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(r.defaultSeverity), r.id);
    assert.ok(existsSync(join(__dirname, `${r.id}.ts`)), `${r.id}.ts`);
    const tests = join(__dirname, `${r.id}.test.ts`);
    assert.ok(existsSync(tests), `${r.id}.test.ts`);
    assert.ok((readFileSync(tests, 'utf8').match(/\btest\(/g) ?? []).length >= 2, `${r.id} needs a good and a bad case`);
  }
});

test('every message has an English and a Chinese text', () => {
  for (const r of rules) {
    assert.deepEqual(Object.keys(r.messages.zh).sort(), Object.keys(r.messages.en).sort(), r.id);
  }
});

const BROKEN = resolution([
  '重申实现无核武器世界是国际社会的共同目标；',
  '又重申《不扩散核武器条约》¹ 是国际核不扩散制度的基石，',
  '1. **促请**所有缔约国确定具体措施，落实对第十次审议大会及其后的承诺；',
  '3. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。',
]);

test('a rule that throws is reported and the others still run', () => {
  const failing: Rule = { id: 'aaa-broken', defaultSeverity: 'error', description: 'Always fails.', messages: { en: {}, zh: {} }, check: () => { throw new Error('boom'); } };
  const errors: string[] = [];
  const findings = validate(parseDraft(BROKEN), defaultSettings, { today: TODAY, onRuleError: (id) => errors.push(id) }, [failing, ...rules]);
  assert.deepEqual(errors, ['aaa-broken']);
  assert.deepEqual([...new Set(findings.map((f) => f.rule))].sort(), ['footnote-undefined', 'operative-numbering', 'paragraph-ending']);
});

test('settings set the severity per rule, or turn it off', () => {
  const model = parseDraft(BROKEN);
  const findings = validate(model, resolveSettings({ rules: { 'paragraph-ending': 'off', 'operative-numbering': 'hint' } }), { today: TODAY });
  assert.ok(!findings.some((f) => f.rule === 'paragraph-ending'));
  assert.equal(findings.find((f) => f.rule === 'operative-numbering')?.severity, 'hint');
});

test('%% drafter-disable silences a rule on the next paragraph; -file for the whole file', () => {
  const lines = BROKEN.split('\n');
  const at = lines.indexOf('重申实现无核武器世界是国际社会的共同目标；');
  const once = [...lines.slice(0, at), '%% drafter-disable paragraph-ending', ...lines.slice(at)].join('\n');
  const model = parseDraft(once);
  assert.equal(model.comments.length, 1);
  assert.equal(model.preamble.length, 2, 'the comment is not a paragraph');
  assert.ok(!validate(model, defaultSettings, { today: TODAY }).some((f) => f.rule === 'paragraph-ending'));
  const other = [...lines.slice(0, at), '%% drafter-disable footnote-undefined', ...lines.slice(at)].join('\n');
  assert.ok(validate(parseDraft(other), defaultSettings, { today: TODAY }).some((f) => f.rule === 'paragraph-ending'));
  const file = '%% drafter-disable-file operative-numbering footnote-undefined\n' + BROKEN;
  const rest = validate(parseDraft(file), defaultSettings, { today: TODAY }).map((f) => f.rule);
  assert.deepEqual([...new Set(rest)], ['paragraph-ending']);
});

test('a malformed draft still gets every finding the rest of it deserves, and no rule throws on odd input', () => {
  const odd = draft('76/54.', '大会，', '1.', '(a)', '㈠', '¹', '---', '¹', '²同上', '上文第 0 段', '《', '”', '2021 年 2 月 30 日', '%%', '%% drafter-disable', 'a／', '第〇届会议临时议程');
  const errors: string[] = [];
  const findings = validate(parseDraft(odd), defaultSettings, { today: TODAY, onRuleError: (id, e) => errors.push(`${id}: ${String(e)}`) });
  assert.equal(errors.length, 0, errors.join('\n'));
  assert.ok(findings.length > 0);
  for (const sample of ['', '\n\n', '大会，\n', '1. **决定**：\n(b)\n(a)\n', '\u3220\n'.repeat(3), '¹²³⁴\n---\n⁴ 同上。\n']) {
    validate(parseDraft(sample), defaultSettings, { today: TODAY, onRuleError: (id, e) => errors.push(`${id}: ${String(e)}`) });
  }
  assert.deepEqual(errors, []);
});

test('messages follow the locale of the context', () => {
  const model = parseDraft(BROKEN);
  const zh = validate(model, defaultSettings, { today: TODAY, locale: 'zh' }).find((f) => f.rule === 'operative-numbering');
  assert.equal(zh?.message, '第 3 段接在第 1 段之后：缺少第 2 段。');
});

test('junk in a draft does not hide the findings the rest of it deserves', () => {
  const rulesOf = (text: string) => [...new Set(validate(parseDraft(text), defaultSettings, { today: TODAY }).map((f) => f.rule))].sort();
  const clean = rulesOf(BROKEN);
  const junk = BROKEN.replace('大会，\n', '大会，\n\n)))》》“\n¹²³\n(zz) ？\n\u0000\uFFFD\n') + '---\n这一行不是脚注。\n⁹ 同上。\n';
  const model = parseDraft(junk);
  assert.ok(model.notes.length > 0, 'the parser notes the stray line');
  const withJunk = rulesOf(junk);
  for (const id of clean) assert.ok(withJunk.includes(id), id);
});
