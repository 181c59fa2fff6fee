// Texts of every organ and kind (test/fixtures/organs, written from ../shared/conventions.md):
// what the parser, the catalogue and `resolution-drafter parse` read in each, counted by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings, parseDraft } from '../../server/src/core';
import { buildCatalogue } from '../../server/src/core/ingest/catalogue';
import { validate } from '../../server/src/core/rules';
import { draftFileName } from '../../server/src/corpus/ingest-files';
import { runCli } from './helpers';

const DIR = join('test', 'fixtures', 'organs');
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');

interface Expected {
  organ: string;
  kind: 'resolution' | 'decision';
  symbol: string;
  date: string;
  meeting: number;
  counts: { preambular: number; operative: number; subparagraphs: number; footnotes: number };
}

const EXPECTED: Record<string, Expected> = {
  'S-RES-2446-2018.unres': { organ: '安全理事会', kind: 'resolution', symbol: 'S/RES/2446 (2018)', date: '2018-11-15', meeting: 8401, counts: { preambular: 6, operative: 4, subparagraphs: 2, footnotes: 0 } },
  'S-RES-2833-2026.unres': { organ: '安全理事会', kind: 'resolution', symbol: 'S/RES/2833 (2026)', date: '2026-03-12', meeting: 9920, counts: { preambular: 1, operative: 1, subparagraphs: 3, footnotes: 0 } },
  'S-RES-347-1974.unres': { organ: '安全理事会', kind: 'resolution', symbol: 'S/RES/347 (1974)', date: '1974-04-24', meeting: 1769, counts: { preambular: 3, operative: 3, subparagraphs: 0, footnotes: 1 } },
  'S-RES-347-1974-pdf.unres': { organ: '安全理事会', kind: 'resolution', symbol: 'S/RES/347 (1974)', date: '1974-04-24', meeting: 1769, counts: { preambular: 3, operative: 3, subparagraphs: 0, footnotes: 1 } },
  'S-RES-4-1946.unres': { organ: '安全理事会', kind: 'resolution', symbol: 'S/RES/4 (1946)', date: '1946-04-29', meeting: 39, counts: { preambular: 1, operative: 1, subparagraphs: 0, footnotes: 0 } },
  'E-RES-2023-10.unres': { organ: '经济及社会理事会', kind: 'resolution', symbol: 'E/RES/2023/10', date: '2023-07-25', meeting: 40, counts: { preambular: 3, operative: 4, subparagraphs: 0, footnotes: 0 } },
  'E-DEC-2023-201.unres': { organ: '经济及社会理事会', kind: 'decision', symbol: 'E/DEC/2023/201', date: '2022-12-14', meeting: 2, counts: { preambular: 0, operative: 1, subparagraphs: 0, footnotes: 0 } },
  'A-HRC-RES-52-1.unres': { organ: '人权理事会', kind: 'resolution', symbol: 'A/HRC/RES/52/1', date: '2023-04-03', meeting: 54, counts: { preambular: 3, operative: 3, subparagraphs: 0, footnotes: 0 } },
  'A-HRC-RES-52-2.unres': { organ: '人权理事会', kind: 'resolution', symbol: 'A/HRC/RES/52/2', date: '2023-04-03', meeting: 57, counts: { preambular: 2, operative: 2, subparagraphs: 0, footnotes: 0 } },
  'A-DEC-77-555.unres': { organ: '大会', kind: 'decision', symbol: 'A/DEC/77/555', date: '2023-06-01', meeting: 88, counts: { preambular: 0, operative: 1, subparagraphs: 0, footnotes: 0 } },
  'A-RES-63-80.unres': { organ: '大会', kind: 'resolution', symbol: 'A/RES/63/80', date: '2008-12-05', meeting: 65, counts: { preambular: 2, operative: 4, subparagraphs: 0, footnotes: 0 } },
  'A-RES-2159-XXI.unres': { organ: '大会', kind: 'resolution', symbol: 'A/RES/2159 (XXI)', date: '1966-11-29', meeting: 1481, counts: { preambular: 3, operative: 2, subparagraphs: 0, footnotes: 0 } },
};

test('every fixture of test/fixtures/organs has its expected facts', () => {
  assert.deepEqual(readdirSync(DIR).filter((f) => f.endsWith('.unres')).sort(), Object.keys(EXPECTED).sort());
});

