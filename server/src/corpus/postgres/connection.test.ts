import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { connectionConfig, displayConnection, faultOf, isConnectionString, PasswordMissingError, scrub, SET_LOGIN_COMMAND_TITLE } from './connection';
import { databaseMessages } from './messages';

test('a connection string is shown without its password or other parameters than sslmode', () => {
  assert.equal(displayConnection('postgres://drafter:s3cr%40t@db.example.org:5433/corpus?sslmode=verify-full&application_name=x'), 'postgres://drafter@db.example.org:5433/corpus?sslmode=verify-full');
  assert.equal(displayConnection('postgresql://db.example.org/corpus'), 'postgresql://db.example.org/corpus');
  assert.equal(displayConnection('not a url'), '(a connection string)');
  assert.ok(isConnectionString('postgres://x') && isConnectionString('POSTGRESQL://x') && !isConnectionString('corpus-prod'));
});

test('messages are scrubbed of the password (in the URL, decoded, or given beside it) and of the full connection string', () => {
  const config = { connectionString: 'postgres://drafter:s3cr%40t@db/corpus', password: 'other-pw' };
  const out = scrub('failed for postgres://drafter:s3cr%40t@db/corpus with s3cr@t and other-pw', config);
  assert.ok(!out.includes('s3cr') && !out.includes('other-pw'), out);
  assert.match(out, /postgres:\/\/drafter@db\/corpus/);
});

test('errors are told apart as a drafter needs: refused, unreachable, schema missing, other', () => {
  assert.equal(faultOf({ code: '28P01', message: 'password authentication failed for user "drafter"' }), 'refused');
  assert.equal(faultOf({ code: '25006', message: 'cannot execute CREATE TABLE in a read-only transaction' }), 'refused');
  assert.equal(faultOf({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }), 'unreachable');
  assert.equal(faultOf(new Error('Connection terminated unexpectedly')), 'unreachable');
  assert.equal(faultOf({ code: '42P01', message: 'relation does not exist' }), 'schema-missing');
  assert.equal(faultOf({ code: '22P02', message: 'invalid input syntax' }), 'failed');
  assert.equal(faultOf({ code: '57014', message: 'canceling statement due to statement timeout' }), 'failed');
});

test('a password given as ?password= is scrubbed from messages too, as written and as read', () => {
  const config = { connectionString: 'postgres://drafter@db/corpus?password=p%40ss%20word' };
  const out = scrub('failed with p%40ss%20word, p@ss word and p%40ss+word', config);
  assert.ok(!out.includes('ss'), out);
});

test('a connection string nested in a parameter is not read (pg would take its host, login and password)', () => {
  const config = connectionConfig({ connectionString: `postgres://drafter@db/corpus?connectionString=${encodeURIComponent('postgres://x:nested@elsewhere/other')}` });
  assert.equal(config.host, 'db');
  assert.equal(config.database, 'corpus');
  assert.equal((config as { connectionString?: string }).connectionString, undefined);
});

test('no password known: the message says what to set, with the command title the editor shows', () => {
  const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
  assert.equal(SET_LOGIN_COMMAND_TITLE, `${nls['command.category']}: ${nls['command.setCorpusServerLogin']}`);
  const err = new PasswordMissingError('rd_drafter');
  assert.equal(err.message, 'the corpus database asks a password for rd_drafter and none is set: set PGPASSWORD or a .pgpass line (in the editor: “Resolution Drafter: Set the corpus database login”)');
  assert.equal(faultOf(err), 'refused');
  // In Chinese, with the title a Chinese editor shows.
  const zhNls = JSON.parse(readFileSync('package.nls.zh-cn.json', 'utf8')) as Record<string, string>;
  assert.equal(databaseMessages.zh.setLoginCommand, `${zhNls['command.category']}: ${zhNls['command.setCorpusServerLogin']}`);
  const zh = new PasswordMissingError('rd_drafter', 'zh');
  assert.equal(zh.message, '语料库数据库要求 rd_drafter 提供密码，但未设置：请设置 PGPASSWORD 或 .pgpass 中的一行（在编辑器中：“决议起草: 设置语料库数据库登录”）');
  assert.equal(faultOf(zh), 'refused');
});
