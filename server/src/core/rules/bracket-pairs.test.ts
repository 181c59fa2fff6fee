import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, places, resolution } from './testing';

// A/RES/76/54, subparagraph 3 (d): 《》, () and “” together.
const FIRST = '重申实现无核武器世界是国际社会的共同目标，';
const D = '1. **鼓励**所有国家，包括《全面禁止核试验条约》附件2中所列尚未签署和(或)批准《条约》的剩余八个国家，不要等待任何其他国家而予以签署和(或)批准；';
const LAST = '2. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';
const NOTE = '¹ 《不扩散核武器条约缔约国 1995 年审议和延期大会，最后文件，第一部分》(NPT/CONF.1995/32(Part I))。';

test('balanced brackets, nested parentheses in a footnote: quiet', () => {
  assert.deepEqual(check('bracket-pairs', resolution([FIRST + '¹', D, LAST], [NOTE])), []);
});

test('an unclosed 《 is reported where it opens', () => {
  const found = check('bracket-pairs', resolution([FIRST, D.replace('《条约》', '《条约'), LAST]));
  assert.deepEqual(places(found), [[11, 43, 44]]);
  assert.match(found[0].message, /not closed/);
});

test('a stray ” and a half-closed ( are reported on the mark', () => {
  const found = check('bracket-pairs', resolution([FIRST, D, LAST.replace('题为“全面', '题为全面')]));
  assert.deepEqual(places(found), [[12, 31, 32]]);
  assert.match(found[0].message, /closes nothing/);
  const paren = check('bracket-pairs', resolution([FIRST, D.replace('和(或)批准《', '和(或批准《'), LAST]));
  assert.deepEqual(places(paren), [[11, 38, 39]]);
});

test('a quotation closed by the wrong mark', () => {
  const found = check('bracket-pairs', resolution([FIRST, D.replace('《全面禁止核试验条约》', '《全面禁止核试验条约”'), LAST]));
  assert.ok(found.length >= 1);
  assert.equal(found[0].line, 11);
});
