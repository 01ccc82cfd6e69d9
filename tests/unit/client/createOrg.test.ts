// Guards "creation must never duplicate an org": a POST whose outcome is unknown is followed by
// a lookup by name, and is sent again only when the org is not there.
import {
  INSTANCE_ID,
  ORGS_PATH,
  T0,
  apiError,
  failureOf,
  fakeClient,
  hang,
  networkError,
  org,
  orgList,
  reply,
  requestLines,
  type Answer,
} from "./fakeFetch";

const POST = `POST ${ORGS_PATH}`;
const LOOKUP =
  `GET ${ORGS_PATH}?sortField=creationDate&sortDirection=desc&page=0&perPage=100` +
  `&query=${encodeURIComponent(JSON.stringify({ name: { $eq: "Acme" } }))}`;
const ID_A = "aaaaaaaaaaaaaaaaaaaaaaaa";
const ID_B = "bbbbbbbbbbbbbbbbbbbbbbbb";
const afterSend = new Date(T0 + 1000).toISOString();
const busy = apiError(503, "ServiceUnavailable", "busy");

function create(answers: Answer[], options: Parameters<typeof fakeClient>[1] = {}) {
  const fake = fakeClient(answers, { timeoutMs: 20, ...options });
  return { ...fake, result: fake.client.createOrg(INSTANCE_ID, { name: "Acme" }) };
}

