import { processLocal } from "../processLocal";

/**
 * The pace of every request to one API in this process. All resources of a stack run in one
 * dynamic provider process, each step with a client of its own, against one rate limit on the
 * server: the requests share what they learn from its 429s.
 *
 * `Retry-After` is whole seconds, so a server whose bucket refills every 100 ms still says
 * "1": pausing every request for it would cut the rate to what the bucket holds per second.
 * So the request that got the 429 waits as told, while the others keep going at a pace the
 * gate learns: on the first 429 it spaces request starts by the rate that succeeded over the
 * last second, then widens the spacing by a quarter on a later 429 (at most once a second).
 * Successes narrow it: by half per second of paced successes until the first widening (that
 * first rate is a guess, and a bucket of burst 1 makes it one request a second), then by 5%
 * per second, so the pace keeps probing for the server's rate. That probe is slower than the
 * back-off on purpose: a pace that grew faster than it widens would never settle under the
 * limit and would spend a 429 on every other request. A
 * `Retry-After` longer than its rounding (over 1 s) pauses every request until a second
 * before it ends.
 *
 * Plain data (numbers and an array), kept in process-local storage: the serializer never
 * captures it into the state.
 */
export interface RateGate {
  /** Ms since the epoch before which no request starts. */
  pausedUntil: number;
  /** Ms between two request starts; 0 while no 429 was seen. */
  interval: number;
  /** The earliest start of the next request when paced. */
  nextStart: number;
  /** When the spacing last widened: a 429 to a request sent before then is already counted. */
  slowedAt: number;
  /** Times of the successes of the last second. */
  recent: number[];
  /** True from the first 429 until the spacing first widens: the pace is still a guess. */
  guessing: boolean;
}

/** The clock the gate waits on: the client's, injected in tests. */
export interface GateClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Returns [0, 1). */
  random(): number;
}

/** Where the gates live in process-local storage, one per API base URL. */
const GATES_KEY = "losantRateGates";
/** `Retry-After` counts whole seconds: the server's true wait may be this much shorter. */
const RETRY_AFTER_ROUNDING_MS = 1000;
const WIDEN = 1.25;
/** How much the spacing narrows over one second of paced successes, once it has widened. */
const NARROW_PER_SECOND = 0.95;
/** The same while the pace is still the first guess. */
const NARROW_PER_SECOND_GUESSING = 0.5;
/** The spacing widens at most once per this long: the 429s of one overshoot count once. */
const WIDEN_EVERY_MS = 1000;
/** Below this spacing the gate stops pacing; above it, it never waits longer per request. */
const MIN_INTERVAL_MS = 2;
const MAX_INTERVAL_MS = 10_000;
/** Of a pause, the fraction over which the requests it held come back. */
const RELEASE_SPREAD = 0.05;

/** A gate with no pause and no pace. */
export function newRateGate(): RateGate {
  return { pausedUntil: 0, interval: 0, nextStart: 0, slowedAt: 0, recent: [], guessing: false };
}

/**
 * The gate of the API at `url` in this process, created on first use (process-local storage,
 * see `provider/processLocal.ts`).
 */
export function sharedRateGate(url: string): RateGate {
  const gates = processLocal<Record<string, RateGate>>(GATES_KEY, () => ({}));
  gates[url] ??= newRateGate();
  return gates[url];
}

/**
 * Resolves when the request may start: after any pause (plus a jitter of up to
 * {@link RELEASE_SPREAD} of it) and, when paced, in the next free slot, which it takes.
 */
export async function passGate(gate: RateGate, clock: GateClock): Promise<void> {
  for (;;) {
    const now = clock.now();
    const paused = gate.pausedUntil - now;
    if (paused > 0) {
      await clock.sleep(paused + Math.round(clock.random() * paused * RELEASE_SPREAD));
      continue;
    }
    if (gate.interval === 0) return;
    const start = Math.max(now, gate.nextStart);
    gate.nextStart = start + gate.interval;
    if (start > now) await clock.sleep(start - now);
    // A pause set while this request waited for its slot holds it too.
    if (gate.pausedUntil <= clock.now()) return;
  }
}

/**
 * Records a success: it narrows the spacing by its share of a second's narrowing (one success
 * at a spacing of 100 ms is a tenth of a second of pace), at most a second's at once.
 */
export function gateSucceeded(gate: RateGate, now: number): void {
  gate.recent.push(now);
  while (gate.recent.length > 0 && gate.recent[0] <= now - 1000) gate.recent.shift();
  if (gate.interval > 0) {
    const perSecond = gate.guessing ? NARROW_PER_SECOND_GUESSING : NARROW_PER_SECOND;
    gate.interval *= perSecond ** Math.min(1, gate.interval / 1000);
    if (gate.interval < MIN_INTERVAL_MS) gate.interval = 0;
  }
}

/**
 * Records a 429 to a request sent at `sentAt`: starts or widens the spacing (once per 429s of
 * requests sent at the same pace), and pauses every request for a long `Retry-After`.
 */
export function gateRateLimited(
  gate: RateGate,
  sentAt: number,
  now: number,
  retryAfterMs: number | undefined,
): void {
  if (gate.interval === 0 || (sentAt >= gate.slowedAt && now - gate.slowedAt >= WIDEN_EVERY_MS)) {
    const succeeded = gate.recent.filter((time) => time > now - 1000).length;
    gate.guessing = gate.interval === 0;
    gate.interval = gate.guessing
      ? 1000 / Math.max(1, succeeded)
      : Math.min(MAX_INTERVAL_MS, gate.interval * WIDEN);
    gate.slowedAt = now;
  }
  if (retryAfterMs !== undefined) {
    gate.pausedUntil = Math.max(gate.pausedUntil, now + retryAfterMs - RETRY_AFTER_ROUNDING_MS);
  }
}
