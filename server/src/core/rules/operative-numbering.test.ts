import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFirstFix, check, draft, lineStarting, organFixture, places, problems, resolution } from './testing';

// Real operative paragraphs of A/RES/76/54.
const OP1 = '1. **重申**《不扩散核武器条约》所有缔约国致力于实现消除核武器的最终目标，包括为此缓和国际紧张局势和加强各国之间信任及国际核不扩散制度，并致力于全面、稳步执行《条约》的所有方面，包括《条约》第六条，以实现无核武器世界；';
const OP2 = '2. **促请**《不扩散核武器条约》所有缔约国确定具体措施，落实对第十次审议大会及其后的承诺；';
const OP3 = '3. **决定**在大会第七十七届会议临时议程题为“全面彻底裁军”的项目下列入题为“建立无核武器世界的联合行动和面向未来的对话”的分项。';
const renumber = (line: string, n: string) => line.replace(/^\d+\./, n);

test('numbered 1, 2, 3: quiet', () => {
  assert.deepEqual(check('operative-numbering', resolution([OP1, OP2, OP3])), []);
});

test('a gap is reported on the paragraph whose number is wrong', () => {
  const found = check('operative-numbering', resolution([OP1, renumber(OP2, '3.'), renumber(OP3, '4.')]));
  // Line 11 is the second operative paragraph (10 heading lines before the body).
  assert.deepEqual(places(found), [[11, 0, 2]]);
  assert.match(found[0].message, /number 2 is missing/);
});

test('a repeat and a wrong start', () => {
  assert.deepEqual(places(check('operative-numbering', resolution([OP1, renumber(OP2, '1.'), renumber(OP3, '2.')]))), [[11, 0, 2]]);
  assert.deepEqual(places(check('operative-numbering', resolution([renumber(OP1, '2.'), renumber(OP2, '3.'), renumber(OP3, '4.')]))), [[10, 0, 2]]);
});

test('full-width 1． counts like 1.', () => {
  assert.deepEqual(check('operative-numbering', resolution([renumber(OP1, '1．'), renumber(OP2, '2．'), renumber(OP3, '3．')])), []);
});

test('a numbered text restarting at 1 after a paragraph ending ： is quiet (NPT/CONF.2020/WP.77)', () => {
  const text = draft(
    '1. 审议大会重申《不扩散核武器条约》缔约国对条约的承诺。',
    '2. 审议大会核可以下内容：',
    '1. 核武器国家承诺进一步努力削减和最终消除所有类型的核武器。',
    '2. 缔约国承诺加强支持各项举措。',
  );
  assert.deepEqual(check('operative-numbering', text), []);
});

test('renumbering fixes the numbers and the 上文第 N 段 references, and adds no new fault', () => {
  const refLine = '3. **请**秘书长就上文第 3 段所述承诺的执行情况提出报告；';
  const text = resolution([OP1, renumber(OP2, '3.'), refLine.replace(/^3\./, '4.'), renumber(OP3, '5.')]);
  const fixed = applyFirstFix('operative-numbering', text);
  assert.deepEqual(check('operative-numbering', fixed), []);
  assert.ok(fixed.includes('2. **促请**'));
  assert.ok(fixed.includes('3. **请**秘书长就上文第 2 段'), fixed);
  assert.ok(fixed.includes('4. **决定**'));
  assert.deepEqual(problems(fixed), []);
});

test('a label typed in full-width digits (１．) or with 、 (2、) is still an operative paragraph; a warning names the form and fixes it', () => {
  const text = resolution([renumber(OP1, '１．'), renumber(OP2, '2、'), OP3]);
  const found = check('operative-numbering', text);
  assert.deepEqual(places(found), [[10, 0, 2], [11, 0, 2]]);
  assert.deepEqual(found.map((f) => f.severity), ['warning', 'warning']);
  assert.equal(found[0].message, 'Paragraph 1 is numbered “１．”; resolutions write “1.”.');
  // Nothing else mistakes them for preambular paragraphs.
  assert.deepEqual(problems(text).filter((p) => p.rule !== 'operative-numbering'), []);
  const once = applyFirstFix('operative-numbering', text);
  assert.equal(applyFirstFix('operative-numbering', once), resolution([OP1, OP2, OP3]));
  // An older text's full-width stop is the form the fix keeps.
  const older = resolution([renumber(OP1, '1．'), renumber(OP2, '2、'), renumber(OP3, '3．')]);
  assert.equal(applyFirstFix('operative-numbering', older), resolution([renumber(OP1, '1．'), renumber(OP2, '2．'), renumber(OP3, '3．')]));
  // Typed without a space after it (3、**决定**): the fix gives the label its space too.
  const tight = resolution([OP1, OP2, OP3.replace('3. ', '3、')]);
  assert.equal(applyFirstFix('operative-numbering', tight), resolution([OP1, OP2, OP3]));
});

