import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { layoutOf } from './layout';
import { escapeHtml, previewBodyHtml } from './html';

const sample = readFileSync('test/fixtures/sample.unres', 'utf8');

test('the layout of a draft: roles in order, labels apart, bold verbs and markers as runs', () => {
  const layout = layoutOf(sample);
  assert.deepEqual(
    [...new Set(layout.blocks.map((b) => b.role))],
    ['heading', 'title', 'organ', 'preambular', 'operative', 'subparagraph', 'closing'],
  );
  const first = layout.blocks.find((b) => b.label === '1.')!;
  assert.deepEqual(first.runs[0], { text: '重申', bold: true });
  const treaty = layout.blocks.find((b) => b.runs.some((r) => r.footnote === 1))!;
  assert.equal(treaty.role, 'preambular');
  assert.deepEqual(layout.footnotes.map((f) => f.number), [1]);
});

test('the preview escapes draft text: markup typed in a draft stays text', () => {
  const html = previewBodyHtml(layoutOf('大会，\n\n重申<script>alert(1)</script>与 <img src=x onerror=y> & "引号"，\n'));
  assert.doesNotMatch(html, /<script|<img/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /&amp; &quot;引号&quot;/);
  assert.equal(escapeHtml(`'`), '&#39;');
});

test('the preview puts markers as superscripts and the footnotes at the foot, each block with its draft line', () => {
  const html = previewBodyHtml(layoutOf(sample));
  assert.match(html, /《不扩散核武器条约》<sup class="marker" data-footnote="1">1<\/sup>/);
  assert.match(html, /<footer class="footnotes"><hr><p class="footnote" data-line="30"><sup>1<\/sup> 联合国/);
  assert.ok(html.indexOf('<footer') > html.lastIndexOf('class="closing"'));
  assert.match(html, /<p class="operative" data-line="\d+"><span class="label">1\.<\/span><strong>重申<\/strong>/);
});

test('a 100 KB draft is laid out whole: every paragraph a block (its time after a keystroke is in npm run bench, previewKeystroke)', () => {
  const big = sample.replace(/(重申实现无核武器世界是国际社会的共同目标，\n)/, (m) => (m + '\n').repeat(1600));
  assert.ok(Buffer.byteLength(big) > 100_000);
  const layout = layoutOf(big);
  assert.equal(layout.blocks.filter((b) => b.role === 'preambular').length, 1600 + 2);
  assert.equal((previewBodyHtml(layout).match(/class="preambular"/g) ?? []).length, 1602);
});
