// The command line in Chinese: with --locale zh, or when LC_ALL / LANG is Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const cli = (args: string[], env: Record<string, string | undefined> = {}) =>
  spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', env: { ...process.env, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C.UTF-8', ...env } });
const chinese = /[\u4e00-\u9fff]/;
/** A message without the quoted draft text in it. */
const words = (line: string) => line.replace(/“[^”]*”/g, '').replace(/^\S+:\d+:\d+ \w+ [a-z-]+ /, '');

test('lint --locale zh: the findings and the summary in Chinese; English by default', () => {
  const en = cli(['lint', 'test/fixtures/broken.unres']);
  const zh = cli(['lint', '--locale', 'zh', 'test/fixtures/broken.unres']);
  assert.equal(zh.status, en.status);
  const enLines = en.stdout.trim().split('\n');
  const zhLines = zh.stdout.trim().split('\n');
  assert.equal(zhLines.length, enLines.length);
  for (const l of enLines) assert.doesNotMatch(words(l), chinese, l);
  for (const l of zhLines) assert.match(words(l), chinese, l);
  // The same places and rules.
  assert.deepEqual(zhLines.map((l) => l.split(' ').slice(0, 3).join(' ')), enLines.map((l) => l.split(' ').slice(0, 3).join(' ')));
  assert.match(en.stderr, /^1 error, 2 warnings, 1 remark in 1 file\.$/m);
  assert.match(zh.stderr, /^1 个文件中有 1 个错误、2 个警告、1 条提示。$/m);
});

test('LANG or LC_ALL Chinese: Chinese; LC_ALL wins over LANG; --locale wins over both', () => {
  assert.match(cli(['lint', 'test/fixtures/broken.unres'], { LANG: 'zh_CN.UTF-8' }).stderr, /个错误/);
  assert.match(cli(['lint', 'test/fixtures/broken.unres'], { LC_ALL: 'zh_TW.UTF-8' }).stderr, /个错误/);
  assert.match(cli(['lint', 'test/fixtures/broken.unres'], { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' }).stderr, /1 error/);
  assert.match(cli(['lint', '--locale=en', 'test/fixtures/broken.unres'], { LANG: 'zh_CN.UTF-8' }).stderr, /1 error/);
});

test('the command list in Chinese; a wrong --locale is a usage error', () => {
  const help = cli(['--locale', 'zh', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /用法：/);
  assert.match(help.stdout, /lint\s+按已发布决议的惯例检查草案。/);
  const bad = cli(['--locale', 'fr', 'lint', 'x.unres']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--locale takes zh or en/);
});
