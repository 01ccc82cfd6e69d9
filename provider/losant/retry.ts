import type { RetryOptions } from "./options";
import { isTransientStatus, leftNothingApplied } from "./statuses";

/** Methods whose repetition cannot duplicate anything. POST never is retried blindly. */
const IDEMPOTENT_METHODS: readonly string[] = ["GET", "PATCH", "DELETE"];

/** What one attempt ended with, as far as the retry decision cares. */
export type AttemptOutcome = { status: number } | { networkError: true };

/**
 * Whether a failed attempt may be sent again as it is. A transient status qualifies when the
 * method is idempotent or the status proves nothing was applied (so a POST only after 429); a
 * network error only for an idempotent method. Whatever else befalls a POST is settled by the
 * caller's lookup (see `ApiRequest.settle`).
 */
export function isRetryable(method: string, outcome: AttemptOutcome): boolean {
  const idempotent = IDEMPOTENT_METHODS.includes(method);
  if ("networkError" in outcome) return idempotent;
  return isTransientStatus(outcome.status) && (idempotent || leftNothingApplied(outcome.status));
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
