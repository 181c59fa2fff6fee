import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolutionTemplate } from '../lang/zh-template';
import { check, draft, places, problems, resolution } from './testing';

// A/RES/76/54, preambular paragraph 1 and the last operative paragraph, as in the corpus.
const FIRST = '重申实现无核武器世界是国际社会的共同目标，';
const LAST = '1. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';
/** The new-resolution template with its placeholders as they stand (the client's templateText). */
const templateText = () => resolutionTemplate.map((l) => l.replace(/\{([^{}]*)\}/g, '$1')).join('\n');
const FOOTNOTE = '¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。';

test('a filled draft: quiet', () => {
  assert.deepEqual(check('placeholder', resolution([FIRST, LAST])), []);
  assert.deepEqual(check('placeholder', resolution(['又重申《不扩散核武器条约》¹ 是国际核不扩散制度的基石，', LAST], [FOOTNOTE])), []);
});

test('the template as it comes: every placeholder is information, and nothing else is reported', () => {
  const found = check('placeholder', templateText());
  assert.ok(found.every((f) => f.severity === 'info'));
  assert.deepEqual(found.map((f) => f.text), ['XX', 'XX', 'XX', 'XX', '决议标题', '……', '……', 'XXXX', 'XX', 'XX', 'XX']);
  assert.deepEqual(problems(templateText()), []);
});

test('a draft half filled: the title number, the date, the meeting, the ellipsis after an opener, a footnote left as ……', () => {
  const text = draft(
    '大 会', '第七十七届会议', '', 'XX/XX. 建立无核武器世界的联合行动和面向未来的对话', '', '大会，', '',
    '又重申《不扩散核武器条约》¹ 是国际核不扩散制度的基石，', '',
    '1. **决定**……。', '', 'XXXX 年 XX 月 XX 日', '第 XX 次全体会议', '', '---', '¹ ……。',
  );
  const found = check('placeholder', text);
  assert.deepEqual(found.map((f) => f.text), ['XX', 'XX', '……', 'XXXX', 'XX', 'XX', 'XX', '……']);
  assert.deepEqual(places(found).slice(0, 3), [[3, 0, 2], [3, 3, 5], [9, 9, 11]]);
  assert.match(found[0].message, /“XX” is a placeholder still to be filled in/);
  assert.match(found[2].message, /text still to be written/);
});

test('underscores in a title number (76/__.) are a placeholder; a symbol with X in it is not', () => {
  const found = check('placeholder', draft('76/__. 建立无核武器世界的联合行动和面向未来的对话', '', '大会，', '', '注意到 A/RES/76/54 和 NPT/CONF.2020/WP.77 号文件，', '', LAST));
  assert.deepEqual(found.map((f) => f.text), ['__']);
  assert.deepEqual(check('placeholder', resolution(['注意到 XXI 世纪和 XML 格式，', LAST])), []);
});

test('comment lines are left alone; the messages are in Chinese with locale zh', () => {
  assert.deepEqual(check('placeholder', resolution(['%% 日期 XXXX 待定 ……', FIRST, LAST])), []);
  const [first] = check('placeholder', resolution(['回顾……，', LAST]), {}, { locale: 'zh' });
  assert.equal(first.message, '“……”处的文字尚待填写。');
});

test('a footnote separator typed as underscores (______) is not a placeholder; underscores inside a line still are', () => {
  const withSeparator = (separator: string) => resolution([FIRST.replace('，', '¹，'), LAST]).concat(`\n${separator}\n¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。\n`);
  for (const separator of ['______', '＿＿＿', '---']) assert.deepEqual(check('placeholder', withSeparator(separator)), [], separator);
  assert.equal(check('placeholder', withSeparator('______').replace('第 729 卷', '第 ___ 卷')).length, 1);
});
