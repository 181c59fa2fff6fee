// The inline recognisers and the numbered-text structure, on real lines of the corpus seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDraft } from './parser';

const citations = (line: string) => parseDraft(line).citations.map((c) => ({ key: c.key, kind: c.kind, symbol: c.symbol, date: c.date?.iso }));
const symbols = (line: string) => parseDraft(line).symbols.map((s) => s.text);

test('a citation list sharing one 号决议, with dates (59/76)', () => {
  const line =
    '回顾其 1994 年 12 月 15 日第 49/75 H 号、1995 年 12 月 12 日第 50/70 C 号、1996 年 12 月 10 日第 51/45 G 号、1997 年 12 月 9 日第 52/38 K 号、1998 年 12月 4 日第 53/77 U 号、1999 年 12 月 1 日第 54/54 D 号、2000 年 11 月 20 日第55/33 R 号、2001 年 11 月 29 日第 56/24 N 号、2002 年 11 月 22 日第 57/78 号和2003 年 12 月 8 日第 58/59 号决议，';
  const found = citations(line);
  assert.deepEqual(found.map((c) => c.key), ['49/75 H', '50/70 C', '51/45 G', '52/38 K', '53/77 U', '54/54 D', '55/33 R', '56/24 N', '57/78', '58/59']);
  assert.ok(found.every((c) => c.kind === 'resolution'));
  assert.deepEqual(found[0], { key: '49/75 H', kind: 'resolution', symbol: 'A/RES/49/75H', date: '1994-12-15' });
  assert.equal(found[4].date, '1998-12-04');
  assert.equal(found[9].date, '2003-12-08');
});

test('Security Council citations: 第 1540（2004）号, 第 984 (1995)号, 第 1540(2004)号和……第 2325(2016)号决议', () => {
  assert.deepEqual(citations('又欢迎安全理事会通过 2004 年 4 月 28 日第 1540（2004）号决议，认为这是'), [
    { key: '1540 (2004)', kind: 'resolution', symbol: 'S/RES/1540(2004)', date: '2004-04-28' },
  ]);
  assert.deepEqual(citations('15. 回顾安全理事会 1995 年 4 月 11 日第 984 (1995)号决议，其中注意到').map((c) => c.symbol), ['S/RES/984(1995)']);
  assert.deepEqual(
    citations('包括安理会 2004 年 4 月 28 日第 1540(2004)号和 2016 年 12 月 15 日第 2325(2016)号决议；').map((c) => [c.symbol, c.date]),
    [['S/RES/1540(2004)', '2004-04-28'], ['S/RES/2325(2016)', '2016-12-15']],
  );
  assert.deepEqual(citations('在这方面，审议大会强调安全理事会有关决议、包括第1540(2004)号决议发挥的重要作用').map((c) => c.symbol), ['S/RES/1540(2004)']);
});

test('special-session resolutions and decisions: S-10/2 号决议, 第 52/492 号决定', () => {
  assert.deepEqual(citations('³ S-10/2 号决议。').map((c) => [c.key, c.symbol]), [['S-10/2', 'A/RES/S-10/2']]);
  assert.deepEqual(citations('重申大会 1998 年 9月 8日第 52/492 号决定赋予裁军审议委员会的具体任务').map((c) => [c.key, c.kind, c.symbol, c.date]), [['52/492', 'decision', undefined, '1998-09-08']]);
});

test('document symbols as the seeds write them', () => {
  assert.deepEqual(symbols('16. 审议大会强调，根据原子能机构《规约》第十二.C 条和 INFCIRC/153(Corrected)第 19段，'), ['INFCIRC/153(Corrected)']);
  assert.deepEqual(symbols('11. 欢迎国际原子能机构大会于 2004 年 9 月 24 日通过GC(48)/RES/14 号决议，⁸ 其中建议该机构成员国继续审议执行原子能机构大会 2000 年 9 月 22 日通过的GC(44)/RES/19 号决议⁹'), ['GC(48)/RES/14', 'GC(44)/RES/19']);
  assert.deepEqual(symbols('⁵ CTBT-Art.XIV/2003/5，附件一。'), ['CTBT-Art.XIV/2003/5']);
  assert.deepEqual(symbols('¹¹ A/60/1002-S/2006/718，附件一。'), ['A/60/1002-S/2006/718']);
  assert.deepEqual(symbols('⁶ 见《不扩散核武器条约缔约国2000年审议大会，最后文件》，第一卷(NPT/CONF.2000/28(Parts I 和 II))，第一部分'), ['NPT/CONF.2000/28(Parts I 和 II)']);
  assert.deepEqual(
    symbols('⁴ 《不扩散核武器条约缔约国 2010 年审议大会，最后文件》，第一至三卷 (NPT/CONF.2010/50(Vol.I)、NPT/CONF.2010/50 (Vol.II)和 NPT/CONF.2010/50 (Vol.III))。'),
    ['NPT/CONF.2010/50(Vol.I)', 'NPT/CONF.2010/50 (Vol.II)', 'NPT/CONF.2010/50 (Vol.III)'],
  );
  assert.deepEqual(symbols('⁸ 见国际原子能机构，《大会决议和其他决定，第四十八届常会，2004 年 9 月 20 日至 24 日》（GC(48)/RES/DEC（2004））。'), ['GC(48)/RES/DEC（2004）']);
  assert.deepEqual(symbols('支持根据 CD/1299 号文件及其所载任务授权开始这项谈判'), ['CD/1299']);
  assert.deepEqual(citations('支持根据 CD/1299 号文件及其所载任务授权开始这项谈判'), []);
});

