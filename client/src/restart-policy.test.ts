import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RestartPolicy } from './restart-policy';

test('restarts up to the limit within the window, then gives up', () => {
  const policy = new RestartPolicy(3, 60_000);
  assert.deepEqual([0, 1_000, 2_000, 3_000].map((t) => policy.crashed(t)), [true, true, true, false]);
});

test('crashes older than the window are forgotten; a reset starts afresh', () => {
  const policy = new RestartPolicy(2, 60_000);
  assert.equal(policy.crashed(0), true);
  assert.equal(policy.crashed(10_000), true);
  assert.equal(policy.crashed(20_000), false);
  assert.equal(policy.crashed(85_000), true, 'the crashes at 0 and 10 s are out of the window');
  policy.reset();
  assert.equal(policy.crashed(86_000), true);
  assert.equal(policy.crashed(87_000), true);
});
