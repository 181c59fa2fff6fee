import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, lineStarting, organFixture, places, resolution } from './testing';

// A/RES/73/62, preambular paragraph on the summits of 2018.
const FIRST = '重申实现无核武器世界是国际社会的共同目标，';
const WELCOME = '欢迎 2018 年 4 月 27 日、5 月 26 日和 9 月 18 日至 20 日举行的朝韩首脑会议以及 2018 年 6 月 12 日美利坚合众国总统和朝鲜民主主义人民共和国劳动党委员长举行的会谈，';
const LAST = '1. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';

test('real dates: quiet', () => {
  assert.deepEqual(check('date-invalid', resolution([FIRST, WELCOME, LAST])), []);
});

test('30 February and month 13 are reported on the whole date', () => {
  const found = check('date-invalid', resolution([FIRST, WELCOME.replace('4 月 27 日', '2 月 30 日'), WELCOME.replace('6 月 12 日', '13 月 12 日'), LAST]));
  assert.deepEqual(places(found), [[11, 3, 18], [12, 55, 71]]);
  assert.match(found[0].message, /that month has 28 days/);
  assert.match(found[1].message, /no such month/);
});

test('29 February exists in leap years only', () => {
  assert.deepEqual(check('date-invalid', resolution([FIRST, WELCOME.replace('4 月 27 日', '2 月 29 日').replace('2018 年 2', '2020 年 2'), LAST])), []);
  assert.equal(check('date-invalid', resolution([FIRST, WELCOME.replace('4 月 27 日', '2 月 29 日'), LAST])).length, 1);
});

test('a closing date in Chinese numerals (1966) is read: a real one is quiet, 二月三十日 is caught', () => {
  const old = organFixture('A-RES-2159-XXI.unres');
  assert.deepEqual(check('date-invalid', old), []);
  const broken = old.replace('一九六六年十一月二十九日', '一九六六年二月三十日');
  assert.deepEqual(check('date-invalid', broken).map((f) => f.line), [lineStarting(broken, '一九六六年')]);
  const sc = organFixture('S-RES-347-1974.unres').replace('一九七四年四月二十四日', '一九七四年四月三十一日');
  assert.deepEqual(check('date-invalid', sc).map((f) => f.line), [0]);
});

test('the end of a range or list takes its year and month from the date before it: 9 月 18 日至 31 日 and 、2 月 30 日 are caught on themselves', () => {
  const range = resolution([FIRST, WELCOME.replace('9 月 18 日至 20 日', '9 月 18 日至 31 日'), LAST]);
  const found = check('date-invalid', range);
  assert.equal(found.length, 1);
  assert.equal(found[0].text, '31 日');
  assert.match(found[0].message, /^2018-9-31 is not a real date: that month has 30 days/);
  const list = check('date-invalid', resolution([FIRST, WELCOME.replace('、5 月 26 日', '、2 月 30 日'), LAST]));
  assert.deepEqual(list.map((f) => f.text), ['2 月 30 日']);
  // A leap year's 29 February, inherited from the start of the range.
  const leap = '回顾其 2020 年 2 月 27 日至 29 日举行的会议，';
  assert.deepEqual(check('date-invalid', resolution([FIRST, leap, LAST])), []);
  assert.deepEqual(check('date-invalid', resolution([FIRST, leap.replace('2020', '2021'), LAST])).map((f) => f.text), ['29 日']);
  // An end written in full is one date of its own, found once.
  assert.deepEqual(check('date-invalid', resolution([FIRST, '回顾其 2021 年 2 月 27 日至 2021 年 2 月 30 日举行的会议，', LAST])).map((f) => f.text), ['2021 年 2 月 30 日']);
});

test('a Human Rights Council session heading: 2023 年 2 月 27 日至 4 月 4 日 is quiet, 至 4 月 31 日 is caught', () => {
  const hrc = organFixture('A-HRC-RES-52-1.unres');
  assert.deepEqual(check('date-invalid', hrc), []);
  const broken = hrc.replace('2023 年 2 月 27 日至 4 月 4 日', '2023 年 2 月 27 日至 4 月 31 日');
  assert.notEqual(broken, hrc);
  const found = check('date-invalid', broken);
  assert.deepEqual(found.map((f) => [f.line, f.text]), [[lineStarting(broken, '2023 年 2 月 27 日'), '4 月 31 日']]);
  assert.match(found[0].message, /2023-4-31/);
});
