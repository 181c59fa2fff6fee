import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { serverOptionsFor, withoutPassword } from './corpus-login';

test('a password written in the setting, in the user part or as ?password=, is taken out and reported', () => {
  assert.deepEqual(withoutPassword('postgres://rd_drafter:secret@db:5432/corpus'), { server: 'postgres://rd_drafter@db:5432/corpus', hadPassword: true });
  assert.deepEqual(withoutPassword('postgres://rd_drafter@db:5432/corpus?password=secret'), { server: 'postgres://rd_drafter@db:5432/corpus', hadPassword: true });
  assert.deepEqual(withoutPassword('postgres://rd_drafter@db/corpus?sslmode=verify-full&password=secret'), { server: 'postgres://rd_drafter@db/corpus?sslmode=verify-full', hadPassword: true });
  assert.deepEqual(withoutPassword('postgres://rd_drafter@db/corpus?sslmode=verify-full'), { server: 'postgres://rd_drafter@db/corpus?sslmode=verify-full', hadPassword: false });
  assert.deepEqual(withoutPassword('corpus-prod'), { server: 'corpus-prod', hadPassword: false });
});

test('the server gets no password in the URL: the stored one beside a URL, the stored connection string\'s beside it for a name', () => {
  assert.deepEqual(serverOptionsFor('postgres://u@db/corpus', 'stored'), { corpusServer: 'postgres://u@db/corpus', corpusServerPassword: 'stored' });
  assert.deepEqual(serverOptionsFor('postgres://u@db/corpus', undefined), { corpusServer: 'postgres://u@db/corpus' });
  assert.deepEqual(serverOptionsFor('corpus-prod', 'postgres://u:pw@db/corpus'), { corpusServer: 'postgres://u@db/corpus', corpusServerPassword: 'pw' });
  assert.deepEqual(serverOptionsFor('corpus-prod', 'postgres://u@db/corpus?password=pw&sslmode=require'), { corpusServer: 'postgres://u@db/corpus?sslmode=require', corpusServerPassword: 'pw' });
  assert.deepEqual(serverOptionsFor('corpus-prod', 'postgres://u@db/corpus'), { corpusServer: 'postgres://u@db/corpus' });
  assert.deepEqual(serverOptionsFor('corpus-prod', undefined), { corpusServer: 'corpus-prod' });
});

test('the warning names the command by its title', () => {
  const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
  const source = readFileSync('client/src/corpus-server.ts', 'utf8');
  assert.ok(source.includes(`"${nls['command.category']}: ${nls['command.setCorpusServerLogin']}"`));
});
