import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'pg-connection-string';
import { splitPassword } from './url-password';

test('a password in the user part or in a query parameter is taken out, with the one pg would use', () => {
  assert.deepEqual(splitPassword('postgres://rd_drafter:s3cr%40t@db:5433/corpus?sslmode=require'), { connectionString: 'postgres://rd_drafter@db:5433/corpus?sslmode=require', password: 's3cr@t' });
  assert.deepEqual(splitPassword('postgres://rd_drafter@db/corpus?password=secret'), { connectionString: 'postgres://rd_drafter@db/corpus', password: 'secret' });
  assert.deepEqual(splitPassword('postgres://rd_drafter@db/corpus?sslmode=require&PassWord=a%20b&application_name=x'), { connectionString: 'postgres://rd_drafter@db/corpus?sslmode=require&application_name=x', password: 'a b' });
  // Both: pg-connection-string takes the parameter's.
  assert.equal(splitPassword('postgres://u:inuser@db/corpus?password=inquery').password, parse('postgres://u:inuser@db/corpus?password=inquery').password);
  // A second connection string in a parameter (pg reads it over the first): gone, its password reported.
  assert.deepEqual(splitPassword(`postgres://u@db/corpus?connectionString=${encodeURIComponent('postgres://u:nested@other/corpus')}`), { connectionString: 'postgres://u@db/corpus', password: 'nested' });
  // No host before the path (the socket as a parameter), as pg-connection-string reads it.
  assert.deepEqual(splitPassword('postgres://u:pw@/corpus?host=/run/postgresql'), { connectionString: 'postgres://u@/corpus?host=/run/postgresql', password: 'pw' });
  assert.equal(parse(splitPassword('postgres://u:pw@/corpus?host=/run/postgresql').connectionString).host, '/run/postgresql');
  // An empty one is taken out too, with nothing to report.
  assert.deepEqual(splitPassword('postgres://u@db/corpus?password='), { connectionString: 'postgres://u@db/corpus' });
});

test('a connection string without a password, a name or something else comes back the same', () => {
  for (const text of ['postgres://rd_drafter@db.example.org/corpus?sslmode=verify-full', 'postgresql://db/corpus', 'corpus-prod', 'postgres://bad host:x/', 'postgres://u@db/corpus?passfile=/home/u/.pgpass']) {
    assert.deepEqual(splitPassword(text), { connectionString: text }, text);
  }
});

test('what is left parses to no password at all', () => {
  for (const text of ['postgres://u:a@db/c', 'postgres://u@db/c?password=b', 'postgres://u:a@db/c?password=b&password=c', 'postgres://u@db/c?connectionString=postgres%3A%2F%2Fu%3Ad%40db%2Fc']) {
    const left = splitPassword(text).connectionString;
    assert.ok(!parse(left).password, `${text} → ${left}`);
    assert.ok(!/[abcd]@|password|connectionString/i.test(left.replace('postgres://u@db/c', '')), left);
  }
});
