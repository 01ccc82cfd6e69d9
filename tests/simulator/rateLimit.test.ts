/**
 * The token-bucket rate limit: a burst goes through, the rest is answered 429 with Losant's
 * error body and a `Retry-After` rounded up to when a token is back. The clock is injected:
 * nothing here waits for real time.
 */
import { RATE_LIMITED_MESSAGE } from "../../simulator";
import { TokenBucket } from "../../simulator/rateLimit";
import { useSimulator } from "../helpers/simulator";
import { api, expectError } from "./api";

describe("TokenBucket", () => {
  it("lets a full burst through at one instant, then asks to wait", () => {
    const bucket = new TokenBucket({ requestsPerSecond: 2, burst: 3 }, 0);
    expect([0, 0, 0, 0].map(() => bucket.take(0))).toEqual([0, 0, 0, 1]);
  });

  it("refills at the rate, never past the burst", () => {
    const bucket = new TokenBucket({ requestsPerSecond: 10, burst: 2 }, 0);
    bucket.take(0);
    bucket.take(0);
    expect(bucket.take(100)).toBe(0);
    expect(bucket.take(100)).toBe(1);
    const later = 60_000;
    expect([0, 0, 0].map(() => bucket.take(later))).toEqual([0, 0, 1]);
  });

  it("rounds Retry-After up to the whole second a token is back", () => {
    const bucket = new TokenBucket({ requestsPerSecond: 0.25, burst: 1 }, 0);
    bucket.take(0);
    expect(bucket.take(0)).toBe(4);
    expect(bucket.take(1_500)).toBe(3);
    expect(bucket.take(3_999)).toBe(1);
    expect(bucket.take(4_000)).toBe(0);
  });

  it("does not spend a token on a refused request", () => {
    const bucket = new TokenBucket({ requestsPerSecond: 1, burst: 1 }, 0);
    bucket.take(0);
    bucket.take(500);
    expect(bucket.take(1_000)).toBe(0);
  });

  it("refills nothing when the clock steps back", () => {
    const bucket = new TokenBucket({ requestsPerSecond: 1, burst: 1 }, 10_000);
    bucket.take(10_000);
    expect(bucket.take(5_000)).toBe(1);
    expect(bucket.take(11_000)).toBe(0);
  });

  it.each([
    [{ requestsPerSecond: 0, burst: 1 }, "requestsPerSecond must be a positive number"],
    [{ requestsPerSecond: Infinity, burst: 1 }, "requestsPerSecond must be a positive number"],
    [{ requestsPerSecond: 1, burst: 0.5 }, "burst must be a number of at least 1"],
  ])("refuses %j", (limit, message) => {
    expect(() => new TokenBucket(limit, 0)).toThrow(message);
  });
});

describe("the simulator under a rate limit", () => {
  let clock = Date.parse("2024-01-01T00:00:00.000Z");
  const sim = useSimulator({ now: () => clock, rateLimit: { requestsPerSecond: 2, burst: 2 } });
  const { call, orgsPath } = api(sim);

  it("answers 429 with Losant's error body and Retry-After past the burst", async () => {
    expect((await call("GET", orgsPath())).status).toBe(200);
    expect((await call("GET", orgsPath())).status).toBe(200);
    const refused = await call("GET", orgsPath());
    expectError(refused, 429, "TooManyRequests", RATE_LIMITED_MESSAGE);
    expect(refused.headers.get("retry-after")).toBe("1");
  });

  it("limits before authenticating, and logs the refusal as a rate-limit fault", async () => {
    sim().setRateLimit({ requestsPerSecond: 1, burst: 1 });
    await call("GET", orgsPath(), { token: null });
    const refused = await call("GET", orgsPath(), { token: null });
    expect(refused.status).toBe(429);
    expect(sim().requests.entries.map((entry) => [entry.status, entry.fault])).toEqual([
      [401, undefined],
      [429, "rateLimit"],
    ]);
  });

  it("serves again once the clock has refilled a token", async () => {
    sim().setRateLimit({ requestsPerSecond: 1, burst: 1 });
    await call("GET", orgsPath());
    expect((await call("GET", orgsPath())).status).toBe(429);
    clock += 1_000;
    expect((await call("GET", orgsPath())).status).toBe(200);
  });

  it("changes the limit at run time and lifts it with undefined", async () => {
    sim().setRateLimit({ requestsPerSecond: 1, burst: 5 });
    expect(sim().rateLimit).toEqual({ requestsPerSecond: 1, burst: 5 });
    sim().setRateLimit(undefined);
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await call("GET", orgsPath())).status);
    expect(statuses).toEqual(Array(10).fill(200));
  });

  it("restores the file's limit, with a full bucket, before each test", async () => {
    expect(sim().rateLimit).toEqual({ requestsPerSecond: 2, burst: 2 });
    expect((await call("GET", orgsPath())).status).toBe(200);
    expect((await call("GET", orgsPath())).status).toBe(200);
  });
});
