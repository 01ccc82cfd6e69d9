// The InstanceOrg provider against the simulator over loopback HTTP: each step sends exactly
// the requests DESIGN.md promises, and reads back what the server really holds.
import {
  isLosantApiError,
  isLosantConfigError,
  type InstanceOrgInputs,
  type InstanceOrgOutputs,
} from "../../../provider";
import { useSimulator } from "../../helpers/simulator";
import { configure, configuredProvider, type Provider } from "../../helpers/provider";
import { callsSeen, orgInputs } from "./orgFixtures";

const sim = useSimulator();
let provider: Provider;

beforeEach(async () => {
  provider = await configuredProvider(sim());
});

const inputs = (extra: Partial<InstanceOrgInputs> = {}) => orgInputs(sim(), extra);
const calls = () => callsSeen(sim());

/** PATCHes an org directly through the API, out of band of the provider. */
async function patchOutOfBand(orgId: string, body: unknown): Promise<void> {
  const response = await fetch(`${sim().url}/instances/${sim().instanceId}/orgs/${orgId}`, {
    method: "PATCH",
    headers: { Authorization: `Bearer ${sim().tokens.admin}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

/** Creates an org directly through the API and returns its ID. */
async function createOutOfBand(body: unknown): Promise<string> {
  const response = await fetch(`${sim().url}/instances/${sim().instanceId}/orgs`, {
    method: "POST",
    headers: { Authorization: `Bearer ${sim().tokens.admin}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { id: string }).id;
}

async function create(
  extra: Partial<InstanceOrgInputs> = {},
): Promise<{ id: string; outs: InstanceOrgOutputs; inputs: InstanceOrgInputs }> {
  const declared = inputs(extra);
  const result = await provider.create(declared);
  sim().requests.reset();
  return { id: result.id, outs: result.outs!, inputs: declared };
}

describe("create", () => {
  it("sends one POST and returns the server's org as outputs", async () => {
    // Declares only what every create answer carries (see undocumented.test.ts for the rest).
    const declared = inputs({ limits: { device: 25 }, mfaMode: "notRequired" });
    const result = await provider.create(declared);
    expect(calls()).toEqual(["POST /instances/:instanceId/orgs"]);
    expect(result.id).toMatch(/^[a-f\d]{24}$/);
    expect(result.outs).toMatchObject({
      orgId: result.id,
      instanceId: sim().instanceId,
      name: declared.name,
      mfaMode: "notRequired",
      managedProperties: ["name", "limits.device", "mfaMode"],
    });
    expect(result.outs!.limits).toEqual({ device: 25 });
    expect(result.outs).not.toHaveProperty("_links");
    expect(result.outs).not.toHaveProperty("id");
  });

  it("keeps only the declared limits in the outputs, not the defaults the server filled in", async () => {
    const result = await provider.create(inputs({ limits: { device: 25, dataTTL: 86400 } }));
    const live = sim()
      .orgs()
      .find((org) => org.id === result.id)!;
    expect(Object.keys(live.limits).length).toBeGreaterThan(2);
    expect(result.outs!.limits).toEqual({ device: 25, dataTTL: 86400 });
  });

  it("keeps no limits in the outputs when the program declares none", async () => {
    const result = await provider.create(inputs());
    expect(result.outs).not.toHaveProperty("limits");
  });

  it("keeps no summary in the outputs when summaryInclude asks for none", async () => {
    const result = await provider.create(inputs());
    expect(result.outs).not.toHaveProperty("summary");
  });

  it("asks the server for one cheap summary field, not every one, when the program asks for none", async () => {
    const { id, outs, inputs: declared } = await create({ description: "a" });
    await provider.read(id, outs);
    const result = await provider.update(id, outs, { ...declared, description: "b" });
    const queries = sim().requests.entries.map((entry) => entry.query);
    expect(queries).toEqual(["summaryInclude=memberCount", "summaryInclude=memberCount"]);
    expect(result.outs).not.toHaveProperty("summary");
  });

  it("asks for exactly the summary fields summaryInclude names", async () => {
    const { id, outs } = await create({ summaryInclude: ["payloadCount", "deviceCount"] });
    await provider.read(id, outs);
    expect(sim().requests.entries.map((entry) => entry.query)).toEqual([
      "summaryInclude=deviceCount%2CpayloadCount",
    ]);
  });

  it("keeps only the summary fields summaryInclude asks for, in their one sorted form", async () => {
    const result = await provider.create(
      inputs({ summaryInclude: ["payloadCount", "deviceCount", "payloadCount"] }),
    );
    expect(Object.keys(result.outs!.summary ?? {}).sort()).toEqual(["deviceCount", "payloadCount"]);
    expect(result.outs!.summaryInclude).toEqual(["deviceCount", "payloadCount"]);
  });

  it("is followed by a diff with no change although the server filled defaults", async () => {
    const {
      id,
      outs,
      inputs: declared,
    } = await create({ limits: { device: 3 }, banner: { message: "hi" } });
    expect(await provider.diff(id, outs, declared)).toMatchObject({ changes: false, replaces: [] });
    expect(calls()).toEqual([]);
  });

  it("is followed by a diff with no change when the program lists the same tags in another order", async () => {
    const tags = [
      { key: "env", value: "prod" },
      { key: "team", value: "iot" },
    ];
    const { id, outs, inputs: declared } = await create({ tags });
    const reordered = { ...declared, tags: [tags[1], tags[0]] };
    expect(await provider.diff(id, outs, reordered)).toMatchObject({ changes: false });
  });

  it("creates one org, not two, when the POST is applied but its answer is lost", async () => {
    sim().faults.add({ kind: "dropAfterApply", method: "POST" });
    const declared = inputs();
    const result = await provider.create(declared);
    expect(
      sim()
        .orgs()
        .filter((org) => org.name === declared.name),
    ).toHaveLength(1);
    expect(result.outs!.name).toBe(declared.name);
    expect(calls()).toEqual([
      "POST /instances/:instanceId/orgs",
      "GET /instances/:instanceId/orgs",
    ]);
  });

  it("sends the POST again when the first one never reached the server", async () => {
    sim().faults.add({ kind: "reset", method: "POST" });
    const declared = inputs();
    await provider.create(declared);
    expect(
      sim()
        .orgs()
        .filter((org) => org.name === declared.name),
    ).toHaveLength(1);
    expect(calls()).toEqual([
      "POST /instances/:instanceId/orgs",
      "GET /instances/:instanceId/orgs",
      "POST /instances/:instanceId/orgs",
    ]);
  });
});

describe("read", () => {
  it("sends one GET and shows drift made through the API", async () => {
    const {
      id,
      outs,
      inputs: declared,
    } = await create({ limits: { device: 5 }, description: "first" });
    await patchOutOfBand(id, { limits: { device: 7 }, description: "changed", iconColor: "#000" });
    sim().requests.reset();

    const result = await provider.read(id, outs);
    expect(calls()).toEqual(["GET /instances/:instanceId/orgs/:orgId"]);
    expect(result.props).toMatchObject({
      description: "changed",
      iconColor: "#000",
      limits: { device: 7 },
    });
    // Inputs carry the live values of the managed properties only.
    expect(result.inputs).toEqual({
      instanceId: sim().instanceId,
      name: declared.name,
      description: "changed",
      limits: { device: 7 },
    });
    expect(await provider.diff(id, result.props!, declared)).toMatchObject({ changes: true });
  });

  it("returns no inputs when no managed property moved, so the engine keeps those it holds", async () => {
    const { id, outs, inputs: declared } = await create({ limits: { device: 5 } });
    // A field the program does not manage moves: the outputs show it, the inputs stay.
    await patchOutOfBand(id, { iconColor: "#000" });

    const result = await provider.read(id, outs);
    expect(result.props).toMatchObject({ iconColor: "#000", limits: { device: 5 } });
    expect(result.inputs).toBeUndefined();
    expect(await provider.diff(id, result.props!, declared)).toMatchObject({ changes: false });
  });

  it("keeps only the declared limits, though older state held every limit", async () => {
    const { id, outs } = await create({ limits: { device: 5 } });
    const live = sim()
      .orgs()
      .find((org) => org.id === id)!.limits;
    const result = await provider.read(id, { ...outs, limits: { ...live } });
    expect(result.props!.limits).toEqual({ device: 5 });
  });

  it("returns an empty ID for an org deleted out of band, so refresh drops it", async () => {
    const { id, outs } = await create();
    await provider.delete(id, outs);
    expect(await provider.read(id, outs)).toEqual({ id: "" });
  });
});

describe("update", () => {
  it("sends one PATCH with only the changed fields", async () => {
    const { id, outs, inputs: declared } = await create({ name: "before", description: "a" });
    const result = await provider.update(id, outs, { ...declared, name: "after" });
    expect(calls()).toEqual(["PATCH /instances/:instanceId/orgs/:orgId"]);
    expect(result.outs).toMatchObject({ name: "after", description: "a" });
  });

  it("reads the live limits before a limits change, and every undeclared limit keeps its live value", async () => {
    const {
      id,
      outs,
      inputs: declared,
    } = await create({ limits: { device: 5, application: 2 }, description: "a" });
    await patchOutOfBand(id, { limits: { dashboard: 7 } });
    const before = sim()
      .orgs()
      .find((org) => org.id === id)!.limits;
    sim().requests.reset();
    const result = await provider.update(id, outs, {
      ...declared,
      limits: { device: 6, application: 2 },
    });
    expect(calls()).toEqual([
      "GET /instances/:instanceId/orgs/:orgId",
      "PATCH /instances/:instanceId/orgs/:orgId",
    ]);
    const live = sim()
      .orgs()
      .find((org) => org.id === id)!;
    expect(live.limits).toEqual({ ...before, device: 6, application: 2, dashboard: 7 });
    expect(result.outs).toMatchObject({ limits: { device: 6, application: 2 }, description: "a" });
    expect(result.outs!.lastUpdated).not.toBe(outs.lastUpdated);
    expect(
      await provider.diff(id, result.outs!, { ...declared, limits: { device: 6, application: 2 } }),
    ).toMatchObject({
      changes: false,
    });
  });

  it("records a newly declared limit the org already holds with one GET and no PATCH", async () => {
    const { id, outs, inputs: declared } = await create({ limits: { device: 5 } });
    const member = sim()
      .orgs()
      .find((org) => org.id === id)!.limits.member;
    const news = { ...declared, limits: { device: 5, member } };
    expect(await provider.diff(id, outs, news)).toMatchObject({ changes: true });
    const result = await provider.update(id, outs, news);
    expect(calls()).toEqual(["GET /instances/:instanceId/orgs/:orgId"]);
    expect(result.outs!.limits).toEqual({ device: 5, member });
    expect(result.outs!.managedProperties).toContain("limits.member");
    expect(await provider.diff(id, result.outs!, news)).toMatchObject({ changes: false });
  });

  it("fetches the org again when only summaryInclude changed", async () => {
    const { id, outs, inputs: declared } = await create();
    const result = await provider.update(id, outs, {
      ...declared,
      summaryInclude: ["deviceCount"],
    });
    expect(calls()).toEqual(["GET /instances/:instanceId/orgs/:orgId"]);
    expect(Object.keys(result.outs!.summary ?? {})).toEqual(["deviceCount"]);
    expect(result.outs!.summaryInclude).toEqual(["deviceCount"]);
  });

  it("returns the full outputs, not only the changed fields", async () => {
    const { id, outs, inputs: declared } = await create();
    const result = await provider.update(id, outs, { ...declared, mfaMode: "required" });
    expect(Object.keys(result.outs!).sort()).toEqual(
      expect.arrayContaining(Object.keys(outs).sort()),
    );
  });

  it("retries after a 429 and a 503 and ends in success, every attempt seen by the server", async () => {
    const { id, outs, inputs: declared } = await create();
    sim().faults.add({ kind: "rateLimit", method: "PATCH", retryAfterSeconds: 0 });
    sim().faults.add({ kind: "status", status: 503, method: "PATCH" });
    const result = await provider.update(id, outs, { ...declared, description: "after retries" });
    expect(result.outs!.description).toBe("after retries");
    expect(sim().requests.entries.map((entry) => entry.status)).toEqual([429, 503, 200]);
  });
});

describe("delete", () => {
  it("sends one DELETE", async () => {
    const { id, outs } = await create();
    await provider.delete(id, outs);
    expect(calls()).toEqual(["DELETE /instances/:instanceId/orgs/:orgId"]);
    expect(
      sim()
        .orgs()
        .some((org) => org.id === id),
    ).toBe(false);
  });

  it("succeeds when the org is already gone", async () => {
    const { id, outs } = await create();
    await provider.delete(id, outs);
    await expect(provider.delete(id, outs)).resolves.toBeUndefined();
  });
});

describe("adopt through orgId", () => {
  it("sends no POST when the declared fields already match, and the next diff shows no change", async () => {
    const orgId = await createOutOfBand({ name: "Existing", description: "kept" });
    sim().requests.reset();
    const declared = inputs({ orgId, name: "Existing" });
    const result = await provider.create(declared);
    expect(calls()).toEqual(["GET /instances/:instanceId/orgs/:orgId"]);
    expect(result.id).toBe(orgId);
    expect(result.outs!.description).toBe("kept");
    expect(await provider.diff(result.id, result.outs!, declared)).toMatchObject({
      changes: false,
    });
  });

  it("patches only the declared fields that differ", async () => {
    const orgId = await createOutOfBand({
      name: "Existing",
      description: "kept",
      limits: { device: 1 },
    });
    sim().requests.reset();
    const result = await provider.create({
      instanceId: sim().instanceId,
      orgId,
      limits: { device: 9 },
    });
    expect(calls()).toEqual([
      "GET /instances/:instanceId/orgs/:orgId",
      "PATCH /instances/:instanceId/orgs/:orgId",
    ]);
    expect(result.outs).toMatchObject({
      name: "Existing",
      description: "kept",
      limits: { device: 9 },
    });
  });

  it("fails clearly when the org does not exist", async () => {
    await expect(provider.create(inputs({ orgId: "0123456789abcdef01234567" }))).rejects.toThrow(
      /Cannot adopt org 0123456789abcdef01234567: it does not exist in instance/,
    );
  });

  it("reports a partial create carrying the org when the PATCH fails", async () => {
    const orgId = await createOutOfBand({ name: "Existing" });
    await configure(provider, {
      "losant:apiToken": sim().addToken(["instanceOrg.get"]),
      "losant:apiUrl": sim().url,
    });
    const failure = await provider
      .create(inputs({ orgId, description: "x" }))
      .catch((err: unknown) => err);
    expect(failure).toMatchObject({
      name: "PartialCreateError",
      id: orgId,
      properties: { name: "Existing" },
    });
  });
});

describe("authentication and authorization", () => {
  it("names the accepted scopes when the token may not write", async () => {
    const { id, outs, inputs: declared } = await create();
    await configure(provider, {
      "losant:apiToken": sim().tokens.readOnly,
      "losant:apiUrl": sim().url,
    });
    const failure = await provider
      .update(id, outs, { ...declared, description: "x" })
      .catch((err: unknown) => err);
    expect(isLosantApiError(failure) && failure.status).toBe(403);
    expect((failure as Error).message).toContain(
      "all.Instance, all.Instance.bounded, all.User, all.User.bounded, instanceOrg.*, instanceOrg.patch",
    );
  });

  it("says the token is invalid or expired when the API refuses it, never showing it", async () => {
    await configure(provider, { "losant:apiToken": "not-a-token", "losant:apiUrl": sim().url });
    const failure = await provider.create(inputs()).catch((err: unknown) => err);
    expect(isLosantApiError(failure) && failure.status).toBe(401);
    expect((failure as Error).message).toContain("instanceOrgs.post");
    expect((failure as Error).message).toContain("invalid or expired");
    expect((failure as Error).message).not.toContain("not-a-token");
  });

  it("fails without a request when no token is configured, naming both ways to set one", async () => {
    const saved = process.env.LOSANT_API_TOKEN;
    delete process.env.LOSANT_API_TOKEN;
    try {
      await configure(provider, { "losant:apiUrl": sim().url });
      const failure = await provider.create(inputs()).catch((err: unknown) => err);
      expect(isLosantConfigError(failure)).toBe(true);
      expect((failure as Error).message).toContain("pulumi config set --secret losant:apiToken");
      expect((failure as Error).message).toContain("LOSANT_API_TOKEN");
      expect(calls()).toEqual([]);
    } finally {
      if (saved !== undefined) process.env.LOSANT_API_TOKEN = saved;
    }
  });

  it("falls back to LOSANT_API_TOKEN and LOSANT_API_URL when the stack sets neither", async () => {
    process.env.LOSANT_API_TOKEN = sim().tokens.admin;
    process.env.LOSANT_API_URL = sim().url;
    try {
      await configure(provider, {});
      await expect(provider.create(inputs())).resolves.toMatchObject({ id: expect.any(String) });
    } finally {
      delete process.env.LOSANT_API_TOKEN;
      delete process.env.LOSANT_API_URL;
    }
  });

  it("refuses to send the token over plain http to a host that is not loopback", async () => {
    await configure(provider, {
      "losant:apiToken": sim().tokens.admin,
      "losant:apiUrl": "http://losant.example.com",
    });
    await expect(provider.create(inputs())).rejects.toThrow(
      /Refusing to send the API token over plain http/,
    );
  });
});

describe("check", () => {
  it("rejects schema-invalid inputs with property paths and sends no request", async () => {
    const result = await provider.check(
      {} as InstanceOrgInputs,
      inputs({ limits: { dataTTL: 3600 }, mfaMode: "x" as never }),
    );
    expect(result.failures).toEqual([
      { property: "limits", reason: "limits.dataTTL must be >= 86400 (minimum)" },
      {
        property: "mfaMode",
        reason: 'mfaMode must be one of "notRequired", "adminRequired", "required" (enum)',
      },
    ]);
    expect(calls()).toEqual([]);
  });

  it("names the top-level input for the engine, which prints that input's value", async () => {
    const result = await provider.check(
      {} as InstanceOrgInputs,
      inputs({ tags: [{ key: "bad key", value: "v" }] }),
    );
    expect(result.failures!.map((f) => f.property)).toEqual(["tags"]);
    expect(result.failures![0].reason).toMatch(/^tags\[0\]\.key must match pattern/);
  });
});
