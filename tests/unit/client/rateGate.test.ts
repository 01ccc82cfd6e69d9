// Guards the process-wide rate gate: a stack's creates all run in one provider process, each
// through its own client, against one server-side rate limit. The gate must learn a pace from
// 429s that every request follows, keep probing for a faster one, pause everyone for a long
// Retry-After but not for one that is only rounded up to a second, and never turn a long queue
// into errors by counting 429s as failed retries.
import { LosantClient } from "../../../provider/losant/client";
import type { LosantClientOptions } from "../../../provider/losant/options";
import {
  gateRateLimited,
  gateSucceeded,
  newRateGate,
  passGate,
  sharedRateGate,
  type RateGate,
} from "../../../provider/losant/rateGate";
import {
  BASE_URL,
  INSTANCE_ID,
  ORG_ID,
  T0,
  apiError,
  fakeFetch,
  org,
  reply,
  type Answer,
} from "./fakeFetch";

function tooMany(retryAfter?: string): Answer {
  const headers: Record<string, string> = retryAfter ? { "Retry-After": retryAfter } : {};
  return apiError(429, "TooManyRequests", "slow down", headers);
}

/** A fake clock whose sleeps are recorded and move it. */
function fakeClock(random = 0) {
  const clock = {
    time: T0,
    sleeps: [] as number[],
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.time += ms;
    },
    random: () => random,
  };
  return clock;
}

/** A gate that saw `n` successes spread over the last second before T0. */
function gateAfter(n: number): RateGate {
  const gate = newRateGate();
  for (let i = n; i > 0; i--) gateSucceeded(gate, T0 - i * (900 / n));
  return gate;
}

describe("pacing", () => {
  it("starts on the first 429 at the rate that succeeded over the last second", () => {
    const gate = gateAfter(8);
    gateRateLimited(gate, T0, T0, 1000);
    expect(gate.interval).toBe(125);
  });

  it("gives each request its own slot, one interval apart", async () => {
    const gate = gateAfter(4);
    gateRateLimited(gate, T0, T0, undefined);
    const clock = fakeClock();
    await passGate(gate, clock);
    await passGate(gate, clock);
    await passGate(gate, clock);
    expect(clock.sleeps).toEqual([250, 250]);
  });

  it("widens by a quarter on a later 429, at most once a second", () => {
    const gate = gateAfter(4);
    gateRateLimited(gate, T0, T0, undefined);
    gateRateLimited(gate, T0 + 10, T0 + 500, undefined);
    expect(gate.interval).toBe(250);
    gateRateLimited(gate, T0 + 10, T0 + 1000, undefined);
    expect(gate.interval).toBe(312.5);
  });

  it("does not widen for a 429 to a request sent before the last widening", () => {
    const gate = gateAfter(4);
    gateRateLimited(gate, T0, T0, undefined);
    gateRateLimited(gate, T0 - 1, T0 + 3000, undefined);
    expect(gate.interval).toBe(250);
  });

  it("halves over a second of successes while the pace is the first guess", () => {
    const gate = gateAfter(1);
    gateRateLimited(gate, T0, T0, undefined);
    expect(gate.interval).toBe(1000);
    gateSucceeded(gate, T0 + 1000);
    expect(gate.interval).toBeCloseTo(500);
  });

  it("narrows by 5% over a second of successes once it has widened", () => {
    const gate = gateAfter(4);
    gateRateLimited(gate, T0, T0, undefined);
    gateRateLimited(gate, T0, T0 + 1000, undefined);
    gate.interval = 100;
    for (let i = 1; i <= 10; i++) gateSucceeded(gate, T0 + i * 100);
    expect(gate.interval).toBeCloseTo(95, 0);
  });

  it("narrows a spacing over a second by at most a second's share per success", () => {
    const gate = gateAfter(4);
    gateRateLimited(gate, T0, T0, undefined);
    gateRateLimited(gate, T0, T0 + 1000, undefined);
    gate.interval = 4000;
    gateSucceeded(gate, T0 + 1);
    expect(gate.interval).toBeCloseTo(3800);
  });

  it("settles under the server's rate: a second of successes narrows less than a 429 widens", () => {
    const gate = gateAfter(4);
    gateRateLimited(gate, T0, T0, undefined);
    gate.interval = 100;
    gateRateLimited(gate, T0 + 1000, T0 + 1000, undefined);
    expect(gate.guessing).toBe(false);
    for (let i = 1; i <= 10; i++) gateSucceeded(gate, T0 + 1000 + i * 125);
    expect(gate.interval).toBeGreaterThan(100);
  });

  it("stops pacing below 2 ms", () => {
    const gate = gateAfter(4);
    gateRateLimited(gate, T0, T0, undefined);
    gate.interval = 2;
    gateSucceeded(gate, T0 + 2);
    expect(gate.interval).toBe(0);
  });
});

