import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDraft } from '../parse/parser';
import { placeName } from '../assist/words';
import { readPlace } from '../lang/zh-agreed';
import { corpusParagraphs } from './corpus-paragraphs';

const organ = (name: string) => parseDraft(readFileSync(join('test', 'fixtures', 'organs', name), 'utf8'));
const placeOf = (name: string, text: string) => corpusParagraphs(organ(name)).find((p) => p.text === text)?.where;

test('a resolution with parts A and B: each part counts its own paragraphs, and its places name the part', () => {
  const paragraphs = corpusParagraphs(organ('A-RES-63-80.unres'));
  assert.equal(placeOf('A-RES-63-80.unres', '重申其第 46/182 号决议，'), 'B 部分序言部分第 1 段');
  assert.ok(paragraphs.every((p) => p.kind === 'footnote' || /^[AB] 部分/.test(p.where)), paragraphs.map((p) => p.where).join(' '));
  // Each part's first preambular and operative paragraph is its own number 1.
  for (const letter of ['A', 'B']) {
    assert.ok(paragraphs.some((p) => p.where === `${letter} 部分序言部分第 1 段`), letter);
    assert.ok(paragraphs.some((p) => p.where === `${letter} 部分执行部分第 1 段`), letter);
  }
  assert.equal(new Set(paragraphs.map((p) => p.where)).size, paragraphs.length, 'no two paragraphs share a place');
});

test('a text without parts keeps its plain places (序言部分第 3 段, 执行部分第 5 段, 第 3 段(b), 脚注 1)', () => {
  const places = corpusParagraphs(parseDraft(readFileSync('corpus/A-RES-76-54.unres', 'utf8'))).map((p) => p.where);
  assert.ok(places.includes('序言部分第 1 段') && places.includes('执行部分第 1 段') && places.includes('脚注 1'), places.join(' '));
  assert.ok(!places.some((w) => w.includes('部分序言') || w.startsWith('附件')));
});

test('an annex (a commission decision annexed to an ECOSOC resolution) is indexed: its preamble and numbered paragraphs, named with the annex', () => {
  assert.equal(placeOf('E-RES-2023-10.unres', '回顾其关于改革的各项决定，'), '附件序言部分第 1 段');
  assert.equal(placeOf('E-RES-2023-10.unres', '请执行秘书向委员会第七十一届会议提交报告。'), '附件第 2 段');
  // Its title and organ line are not paragraphs.
  const annexed = corpusParagraphs(organ('E-RES-2023-10.unres')).filter((p) => p.where.startsWith('附件'));
  assert.deepEqual(annexed.map((p) => p.where), ['附件序言部分第 1 段', '附件第 1 段', '附件第 2 段']);
  assert.ok(!annexed.some((p) => p.text.includes('欧洲经济委员会，') || p.text.startsWith('G (70)')));
});

test('the places read back, and in English name the part or the annex', () => {
  assert.deepEqual(readPlace('B 部分序言部分第 1 段'), { kind: 'preambular', number: 1, part: 'B' });
  assert.deepEqual(readPlace('附件第 2 段'), { kind: 'numbered', number: 2, annex: '' });
  assert.deepEqual(readPlace('附件二第 3 段(a)'), { kind: 'subparagraph', number: 3, labels: '(a)', annex: '二' });
  assert.equal(placeName('en', 'B 部分执行部分第 2 段'), 'part B, operative paragraph 2');
  assert.equal(placeName('en', '附件序言部分第 1 段'), 'annex, preambular paragraph 1');
  assert.equal(placeName('en', '附件二第 3 段(a)'), 'annex II, paragraph 3 (a)');
  assert.equal(placeName('en', '序言部分第 3 段'), 'preambular paragraph 3');
});
