import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFirstFix, check, draft, places } from './testing';
import { validateDraft } from './index';

// NPT/CONF.2020/WP.77: the endorsed text restarts at 1; paragraphs 25–26 refer to its paragraph 15.
const P1 = '1. 审议大会确认，《不扩散核武器条约》是全球核不扩散机制的基石。';
const P2 = '2. 审议大会核可以下内容：';
const Q15 = '15. 缔约国承诺在履行《条约》规定的裁军义务时严格适用不可逆转、可核查和透明的原则。';
const Q25 = '25. 根据上文第 15 段，核武器国家承诺在不损害国家安全的情况下，加强与其核武库、政策和能力等有关的透明度措施，并努力建立相互信任。';

function endorsed(lines: string[]): string {
  const numbered = [];
  for (let n = 1; n <= 14; n++) numbered.push(`${n}. 缔约国承诺履行第 ${n} 项行动。`);
  return draft(P1, P2, ...numbered, Q15, ...lines);
}
const filler = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${from + i}. 缔约国承诺履行第 ${from + i} 项行动。`);

test('上文第 15 段 pointing at paragraph 15 of its own list: quiet', () => {
  assert.deepEqual(check('cross-reference', endorsed([...filler(16, 24), Q25])), []);
});

test('a paragraph that does not exist is reported on the number', () => {
  const found = check('cross-reference', endorsed([...filler(16, 24), Q25.replace('第 15 段', '第 45 段')]));
  assert.deepEqual(places(found), [[26, 10, 12]]);
  assert.match(found[0].message, /no paragraph 45/);
});

test('上文 pointing below, and 下文 pointing above, are reported', () => {
  const found = check('cross-reference', endorsed([...filler(16, 24), Q25.replace('第 15 段', '第 24 段').replace('上文', '下文')]));
  assert.deepEqual(places(found), [[26, 10, 12]]);
  assert.match(found[0].message, /not below/);
  const above = check('cross-reference', endorsed([Q25.replace(/^25\./, '16.').replace('第 15 段', '第 17 段'), ...filler(17, 18)]));
  assert.match(above[0].message, /not above/);
});

test('renumbering keeps the reference on the paragraph it meant', () => {
  // Paragraph 16 was removed: 17… are now one too high and the reference to 17 must become 16.
  const text = endorsed([...filler(17, 20), '21. 根据上文第 17 段，缔约国承诺加强支持各项举措。']);
  const fixed = applyFirstFix('operative-numbering', text);
  assert.ok(fixed.includes('20. 根据上文第 16 段'), fixed.slice(-80));
  assert.deepEqual(check('cross-reference', fixed), []);
  assert.deepEqual(check('operative-numbering', fixed), []);
});

test('many references to the same paragraph: each is reported, with its message and the note on the paragraph meant', () => {
  const refs = '16. 根据下文第 17 段、上文第 17 段、下文第 17 段、上文第 40 段和上文第 40 段，缔约国承诺加强支持各项举措。';
  const text = endorsed([refs, ...filler(17, 18), '19. 根据上文第 17 段和上文第 16 段，缔约国承诺履行义务。']);
  const found = validateDraft(text, undefined, {}).filter((f) => f.rule === 'cross-reference');
  const at = (f: (typeof found)[number]) => text.slice(f.span.start, f.span.end);
  assert.deepEqual(
    found.map((f) => [at(f), f.message]),
    [
      ['17', '“上文” (above) points at paragraph 17, but paragraph 17 is not above this one.'],
      ['40', 'There is no paragraph 40 for this reference to point to.'],
      ['40', 'There is no paragraph 40 for this reference to point to.'],
    ],
  );
  const target = text.indexOf('17. ');
  assert.deepEqual(found[0].related, [{ span: { start: target, end: target + 3 }, message: 'Paragraph 17 is here.' }]);
  assert.equal(found[1].related, undefined);
});