test('parts A and B each number their paragraphs from 1; a gap in part B is caught on its line', () => {
  const parts = organFixture('A-RES-63-80.unres');
  assert.deepEqual(check('operative-numbering', parts), []);
  const broken = parts.replace('2. 决定在大会第六十四届会议', '3. 决定在大会第六十四届会议');
  const found = check('operative-numbering', broken);
  assert.deepEqual(found.map((f) => f.line), [lineStarting(broken, '3. 决定在大会')]);
});

test('Security Council, old and new: numbered from 1; the closing line 第 1769 次会议… is not counted', () => {
  for (const name of ['S-RES-2446-2018.unres', 'S-RES-347-1974.unres', 'S-RES-347-1974-pdf.unres', 'S-RES-2833-2026.unres', 'E-RES-2023-10.unres', 'A-HRC-RES-52-1.unres']) {
    assert.deepEqual(check('operative-numbering', organFixture(name)), [], name);
  }
  const sc = organFixture('S-RES-347-1974.unres').replace('2. 吁请以色列', '2. 吁请以色列').replace('3. 呼吁各方', '2. 呼吁各方');
  assert.deepEqual(check('operative-numbering', sc).map((f) => f.line), [lineStarting(sc, '2. 呼吁各方')]);
  // The annexed decision numbers its own paragraphs: a 1. there is no restart of the resolution's list.
  const ecosoc = organFixture('E-RES-2023-10.unres').replace('3. 鼓励各区域委员会', '5. 鼓励各区域委员会');
  assert.deepEqual(check('operative-numbering', ecosoc).map((f) => f.line).slice(0, 1), [lineStarting(ecosoc, '5. 鼓励')]);
});

const unnumbered = (line: string) => line.replace(/^\d+\.\s*/, '');

test('an operative paragraph whose number was deleted, among numbered ones, is an error; the fix numbers it', () => {
  const text = resolution([OP1, OP2, unnumbered(OP3)]);
  const found = check('operative-numbering', text);
  // Line 12: the third operative paragraph; the finding sits on its opener (**决定**).
  assert.deepEqual(places(found), [[12, 2, 4]]);
  assert.match(found[0].message, /has no number.*paragraph 3/);
  assert.equal(applyFirstFix('operative-numbering', text), resolution([OP1, OP2, OP3]));
});

test('a number mistyped so that it is not read as one (3 .) is written over by the fix, not doubled', () => {
  const text = resolution([OP1, OP2, OP3.replace(/^3\./, '3 .')]);
  assert.equal(check('operative-numbering', text).length, 1);
  assert.equal(applyFirstFix('operative-numbering', text), resolution([OP1, OP2, OP3]));
});

test('a paragraph introducing subparagraphs loses its number between 1 and 3: one finding on it, not a gap at 3, and the fix gives 1, 2, 3', () => {
  const intro = '2. 为促进面向未来的对话，**鼓励：**';
  const subs = ['(a) 核武器国家明确阐述其核政策与核理论，所有国家就这些核政策与核理论进行互动讨论；', '(b) 所有国家就核裁军与安全的关系进行坦诚对话，支持根据 CD/1299 号文件开始谈判；'];
  const text = resolution([OP1, unnumbered(intro), ...subs, OP3]);
  const found = check('operative-numbering', text);
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].line, 11);
  assert.match(found[0].message, /paragraph 2/);
  const fixed = applyFirstFix('operative-numbering', text);
  assert.equal(fixed, resolution([OP1, intro, ...subs, OP3]));
  assert.deepEqual(problems(fixed), []);
});

test('a lone unnumbered operative paragraph (a decision, a one-paragraph resolution, an unnumbered 决定：) stays quiet', () => {
  assert.deepEqual(check('operative-numbering', resolution([unnumbered(OP3)])), []);
  assert.deepEqual(check('operative-numbering', organFixture('A-DEC-77-555.unres')), []);
  assert.deepEqual(check('operative-numbering', organFixture('S-RES-2833-2026.unres')), []);
});

test('a very long text numbered on past 9999 stays quiet: 10000. is a number, not a paragraph without one', () => {
  const body = OP2.replace(/^2\. /, '').replace(/；$/, '');
  const paragraphs = Array.from({ length: 10_002 }, (_, i) => `${i + 1}. ${body}${i === 10_001 ? '。' : '；'}`);
  assert.deepEqual(check('operative-numbering', resolution(paragraphs)), []);
  const skipped = paragraphs.filter((_, i) => i !== 10_000);
  assert.deepEqual(check('operative-numbering', resolution(skipped)).map((f) => f.message), ['Paragraph 10002 follows paragraph 10000: number 10001 is missing.']);
});
