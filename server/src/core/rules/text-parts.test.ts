import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NumberIndex, NumberSet } from './text-parts';

test('NumberSet holds what a Set holds: small whole numbers, huge ones, fractions, negatives, NaN', () => {
  const set = new NumberSet(100);
  const plain = new Set<number>();
  const added = [0, 1, 99, 100, 101, 5e15, 2 ** 60, Infinity, 1.5, -1, -0, NaN, 42, 42];
  for (const n of added) {
    set.add(n);
    plain.add(n);
  }
  const asked = [...added, 2, 98, 102, 5e15 + 2, -Infinity, 2.5, -2, 0.5, 43];
  for (const n of asked) assert.equal(set.has(n), plain.has(n), `has(${n})`);
});

test('NumberSet agrees with a Set over random numbers around its capacity', () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const set = NumberSet.forCount(50);
  const plain = new Set<number>();
  for (let i = 0; i < 2000; i++) {
    const n = (next() >> 8) % 3000;
    if (i % 2 === 0) {
      set.add(n);
      plain.add(n);
    } else assert.equal(set.has(n), plain.has(n), `has(${n})`);
  }
  assert.ok(plain.size > 500);
  for (let n = 0; n < 3000; n++) assert.equal(set.has(n), plain.has(n), `has(${n})`);
});

test('an empty NumberSet, and one of no capacity, hold nothing until added to', () => {
  for (const set of [new NumberSet(0), new NumberSet(-5), NumberSet.forCount(0)]) {
    assert.equal(set.has(0), false);
    assert.equal(set.has(3), false);
    set.add(3);
    assert.equal(set.has(3), true);
    assert.equal(set.has(0), false);
  }
});

test('NumberIndex keeps what a Map keeps, for numbers inside and outside its capacity', () => {
  let seed = 3;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 8;
  const index = new NumberIndex(100);
  const plain = new Map<number, number>();
  const odd = [2 ** 60, 5e15, Infinity, 1.5, -1, NaN, 100, 0];
  for (let i = 0; i < 1000; i++) {
    const n = i % 10 === 0 ? odd[next() % odd.length] : next() % 300;
    if (i % 3 === 0) {
      index.set(n, i);
      plain.set(n, i);
    } else assert.equal(index.get(n), plain.get(n) ?? -1, `get(${n})`);
  }
  for (const n of [...odd, ...Array.from({ length: 300 }, (_, k) => k)]) assert.equal(index.get(n), plain.get(n) ?? -1, `get(${n})`);
  assert.equal(NumberIndex.forCount(0).get(0), -1);
});
