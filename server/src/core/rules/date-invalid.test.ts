import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, places, resolution } from './testing';

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
