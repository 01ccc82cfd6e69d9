/**
 * What an HTTP status says about the request that got it. The retry policy and the errors both
 * read it from here, so "was anything applied?" has one answer in the whole client.
 *
 * A 4xx is the server refusing before it changes anything; 429 is one of them, since rate
 * limiting happens first. A 5xx is not that promise: a 502 or 504 comes from a gateway that
 * may have handed the request on and lost the answer, and a 500 or 503 can be raised halfway
 * through a change. So every 5xx leaves the outcome unknown, and a create looks before it sends
 * again: one extra list request after a rare failure, against a duplicate org.
 */

// Arrays, not Sets: module-level values are captured into the state when Pulumi serializes
// the provider, and its serializer turns a Set into a plain object that has no entries.

/** Statuses that mean "busy or briefly down, try again later". */
const TRANSIENT_STATUSES: readonly number[] = [429, 502, 503, 504];

/** True when a non-2xx answer proves the server applied nothing: any 4xx. */
export function leftNothingApplied(status: number): boolean {
  return status >= 400 && status < 500;
}

/** True when the same request may succeed later without any change on the caller's side. */
export function isTransientStatus(status: number): boolean {
  return TRANSIENT_STATUSES.includes(status);
}
