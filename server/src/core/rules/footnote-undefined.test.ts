import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDraft } from '../parse/parser';
import { applyFirstFix, check, lineStarting, organFixture, places, problems, resolution } from './testing';

// A/RES/76/54, preambular paragraph 2 and footnote 1.
const PRE = '又重申《不扩散核武器条约》¹ 是国际核不扩散制度和追求实现相辅相成的核裁军、核不扩散及和平利用核能的基石，';
const FIRST = '重申实现无核武器世界是国际社会的共同目标，';
const NOTE1 = '¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。';
const LAST = '1. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';

test('a marker with its footnote text: quiet', () => {
  assert.deepEqual(check('footnote-undefined', resolution([FIRST, PRE, LAST], [NOTE1])), []);
});

test('a marker without text is reported on the first marker only', () => {
  const found = check('footnote-undefined', resolution([FIRST, PRE, PRE.replace('又重申', '还重申'), LAST]));
  assert.deepEqual(places(found), [[11, 13, 14]]);
  assert.match(found[0].message, /Footnote 1 is cited here but has no footnote text/);
});

test('the stub fix adds a footnote text (and the footnote line) and the marker is then defined', () => {
  const text = resolution([FIRST, PRE, LAST]);
  const fixed = applyFirstFix('footnote-undefined', text);
  assert.ok(fixed.endsWith('---\n¹ ……。\n'), JSON.stringify(fixed.slice(-30)));
  assert.deepEqual(check('footnote-undefined', fixed), []);
  assert.deepEqual(problems(fixed), []);
});

test('a footnote line with its number but no text yet (just inserted) is one finding, on that number', () => {
  const text = resolution([FIRST, PRE, LAST], ['¹ ']);
  const found = check('footnote-undefined', text);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /Footnote 1 has no text yet/);
  assert.equal(found[0].text, '¹');
  // Not a stray line among the footnotes, nor a second use of footnote 1.
  assert.deepEqual(problems(text).map((p) => p.rule), ['footnote-undefined']);
  assert.deepEqual(parseDraft(text).notes, []);
});

test('a Security Council vote footnote with a plain-digit marker (…通过。 1) and no separator line: quiet; its text missing is caught on the marker', () => {
  const sc = organFixture('S-RES-347-1974.unres');
  assert.deepEqual(check('footnote-undefined', sc), []);
  const broken = sc.replace('\n1 二理事国未参加表决。\n', '\n');
  // Without its footnote line the trailing 1 is no marker the parser can pair; with a superscript it is.
  const superscript = broken.replace('通过。 1', '通过。¹');
  const found = check('footnote-undefined', superscript);
  assert.deepEqual(found.map((f) => [f.line, f.text]), [[lineStarting(superscript, '第 1769 次会议'), '¹']]);
});

test('a marker numbered beyond any count of footnotes is matched to its text, or reported when it has none', () => {
  const huge = '又重申《不扩散核武器条约》¹²³⁴⁵⁶⁷⁸⁹⁰¹² 是国际核不扩散制度的基石，';
  assert.deepEqual(check('footnote-undefined', resolution([FIRST, PRE, huge, LAST], [NOTE1, '¹²³⁴⁵⁶⁷⁸⁹⁰¹² 联合国，《条约汇编》，第 729 卷。'])), []);
  const found = check('footnote-undefined', resolution([FIRST, PRE, huge, LAST], [NOTE1]));
  assert.equal(found.length, 1);
  assert.match(found[0].message, /Footnote 123456789012 is cited here/);
});