describe("Retry-After", () => {
  it("of one second pauses no one else: it may only be 100 ms rounded up", async () => {
    const gate = newRateGate();
    gateRateLimited(gate, T0, T0, 1000);
    expect(gate.pausedUntil).toBe(T0);
  });

  it("longer pauses every request until a second before it ends, plus up to 5% jitter", async () => {
    const gate = newRateGate();
    gateRateLimited(gate, T0, T0, 5000);
    gate.interval = 0;
    const clock = fakeClock(0.5);
    await passGate(gate, clock);
    expect(clock.sleeps).toEqual([4000 + 100]);
  });

  it("is waited in full by the request that got it", async () => {
    const clock = fakeClock();
    const client = new LosantClient({
      token: "t",
      url: BASE_URL,
      fetch: fakeFetch([tooMany("3"), reply(200, org())]).fetch,
      ...clock,
      rateGate: newRateGate(),
    });
    await client.getOrg(INSTANCE_ID, ORG_ID);
    expect(clock.sleeps[0]).toBe(3000);
  });
});

describe("the retry budget", () => {
  const paced = (answers: Answer[], options: Partial<LosantClientOptions>) =>
    new LosantClient({
      token: "t",
      url: BASE_URL,
      fetch: fakeFetch(answers).fetch,
      ...fakeClock(),
      rateGate: newRateGate(),
      ...options,
    });

  it("does not count 429s: a call paced more often than `retries` still succeeds", async () => {
    const answers = [tooMany("1"), tooMany("1"), tooMany("1"), reply(200, org())];
    const client = paced(answers, { retry: { retries: 1 } });
    await expect(client.getOrg(INSTANCE_ID, ORG_ID)).resolves.toEqual(org());
  });

  it("still ends a paced call when the next wait would pass its deadline", async () => {
    const answers = [tooMany("1"), tooMany("1"), tooMany("1"), reply(200, org())];
    const client = paced(answers, { retry: { deadlineMs: 2500 } });
    await expect(client.getOrg(INSTANCE_ID, ORG_ID)).rejects.toMatchObject({ status: 429 });
  });
});

describe("the shared gate", () => {
  it("is one per API URL in the process", () => {
    const url = "https://gate-shared.example.test";
    expect(sharedRateGate(url)).toBe(sharedRateGate(url));
    expect(sharedRateGate(url)).not.toBe(sharedRateGate("https://gate-other.example.test"));
  });

  it("is what a client uses when none is injected, so a 429 to one paces another", async () => {
    const url = "https://gate-default.example.test";
    const clock = fakeClock();
    const client = (answers: Answer[]) =>
      new LosantClient({ token: "t", url, fetch: fakeFetch(answers).fetch, ...clock });
    await client([reply(200, org()), reply(200, org())]).getOrg(INSTANCE_ID, ORG_ID);
    await client([tooMany(), reply(200, org())]).getOrg(INSTANCE_ID, ORG_ID);
    expect(sharedRateGate(url).interval).toBeGreaterThan(0);
  });
});
