// A paragraph copied from a draft with its label is looked up as the corpus keeps it, without the label.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDraft } from '../../server/src/core';
import { PhraseIndex } from '../../server/src/core/agreed/phrase-index';
import { similarQuery } from '../../server/src/core/parse/paragraph-body';

const text = readFileSync('corpus/A-RES-73-62.unres', 'utf8');
const index = PhraseIndex.build([{ symbol: 'A/RES/73/62', model: parseDraft(text) }]);
const operative8 = text.split('\n').find((l) => l.startsWith('8. '))!;

test('similar: a paragraph with its label (8. …, (b) …) scores 100 against itself, as without the label', () => {
  const bare = operative8.replace(/^8\.\s*/, '').replace(/\*\*/g, '');
  assert.equal(index.similar(bare, { limit: 1 })[0].score, 100);
  assert.equal(index.similar(operative8, { limit: 1 })[0].score, 100);
  assert.equal(index.similar(`  ${operative8}`, { limit: 1 })[0].where, '执行部分第 8 段');
  const sub = text.split('\n').find((l) => /^\([a-z]\) /.test(l));
  if (sub) assert.equal(index.similar(sub, { limit: 1 })[0].score, 100);
});

test('similarQuery leaves a text without a label as it is (a phrase, a symbol in brackets, a year)', () => {
  for (const phrase of ['审议大会', '(A/76/444)', '2021 年 12 月 6 日', '1540(2004)号决议']) assert.equal(similarQuery(phrase), phrase);
  assert.equal(similarQuery('8. 促请所有国家；'), '促请所有国家；');
  assert.equal(similarQuery('(b) 所有国家就核裁军与安全的关系进行坦诚对话；'), '所有国家就核裁军与安全的关系进行坦诚对话；');
});

test('the command line: search "8. …" finds the paragraph at 100 %', () => {
  const r = spawnSync(process.execPath, [resolve('bin/resolution-drafter.js'), 'search', '--limit', '1', operative8], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^100% {2}A\/RES\/73\/62 {2}执行部分第 8 段/);
});
