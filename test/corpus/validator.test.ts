import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings } from '../../server/src/core';
import { validate } from '../../server/src/core/rules';
import { loadCorpus } from '../../server/src/corpus/load';

// Every published draft of the corpus validates without a false alarm. The findings below are
// faults the published texts really have; each is checked against the raw seed it came from.
const corpus = loadCorpus([join(__dirname, '..', '..', 'corpus')]);

const KNOWN: { at: string; rule: string; why: string; raw: [string, string] }[] = [
  { at: 'A-RES-59-76.unres:24:80', rule: 'punctuation-width', why: 'the 2004 text writes a half-width comma: 一步核裁军的起步,并确认', raw: ['002_f45607187f2d5542.txt', '起步,并确认'] },
  { at: 'A-RES-59-76.unres:64:29', rule: 'punctuation-width', why: 'the 2004 text writes a half-width comma: 战略进攻性武库,并十分重视', raw: ['002_f45607187f2d5542.txt', '武库,并十分重视'] },
  { at: 'A-RES-59-76.unres:113:54', rule: 'symbol-format', why: 'footnote: GC(48)/RES/DEC（2004） with full-width parentheses inside the symbol', raw: ['002_f45607187f2d5542.txt', 'GC(48)/RES/DEC（2004）'] },
  { at: 'A-RES-62-42.unres:26:56', rule: 'punctuation-width', why: 'the 2007 text mixes （《第一阶段裁武条约》） with () elsewhere', raw: ['004_8627da302985489d.txt', '（《第一阶段裁武条约》）'] },
  { at: 'A-RES-62-42.unres:104:75', rule: 'bracket-pairs', why: 'footnote 5 closes one parenthesis too many: (NPT/CONF.1995/32(Part I)和 Corr.2))', raw: ['004_8627da302985489d.txt', 'Corr.2))'] },
  { at: 'A-RES-62-42.unres:107:26', rule: 'punctuation-width', why: 'footnote 8 writes （联合国出版物，……） in a text that uses () otherwise', raw: ['004_8627da302985489d.txt', '（联合国出版物'] },
];

test('the corpus is there: five drafts and a catalogue', () => {
  assert.deepEqual(corpus.problems, []);
  assert.equal(corpus.drafts.length, 5);
  assert.ok(corpus.catalogue.cited.length > 0);
});

test('every corpus draft validates with no error or warning but the faults its published text has', () => {
  const found: string[] = [];
  const errors: string[] = [];
  for (const d of corpus.drafts) {
    const name = d.path.split(/[\\/]/).pop()!;
    for (const f of validate(d.model, defaultSettings, { catalogue: corpus.catalogue, onRuleError: (id, e) => errors.push(`${id}: ${String(e)}`) })) {
      if (f.severity !== 'error' && f.severity !== 'warning') continue;
      const p = d.model.lines.positionAt(f.span.start);
      found.push(`${name}:${p.line + 1}:${p.character + 1} ${f.rule}`);
    }
  }
  assert.deepEqual(errors, []);
  assert.deepEqual(found, KNOWN.map((k) => `${k.at} ${k.rule}`));
});

test('each listed fault is in the raw seed as published', () => {
  for (const k of KNOWN) {
    const raw = readFileSync(join(__dirname, '..', '..', 'corpus', 'raw', k.raw[0]), 'utf8');
    assert.ok(raw.includes(k.raw[1]), `${k.at}: ${k.why}`);
  }
});

test('73/62 reuses footnote 1 under the pre-2019 policy: by-date allows it, forbid reports it', () => {
  const d = corpus.drafts.find((x) => x.path.endsWith('A-RES-73-62.unres'))!;
  assert.equal(d.model.facts.date?.year, 2018);
  const reuse = (policy: 'by-date' | 'forbid') =>
    validate(d.model, { ...defaultSettings, footnotes: { reuse: policy } }, { catalogue: corpus.catalogue }).filter((f) => f.rule === 'footnote-reuse');
  assert.deepEqual(reuse('by-date'), []);
  assert.ok(reuse('forbid').length >= 1);
});

test('the style remarks on the corpus are hints only (repeated openers without 又)', () => {
  for (const d of corpus.drafts) {
    const mild = validate(d.model, defaultSettings, { catalogue: corpus.catalogue }).filter((f) => f.severity === 'hint' || f.severity === 'info');
    assert.deepEqual([...new Set(mild.map((f) => f.rule))].filter((r) => r !== 'repeated-opener'), [], d.path);
  }
});
