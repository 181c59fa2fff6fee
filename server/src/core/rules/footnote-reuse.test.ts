import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Catalogue } from '../catalogue';
import { parseDraft } from '../parse/parser';
import { applyFirstFix, check, draft, places, problems } from './testing';
import { reuseAllowed } from './footnote-reuse';

// A/RES/73/62 (5 December 2018) cites the NPT with footnote 1 in the preamble and again in
// operative paragraph 1: the older practice.
function doc(date: string, second = '1. **促请**所有缔约国遵守《不扩散核武器条约》¹ 序言中的设想；') {
  return draft(
    '第七十三届会议',
    `${date}大会决议`,
    '73/62. 继续坚决采取联合行动彻底消除核武器',
    '大会，',
    '重申《不扩散核武器条约》¹ 作为国际核不扩散机制的基石具有至关重要的意义，',
    second,
    '2. **决定**在大会第七十四届会议临时议程题为“全面彻底裁军”的项目下列入题为“继续坚决采取联合行动彻底消除核武器”的分项。',
    '---',
    '¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。',
  );
}

test('by-date: a 2018 document may reuse a number; a 2021 one may not', () => {
  assert.deepEqual(check('footnote-reuse', doc('2018 年 12 月 5 日')), []);
  const found = check('footnote-reuse', doc('2021 年 12 月 6 日'));
  assert.deepEqual(places(found), [[5, 26, 27]]);
  assert.match(found[0].message, /dated from 2019 on; this one is 2021-12-06/);
});

test('how the setting and the date interact', () => {
  const old = parseDraft(doc('2018 年 12 月 5 日'));
  const recent = parseDraft(doc('2021 年 12 月 6 日'));
  const undated = parseDraft(doc('').replace(/^大会决议\n/m, ''));
  assert.equal(reuseAllowed(old, 'by-date'), true);
  assert.equal(reuseAllowed(recent, 'by-date'), false);
  assert.equal(reuseAllowed(undated, 'by-date'), false, 'a new draft without a date follows current practice');
  assert.equal(reuseAllowed(recent, 'allow'), true);
  assert.equal(reuseAllowed(old, 'forbid'), false);
  assert.deepEqual(check('footnote-reuse', doc('2021 年 12 月 6 日'), { footnotes: { reuse: 'allow' } }), []);
  assert.equal(check('footnote-reuse', doc('2018 年 12 月 5 日'), { footnotes: { reuse: 'forbid' } }).length, 1);
});

test('when reuse is allowed it must cite the same source', () => {
  // The CTBT has its own footnote in the corpus (A/RES/76/54): reusing the NPT's footnote for it is wrong.
  const catalogue: Catalogue = {
    version: 1, documents: [], cited: [],
    titles: [{ title: '全面禁止核试验条约', footnotes: ['见第 50/245 号决议和 A/50/1027。'], citedBy: [] }],
  };
  const other = '1. **促请**所有缔约国遵守《全面禁止核试验条约》¹；';
  const found = check('footnote-reuse', doc('2018 年 12 月 5 日', other), {}, { catalogue });
  assert.deepEqual(places(found), [[5, 27, 28]]);
  assert.match(found[0].message, /must cite the same source/);
  // After a comma the marker cites the clause, not the title (A/RES/59/76 reuses ⁵ so): quiet.
  assert.deepEqual(check('footnote-reuse', doc('2018 年 12 月 5 日', other.replace('》¹；', '》，¹ 以实现早日生效；')), {}, { catalogue }), []);
  // Without a known footnote for the title there is no evidence: quiet.
  assert.deepEqual(check('footnote-reuse', doc('2018 年 12 月 5 日', other)), []);
});

test('the fix gives the repeated reference its own footnote with the same text', () => {
  const fixed = applyFirstFix('footnote-reuse', doc('2021 年 12 月 6 日'));
  assert.ok(fixed.includes('《不扩散核武器条约》² 序言'));
  assert.ok(fixed.includes('¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。\n² 联合国，《条约汇编》，第 729 卷，第 10485 号。'), fixed);
  assert.deepEqual(problems(fixed), []);
});
