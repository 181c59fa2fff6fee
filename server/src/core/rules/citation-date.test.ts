import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Catalogue } from '../catalogue';
import { parseDraft } from '../parse/parser';
import { resolveSettings } from '../settings';
import { ruleById, validate } from './index';
import { check, places, resolution, TODAY } from './testing';
import type { ValidationContext } from './types';

// A/RES/76/54 and A/RES/73/62 cite these resolutions with their dates.
const FIRST = '重申实现无核武器世界是国际社会的共同目标，';
const RECALL = '回顾有效、可信的核裁军核查在实现并随后保持消除核武器过程中在确保遵约方面不可或缺的作用，欢迎根据 2019 年 12 月 12 日第 74/50 号决议设立政府专家组，';
const SC = '5. **重申**致力于加强国际核不扩散制度，包括执行安全理事会 2004 年 4 月 28 日第 1540(2004)号决议等有关决议；';
const LAST = '6. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';
const body = (...lines: string[]) => resolution([FIRST, ...lines, LAST.replace(/^6\./, '2.')]);

const catalogue: Catalogue = {
  version: 1,
  documents: [],
  titles: [],
  cited: [{ symbol: 'A/RES/74/50', kind: 'resolution', titles: [], dates: ['2019-12-12'], citedBy: [], footnotes: [] }],
};

test('the same dates as the corpus: quiet', () => {
  assert.deepEqual(check('citation-date', body(RECALL, SC.replace(/^5\./, '1.')), {}, { catalogue }), []);
});

test('a different date in the same draft is reported on the later date', () => {
  const again = '1. **欢迎**根据 2019 年 12 月 13 日第 74/50 号决议设立的政府专家组的工作；';
  const found = check('citation-date', body(RECALL, again));
  assert.deepEqual(places(found), [[12, 12, 28]]);
  assert.match(found[0].message, /elsewhere in this draft on 2019-12-12/);
});

test('a date other than the corpus catalogue’s is reported', () => {
  const found = check('citation-date', body(RECALL.replace('12 月 12 日', '12 月 11 日')), {}, { catalogue });
  assert.deepEqual(places(found), [[11, 49, 65]]);
  assert.match(found[0].message, /corpus cites it as adopted on 2019-12-12/);
});

test('a cited date after the document’s own date (2021-12-06) is reported', () => {
  const found = check('citation-date', body(RECALL.replace('2019 年 12 月 12 日', '2022 年 12 月 12 日')));
  assert.equal(found.length, 1);
  assert.match(found[0].message, /after this document's own date \(2021-12-06\)/);
});

test('the quick fix writes the other date in the draft’s own form; Chinese messages write dates in Chinese', () => {
  const findings = (text: string, context: ValidationContext) =>
    validate(parseDraft(text), resolveSettings({}), { today: TODAY, ...context }, [ruleById('citation-date')!]);
  const again = '1. **欢迎**根据 2019年12月13日第 74/50 号决议设立的政府专家组的工作；';
  const [inDraft] = findings(body(RECALL, again), {});
  assert.deepEqual(inDraft.data, { fix: 'replace', newText: '2019年12月12日', title: 'Write 2019年12月12日' });
  const [inCorpus] = findings(body(RECALL.replace('12 月 12 日', '12 月 11 日')), { catalogue, locale: 'zh' });
  assert.deepEqual(inCorpus.data, { fix: 'replace', newText: '2019 年 12 月 12 日', title: '改为 2019 年 12 月 12 日' });
  assert.equal(inCorpus.message, '此处引用第 74/50 号决议的通过日期为 2019 年 12 月 11 日；语料中的日期为 2019 年 12 月 12 日。');
});
