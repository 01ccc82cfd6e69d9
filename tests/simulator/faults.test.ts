/**
 * Fault injection: rate limits, server errors, latency, a drop after the change was applied
 * (the ambiguous case a client must not answer with a duplicate) and a reset before it.
 */
import { INJECTED_SERVER_ERROR_MESSAGE, RATE_LIMITED_MESSAGE } from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { api, expectError } from "./api";

const sim = useSimulator();
const { call, createOrg, orgsPath, orgPath } = api(sim);

afterEach(async () => {
  for (const org of sim().orgs()) await call("DELETE", orgPath(org.id));
});

describe("rateLimit", () => {
  it("answers 429 with Retry-After and Losant's error body, then lets requests through", async () => {
    sim().faults.add({ kind: "rateLimit", retryAfterSeconds: 7 });
    const limited = await call("GET", orgsPath());
    expectError(limited, 429, "TooManyRequests", RATE_LIMITED_MESSAGE);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect((await call("GET", orgsPath())).status).toBe(200);
  });

  it("does not apply the request it refuses", async () => {
    sim().faults.add({ kind: "rateLimit", method: "POST" });
    expect((await call("POST", orgsPath(), { body: { name: "A" } })).status).toBe(429);
    expect(sim().orgs()).toHaveLength(0);
  });

  it("fires on the next N matching requests when times is N", async () => {
    sim().faults.add({ kind: "rateLimit", times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call("GET", orgsPath())).status);
    expect(statuses).toEqual([429, 429, 200]);
  });
});

describe("status", () => {
  it.each([500, 502, 503, 504] as const)("answers %i with a ServerError body", async (status) => {
    sim().faults.add({ kind: "status", status });
    expectError(
      await call("GET", orgsPath()),
      status,
      "ServerError",
      INJECTED_SERVER_ERROR_MESSAGE(status),
    );
  });

  it("answers before authentication, as a failing gateway would", async () => {
    sim().faults.add({ kind: "status", status: 502 });
    expect((await call("GET", orgsPath(), { token: null })).status).toBe(502);
  });
});

describe("matching", () => {
  it("matches only the given method", async () => {
    const org = await createOrg({ name: "A" });
    sim().faults.add({ kind: "status", status: 500, method: "patch" });
    expect((await call("GET", orgPath(org.id))).status).toBe(200);
    expect((await call("PATCH", orgPath(org.id), { body: {} })).status).toBe(500);
  });

  it("matches a path prefix", async () => {
    const org = await createOrg({ name: "A" });
    sim().faults.add({ kind: "status", status: 503, path: orgPath(org.id) });
    expect((await call("GET", orgsPath())).status).toBe(200);
    expect((await call("GET", `${orgPath(org.id)}/deviceCounts`)).status).toBe(503);
  });

  it("matches a RegExp against the path", async () => {
    const org = await createOrg({ name: "A" });
    sim().faults.add({ kind: "status", status: 503, path: /\/notebookMinuteCounts$/ });
    expect((await call("GET", `${orgPath(org.id)}/deviceCounts`)).status).toBe(200);
    expect((await call("GET", `${orgPath(org.id)}/notebookMinuteCounts`)).status).toBe(503);
  });

  it("lets the first matching rule decide and leaves later rules for later requests", async () => {
    sim().faults.add({ kind: "rateLimit" });
    sim().faults.add({ kind: "status", status: 503 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call("GET", orgsPath())).status);
    expect(statuses).toEqual([429, 503, 200]);
  });

  it("fires with a probability from a seeded PRNG, the same way on every run", async () => {
    const run = async (): Promise<number[]> => {
      sim().faults.clear();
      sim().faults.add({ kind: "status", status: 503, probability: 0.5, seed: 42 });
      const statuses = [];
      for (let i = 0; i < 20; i++) statuses.push((await call("GET", orgsPath())).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(200);
    expect(first).toContain(503);
  });
});

describe("rule management", () => {
  it("lists rules with their remaining firings and removes one by ID", async () => {
    const id = sim().faults.add({ kind: "reset", times: 3 });
    expect(sim().faults.list()).toEqual([{ id, rule: { kind: "reset", times: 3 }, remaining: 3 }]);
    expect(sim().faults.remove(id)).toBe(true);
    expect(sim().faults.list()).toEqual([]);
  });

  it("clears every rule", async () => {
    sim().faults.add({ kind: "rateLimit", times: 5 });
    sim().faults.clear();
    expect((await call("GET", orgsPath())).status).toBe(200);
  });

  it.each([
    [{ kind: "rateLimit", times: 0 }],
    [{ kind: "rateLimit", probability: 2 }],
    [{ kind: "latency", ms: -1 }],
    [{ kind: "status", status: 404 }],
  ])("refuses the rule %j", (rule) => {
    expect(() => sim().faults.add(rule as never)).toThrow(RangeError);
  });
});

describe("dropAfterApply", () => {
  it("creates the org, then closes the connection without an answer", async () => {
    sim().faults.add({ kind: "dropAfterApply", method: "POST" });
    await expect(call("POST", orgsPath(), { body: { name: "Ambiguous" } })).rejects.toThrow();
    expect(
      sim()
        .orgs()
        .map((org) => org.name),
    ).toEqual(["Ambiguous"]);
  });

  it("applies a PATCH it does not answer", async () => {
    const org = await createOrg({ name: "Before" });
    sim().faults.add({ kind: "dropAfterApply", method: "PATCH" });
    await expect(call("PATCH", orgPath(org.id), { body: { name: "After" } })).rejects.toThrow();
    expect(sim().orgs()[0].name).toBe("After");
  });
});

describe("reset", () => {
  it("closes the connection before anything is applied", async () => {
    sim().faults.add({ kind: "reset", method: "POST" });
    await expect(call("POST", orgsPath(), { body: { name: "Never" } })).rejects.toThrow();
    expect(sim().orgs()).toHaveLength(0);
  });
});

describe("latency", () => {
  it("answers normally, late", async () => {
    sim().faults.add({ kind: "latency", ms: 20 });
    expect((await call("GET", orgsPath())).status).toBe(200);
    expect(sim().requests.entries[0].fault).toBe("latency");
  });

  it("applies the change before the delay, so only the answer is late", async () => {
    sim().faults.add({ kind: "latency", ms: 600_000, method: "POST" });
    const pending = call("POST", orgsPath(), { body: { name: "Slow" } });
    while (sim().orgs().length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(sim().requests.count()).toBe(0);
    expect((await call("GET", orgsPath())).status).toBe(200);
    // The helper's afterAll closes the simulator, which ends the pending delay.
    pending.catch(() => undefined);
  });
});
