import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../src/index.js';
import { fakeClock } from '../../support/fixtures.js';

describe('TokenBucket', () => {
  it('lets a burst of 30 through at once, then 10 a second', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(10, 30, clock);
    const at: number[] = [];
    for (let i = 0; i < 130; i++) {
      await bucket.take();
      at.push(clock.now());
    }
    expect(at.slice(0, 30).every((t) => t === 0)).toBe(true);
    expect(at[30]).toBe(100);
    expect(at[129]).toBe(10_000);
    // Over any window after the burst, never more than 10 a second.
    for (let i = 30; i + 10 < at.length; i++) expect(at[i + 10]! - at[i]!).toBeGreaterThanOrEqual(1000);
  });

  it('refills while idle, up to the burst', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(10, 30, clock);
    for (let i = 0; i < 30; i++) await bucket.take();
    await clock.sleep(60_000);
    const start = clock.now();
    for (let i = 0; i < 30; i++) await bucket.take();
    expect(clock.now()).toBe(start);
    await bucket.take();
    expect(clock.now()).toBe(start + 100);
  });

  it('serves concurrent callers one token each, in order', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(10, 2, clock);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => bucket.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(clock.now()).toBe(200);
  });

  it('drain() empties the bucket after the server throttled', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(10, 30, clock);
    bucket.drain();
    await bucket.take();
    expect(clock.now()).toBe(100);
  });
});
