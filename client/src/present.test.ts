import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CorpusStats } from '../../server/src/lsp/protocol';
import { corpusInitializationOptions, english, sentences, ingestSummary, keepMarkers, paragraphBody, similarItem, statsDetails, statsSummary, statusText, statusTooltip, type Translate } from './present';

/** `l10n.t` with the Chinese bundle, as VS Code does for a zh-cn display language. */
const bundle: Record<string, string> = JSON.parse(readFileSync(join(__dirname, '../../l10n/bundle.l10n.zh-cn.json'), 'utf8'));
const chinese: Translate = (message, ...args) => english(bundle[message] ?? `MISSING:${message}`, ...args);

// Real lines of A/RES/76/54.
const corpusLines = readFileSync(join(__dirname, '../../corpus/A-RES-76-54.unres'), 'utf8').split('\n');
const operative5 = corpusLines.find((l) => l.startsWith('5. '))!;
const subparagraphA = corpusLines.find((l) => l.startsWith('(a) '))!;

const stats: CorpusStats = {
  documents: 5,
  paragraphs: 1234,
  citedDocuments: 73,
  folders: ['/ext/corpus', '/home/drafter/my-corpus'],
  indexing: false,
  problems: [],
};

test('a similar match reads "score%  symbol  where" with its text below', () => {
  const item = similarItem({ score: 87.4, symbol: 'A/RES/76/54', where: '执行部分第 5 段', text: operative5 });
  assert.equal(item.label, '87%  A/RES/76/54  执行部分第 5 段');
  assert.equal(item.detail, operative5);
});

test('the paragraph on a line is its text without the label: operative, subparagraph, preambular', () => {
  const op = paragraphBody(operative5)!;
  assert.equal(op.start, 3);
  assert.ok(op.text.startsWith('**重申**致力于加强国际核不扩散制度'));
  assert.ok(op.text.endsWith('等有关决议；'));
  assert.equal(op.end, operative5.length);
  const sub = paragraphBody(subparagraphA)!;
  assert.equal(subparagraphA.slice(0, sub.start), '(a) ');
  const pre = paragraphBody('  重申实现无核武器世界是国际社会的共同目标，  ')!;
  assert.deepEqual(pre, { text: '重申实现无核武器世界是国际社会的共同目标，', start: 2, end: 23 });
  assert.equal(paragraphBody('   '), undefined);
  assert.equal(paragraphBody(''), undefined);
  // A label alone has no text to look up.
  assert.equal(paragraphBody('6. '), undefined);
});

test('status bar: the corpus in use, in Chinese and English; spinning while indexing', () => {
  assert.equal(statusText(stats, chinese), '$(book) 语料 5 份文件 · 1,234 段');
  assert.equal(statusText(stats, english), '$(book) Corpus 5 documents · 1,234 paragraphs');
  assert.equal(statusText({ ...stats, indexing: true }, chinese), '$(sync~spin) 语料 5 份文件 · 1,234 段');
  assert.match(statusText(undefined, english), /^\$\(sync~spin\) /);
  const tooltip = statusTooltip({ ...stats, indexing: true, problems: ['x.unres: not UTF-8'] }, english);
  assert.match(tooltip, /Building the corpus index/);
  assert.match(tooltip, /\/home\/drafter\/my-corpus/);
  assert.match(tooltip, /^1 problem while loading/m);
});

test('corpus statistics summary and details', () => {
  assert.equal(statsSummary(stats, english), 'Corpus: 5 documents, 1,234 paragraphs, 73 cited documents, 2 folders. No problems.');
  assert.equal(statsSummary(stats, chinese), '语料库：5 份文件，1,234 段，被引文件 73 份，文件夹 2 个。没有问题。');
  assert.match(statsSummary({ ...stats, indexing: true, problems: ['a', 'b'] }, english), /2 problems: see the output\. The index is still being built\.$/);
  const details = statsDetails({ ...stats, problems: ['bad.unres: not UTF-8'] }, english);
  assert.match(details, /Documents: 5\n/);
  assert.match(details, /\n {4}\/home\/drafter\/my-corpus\n/);
  assert.match(details, /\n {4}bad\.unres: not UTF-8$/);
});