describe("createOrg", () => {
  it("sends exactly one POST when it succeeds", async () => {
    const { result, calls } = create([reply(200, org())]);
    await expect(result).resolves.toEqual(org());
    expect(requestLines(calls)).toEqual([POST]);
  });

  it.each([
    ["503", busy],
    ["a network error", networkError()],
    ["a timeout", hang],
  ])(
    "after %s, finds the org created since the send and returns it without a second POST",
    async (_, first) => {
      const created = org({ id: ID_A, creationDate: afterSend });
      const { result, calls } = create([first, reply(200, orgList([created]))]);
      await expect(result).resolves.toEqual(created);
      expect(requestLines(calls)).toEqual([POST, LOOKUP]);
    },
  );

  it("POSTs again, after a jittered backoff, when the lookup finds nothing", async () => {
    const { result, calls, sleeps } = create([busy, reply(200, orgList([])), reply(200, org())]);
    await expect(result).resolves.toEqual(org());
    expect(requestLines(calls)).toEqual([POST, LOOKUP, POST]);
    // random() is 0.5 and the first backoff ceiling is minDelayMs (250).
    expect(sleeps).toEqual([125]);
  });

  it("ignores a match whose exact name differs, should a server not apply the query", async () => {
    const lookalikes = orgList([org({ name: "acme", creationDate: afterSend })]);
    const { result, calls } = create([busy, reply(200, lookalikes), reply(200, org())]);
    await expect(result).resolves.toEqual(org());
    expect(requestLines(calls)).toEqual([POST, LOOKUP, POST]);
  });

  it("ignores an org of that name created well before the send (beyond 5 minutes of skew)", async () => {
    const old = orgList([org({ creationDate: new Date(T0 - 6 * 60_000).toISOString() })]);
    const { result, calls } = create([busy, reply(200, old), reply(200, org())]);
    await result;
    expect(requestLines(calls)).toEqual([POST, LOOKUP, POST]);
  });

  it("accepts a creationDate slightly before the send, as a server clock may lag", async () => {
    const lagging = org({ creationDate: new Date(T0 - 60_000).toISOString() });
    const { result, calls } = create([busy, reply(200, orgList([lagging]))]);
    await expect(result).resolves.toEqual(lagging);
    expect(requestLines(calls)).toEqual([POST, LOOKUP]);
  });

  it("throws CreateOutcomeUnknown naming both IDs when two orgs match", async () => {
    const twins = orgList([
      org({ id: ID_A, creationDate: afterSend }),
      org({ id: ID_B, creationDate: afterSend }),
    ]);
    const { result, calls } = create([busy, reply(200, twins)]);
    const err = await failureOf(result);
    expect(err).toMatchObject({
      type: "CreateOutcomeUnknown",
      status: undefined,
      action: "instanceOrgs.post",
      method: "POST",
      path: ORGS_PATH,
      outcomeUnknown: true,
    });
    expect(err.message).toContain(`${ID_A}, ${ID_B}`);
    expect(requestLines(calls)).toEqual([POST, LOOKUP]);
  });

  it("throws a 400 at once, with no lookup", async () => {
    const { result, calls } = create([apiError(400, "Validation", "name is required")]);
    await expect(result).rejects.toMatchObject({ status: 400, type: "Validation" });
    expect(requestLines(calls)).toEqual([POST]);
  });

  it("gives up after `retries` unknown outcomes with the last POST's error", async () => {
    const nothing = reply(200, orgList([]));
    const { result, calls } = create([busy, nothing, busy, nothing], { retry: { retries: 1 } });
    await expect(result).rejects.toMatchObject({ status: 503, type: "ServiceUnavailable" });
    expect(requestLines(calls)).toEqual([POST, LOOKUP, POST, LOOKUP]);
  });

  it("says the org may exist, and how to adopt it, when the lookup fails too", async () => {
    const { result, calls } = create([busy, apiError(403, "Forbidden", "no list scope")]);
    await expect(result).rejects.toMatchObject({
      type: "CreateOutcomeUnknown",
      outcomeUnknown: true,
    });
    const err = await failureOf(result);
    expect(err.message).toContain('An org named "Acme" may exist now');
    expect(err.message).toContain("orgId");
    expect(requestLines(calls)).toEqual([POST, LOOKUP]);
  });

  it("reads the next page of the lookup when a page is full", async () => {
    const strangers = Array.from({ length: 100 }, (_, i) =>
      org({ id: String(i).padStart(24, "0"), name: "Acme2" }),
    );
    const created = org({ id: ID_A, creationDate: afterSend });
    const { result, calls } = create([
      busy,
      reply(200, orgList(strangers)),
      reply(200, orgList([created])),
    ]);
    await expect(result).resolves.toEqual(created);
    expect(requestLines(calls)).toEqual([POST, LOOKUP, LOOKUP.replace("page=0", "page=1")]);
  });

  it("looks the org up after a 2xx whose body is not JSON, as the POST may have landed", async () => {
    const created = org({ id: ID_A, creationDate: afterSend });
    const proxyPage = { status: 200, text: "<html>gateway</html>" };
    const { result, calls } = create([proxyPage, reply(200, orgList([created]))]);
    await expect(result).resolves.toEqual(created);
    expect(requestLines(calls)).toEqual([POST, LOOKUP]);
  });

  it("shares one deadline between POSTs, lookups and waits", async () => {
    // Each request takes 1000 ms: POST and lookup end at 2000, the first wait (125) would
    // end past the 2000 ms deadline, so no second POST is sent.
    const nothing = reply(200, orgList([]));
    const { result, calls } = create([busy, nothing, reply(200, org())], {
      retry: { deadlineMs: 2000 },
      requestMs: 1000,
    });
    await expect(result).rejects.toMatchObject({ status: 503, attempts: 1 });
    expect(requestLines(calls)).toEqual([POST, LOOKUP]);
  });

  it("looks the name up with the exact query, whatever characters it holds", async () => {
    const name = "a*b?c[d]e.^$(x)|+{2} ü 名前 ✓";
    const fake = fakeClient([busy, reply(200, orgList([]))], { retry: { retries: 0 } });
    const result = fake.client.createOrg(INSTANCE_ID, { name });
    await expect(result).rejects.toMatchObject({ status: 503 });
    expect(JSON.parse(fake.calls[1].query.query)).toEqual({ name: { $eq: name } });
    expect(fake.calls[1].query).not.toHaveProperty("filter");
  });

  it("stops reading pages at the first org created before the send", async () => {
    const recentStranger = org({ id: ID_B, name: "Acme2", creationDate: afterSend });
    const old = org({ id: ID_A, creationDate: new Date(T0 - 6 * 60_000).toISOString() });
    const page = [...Array(99).fill(recentStranger), old];
    const { result, calls } = create([busy, reply(200, orgList(page)), reply(200, org())]);
    await expect(result).resolves.toEqual(org());
    expect(requestLines(calls)).toEqual([POST, LOOKUP, POST]);
  });

  it("matches the trimmed name too, as a server may store the name trimmed", async () => {
    const trimmed = org({ id: ID_A, name: "Acme", creationDate: afterSend });
    const fake = fakeClient([busy, reply(200, orgList([trimmed]))]);
    const result = fake.client.createOrg(INSTANCE_ID, { name: " Acme " });
    await expect(result).resolves.toEqual(trimmed);
    expect(JSON.parse(fake.calls[1].query.query)).toEqual({
      $or: [{ name: { $eq: " Acme " } }, { name: { $eq: "Acme" } }],
    });
  });
});
