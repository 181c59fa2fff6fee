import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDraft } from '../parse/parser';
import { applyFirstFix, check, draft, lineStarting, organFixture, places, problems, resolution } from './testing';

// A/RES/76/54.
const PRE1 = '重申实现无核武器世界是国际社会的共同目标，';
const PRE2 = '铭记实现无核武器世界有多种途径，对此所有国家之间建立信任至关重要，';
const OP1 = '1. **促请**《不扩散核武器条约》所有缔约国确定具体措施，落实对第十次审议大会及其后的承诺；';
const OP2 = '2. 为促进面向未来的对话以推进核裁军，**又鼓励：**';
const B = '(a) 所有国家就科学技术发展对军备控制、裁军和不扩散的可能影响进行对话；';
const C = '(b) 所有国家就核裁军与安全的关系进行坦诚对话；';
const LAST = '3. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';

test('the published endings are quiet', () => {
  assert.deepEqual(check('paragraph-ending', resolution([PRE1, PRE2, OP1, OP2, B, C, LAST])), []);
});

test('a preambular paragraph ending with ； and an operative one ending with ， are reported on the mark', () => {
  const found = check('paragraph-ending', resolution([PRE1.replace(/，$/, '；'), PRE2, OP1.replace(/；$/, '，'), LAST]));
  assert.deepEqual(places(found), [[10, 20, 21], [12, 47, 48]]);
  assert.match(found[0].message, /preambular paragraph ends with “，”/);
});

test('the last paragraph must end with 。, one that introduces subparagraphs with ：', () => {
  const found = check('paragraph-ending', resolution([PRE1, OP1, OP2.replace('**又鼓励：**', '**又鼓励**；'), B, C, LAST.replace(/。$/, '；')]));
  assert.deepEqual(found.map((f) => f.message.split(';')[0]), ['A paragraph that introduces subparagraphs ends with “：”', 'The last operative paragraph ends with “。”']);
});

test('a missing mark: the fix adds it after the last character, losing nothing', () => {
  const text = resolution([PRE1.replace(/，$/, ''), OP1, LAST.replace(/^3\./, '2.')]);
  const found = check('paragraph-ending', text);
  assert.deepEqual(places(found), [[10, 19, 20]]);
  const fixed = applyFirstFix('paragraph-ending', text);
  assert.ok(fixed.includes(PRE1 + '\n'));
  assert.deepEqual(problems(fixed), []);
});

test('numbered texts (working papers) end sentences with 。 and are not checked', () => {
  const text = draft('1. 审议大会重申《不扩散核武器条约》缔约国对条约的承诺。', '2. 审议大会回顾以往审议大会的成果。');
  assert.deepEqual(check('paragraph-ending', text), []);
});

// Every organ and kind: the published form is quiet, a drafter's fault is caught on its line.
test('Security Council: the last paragraph before 第 N 次会议…通过 ends with 。; the closing line is no paragraph', () => {
  const sc = organFixture('S-RES-2446-2018.unres');
  assert.deepEqual(check('paragraph-ending', sc), []);
  const broken = sc.replace('4. 决定继续积极处理此案。', '4. 决定继续积极处理此案；');
  const found = check('paragraph-ending', broken);
  assert.deepEqual(found.map((f) => [f.line, f.text]), [[lineStarting(broken, '4. 决定继续'), '；']]);
  assert.match(found[0].message, /last operative paragraph ends with “。”/);
  // Old style: the vote line with its plain-digit footnote marker is the closing, not a paragraph.
  assert.deepEqual(check('paragraph-ending', organFixture('S-RES-347-1974.unres')), []);
  assert.deepEqual(check('paragraph-ending', organFixture('S-RES-347-1974-pdf.unres')), []);
});

test('a lone unnumbered operative paragraph ends with 。 (a Security Council 决定：, a GA or ECOSOC decision)', () => {
  for (const name of ['S-RES-2833-2026.unres', 'A-DEC-77-555.unres', 'E-DEC-2023-201.unres']) assert.deepEqual(check('paragraph-ending', organFixture(name)), [], name);
  const dec = organFixture('A-DEC-77-555.unres').replace('推迟至第七十八届会议。', '推迟至第七十八届会议；');
  const found = check('paragraph-ending', dec);
  assert.deepEqual(found.map((f) => [f.line, f.text]), [[lineStarting(dec, '在 2023 年'), '；']]);
  assert.match(found[0].message, /last operative paragraph/);
  // Its last subparagraph, under 决定：, ends the text.
  const sc = organFixture('S-RES-2833-2026.unres').replace('(c) 继续积极处理此案。', '(c) 继续积极处理此案；');
  assert.deepEqual(check('paragraph-ending', sc).map((f) => f.line), [lineStarting(sc, '(c)')]);
});

