import { describe, expect, it } from 'vitest';
import { smallest } from '../../src/render/table.js';

describe('smallest (the findings the table shows)', () => {
  // A small linear congruential generator: the same cases on every run.
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };

  it('gives what sorting the whole list and keeping the first n gives, ties in input order', () => {
    for (const [size, n, distinct] of [
      [0, 5, 3],
      [3, 5, 3],
      [50, 5, 4],
      [1_000, 200, 30],
      [5_000, 200, 5_000],
      [5_000, 1, 2],
    ] as const) {
      const list = Array.from({ length: size }, (_, seq) => ({ key: random(distinct), seq }));
      const order = (a: { key: number }, b: { key: number }) => a.key - b.key;
      expect(smallest(list, n, order)).toEqual([...list].sort(order).slice(0, n));
    }
  });
});
