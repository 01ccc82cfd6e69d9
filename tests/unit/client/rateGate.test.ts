// Guards the process-wide rate-limit gate: a stack's creates all run in one provider process,
// each through its own client, against one server-side rate limit. A 429 must hold back every
// request to that API until the server's Retry-After, release the held ones spread by jitter,
// and never turn a long queue into errors by counting 429s as failed retries.
import { LosantClient } from "../../../provider/losant/client";
import type { LosantClientOptions } from "../../../provider/losant/options";
import { sharedRateGate, type RateGate } from "../../../provider/losant/rateGate";
import {
  INSTANCE_ID,
  ORG_ID,
  ORG_PATH,
  BASE_URL,
  T0,
  apiError,
  fakeFetch,
  org,
  reply,
  requestLines,
  type Answer,
} from "./fakeFetch";

function tooMany(retryAfter?: string): Answer {
  const headers: Record<string, string> = retryAfter ? { "Retry-After": retryAfter } : {};
  return apiError(429, "TooManyRequests", "slow down", headers);
}

/** What clients of one process share in these tests: a fake clock, a sleep log, a gate. */
function process({ random = 0.5, gate = { pausedUntil: 0 } as RateGate | undefined } = {}) {
  const clock = { now: T0 };
  const sleeps: Array<[string, number]> = [];
  /** A client of this process named `label`, whose own server plays `answers`. */
  const client = (label: string, answers: Answer[], options: Partial<LosantClientOptions> = {}) => {
    const fake = fakeFetch(answers);
    const instance = new LosantClient({
      token: "t",
      url: BASE_URL,
      fetch: fake.fetch,
      sleep: async (ms) => {
        sleeps.push([label, ms]);
        clock.now += ms;
      },
      random: () => random,
      now: () => clock.now,
      ...(gate === undefined ? {} : { rateGate: gate }),
      ...options,
    });
    return { client: instance, calls: fake.calls };
  };
  return { client, clock, sleeps, gate };
}

/** Gives up at once, having seen the answer: it sets the gate without waiting itself. */
const noWait = { retry: { deadlineMs: 0 } };

describe("a 429 with Retry-After", () => {
  it("holds another client's next request until then, plus a jitter of 5% at most", async () => {
    const { client, sleeps } = process({ random: 0.5 });
    const a = client("a", [tooMany("2")], noWait);
    const b = client("b", [reply(200, org())]);
    await expect(a.client.getOrg(INSTANCE_ID, ORG_ID)).rejects.toMatchObject({ status: 429 });
    await b.client.getOrg(INSTANCE_ID, ORG_ID);
    // random 0.5: b waits the 2000 ms, plus 0.5 * 5% of them.
    expect(sleeps).toEqual([["b", 2050]]);
    expect(requestLines(b.calls)).toEqual([`GET ${ORG_PATH}`]);
  });

  it("holds the others only for what is left of the pause", async () => {
    const { client, clock, sleeps } = process({ random: 0 });
    await client("a", [tooMany("3")], noWait)
      .client.getOrg(INSTANCE_ID, ORG_ID)
      .catch(() => undefined);
    clock.now += 1000;
    await client("b", [reply(200, org())]).client.getOrg(INSTANCE_ID, ORG_ID);
    expect(sleeps).toEqual([["b", 2000]]);
  });

  it("lets the client that got it wait exactly the Retry-After, then pass", async () => {
    const { client, sleeps } = process({ random: 0.5 });
    const a = client("a", [tooMany("2"), reply(200, org())]);
    await a.client.getOrg(INSTANCE_ID, ORG_ID);
    expect(sleeps).toEqual([["a", 2000]]);
  });
});

describe("a 429 without Retry-After", () => {
  it("pauses the gate for the jittered backoff", async () => {
    const { client, gate } = process({ random: 0.5 });
    await client("a", [tooMany()], noWait)
      .client.getOrg(INSTANCE_ID, ORG_ID)
      .catch(() => undefined);
    // The first backoff ceiling is minDelayMs (250); random 0.5 gives 125.
    expect(gate?.pausedUntil).toBe(T0 + 125);
  });
});

describe("the retry budget", () => {
  it("does not count 429s: a call paced more often than `retries` still succeeds", async () => {
    const { client } = process();
    const answers = [tooMany("1"), tooMany("1"), tooMany("1"), reply(200, org())];
    const a = client("a", answers, { retry: { retries: 1 } });
    await expect(a.client.getOrg(INSTANCE_ID, ORG_ID)).resolves.toEqual(org());
    expect(a.calls).toHaveLength(4);
  });

  it("still ends a paced call when the next wait would pass its deadline", async () => {
    const { client, sleeps } = process();
    const answers = [tooMany("1"), tooMany("1"), tooMany("1"), reply(200, org())];
    const a = client("a", answers, { retry: { deadlineMs: 2500 } });
    await expect(a.client.getOrg(INSTANCE_ID, ORG_ID)).rejects.toMatchObject({
      status: 429,
      attempts: 3,
    });
    expect(sleeps).toEqual([
      ["a", 1000],
      ["a", 1000],
    ]);
  });
});

describe("the shared gate", () => {
  it("is one per API URL in the process", () => {
    const url = "https://gate-shared.example.test";
    expect(sharedRateGate(url)).toBe(sharedRateGate(url));
    expect(sharedRateGate(url)).not.toBe(sharedRateGate("https://gate-other.example.test"));
  });

  it("is what clients of the same URL use when none is injected", async () => {
    const { client, sleeps } = process({ random: 0, gate: undefined });
    const url = "https://gate-default.example.test";
    await client("a", [tooMany("4")], { ...noWait, url })
      .client.getOrg(INSTANCE_ID, ORG_ID)
      .catch(() => undefined);
    await client("b", [reply(200, org())], { url }).client.getOrg(INSTANCE_ID, ORG_ID);
    expect(sleeps).toEqual([["b", 4000]]);
  });
});