test('a numbered text restarts its numbering after 审议大会核可以下内容：', () => {
  const doc = parseDraft(
    [
      'NPT/CONF.2020/WP.77',
      '',
      '186. 审议大会重申缔约国有权退出《条约》。',
      '',
      '187. 审议大会回顾 1995 年审议和延期大会第 1 号决定，审议大会核可以下内容：',
      '',
      '1. 缔约国重申所作现有全部承诺均具有效力。',
      '',
      '一. 核裁军',
      '',
      '2. 缔约国重申，所有缔约国紧急履行上述承诺至关重要。',
    ].join('\n'),
  );
  assert.equal(doc.shape, 'numbered-text');
  assert.deepEqual(doc.operative.map((p) => `${p.sequence}:${p.label?.text}`), ['0:186.', '0:187.', '1:1.', '1:2.']);
  assert.deepEqual(doc.sections.map((s) => s.text), ['一. 核裁军']);
  assert.equal(doc.facts.symbol, 'NPT/CONF.2020/WP.77');
});

test('a paragraph that introduces subparagraphs does not restart the numbering', () => {
  const doc = parseDraft(['大会，', '', '1. 鼓励：', '', '(a) 所有国家；', '', '2. 决定。'].join('\n'));
  assert.deepEqual(doc.operative.map((p) => p.sequence), [0, 0]);
});

test('a draft closing with placeholders (XXXX 年 XX 月 XX 日, 第 XX 次全体会议) is the closing, with no date or number yet', () => {
  const draft = ['XX/XX. 标题', '', '大会，', '', '回顾……，', '', '1. **决定**……。', '', 'XXXX 年 XX 月 XX 日', '第 XX 次全体会议', ''].join('\n');
  const model = parseDraft(draft);
  assert.equal(model.closing.dateLine && model.lines.positionAt(model.closing.dateLine.start).line, 8);
  assert.equal(model.closing.date, undefined);
  assert.equal(model.closing.meeting?.line, 9);
  assert.equal(model.closing.meeting?.number, undefined);
  assert.deepEqual(model.sections, []);
  // The adopted form still gives the date and the number (A/RES/76/54).
  const adopted = parseDraft(draft.replace('XXXX 年 XX 月 XX 日', '2021 年 12 月 6 日').replace('第 XX 次', '第 45 次'));
  assert.equal(adopted.closing.date?.iso, '2021-12-06');
  assert.equal(adopted.closing.meeting?.number, 45);
});

test('a preambular paragraph being typed (no closing mark yet) is a paragraph, not a heading: with the openers 深为关切 and 遵循 of the Council texts, and with an opener the tables lack once it has a comma', () => {
  const body = (line: string) => ['第 2446(2018)号决议', '', '安全理事会，', '', '回顾其以往关于索马里局势的各项决议，', '', line].join('\n');
  for (const line of ['深为关切索马里境内严峻的人道主义局势，包括', '遵循《联合国宪章》的', '极为关切索马里境内的局势，包括']) {
    const model = parseDraft(body(line));
    assert.deepEqual(model.sections, [], line);
    assert.deepEqual(model.preamble.map((p) => p.line), [4, 6], line);
  }
  assert.equal(parseDraft(body('深为关切索马里境内严峻的人道主义局势，')).preamble[1].opener?.text, '深为关切');
  // A short heading between paragraphs (E/RES/2023/10) is still one.
  assert.deepEqual(parseDraft(body('互联网治理')).sections.map((s) => s.text), ['互联网治理']);
});
