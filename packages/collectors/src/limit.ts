/**
 * A counting semaphore: at most `size` tasks run at once. Each service gets its own, so a service
 * with thousands of resources cannot starve the others nor trip its own API's throttling.
 */
export class Limiter {
  #active = 0;
  readonly #queue: (() => void)[] = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`concurrency must be a positive integer, got ${size}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.size) await new Promise<void>((resolve) => this.#queue.push(resolve));
    this.#active++;
    try {
      return await task();
    } finally {
      this.#active--;
      this.#queue.shift()?.();
    }
  }

  /** Runs `task` for every value with this limiter's bound and waits for all (rejections propagate after all settle). */
  async map<T, R>(values: readonly T[], task: (value: T) => Promise<R>): Promise<R[]> {
    const settled = await Promise.allSettled(values.map((v) => this.run(() => task(v))));
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed !== undefined) throw (failed as PromiseRejectedResult).reason;
    return settled.map((s) => (s as PromiseFulfilledResult<R>).value);
  }
}
