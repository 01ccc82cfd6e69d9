/**
 * A token-bucket rate limit over every request, the way an API gateway enforces one: the
 * bucket holds up to `burst` tokens, refills at `requestsPerSecond`, and a request finding
 * less than one token is answered 429 without using any. Time comes from the simulator's
 * clock, so tests drive it without waiting.
 */

/** A token-bucket limit. */
export interface RateLimit {
  /** Tokens added per second (> 0). */
  requestsPerSecond: number;
  /** Most tokens the bucket holds, and so the largest burst (>= 1). */
  burst: number;
}

/**
 * @throws RangeError when `requestsPerSecond` is not a positive finite number or `burst` is
 * not a finite number of at least 1.
 */
export function checkRateLimit(limit: RateLimit): void {
  if (!(Number.isFinite(limit.requestsPerSecond) && limit.requestsPerSecond > 0)) {
    throw new RangeError("Rate limit requestsPerSecond must be a positive number");
  }
  if (!(Number.isFinite(limit.burst) && limit.burst >= 1)) {
    throw new RangeError("Rate limit burst must be a number of at least 1");
  }
}

/** One bucket, starting full. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  /**
   * @param limit - the rate and burst.
   * @param nowMs - the time the bucket starts (full).
   * @throws RangeError for a limit {@link checkRateLimit} refuses.
   */
  constructor(
    readonly limit: Readonly<RateLimit>,
    nowMs: number,
  ) {
    checkRateLimit(limit);
    this.tokens = limit.burst;
    this.last = nowMs;
  }

  /**
   * Takes one token if there is one.
   * @returns 0 when the request may go on; otherwise the whole seconds, at least 1, until a
   * token is available (the `Retry-After` to send).
   */
  take(nowMs: number): number {
    // A clock that steps back (an injected one) refills nothing rather than draining.
    const elapsed = Math.max(0, nowMs - this.last);
    this.last = Math.max(this.last, nowMs);
    const rate = this.limit.requestsPerSecond;
    this.tokens = Math.min(this.limit.burst, this.tokens + (elapsed * rate) / 1000);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / rate));
  }
}

/** The simulator's current limit, which can be set, changed or lifted at run time. */
export class RateLimiter {
  private bucket: TokenBucket | undefined;

  /**
   * Sets (or with `undefined` lifts) the limit; a new limit starts with a full bucket.
   * @throws RangeError for a limit {@link checkRateLimit} refuses.
   */
  set(limit: RateLimit | undefined, nowMs: number): void {
    this.bucket = limit ? new TokenBucket({ ...limit }, nowMs) : undefined;
  }

  /** The limit in force, if any. */
  get limit(): Readonly<RateLimit> | undefined {
    return this.bucket?.limit;
  }

  /** See {@link TokenBucket.take}; always 0 without a limit. */
  take(nowMs: number): number {
    return this.bucket ? this.bucket.take(nowMs) : 0;
  }
}
