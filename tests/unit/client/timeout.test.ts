// Guards the per-request timeout: a server that never answers, or stalls after the headers,
// must not hang a `pulumi up` forever. timeoutMs is tiny so the abort comes quickly; nothing
// here asserts how long anything took.
import { INSTANCE_ID, ORG_ID, failureOf, fakeClient, hang, org, reply } from "./fakeFetch";

const quick = { timeoutMs: 20, retry: { retries: 0 } };

describe("request timeout", () => {
  it("turns a request with no answer into a LosantApiError of type Timeout", async () => {
    const { client } = fakeClient([hang], quick);
    const err = await failureOf(client.getOrg(INSTANCE_ID, ORG_ID));
    expect(err).toMatchObject({
      type: "Timeout",
      status: undefined,
      apiMessage: "no answer within 20 ms",
      outcomeUnknown: true,
      attempts: 1,
    });
  });

  it("also covers reading the body when the server stalls after the headers", async () => {
    const { client } = fakeClient([{ status: 200, stallBody: true }], quick);
    await expect(client.getOrg(INSTANCE_ID, ORG_ID)).rejects.toMatchObject({ type: "Timeout" });
  });

  it("is retried for a GET like any network failure", async () => {
    const { client, calls } = fakeClient([hang, reply(200, org())], { timeoutMs: 20 });
    await expect(client.getOrg(INSTANCE_ID, ORG_ID)).resolves.toEqual(org());
    expect(calls).toHaveLength(2);
  });

  it("passes an AbortSignal to fetch on every request", async () => {
    const signals: unknown[] = [];
    const { client } = fakeClient([], {
      fetch: async (_url, init) => {
        signals.push(init.signal);
        return { status: 200, headers: { get: () => null }, text: async () => "{}" };
      },
    });
    await client.getOrg(INSTANCE_ID, ORG_ID);
    expect(signals[0]).toBeInstanceOf(AbortSignal);
  });
});
