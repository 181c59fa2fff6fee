import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDraft, validateDraft } from '../../server/src/core';
import { newDraftFileName, nextPlaceholder, templateSnippet, templateText } from './template';

test('the new-resolution template lints with no finding but its placeholders (information, until filled)', () => {
  const findings = validateDraft(templateText(), undefined, { today: new Date('2026-01-01') });
  assert.deepEqual(findings.filter((f) => f.rule !== 'placeholder').map((f) => `${f.rule}: ${f.message}`), []);
  assert.ok(findings.length > 0 && findings.every((f) => f.severity === 'info'));
});

test('the template has every part of a resolution', () => {
  const model = parseDraft(templateText());
  assert.equal(model.shape, 'resolution');
  assert.ok(model.heading.length >= 2, 'heading block');
  assert.equal(model.title?.number, 'XX/XX');
  assert.ok(model.organ, 'organ line 大会，');
  assert.equal(model.preamble.length, 1);
  assert.equal(model.operative.length, 1);
  assert.ok(model.closing.dateLine, 'closing date line');
  assert.ok(model.footnoteSeparator, 'footnote separator');
  assert.deepEqual(model.notes, []);
});

test('the snippet has the same text once its tab stops are filled with their defaults', () => {
  const snippet = templateSnippet();
  const filled = snippet.replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, '$1').replace(/\\([$}\\])/g, '$1');
  assert.equal(filled, templateText());
  // The title is the first tab stop, and every stop is numbered once.
  assert.match(snippet, /^XX\/XX\. \$\{1:决议标题\}$/m);
  const stops = [...snippet.matchAll(/\$\{(\d+):/g)].map((m) => Number(m[1]));
  assert.deepEqual([...stops].sort((a, b) => a - b), stops.map((_, i) => i + 1));
});

test('snippet syntax in a template line is escaped', () => {
  assert.equal(templateSnippet(['费用 $5 {标题}', 'a}b\\c']), '费用 \\$5 ${1:标题}\na\\}b\\\\c');
});

test('the ellipsis after each opener is a tab stop too', () => {
  const snippet = templateSnippet();
  assert.match(snippet, /^\$\{\d+:回顾\}\$\{\d+:……\}，$/m);
  assert.match(snippet, /^1\. \*\*\$\{\d+:决定\}\*\*\$\{\d+:……\}。$/m);
});

test('after Escape, Tab goes through what is left to fill in, in text order, then from the top', () => {
  const text = templateText();
  const order: string[] = [];
  let at = 0;
  let end = 0;
  for (let i = 0; i < 12; i++) {
    const next = nextPlaceholder(text, at, end);
    assert.ok(next);
    order.push(text.slice(next.start, next.end));
    at = next.start;
    end = next.end;
  }
  assert.deepEqual(order, ['XX', 'XX', 'XX', 'XX', '决议标题', '……', '……', 'XXXX', 'XX', 'XX', 'XX', 'XX']);
  // With the cursor inside the title placeholder, Tab selects it whole.
  const title = text.indexOf('决议标题');
  assert.deepEqual(nextPlaceholder(text, title + 1), { start: title, end: title + 4 });
  assert.equal(nextPlaceholder('重申实现无核武器世界是国际社会的共同目标，', 0), undefined);
});

test('a new draft is proposed as A-RES-<session>-XX.unres, the session of the day', () => {
  assert.equal(newDraftFileName(new Date(2022, 10, 1)), 'A-RES-77-XX.unres');
  assert.equal(newDraftFileName(new Date(2023, 1, 1)), 'A-RES-77-XX.unres');
  assert.equal(newDraftFileName(new Date(2026, 11, 1)), 'A-RES-81-XX.unres');
});
