import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDraft } from '../parse/parser';
import { outlineEntries, type OutlineEntry } from './outline';

const sample = readFileSync('test/fixtures/sample.unres', 'utf8');
const show = (e: OutlineEntry): string => e.name + (e.children.length ? ` [${e.children.map(show).join(', ')}]` : '');

test('a resolution: title, 序言部分 by opener, 执行部分 by number and opener, subparagraphs, footnotes', () => {
  const entries = outlineEntries(parseDraft(sample));
  assert.deepEqual(entries.map(show), [
    '76/54. 建立无核武器世界的联合行动和面向未来的对话',
    '序言部分 [重申, 又重申, 回顾]',
    '执行部分 [1. 重申, 2. 鼓励 [(a) 核武器国家明确阐述其核政…, (b) 所有国家就核裁军与安全的…], 3. 决定]',
    '脚注 [脚注 1]',
  ]);
  assert.deepEqual(entries.map((e) => e.kind), ['title', 'preamble', 'operatives', 'footnotes']);
  assert.equal(entries[2].detail, '3 段');
  const second = entries[2].children[1];
  assert.equal(second.detail, '为促进面向未来的对话，鼓励：');
  // The paragraph's range takes in its subparagraphs, as LSP requires of a parent.
  assert.equal(sample.slice(second.span.start, second.span.end).split('\n').length, 5);
});

// NPT/CONF.2020/WP.77 (corpus/raw/003): a numbered text under section headings.
const workingPaper = [
  '2. 缔约国重申，所有缔约国紧急、充分、有效履行上述承诺，对《条约》的完整性和公信力至关重要。',
  '一. 核裁军',
  '3. 在彻底消除核武器之前，缔约国承诺尽一切努力，确保永远不再使用核武器。',
  '4. 缔约国再次承诺，按照《条约》的目标，实现一个人人都更加安全的世界，并实现无核武器世界的和平与安全。',
  '二. 核不扩散',
  '44. 审议大会促请所有缔约国尽一切努力，促进各国普遍加入《条约》，不采取可能消极影响普遍加入《条约》前景的任何行动。',
].join('\n\n');

test('a numbered text: paragraphs under their sections', () => {
  const entries = outlineEntries(parseDraft(workingPaper));
  assert.deepEqual(entries.map((e) => `${e.name} (${e.children.map((c) => c.name.split(' ')[0]).join(' ')})`), [
    '2. 重申 ()',
    '一. 核裁军 (3. 4.)',
    '二. 核不扩散 (44.)',
  ]);
});

const organ = (name: string) => readFileSync(join('test/fixtures/organs', name), 'utf8');

test('an ECOSOC resolution: headings among the paragraphs, the annexed decision of a regional commission as an annex', () => {
  const entries = outlineEntries(parseDraft(organ('E-RES-2023-10.unres')));
  assert.deepEqual(entries.map(show), [
    '2023/10. 欧洲经济委员会的工作',
    '序言部分 [回顾, 注意到, 互联网治理 [认识到]]',
    '执行部分 [1. 欢迎, 2. 赞赏地注意到, 加强合作 [3. 鼓励, 4. 核可]]',
    '附件 [回顾其关于改革的各项决定，, 1. 通过 2024 年工作方案…, 2. 请执行秘书向委员会第七十一…]',
  ]);
  assert.equal(entries[3].kind, 'annex');
  assert.equal(entries[3].detail, 'G (70)号决定 欧洲经济委员会的工作方案');
});

test('parts A and B of one resolution, each with its 序言部分 and 执行部分', () => {
  const entries = outlineEntries(parseDraft(organ('A-RES-63-80.unres')));
  assert.deepEqual(entries.map(show), [
    '63/80. 人道主义援助',
    'A [序言部分 [回顾], 执行部分 [1. 欢迎, 2. 请]]',
    'B [序言部分 [重申], 执行部分 [1. 敦促, 2. 决定]]',
  ]);
  assert.deepEqual(entries.slice(1).map((e) => e.kind), ['part', 'part']);
});

test('a Security Council resolution: the number block as title, the closing line and the vote footnote are no paragraphs', () => {
  const entries = outlineEntries(parseDraft(organ('S-RES-347-1974.unres')));
  assert.deepEqual(entries.map(show), ['第 347(1974)号决议', '序言部分 [审议了, 听取了, 深感不安]', '执行部分 [1. 谴责, 2. 吁请, 3. 呼吁]', '脚注 [脚注 1]']);
  // A lone unnumbered paragraph with subparagraphs under 决定： is the operative part.
  const lone = outlineEntries(parseDraft(organ('S-RES-2833-2026.unres')));
  assert.deepEqual(lone.map(show).slice(1), ['序言部分 [回顾]', '执行部分 [决定 [(a) 将联合国西非和萨赫勒办事…, (b) 请秘书长每六个月向安理会…, (c) 继续积极处理此案。]]']);
});

function checkNesting(entries: OutlineEntry[], parent?: OutlineEntry): void {
  for (const e of entries) {
    assert.ok(e.selection.start >= e.span.start && e.selection.end <= e.span.end, `selection of ${e.name} outside its range`);
    if (parent) assert.ok(e.span.start >= parent.span.start && e.span.end <= parent.span.end, `${e.name} outside ${parent.name}`);
    checkNesting(e.children, e);
  }
}

test('every entry lies inside its parent and selects inside itself, on every corpus seed', () => {
  checkNesting(outlineEntries(parseDraft(sample)));
  checkNesting(outlineEntries(parseDraft(workingPaper)));
  for (const name of readdirSync('corpus/raw')) checkNesting(outlineEntries(parseDraft(readFileSync(join('corpus/raw', name), 'utf8'))));
  for (const name of readdirSync('test/fixtures/organs')) checkNesting(outlineEntries(parseDraft(organ(name))));
});

test('a draft with 200,000 footnotes still gets its outline and folding (no spread of a long list onto the stack)', async () => {
  const { foldingRegions } = await import('./folding');
  const count = 200_000;
  const lines = ['大会，', '', '重申《不扩散核武器条约》¹ 是基石，', '', '1. 决定继续处理此案。', '', '---'];
  for (let n = 1; n <= count; n++) lines.push(`${toSuperscriptNumber(n)} 见 A/${n}。`);
  const doc = parseDraft(lines.join('\n'));
  assert.equal(doc.footnotes.length, count);
  const footnotes = outlineEntries(doc).find((e) => e.children.length === count);
  assert.ok(footnotes, 'the footnotes group lists every footnote');
  assert.ok(foldingRegions(doc).some((r) => r.endLine === lines.length - 1), 'the footnotes fold to the last line');
});

function toSuperscriptNumber(n: number): string {
  return String(n).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
}
