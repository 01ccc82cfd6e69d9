// Guards the retry policy: transient failures of safe methods recover on their own, while a
// request that may have been applied (a POST, a 500) is never blindly sent twice, and no call
// waits past its deadline.
import type { LosantClient } from "../../../provider/losant/client";
import {
  INSTANCE_ID,
  ORGS_PATH,
  ORG_PATH,
  ORG_ID,
  T0,
  apiError,
  failureOf,
  fakeClient,
  networkError,
  org,
  orgList,
  reply,
  requestLines,
  type Answer,
} from "./fakeFetch";

/** The three methods the client may retry, each as one endpoint call and its request line. */
const safeMethods: [string, (client: LosantClient) => Promise<unknown>, string][] = [
  ["GET", (client) => client.getOrg(INSTANCE_ID, ORG_ID), `GET ${ORG_PATH}`],
  ["PATCH", (client) => client.patchOrg(INSTANCE_ID, ORG_ID, { name: "N" }), `PATCH ${ORG_PATH}`],
  ["DELETE", (client) => client.deleteOrg(INSTANCE_ID, ORG_ID), `DELETE ${ORG_PATH}`],
];

const transient: [string, Answer][] = [
  ["429", apiError(429, "TooManyRequests", "slow down")],
  ["502", apiError(502, "BadGateway", "upstream")],
  ["503", apiError(503, "ServiceUnavailable", "busy")],
  ["504", apiError(504, "GatewayTimeout", "upstream slow")],
  ["a network error", networkError("ECONNRESET")],
];

const final: [string, Answer][] = [
  ["400", apiError(400, "Validation", "bad")],
  ["401", apiError(401, "Unauthorized", "bad token")],
  ["403", apiError(403, "Forbidden", "no scope")],
  ["404", apiError(404, "NotFound", "gone")],
  ["500", apiError(500, "InternalError", "oops")],
];

describe.each(safeMethods)("%s", (_method, call, line) => {
  it.each(transient)("is retried after %s and resolves with the next success", async (_, first) => {
    const { client, calls } = fakeClient([first, reply(200, org())]);
    await expect(call(client)).resolves.toEqual(org());
    expect(requestLines(calls)).toEqual([line, line]);
  });

  it.each(final)("is not retried after %s", async (_, answer) => {
    const { client, calls, sleeps } = fakeClient([answer]);
    await expect(call(client)).rejects.toMatchObject({ attempts: 1 });
    expect(requestLines(calls)).toEqual([line]);
    expect(sleeps).toEqual([]);
  });
});

describe("a retried PATCH", () => {
  it("sends the same body and headers again", async () => {
    const { client, calls } = fakeClient([networkError(), reply(200, org())]);
    await client.patchOrg(INSTANCE_ID, ORG_ID, { name: "N", tags: [{ key: "k", value: "v" }] });
    expect(calls[1]).toEqual(calls[0]);
  });
});

describe("POST", () => {
  const post = (client: LosantClient) => client.createOrg(INSTANCE_ID, { name: "Acme" });

  it("is retried after 429, with no lookup since nothing was applied", async () => {
    const { client, calls } = fakeClient([
      apiError(429, "TooManyRequests", "x"),
      reply(200, org()),
    ]);
    await expect(post(client)).resolves.toEqual(org());
    expect(requestLines(calls)).toEqual([`POST ${ORGS_PATH}`, `POST ${ORGS_PATH}`]);
  });

  it.each([...transient.slice(1), ["500", apiError(500, "InternalError", "oops")] as const])(
    "is not sent again after %s: the next request is the lookup by name",
    async (_, first) => {
      const { client, calls } = fakeClient([first, reply(200, orgList([org()]))]);
      await expect(post(client)).resolves.toEqual(org());
      expect(calls.map((c) => c.method)).toEqual(["POST", "GET"]);
    },
  );

  it.each(final.slice(0, 4))("is not retried after %s", async (_, answer) => {
    const { client, calls } = fakeClient([answer]);
    await expect(post(client)).rejects.toMatchObject({ attempts: 1 });
    expect(requestLines(calls)).toEqual([`POST ${ORGS_PATH}`]);
  });
});

