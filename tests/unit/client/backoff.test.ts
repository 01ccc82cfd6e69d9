// Guards the pure parts of the retry policy over their whole input space: a delay that is
// negative, NaN or past the cap would hammer the server or stall a deployment, and a misread
// Retry-After would ignore the server's request.
import fc from "fast-check";
import { backoffDelay, isRetryable, parseRetryAfter } from "../../../provider/losant/retry";
import { T0 } from "./fakeFetch";

const retry = (minDelayMs: number, maxDelayMs: number) => ({
  retries: 4,
  minDelayMs,
  maxDelayMs,
  deadlineMs: 60_000,
});
const unitInterval = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe("isRetryable", () => {
  const statuses = fc.integer({ min: 100, max: 599 });

  it("retries GET, PATCH and DELETE on exactly 429, 502, 503 and 504", () => {
    fc.assert(
      fc.property(fc.constantFrom("GET", "PATCH", "DELETE"), statuses, (method, status) => {
        expect(isRetryable(method, { status })).toBe([429, 502, 503, 504].includes(status));
      }),
    );
  });

  it("retries POST on 429 only", () => {
    fc.assert(
      fc.property(statuses, (status) => {
        expect(isRetryable("POST", { status })).toBe(status === 429);
      }),
    );
  });

  it("retries network errors for GET, PATCH and DELETE but not for POST", () => {
    expect(
      ["GET", "PATCH", "DELETE", "POST"].map((m) => isRetryable(m, { networkError: true })),
    ).toEqual([true, true, true, false]);
  });
});

describe("parseRetryAfter", () => {
  it("reads any non-negative integer of seconds as that many seconds in ms", () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), (seconds) => {
        expect(parseRetryAfter(String(seconds), T0)).toBe(seconds * 1000);
      }),
    );
  });

  it("reads an HTTP date as the ms from now until then", () => {
    fc.assert(
      fc.property(fc.nat({ max: 30 * 86_400 }), (seconds) => {
        const date = new Date(T0 + seconds * 1000).toUTCString();
        expect(parseRetryAfter(date, T0)).toBe(seconds * 1000);
      }),
    );
  });

  it("reads an HTTP date in the past as no wait", () => {
    expect(parseRetryAfter(new Date(T0 - 5000).toUTCString(), T0)).toBe(0);
  });

  it.each([null, "", "   ", "soon", "Infinity"])("returns undefined for %p", (header) => {
    expect(parseRetryAfter(header, T0)).toBeUndefined();
  });
});

describe("backoffDelay", () => {
  it("never exceeds maxDelayMs and is never negative or NaN", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 0, max: 600_000 }),
        unitInterval,
        (attempt, minDelayMs, maxDelayMs, r) => {
          const delay = backoffDelay(attempt, retry(minDelayMs, maxDelayMs), () => r);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(maxDelayMs);
        },
      ),
    );
  });

  it("is a random fraction of min(maxDelayMs, minDelayMs * 2^(attempt-1)) (full jitter)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), unitInterval, (attempt, r) => {
        const ceiling = Math.min(8000, 250 * 2 ** (attempt - 1));
        expect(backoffDelay(attempt, retry(250, 8000), () => r)).toBe(Math.round(r * ceiling));
      }),
    );
  });

  it("returns the server's Retry-After unchanged, even beyond maxDelayMs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.nat(), (attempt, retryAfterMs) => {
        const delay = backoffDelay(attempt, retry(250, 8000), () => 0.5, retryAfterMs);
        expect(delay).toBe(retryAfterMs);
      }),
    );
  });
});
