import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { applyEdits, fixesFor } from '../fixes';
import { parseDraft } from '../parse/parser';
import { defaultSettings, resolveSettings } from '../settings';
import { validate } from './index';
import { TODAY } from './testing';

const SAMPLE = readFileSync('test/fixtures/sample.unres', 'utf8');
// The characters drafts break on: labels, marks, markers, brackets, widths, comments.
const TRICKY = ['\n', '1.', '(a)', '㈡', '¹', '²', '《', '》', '“', '”', '(', '）', '，', '；', '。', '：', ',', '又', '同上', '---', '%% drafter-disable', '上文第 9 段', '2021 年 2 月 30 日', 'a/res/', '第七十六届会议临时议程', '\r\n', '\u3000'];

const edited = fc
  .array(fc.tuple(fc.nat(), fc.nat(20), fc.constantFrom(...TRICKY)), { maxLength: 12 })
  .map((edits) => edits.reduce((text, [at, del, ins]) => { const i = at % (text.length + 1); return text.slice(0, i) + ins + text.slice(i + del); }, SAMPLE));

test('no rule throws on a mangled draft, and every fix applies', () => {
  fc.assert(
    fc.property(edited, fc.constantFrom('allow', 'forbid', 'by-date'), fc.constantFrom('half-width', 'full-width', 'consistent'), (text, reuse, parentheses) => {
      const model = parseDraft(text);
      const errors: string[] = [];
      const settings = resolveSettings({ footnotes: { reuse }, parentheses });
      const findings = validate(model, settings, { today: TODAY, onRuleError: (id, e) => errors.push(`${id}: ${String(e)}`) });
      assert.equal(errors.length, 0, errors.join('\n'));
      for (const f of findings) {
        assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, f.rule);
        for (const fix of fixesFor(model, f)) {
          const out = applyEdits(text, fix.edits);
          assert.equal(typeof out, 'string');
          validate(parseDraft(out), defaultSettings, { today: TODAY, onRuleError: (id, e) => errors.push(`${id} after fix: ${String(e)}`) });
        }
      }
      assert.equal(errors.length, 0, errors.join('\n'));
    }),
    { numRuns: 300 },
  );
});