const catalogue = buildCatalogue(Object.keys(EXPECTED).map((file) => ({ file, source: `raw/${file}`, text: read(file) })));

for (const [file, want] of Object.entries(EXPECTED)) {
  test(`${file}: ${want.organ} ${want.kind} ${want.symbol}, ${want.date}, meeting ${want.meeting}, in the parser and the catalogue`, () => {
    const doc = parseDraft(read(file));
    assert.equal(doc.facts.organ, want.organ);
    assert.equal(doc.facts.kind, want.kind);
    assert.equal(doc.facts.symbol, want.symbol);
    assert.equal(doc.facts.date?.iso, want.date);
    assert.equal(doc.facts.meeting, want.meeting);
    assert.deepEqual(doc.notes, [], 'every line is placed');
    const entry = catalogue.documents.find((d) => d.file === file);
    assert.ok(entry, file);
    assert.deepEqual(
      { organ: entry.organ, kind: entry.kind, symbol: entry.symbol, date: entry.date, meeting: entry.meeting, counts: entry.counts },
      { organ: want.organ, kind: want.kind, symbol: want.symbol, date: want.date, meeting: want.meeting, counts: want.counts },
    );
  });

  test(`${file}: the clean published form has no error or warning`, () => {
    const found = validate(parseDraft(read(file)), defaultSettings, { today: new Date('2026-12-01') })
      .filter((f) => f.severity === 'error' || f.severity === 'warning')
      .map((f) => `${f.rule}: ${f.message}`);
    assert.deepEqual(found, []);
  });
}

test('the Security Council: title block and adoption line are separate fields; the closing line is no paragraph', () => {
  const doc = parseDraft(read('S-RES-2446-2018.unres'));
  assert.equal(doc.title?.number, '2446 (2018)');
  assert.equal(doc.title?.scheme, 'council');
  assert.deepEqual(doc.heading.map((h) => [h.field, h.text]), [['adoption', '2018 年 11 月 15 日安全理事会第 8401 次会议通过']]);
  assert.equal(doc.organ?.organ, '安全理事会');
  const last = doc.operative[doc.operative.length - 1];
  assert.equal(doc.text.slice(last.span.start, last.span.end), '4. 决定继续积极处理此案。');
  const old = parseDraft(read('S-RES-347-1974.unres'));
  assert.equal(old.closing.adoption?.meeting, 1769);
  assert.equal(old.text.slice(old.closing.adoption!.span.start, old.closing.adoption!.span.end), '第 1769 次会议以 13 票对 0 票通过。');
  // The plain-digit marker after a space, and its footnote line without a separator line.
  assert.deepEqual(old.markers.map((m) => [m.number, m.line]), [[1, 17]]);
  assert.deepEqual(old.footnotes.map((f) => [f.number, f.line, old.text.slice(f.textSpan.start, f.textSpan.end)]), [[1, 19, '二理事国未参加表决。']]);
});

test('the Security Council: subparagraphs under an unnumbered 决定： are the operative part, and the organ line may lack its comma', () => {
  const doc = parseDraft(read('S-RES-2833-2026.unres'));
  assert.equal(doc.organ?.organ, '安全理事会');
  assert.equal(doc.operative.length, 1);
  assert.equal(doc.operative[0].kind, 'unnumbered');
  assert.deepEqual(doc.operative[0].children.map((c) => [c.label?.text, c.part]), [['(a)', 'operative'], ['(b)', 'operative'], ['(c)', 'operative']]);
});

test('ECOSOC: headings among the paragraphs and the annexed decision of a regional commission are structure', () => {
  const doc = parseDraft(read('E-RES-2023-10.unres'));
  assert.deepEqual(doc.sections.map((s) => s.text), ['互联网治理', '加强合作']);
  assert.equal(doc.annexes.length, 1);
  assert.equal(doc.annexes[0].title, 'G (70)号决定 欧洲经济委员会的工作方案');
  assert.equal(doc.annexes[0].organ?.organ, '欧洲经济委员会');
  assert.ok(doc.paragraphs.every((p) => p.line < doc.annexes[0].heading.line), 'no annex line is a paragraph of the resolution');
  assert.equal(doc.heading.find((h) => h.field === 'session')?.text, '2023 年届会');
});