describe("backoff between attempts", () => {
  it("doubles from minDelayMs with full jitter (random 0.5 gives half the ceiling)", async () => {
    const { client, sleeps } = fakeClient([...Array(4).fill(networkError()), reply(200, org())], {
      retry: { minDelayMs: 100, maxDelayMs: 10_000 },
    });
    await client.getOrg(INSTANCE_ID, ORG_ID);
    expect(sleeps).toEqual([50, 100, 200, 400]);
  });

  it("caps each delay at maxDelayMs", async () => {
    const { client, sleeps } = fakeClient([...Array(4).fill(networkError()), reply(200, org())], {
      retry: { minDelayMs: 100, maxDelayMs: 250 },
      random: () => 0.999,
    });
    await client.getOrg(INSTANCE_ID, ORG_ID);
    expect(sleeps).toEqual([100, 200, 250, 250]);
  });

  it("waits exactly the Retry-After seconds instead of the backoff", async () => {
    const { client, sleeps } = fakeClient([
      apiError(429, "TooManyRequests", "x", { "Retry-After": "3" }),
      reply(200, org()),
    ]);
    await client.getOrg(INSTANCE_ID, ORG_ID);
    expect(sleeps).toEqual([3000]);
  });

  it("waits until a Retry-After HTTP date, measured on the injected clock", async () => {
    const retryAt = new Date(T0 + 7000).toUTCString();
    const { client, sleeps } = fakeClient([
      apiError(503, "ServiceUnavailable", "x", { "retry-after": retryAt }),
      reply(200, org()),
    ]);
    await client.getOrg(INSTANCE_ID, ORG_ID);
    expect(sleeps).toEqual([7000]);
  });
});

describe("giving up", () => {
  it("stops after `retries` retries and counts every attempt in the error", async () => {
    const busy = apiError(503, "ServiceUnavailable", "busy");
    const { client, calls, sleeps } = fakeClient([busy, busy, busy], { retry: { retries: 2 } });
    const err = await failureOf(client.getOrg(INSTANCE_ID, ORG_ID));
    expect(err).toMatchObject({ status: 503, attempts: 3 });
    expect(err.message).toContain("(after 3 attempts)");
    expect(calls).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it("sends no retry at all when retries is 0", async () => {
    const { client, calls } = fakeClient([networkError()], { retry: { retries: 0 } });
    await expect(client.getOrg(INSTANCE_ID, ORG_ID)).rejects.toMatchObject({ attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it("stops when the next wait would end past deadlineMs from the first attempt", async () => {
    // Delays with random 0.5 and minDelayMs 1000: 500, 1000, then 2000, which would end at
    // 3500 ms, past the 2500 ms deadline.
    const { client, calls, sleeps } = fakeClient(Array(5).fill(networkError()), {
      retry: { minDelayMs: 1000, deadlineMs: 2500 },
    });
    await expect(client.getOrg(INSTANCE_ID, ORG_ID)).rejects.toMatchObject({ attempts: 3 });
    expect(sleeps).toEqual([500, 1000]);
    expect(calls).toHaveLength(3);
  });

  it("counts time spent in requests against the deadline", async () => {
    // Each request takes 1100 ms: the first wait (500) ends at 1600, the second (1000) would
    // end at 2200 + 500 + 1000 = 3700, past the 2500 ms deadline.
    const { client, calls, sleeps } = fakeClient(Array(5).fill(networkError()), {
      retry: { minDelayMs: 1000, deadlineMs: 2500 },
      requestMs: 1100,
    });
    await expect(client.getOrg(INSTANCE_ID, ORG_ID)).rejects.toMatchObject({ attempts: 2 });
    expect(sleeps).toEqual([500]);
    expect(calls).toHaveLength(2);
  });

  it("does not wait for a Retry-After that ends past the deadline, and reports it", async () => {
    const { client, sleeps } = fakeClient([
      apiError(429, "TooManyRequests", "x", { "Retry-After": "120" }),
    ]);
    await expect(client.getOrg(INSTANCE_ID, ORG_ID)).rejects.toMatchObject({
      status: 429,
      attempts: 1,
      retryAfterMs: 120_000,
    });
    expect(sleeps).toEqual([]);
  });
});
