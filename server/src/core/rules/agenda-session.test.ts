import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFirstFix, check, draft, lineStarting, organFixture, places, problems, resolution } from './testing';

// A/RES/76/54 (76th session) places the item on the 77th session's agenda.
const FIRST = '重申实现无核武器世界是国际社会的共同目标，';
const LAST = '1. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';

test('the next session: quiet', () => {
  assert.deepEqual(check('agenda-session', resolution([FIRST, LAST])), []);
  // A/RES/62/42 words it the other way round.
  assert.deepEqual(check('agenda-session', resolution([FIRST, '1. **决定**将题为“核裁军”的项目列入大会第七十七届会议临时议程。'])), []);
});

test('the same session is reported on the numeral', () => {
  const found = check('agenda-session', resolution([FIRST, LAST.replace('七十七', '七十六')]));
  assert.deepEqual(places(found), [[11, 13, 16]]);
  assert.match(found[0].message, /76th session.*the 77th \(第七十七届会议\)/);
});

test('a draft without a session is not checked; the fix writes the right session', () => {
  assert.deepEqual(check('agenda-session', draft('大会，', FIRST, LAST.replace('七十七', '七十六'))), []);
  const fixed = applyFirstFix('agenda-session', resolution([FIRST, LAST.replace('七十七', '八十')]));
  assert.ok(fixed.includes('第七十七届会议临时议程'));
  assert.deepEqual(problems(fixed), []);
});

test('a General Assembly convention: other organs are not checked, part B of a GA resolution is', () => {
  // ECOSOC sessions are years; the Human Rights Council and the Security Council do not write this paragraph.
  const ecosoc = organFixture('E-RES-2023-10.unres').replace('4. 核可本决议附件所载欧洲经济委员会 G (70)号决定。', '4. 决定在理事会第七十届会议临时议程内列入本项目。');
  assert.deepEqual(check('agenda-session', ecosoc), []);
  const hrc = organFixture('A-HRC-RES-52-1.unres').replace('3. 决定继续处理此事。', '3. 决定在第五十二届会议临时议程内继续处理此事。');
  assert.deepEqual(check('agenda-session', hrc), []);
  const parts = organFixture('A-RES-63-80.unres');
  assert.deepEqual(check('agenda-session', parts), []);
  const broken = parts.replace('2. 决定在大会第六十四届会议临时议程', '2. 决定在大会第六十三届会议临时议程');
  assert.deepEqual(check('agenda-session', broken).map((f) => [f.line, f.text]), [[lineStarting(broken, '2. 决定在大会'), '六十三']]);
});