test('ingest summary names what was written and which files could not be used', () => {
  const report = {
    outDir: '/tmp/my-corpus',
    ingested: [{ input: 'A_RES_76_54.txt', output: 'A-RES-76-54.unres', remarks: [] }],
    failed: [{ input: 'scan.txt', problem: 'not UTF-8 (GB18030?)' }],
  };
  assert.equal(ingestSummary(report, english), 'Added 1 document to /tmp/my-corpus. 1 file could not be used: scan.txt: not UTF-8 (GB18030?)');
  // What follows it is a sentence of its own, after a full stop.
  assert.equal(sentences(ingestSummary(report, english), 'Use /tmp/my-corpus as corpus from now on?'), 'Added 1 document to /tmp/my-corpus. 1 file could not be used: scan.txt: not UTF-8 (GB18030?). Use /tmp/my-corpus as corpus from now on?');
  assert.equal(ingestSummary({ ...report, failed: [] }, chinese), '已向 /tmp/my-corpus 添加 1 份文件。');
});

test('corpus settings become the server\'s initialization options; relative folders from the workspace', () => {
  assert.deepEqual(corpusInitializationOptions({ folders: ['my-corpus', '/abs/corpus', 3, ' '], useBundled: false }, '/work/space'), {
    corpusFolders: [resolve('/work/space/my-corpus'), '/abs/corpus'],
    useBundledCorpus: false,
  });
  assert.deepEqual(corpusInitializationOptions({}, undefined), { corpusFolders: [], useBundledCorpus: true });
});

test('sentences: a space after an English stop, none after a Chinese one', () => {
  assert.equal(sentences('Added.', '', 'Use it?'), 'Added. Use it?');
  assert.equal(sentences('已添加。', '今后用作语料库吗？'), '已添加。今后用作语料库吗？');
  assert.equal(sentences('1 个文件无法使用：b.txt：文本不是中文', '今后用作语料库吗？'), '1 个文件无法使用：b.txt：文本不是中文。今后用作语料库吗？');
  assert.equal(sentences('1 file could not be used: b.txt: the text is not in Chinese', 'Use it?'), '1 file could not be used: b.txt: the text is not in Chinese. Use it?');
});

test('english() fills {0}, {1} and leaves unknown places alone', () => {
  assert.equal(english('{1} before {0}, {2}', 'a', 'b'), 'b before a, {2}');
});

test('counts in English take the singular for one: 1 folder, 1 document, 1 problem', () => {
  const one = { documents: 1, paragraphs: 1, citedDocuments: 1, folders: ['/ext/corpus'], problems: ['x'], indexing: false } as unknown as Parameters<typeof statsSummary>[0];
  assert.equal(statsSummary(one, english), 'Corpus: 1 document, 1 paragraph, 1 cited document, 1 folder. 1 problem: see the output.');
  assert.equal(statusText(one, english), '$(book) Corpus 1 document · 1 paragraph');
});

test('Find Similar keeps the draft\'s footnote markers at the same words, and names those with no place', () => {
  const draft = '又重申《不扩散核武器条约》¹ 是国际核不扩散制度的基石，';
  const corpus = '又重申《不扩散核武器条约》是国际核不扩散制度和追求实现相辅相成的核裁军、核不扩散及和平利用核能的基石，';
  assert.deepEqual(keepMarkers(draft, corpus), { text: '又重申《不扩散核武器条约》¹ 是国际核不扩散制度和追求实现相辅相成的核裁军、核不扩散及和平利用核能的基石，', lost: [] });
  // Two markers, in order; one whose words the new text lacks is named.
  assert.deepEqual(keepMarkers('回顾《不扩散核武器条约》¹ 和审议大会的最后文件²，', '回顾《不扩散核武器条约》，'), { text: '回顾《不扩散核武器条约》¹，', lost: ['²'] });
  assert.deepEqual(keepMarkers('重申实现无核武器世界是国际社会的共同目标，', '重申实现无核武器世界的目标，'), { text: '重申实现无核武器世界的目标，', lost: [] });
});

test('a similar paragraph found by a stretch of it says so; the closest below 50 % keep their scores', () => {
  const item = similarItem({ score: 19, within: 68, symbol: 'A/RES/59/76', where: '第 3 段(a)', text: '(a) 毫不拖延……' }, english);
  assert.equal(item.label, '68%  A/RES/59/76  第 3 段(a)');
  assert.equal(item.description, 'close to a stretch of this paragraph (19% of the whole)');
  assert.equal(similarItem({ score: 31, closest: true, symbol: 'A/RES/76/54', where: '序言部分第 1 段', text: '重申……' }).label, '31%  A/RES/76/54  序言部分第 1 段');
  // In an English UI the place is English, as in the hovers.
  assert.equal(similarItem({ score: 31, closest: true, symbol: 'A/RES/63/80', where: 'B 部分序言部分第 1 段', text: '重申……' }, english, 'en').label, '31%  A/RES/63/80  part B, preambular paragraph 1');
});