test('the Human Rights Council: the vote after the meeting is the closing, not a paragraph', () => {
  const voted = parseDraft(read('A-HRC-RES-52-1.unres'));
  assert.equal(voted.closing.vote.length, 4);
  assert.equal(voted.facts.session, 52);
  const plain = parseDraft(read('A-HRC-RES-52-2.unres'));
  assert.deepEqual(plain.closing.vote.map((v) => plain.text.slice(v.span.start, v.span.end)), ['[未经表决获得通过。]']);
});

test('parts A and B: each with its organ line, paragraphs numbered from 1 and its closing', () => {
  const doc = parseDraft(read('A-RES-63-80.unres'));
  assert.deepEqual(doc.parts.map((p) => [p.letter, p.organ?.organ, p.closing.meeting?.number]), [['A', '大会', 65], ['B', '大会', 65]]);
  assert.deepEqual(doc.operative.map((p) => `${p.division}:${p.label?.text}`), ['0:1.', '0:2.', '1:1.', '1:2.']);
});

test('the General Assembly before 1976: 二一五九(二十一)、, Chinese-numeral date and meeting, no 大会， line', () => {
  const doc = parseDraft(read('A-RES-2159-XXI.unres'));
  assert.equal(doc.organ, undefined);
  assert.equal(doc.title?.number, '2159 (XXI)');
  assert.equal(doc.title?.title, '审查国际局势');
  assert.equal(doc.facts.session, 21);
  assert.deepEqual(doc.preamble.map((p) => p.opener?.text), ['覆按', '复查', '深信']);
  assert.equal(doc.closing.meeting?.number, 1481);
});

test('resolution-drafter parse prints organ, symbol, kind, date, meeting and the counts at the top of each record', () => {
  const files = ['S-RES-2446-2018.unres', 'E-DEC-2023-201.unres', 'A-RES-2159-XXI.unres'];
  const result = runCli(['parse', ...files.map((f) => join(DIR, f))]);
  assert.equal(result.status, 0, result.stderr);
  const records = JSON.parse(result.stdout) as Record<string, unknown>[];
  assert.deepEqual(
    records.map((r) => [r.organ, r.symbol, r.kind, r.date, r.meeting, r.preambular, r.operative, r.footnotes]),
    files.map((f) => {
      const e = EXPECTED[f];
      return [e.organ, e.symbol, e.kind, e.date, e.meeting, e.counts.preambular, e.counts.operative, e.counts.footnotes];
    }),
  );
});

test('a PDF extraction that glues the title block to the adoption line (or the date to it) still gives symbol, date and meeting', () => {
  const glued = read('S-RES-2446-2018.unres').replace('第 2446(2018)号决议\n', '第 2446(2018)号决议');
  const doc = parseDraft(glued);
  assert.deepEqual([doc.facts.symbol, doc.facts.date?.iso, doc.facts.meeting, doc.title?.title], ['S/RES/2446 (2018)', '2018-11-15', 8401, '第 2446(2018)号决议']);
  assert.deepEqual(doc.heading.map((h) => [h.field, h.text]), [['adoption', '2018 年 11 月 15 日安全理事会第 8401 次会议通过']]);
  const old = parseDraft(read('S-RES-347-1974.unres').replace('一九七四年四月二十四日\n', '一九七四年四月二十四日'));
  assert.deepEqual([old.facts.symbol, old.facts.date?.iso, old.facts.meeting], ['S/RES/347 (1974)', '1974-04-24', 1769]);
});

test('a clean draft is named from its symbol, the year or session in parentheses as one more part', () => {
  assert.deepEqual(
    ['S/RES/2446 (2018)', 'S/RES/4 (1946)', 'A/RES/2159 (XXI)', 'E/RES/2023/10', 'E/DEC/2023/201', 'A/HRC/RES/52/1', 'A/DEC/77/555', 'A/RES/76/54', 'NPT/CONF.2020/WP.77'].map(draftFileName),
    ['S-RES-2446-2018.unres', 'S-RES-4-1946.unres', 'A-RES-2159-XXI.unres', 'E-RES-2023-10.unres', 'E-DEC-2023-201.unres', 'A-HRC-RES-52-1.unres', 'A-DEC-77-555.unres', 'A-RES-76-54.unres', 'NPT-CONF.2020-WP.77.unres'],
  );
  // Every fixture is named so.
  for (const [file, want] of Object.entries(EXPECTED)) if (!file.includes('-pdf')) assert.equal(draftFileName(want.symbol), file);
});