test('a decision whose one paragraph has lost its 。, or ends with ，, is still that paragraph: the warning names the ending, the fix adds 。', () => {
  for (const [name, ending] of [['A-DEC-77-555.unres', '推迟至第七十八届会议。'], ['E-DEC-2023-201.unres', undefined]] as const) {
    const good = organFixture(name);
    const last = ending ?? good.trimEnd().split('\n').filter((l) => l.trim().endsWith('。')).pop()!.trim();
    for (const broken of [good.replace(last, last.slice(0, -1)), good.replace(last, `${last.slice(0, -1)}，`)]) {
      const model = parseDraft(broken);
      // The paragraph is the decision's operative paragraph, not a heading line or a preambular one.
      assert.deepEqual(model.paragraphs.map((p) => p.kind), ['unnumbered'], name);
      assert.equal(model.heading.some((h) => h.text.startsWith('在 ')), false);
      const found = check('paragraph-ending', broken);
      assert.equal(found.length, 1, `${name}: ${JSON.stringify(found)}`);
      assert.match(found[0].message, /last operative paragraph ends with “。”/);
      assert.equal(applyFirstFix('paragraph-ending', broken), good);
    }
  }
});

test('ECOSOC: headings between paragraphs and the annexed decision are not paragraphs; a preambular fault is caught', () => {
  const ecosoc = organFixture('E-RES-2023-10.unres');
  assert.deepEqual(check('paragraph-ending', ecosoc), []);
  const broken = ecosoc.replace('认识到信息和通信技术对可持续发展的作用，', '认识到信息和通信技术对可持续发展的作用。');
  assert.deepEqual(check('paragraph-ending', broken).map((f) => [f.line, f.text]), [[lineStarting(broken, '认识到信息'), '。']]);
  const midway = ecosoc.replace('2. 赞赏地注意到该委员会在运输和能源领域开展的工作；', '2. 赞赏地注意到该委员会在运输和能源领域开展的工作。');
  assert.deepEqual(check('paragraph-ending', midway).map((f) => f.line), [lineStarting(midway, '2. 赞赏地')]);
});

test('Human Rights Council: the vote after 第 54 次会议 is the closing; operative paragraph 2 ending with 。 is caught', () => {
  const hrc = organFixture('A-HRC-RES-52-1.unres');
  assert.deepEqual(check('paragraph-ending', hrc), []);
  assert.deepEqual(check('paragraph-ending', organFixture('A-HRC-RES-52-2.unres')), []);
  const broken = hrc.replace('2. 要求各方立即停止一切攻击平民的行为；', '2. 要求各方立即停止一切攻击平民的行为。');
  assert.deepEqual(check('paragraph-ending', broken).map((f) => [f.line, f.text]), [[lineStarting(broken, '2. 要求'), '。']]);
});

test('parts A and B: the last paragraph of each part ends with 。', () => {
  const parts = organFixture('A-RES-63-80.unres');
  assert.deepEqual(check('paragraph-ending', parts), []);
  const broken = parts.replace('2. 请秘书长向大会第六十四届会议报告本决议的执行情况。', '2. 请秘书长向大会第六十四届会议报告本决议的执行情况；');
  assert.deepEqual(check('paragraph-ending', broken).map((f) => f.line), [lineStarting(broken, '2. 请秘书长')]);
});

test('the General Assembly in 1966: no 大会， line, openers 覆按 and 复查, a preambular fault caught', () => {
  const old = organFixture('A-RES-2159-XXI.unres');
  assert.deepEqual(check('paragraph-ending', old), []);
  const broken = old.replace('复查国际和平与安全所受之威胁，', '复查国际和平与安全所受之威胁；');
  assert.deepEqual(check('paragraph-ending', broken).map((f) => f.line), [lineStarting(broken, '复查')]);
});
