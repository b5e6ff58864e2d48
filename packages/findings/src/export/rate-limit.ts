/** Time source and sleep, injectable so tests run without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A token bucket: `ratePerSecond` tokens a second, at most `burst` saved up. Security Hub allows
 * BatchImportFindings 10 requests/s with a burst of 30 per account and region; staying under that
 * costs less than being throttled and retried.
 */
export class TokenBucket {
  #tokens: number;
  #last: number;
  #queue: Promise<void> = Promise.resolve();

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    private readonly clock: Clock = systemClock,
  ) {
    this.#tokens = burst;
    this.#last = clock.now();
  }

  /** Resolves when a token is available and takes it; callers are served in order. */
  take(): Promise<void> {
    const turn = this.#queue.then(() => this.#take());
    this.#queue = turn;
    return turn;
  }

  /** Empties the bucket: the server said "too many", so what we think we have saved up is wrong. */
  drain(): void {
    this.#refill();
    this.#tokens = Math.min(this.#tokens, 0);
  }

  async #take(): Promise<void> {
    this.#refill();
    while (this.#tokens < 1) {
      await this.clock.sleep(Math.ceil(((1 - this.#tokens) * 1000) / this.ratePerSecond));
      this.#refill();
    }
    this.#tokens -= 1;
  }

  #refill(): void {
    const now = this.clock.now();
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) * this.ratePerSecond) / 1000);
    this.#last = now;
  }
}
