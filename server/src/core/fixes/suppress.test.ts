import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDraft } from '../parse/parser';
import { validate } from '../rules';
import { resolveSettings } from '../settings';
import { TODAY, problems, resolution } from '../rules/testing';
import { applyFix, disableFixes, fixAll } from './suppress';

// A/RES/76/54, preambular paragraphs, with their endings broken as a drafter breaks them.
const FIRST = '重申实现无核武器世界是国际社会的共同目标，';
const SECOND = '又重申《不扩散核武器条约》是国际核不扩散制度的基石，';
const THIRD = '回顾其 2019 年 12 月 12 日第 74/50 号决议，';
const LAST = '1. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';

const findings = (text: string) => validate(parseDraft(text), resolveSettings({}), { today: TODAY });

test('“Disable paragraph-ending for this paragraph” writes the comment above it, and that finding goes (the others stay)', () => {
  const text = resolution([FIRST.replace('，', '；'), SECOND.replace('，', '。'), THIRD, LAST]);
  const model = parseDraft(text);
  const finding = findings(text).find((f) => f.rule === 'paragraph-ending')!;
  const [line, file] = disableFixes(model, finding);
  assert.equal(line.title, 'Disable paragraph-ending for this paragraph');
  assert.equal(file.title, 'Disable paragraph-ending for this file');
  const fixed = applyFix(model, line);
  assert.ok(fixed.includes(`%% drafter-disable paragraph-ending\n${FIRST.replace('，', '；')}\n`), fixed);
  assert.deepEqual(problems(fixed).filter((f) => f.rule === 'paragraph-ending').map((f) => f.text.slice(-1)), ['。']);
});

test('“… for this file” writes a first line that silences the rule everywhere; a second rule is added to the same comment', () => {
  const text = resolution([FIRST.replace('，', '；'), SECOND.replace('，', '。'), THIRD.replace('日第', '日,第'), LAST]);
  let model = parseDraft(text);
  const ending = findings(text).find((f) => f.rule === 'paragraph-ending')!;
  const once = applyFix(model, disableFixes(model, ending)[1]);
  assert.ok(once.startsWith('%% drafter-disable-file paragraph-ending\n大 会\n'));
  assert.deepEqual(problems(once).filter((f) => f.rule === 'paragraph-ending'), []);
  model = parseDraft(once);
  const width = findings(once).find((f) => f.rule === 'punctuation-width')!;
  const twice = applyFix(model, disableFixes(model, width)[1]);
  assert.ok(twice.startsWith('%% drafter-disable-file paragraph-ending punctuation-width\n大 会\n'), twice.slice(0, 80));
  assert.deepEqual(problems(twice), []);
  // The line fix adds to a drafter-disable comment already above the paragraph.
  const marked = resolution(['%% drafter-disable repeated-opener', THIRD.replace('日第', '日,第'), LAST]);
  const m = parseDraft(marked);
  const fix = disableFixes(m, findings(marked).find((f) => f.rule === 'punctuation-width')!)[0];
  assert.ok(applyFix(m, fix).includes(`%% drafter-disable repeated-opener punctuation-width\n${THIRD.replace('日第', '日,第')}`));
});

test('the titles are in Chinese with locale zh; parse notes get no disable fix', () => {
  const text = resolution([FIRST.replace('，', '；'), LAST]);
  const finding = findings(text).find((f) => f.rule === 'paragraph-ending')!;
  assert.deepEqual(disableFixes(parseDraft(text), finding, 'zh').map((f) => f.title), ['在本段停用 paragraph-ending', '在本文件停用 paragraph-ending']);
  assert.deepEqual(disableFixes(parseDraft(text), { ...finding, rule: 'structure' }), []);
});

test('Fix all paragraph endings: every preambular paragraph gets its ，, in one edit; none with a single finding', () => {
  const text = resolution([FIRST.replace('，', '；'), SECOND.replace('，', '。'), THIRD, LAST]);
  const model = parseDraft(text);
  const all = fixAll(model, findings(text), 'paragraph-ending');
  assert.ok(all);
  assert.equal(all.title, 'Fix all 2 paragraph-ending findings in this draft');
  const fixed = applyFix(model, all);
  assert.ok(fixed.includes(`${FIRST}\n${SECOND}\n${THIRD}\n`), fixed);
  assert.deepEqual(problems(fixed), []);
  const one = resolution([FIRST.replace('，', '；'), SECOND, LAST]);
  assert.equal(fixAll(parseDraft(one), findings(one), 'paragraph-ending'), undefined);
});
