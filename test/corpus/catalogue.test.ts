// The committed catalogue: document facts, cited documents with their titles, dates and sites,
// titles with their footnotes; and the builder's determinism.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSymbol, parseDraft, type Catalogue } from '../../server/src/core';
import { buildCatalogue, serializeCatalogue, type CatalogueInput } from '../../server/src/core/ingest';
import { CORPUS } from './helpers';

const catalogue = JSON.parse(readFileSync(join(CORPUS, 'catalogue.json'), 'utf8')) as Catalogue;
const cited = (symbol: string) => {
  const entry = catalogue.cited.find((c) => c.symbol === symbol);
  assert.ok(entry, `${symbol} is in the catalogue`);
  return entry;
};
const title = (t: string) => {
  const entry = catalogue.titles.find((x) => x.title === t);
  assert.ok(entry, `《${t}》 is in the catalogue`);
  return entry;
};

test('document entries: symbol, kind, organ, title, date, session, agenda item, report, meeting, counts', () => {
  const byFile = Object.fromEntries(catalogue.documents.map((d) => [d.file, d]));
  assert.deepEqual(byFile['A-RES-76-54.unres'], {
    file: 'A-RES-76-54.unres',
    source: 'raw/000_3b5d42778cc89935.txt',
    symbol: 'A/RES/76/54',
    kind: 'resolution',
    title: '建立无核武器世界的联合行动和面向未来的对话',
    counts: { preambular: 22, operative: 7, subparagraphs: 9, footnotes: 7 },
    organ: '大会',
    date: '2021-12-06',
    session: 76,
    agendaItem: '100 (z)',
    report: 'A/76/444',
    meeting: 45,
  });
  assert.deepEqual(
    catalogue.documents.map((d) => [d.symbol, d.kind, d.date, d.session, d.report, d.meeting]),
    [
      ['A/RES/59/76', 'resolution', '2004-12-03', 59, 'A/59/459', 66],
      ['A/RES/62/42', 'resolution', '2007-12-05', 62, 'A/62/391', 61],
      ['A/RES/73/62', 'resolution', '2018-12-05', 73, undefined, 45],
      ['A/RES/76/54', 'resolution', '2021-12-06', 76, 'A/76/444', 45],
      ['NPT/CONF.2020/WP.77', 'working-paper', undefined, undefined, undefined, undefined],
    ],
  );
  assert.deepEqual(catalogue.documents.map((d) => d.organ), ['大会', '大会', '大会', '大会', undefined], 'a working paper names no organ');
  const wp = byFile['NPT-CONF.2020-WP.77.unres'];
  assert.equal(wp.title, '主席关于最后文件的工作文件');
  assert.deepEqual(wp.counts, { preambular: 0, operative: 289, subparagraphs: 24, footnotes: 0 });
  for (const d of catalogue.documents) assert.ok(existsSync(join(CORPUS, d.file)) && existsSync(join(CORPUS, d.source)), d.file);
});

test('cited documents carry their normalised symbol, titles and dates', () => {
  assert.deepEqual(cited('A/RES/72/50').dates, ['2017-12-04']);
  assert.deepEqual(cited('A/RES/49/75H').dates, ['1994-12-15']);
  assert.deepEqual(cited('A/RES/S-10/2').footnotes, ['S-10/2 号决议。']);
  assert.deepEqual(cited('S/RES/1540(2004)').dates, ['2004-04-28']);
  assert.deepEqual([...new Set(cited('S/RES/1540(2004)').citedBy.map((s) => s.file))], ['A-RES-59-76.unres', 'A-RES-73-62.unres', 'A-RES-76-54.unres', 'NPT-CONF.2020-WP.77.unres']);
  // A site names the citing document, not the cited one.
  assert.deepEqual([...new Set(cited('S/RES/1540(2004)').citedBy.map((s) => s.symbol))], ['A/RES/59/76', 'A/RES/73/62', 'A/RES/76/54', 'NPT/CONF.2020/WP.77']);
  assert.deepEqual(cited('S/RES/984(1995)').dates, ['1995-04-11']);
  assert.deepEqual(cited('CD/1299').dates, ['1995-03-24']);
  assert.deepEqual(cited('A/54/42').titles, ['大会正式记录，第五十四届会议，补编第 42 号']);
  assert.equal(cited('A/54/42').kind, 'report');
  assert.ok(cited('NPT/CONF.1995/32(Part I)').titles.includes('不扩散核武器条约缔约国 1995 年审议和延期大会，最后文件，第一部分'));
  assert.deepEqual(cited('NPT/CONF.2010/50(Vol.III)').titles, ['不扩散核武器条约缔约国 2010 年审议大会，最后文件']);
  assert.deepEqual(cited('NPT/CONF.2000/28(Parts I 和 II)').titles[0], '不扩散核武器条约缔约国 2000 年审议大会，最后文件');
  assert.equal(cited('A/60/1002-S/2006/718').footnotes[0], 'A/60/1002-S/2006/718，附件一。');
  assert.ok(cited('INFCIRC/153(Corrected)'));
  assert.ok(cited('GC(48)/RES/14'));
  assert.ok(cited('CTBT-Art.XIV/2003/5'));
  assert.ok(!catalogue.cited.some((c) => c.symbol === 'NPT/CONF.2020/WP.77' || c.symbol === 'A/RES/76/54'), 'a document does not cite itself');
});

