// Structure facts of each clean corpus document, counted by hand from the raw seeds in corpus/raw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDraft, type Paragraph, type ResolutionDocument } from '../../server/src/core';
import { cleanDraft } from './helpers';

const DRAFTS = ['A-RES-76-54.unres', 'A-RES-73-62.unres', 'A-RES-59-76.unres', 'NPT-CONF.2020-WP.77.unres', 'A-RES-62-42.unres'];
const parsed = new Map<string, ResolutionDocument>(DRAFTS.map((f) => [f, parseDraft(cleanDraft(f))]));
const doc = (file: string) => parsed.get(file) as ResolutionDocument;
const labels = (ps: Paragraph[]) => ps.map((p) => p.label?.text ?? '?');
const numbers = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}.`);

interface Facts {
  title: string;
  number: string;
  preambular: number;
  operative: number;
  footnotes: number;
  closingDate: string;
  meeting: number;
  /** Operative paragraph → its subparagraph labels. */
  subparagraphs: Record<number, string[]>;
}

const resolutions: Record<string, Facts> = {
  'A-RES-76-54.unres': {
    title: '建立无核武器世界的联合行动和面向未来的对话',
    number: '76/54',
    preambular: 22,
    operative: 7,
    footnotes: 7,
    closingDate: '2021-12-06',
    meeting: 45,
    subparagraphs: { 3: ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)'], 4: ['(a)', '(b)', '(c)'] },
  },
  'A-RES-73-62.unres': {
    title: '继续坚决采取联合行动彻底消除核武器',
    number: '73/62',
    preambular: 22,
    operative: 34,
    footnotes: 10,
    closingDate: '2018-12-05',
    meeting: 45,
    subparagraphs: { 12: ['(a)', '(b)', '(c)', '(d)', '(e)'] },
  },
  'A-RES-59-76.unres': {
    title: '实现彻底消除核武器的途径',
    number: '59/76',
    preambular: 20,
    operative: 13,
    footnotes: 10,
    closingDate: '2004-12-03',
    meeting: 66,
    subparagraphs: { 3: ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', '(h)'] },
  },
  'A-RES-62-42.unres': {
    title: '核裁军',
    number: '62/42',
    preambular: 21,
    operative: 23,
    footnotes: 17,
    closingDate: '2007-12-05',
    meeting: 61,
    subparagraphs: {},
  },
};

for (const [file, facts] of Object.entries(resolutions)) {
  test(`${file}: title, ${facts.preambular} preambular and ${facts.operative} operative paragraphs, ${facts.footnotes} footnotes, closing`, () => {
    const d = doc(file);
    assert.equal(d.shape, 'resolution');
    assert.equal(d.title?.number, facts.number);
    assert.equal(d.title?.title, facts.title);
    assert.equal(d.organ?.organ, '大会');
    assert.equal(d.preamble.length, facts.preambular);
    assert.deepEqual(labels(d.operative), numbers(facts.operative));
    assert.deepEqual(d.footnotes.map((f) => f.number), Array.from({ length: facts.footnotes }, (_, i) => i + 1));
    assert.equal(d.closing.date?.iso, facts.closingDate);
    assert.equal(d.closing.meeting?.number, facts.meeting);
    for (const p of d.operative) {
      assert.deepEqual(labels(p.children), facts.subparagraphs[p.label?.value ?? 0] ?? [], `subparagraphs of ${p.label?.text}`);
    }
    assert.deepEqual(d.notes, [], 'every line is placed');
  });

  test(`${file}: preambular paragraphs end with ，, operative ones with ；, ：, or 。 at the very end`, () => {
    const d = doc(file);
    for (const p of d.preamble) assert.equal(p.ending?.char, '，', d.text.slice(p.span.start, p.span.end));
    const operative = d.paragraphs.filter((p) => p.part === 'operative');
    operative.forEach((p, i) => {
      const line = d.text.slice(p.span.start, p.span.end);
      const expected = i === operative.length - 1 ? ['。'] : p.children.length > 0 ? ['：'] : ['；'];
      assert.ok(expected.includes(p.ending?.char ?? ''), `${line} ends with ${p.ending?.char}, expected ${expected}`);
    });
  });
}

test('A-RES-59-76.unres: (g) of paragraph 3 has ㈠–㈥', () => {
  const third = doc('A-RES-59-76.unres').operative[2];
  const g = third.children.find((c) => c.label?.text === '(g)');
  assert.deepEqual(labels(g?.children ?? []), ['㈠', '㈡', '㈢', '㈣', '㈤', '㈥']);
});

test('A-RES-76-54.unres: the heading block is complete', () => {
  const d = doc('A-RES-76-54.unres');
  assert.deepEqual(d.heading.map((h) => h.field), ['organ-heading', 'distribution', 'date', 'session', 'agenda-item', 'other', 'adoption', 'report']);
  assert.equal(d.heading[5].text, '全面彻底裁军：建立无核武器世界的联合行动和面向未来的对话');
  assert.equal(d.facts.session, 76);
});

test('A-RES-59-76.unres and A-RES-62-42.unres: letter-spaced adoption dates are repaired', () => {
  assert.equal(doc('A-RES-59-76.unres').heading[0].text, '2004 年 12 月 3 日大会决议');
  assert.equal(doc('A-RES-62-42.unres').heading[0].text, '2007 年 12 月 5 日大会决议');
  assert.equal(doc('A-RES-62-42.unres').facts.date?.iso, '2007-12-05');
});

test('NPT-CONF.2020-WP.77.unres: a numbered text of 187 paragraphs, then the endorsed text numbered 1–102', () => {
  const d = doc('NPT-CONF.2020-WP.77.unres');
  assert.equal(d.shape, 'numbered-text');
  assert.equal(d.preamble.length, 0);
  assert.equal(d.footnotes.length, 0);
  const first = d.operative.filter((p) => p.sequence === 0);
  const second = d.operative.filter((p) => p.sequence === 1);
  assert.deepEqual(labels(first), numbers(187));
  assert.deepEqual(labels(second), numbers(102));
  assert.match(d.text.slice(first[186].span.start, first[186].span.end), /审议大会核可以下内容：$/);
  // Every numbered sentence ends with 。 (or ： before its subparagraphs).
  for (const p of d.paragraphs) assert.ok(['。', '：', '；'].includes(p.ending?.char ?? ''), d.text.slice(p.span.start, p.span.end));
  assert.equal(d.paragraphs.filter((p) => p.kind === 'subparagraph').length, 24);
  const withSubs = second.filter((p) => p.children.length > 0).map((p) => `${p.label?.text}${labels(p.children).join('')}`);
  assert.deepEqual(withSubs, ['14.(a)(b)', '32.(a)(b)', '35.(a)(b)(c)(d)', '37.(a)(b)(c)', '39.(a)(b)', '80.(a)(b)(c)(d)(e)(f)(g)(h)', '96.(a)(b)(c)']);
  assert.deepEqual(d.notes, []);
});

test('NPT-CONF.2020-WP.77.unres: heading with its symbol, and the section headings', () => {
  const d = doc('NPT-CONF.2020-WP.77.unres');
  assert.deepEqual(d.heading.slice(0, 3).map((h) => h.text), ['NPT/CONF.2020/WP.77', '2022 年 8 月 1 日至 26 日，纽约', '主席关于最后文件的工作文件']);
  assert.equal(d.heading[0].field, 'symbol');
  assert.equal(d.facts.symbol, 'NPT/CONF.2020/WP.77');
  assert.deepEqual(d.sections.map((s) => s.text), [
    '第一部分',
    '第一条和第二条以及序言部分第一至第三段',
    '第三条和序言部分第四和第五段，特别是这些条款与第四条和序言部分第六和第七段的关系',
    '第四条和序言部分第六和第七段',
    '第五条',
    '第六条和序言部分第八至第十二段',
    '第七条和无核武器国家的安全',
    '中东，特别是 1995 年关于中东的决议的执行情况',
    '其他区域问题',
    '第八条',
    '第九条',
    '第十条',
    '一. 核裁军',
    '二. 核不扩散',
    '三. 和平利用核能',
    '四. 《条约》其他条款',
  ]);
});

test('every footnote marker has its footnote text and every footnote text is cited', () => {
  for (const file of DRAFTS) {
    const d = doc(file);
    const marked = new Set(d.markers.map((m) => m.number));
    const texts = new Set(d.footnotes.map((f) => f.number));
    assert.deepEqual([...marked].sort((a, b) => a - b), [...texts].sort((a, b) => a - b), file);
    // New numbers appear in order: 1, 2, 3 … (earlier ones may be repeated).
    let highest = 0;
    for (const m of d.markers) {
      assert.ok(m.number <= highest + 1, `${file}: marker ${m.number} after ${highest}`);
      highest = Math.max(highest, m.number);
      assert.ok(m.paragraph, `${file}: marker ${m.number} stands in a paragraph`);
    }
  }
});

test('the markers are where the seeds put them', () => {
  const sequence = (file: string) => doc(file).markers.map((m) => m.number).join(',');
  assert.equal(sequence('A-RES-76-54.unres'), '1,2,3,4,5,6,7');
  assert.equal(sequence('A-RES-73-62.unres'), '1,2,3,4,1,3,2,4,5,2,6,7,8,9,10');
  assert.equal(sequence('A-RES-59-76.unres'), '1,2,3,2,4,5,1,6,5,7,8,9,10');
  assert.equal(sequence('A-RES-62-42.unres'), '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,6,16,7,17');
  const text = cleanDraft('A-RES-73-62.unres');
  for (const snippet of ['《不扩散核武器条约》¹ 作为', '延期大会² 以及 2000 年和 2010 年⁴ 审议大会', '的指导方针，⁵ 酌情', '的报告、⁷ 2016 年', '研究报告¹⁰ 中的建议', '《最后文件》；³\n', '附件 2 所列', '第 2 附属机构']) {
    assert.ok(text.includes(snippet), snippet);
  }
  const t59 = cleanDraft('A-RES-59-76.unres');
  for (const snippet of ['《全面禁止核试验条约》，⁵ 以实现早日生效', '《最后文件》，³ 并强调', '第 3 段和第 4 段(c)']) assert.ok(t59.includes(snippet), snippet);
  assert.ok(cleanDraft('A-RES-62-42.unres').includes('唯一绝对保证；¹⁵\n'));
});

test('no raw artefacts remain in the clean corpus', () => {
  for (const file of DRAFTS) {
    const text = cleanDraft(file);
    assert.doesNotMatch(text, /undocs\.org|https?:/, file);
    assert.doesNotMatch(text, /22-13460|07-46628|\d+\/30\b/, file);
    assert.doesNotMatch(text, /_{3,}/, file);
    assert.doesNotMatch(text, /(?<![\d])\d \d \d/, file);
    assert.doesNotMatch(text, /[\u4e00-\u9fff] [\u4e00-\u9fff] [\u4e00-\u9fff] [\u4e00-\u9fff]/, file);
    assert.doesNotMatch(text, /^[ \t\u3000]|[ \t\u3000]$/m, `${file}: no line starts or ends with white space`);
    assert.doesNotMatch(text, /\n\n\n/, `${file}: at most one blank line`);
    assert.equal(text.split('\n').filter((l) => l === 'NPT/CONF.2020/WP.77').length, file.startsWith('NPT') ? 1 : 0, file);
  }
});

test('paragraphs split by page breaks and footnote blocks are joined, symbols broken across lines too', () => {
  const t54 = cleanDraft('A-RES-76-54.unres');
  assert.ok(t54.includes('大会² 以及不扩散核武器条约缔约国 2000 年³ 和 2010 年审议大会⁴ 最后文件所载承诺十分重要，\n'));
  assert.ok(t54.includes('防止核军备竞赛的有效措施'));
  assert.ok(t54.includes('暂停核武器试爆或任何其他核爆炸'));
  const t42 = cleanDraft('A-RES-62-42.unres');
  assert.ok(t42.includes('第 56/24 R 号'));
  assert.ok(t42.includes('(NPT/CONF.1995/32(Part I)和 Corr.2))'));
  assert.ok(t42.includes('(NPT/CONF.2000/28(Parts I 和 II))'));
  assert.ok(t42.includes('法律制度，并决心订立'));
  const t62 = cleanDraft('A-RES-73-62.unres');
  assert.ok(t62.includes('NPT/CONF.2000/28(Parts I 和 II)'));
  assert.ok(t62.includes('《不扩散核武器条约缔约国 2010 年审议大会，最后文件》，第一至第三卷(NPT/CONF.2010/50(Vol.I)'));
  assert.ok(t62.includes('核武器国家的地位，强烈敦促朝鲜'));
  assert.ok(t62.includes('中东问题决议建立中东无核武器'));
  const wp = cleanDraft('NPT-CONF.2020-WP.77.unres');
  assert.ok(wp.includes('INFCIRC/153(Corrected)第 19段'));
  assert.ok(wp.includes('有助于实现《条约》各项目标。审议大会确认了现有'));
});

test('the clean drafts have the layout of the README', () => {
  const text = readFileSync('corpus/A-RES-76-54.unres', 'utf8');
  assert.ok(text.startsWith('大 会\nDistr.: General\n13 December 2021\n第七十六届会议\n议程项目 100 (z)\n'));
  assert.ok(text.includes('\n\n76/54. 建立无核武器世界的联合行动和面向未来的对话\n\n大会，\n\n重申实现'));
  assert.ok(text.includes('\n\n2021 年 12 月 6 日\n第 45 次全体会议\n\n---\n¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。\n'));
  assert.ok(text.endsWith('⁷ 见第 50/245 号决议和 A/50/1027。\n'));
});
