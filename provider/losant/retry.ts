import type { RetryOptions } from "./options";

// Arrays, not Sets: module-level values are captured into the state when Pulumi serializes
// the provider, and its serializer turns a Set into a plain object that has no entries.

/** Statuses that say "try again later" and leave nothing applied. */
const RETRYABLE_STATUSES: readonly number[] = [429, 502, 503, 504];
/** Methods whose repetition cannot duplicate anything. POST never is retried blindly. */
const RETRYABLE_METHODS: readonly string[] = ["GET", "PATCH", "DELETE"];

/** What one attempt ended with, as far as the retry decision cares. */
export type AttemptOutcome = { status: number } | { networkError: true };

/**
 * Whether a failed attempt may be sent again. A POST is retried only on 429, which the server
 * answers before doing anything; anything else about a POST is for the caller to untangle.
 */
export function isRetryable(method: string, outcome: AttemptOutcome): boolean {
  if ("networkError" in outcome) return RETRYABLE_METHODS.includes(method);
  if (method === "POST") return outcome.status === 429;
  return RETRYABLE_METHODS.includes(method) && RETRYABLE_STATUSES.includes(outcome.status);
}

/**
 * Parses `Retry-After`, either seconds or an HTTP date.
 *
 * @returns the wait in ms, or undefined when the header is absent or unreadable
 */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before retry number `attempt` (1 for the first retry): the server's `Retry-After`
 * when it sent one, else capped exponential backoff with full jitter, so many clients that
 * failed together do not come back together.
 */
export function backoffDelay(
  attempt: number,
  retry: Required<RetryOptions>,
  random: () => number,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const ceiling = Math.min(retry.maxDelayMs, retry.minDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}