test('the corpus agrees with itself on every cited date', () => {
  for (const c of catalogue.cited) assert.ok(c.dates.length <= 1, `${c.symbol}: ${c.dates.join(', ')}`);
});

test('every citedBy site is a line of the clean draft that mentions the symbol', () => {
  const drafts = new Map(catalogue.documents.map((d) => [d.file, parseDraft(readFileSync(join(CORPUS, d.file), 'utf8'))]));
  for (const c of catalogue.cited) {
    for (const site of c.citedBy) {
      const doc = drafts.get(site.file);
      assert.ok(doc, site.file);
      const line = site.line - 1;
      const here = [
        ...doc.symbols.filter((s) => s.line === line).map((s) => analyzeSymbol(s.text).normalized),
        ...doc.citations.filter((x) => x.line === line && x.symbol).map((x) => analyzeSymbol(x.symbol as string).normalized),
      ];
      assert.ok(here.includes(c.symbol), `${c.symbol} at ${site.file}:${site.line}`);
    }
  }
  for (const t of catalogue.titles) {
    for (const site of t.citedBy) {
      const text = readFileSync(join(CORPUS, site.file), 'utf8').split('\n')[site.line - 1];
      assert.ok(text.includes(`《${t.title}》`), `《${t.title}》 at ${site.file}:${site.line}`);
    }
  }
});

test('titles carry the footnotes attached to them, 同上 resolved', () => {
  assert.deepEqual(title('不扩散核武器条约').footnotes, ['联合国，《条约汇编》，第 729 卷，第 10485 号。']);
  assert.ok(title('不扩散核武器条约').citedBy.length >= 20);
  assert.deepEqual(title('禁止细菌（生物）及毒素武器的发展、生产和储存以及销毁这类武器的公约').footnotes, ['联合国，《条约汇编》，第 1015 卷，第 14860 号。']);
  assert.deepEqual(title('关于禁止发展、生产、储存和使用化学武器及销毁此种武器的公约').footnotes, ['联合国，《条约汇编》，第 1974 卷，第 33757 号。']);
  assert.deepEqual(title('联合国千年宣言').footnotes, ['见第 55/2 号决议。']);
  assert.deepEqual(title('全面禁止核试验条约').footnotes[0], '见第 50/245 号决议。');
});

test('the catalogue is deterministic: same output whatever the order of the inputs', () => {
  const inputs: CatalogueInput[] = catalogue.documents.map((d) => ({
    file: d.file,
    source: d.source,
    text: readFileSync(join(CORPUS, d.file), 'utf8'),
    symbol: d.kind === 'working-paper' ? d.symbol : undefined,
    headingTitle: d.kind === 'working-paper' ? d.title : undefined,
  }));
  const once = serializeCatalogue(buildCatalogue(inputs));
  assert.equal(serializeCatalogue(buildCatalogue([...inputs].reverse())), once);
  assert.equal(once, readFileSync(join(CORPUS, 'catalogue.json'), 'utf8'));
  assert.ok(once.endsWith('}\n') && once.includes('\n  "documents": [\n'));
});
