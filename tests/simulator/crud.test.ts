/**
 * Organization CRUD: the server fills and normalizes values rather than echoing the body,
 * so a client is tested against what a real server answers.
 */
import { DEFAULT_INSTANCE_LIMITS } from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { api, type OrgAnswer } from "./api";

const NOW = Date.parse("2024-05-01T12:00:00.000Z");
let clock = NOW;
const sim = useSimulator({ now: () => clock });
const { call, createOrg, orgPath } = api(sim);

beforeEach(() => {
  clock = NOW;
});

describe("POST /instances/:instanceId/orgs", () => {
  it("fills every default the client did not send", async () => {
    const org = await createOrg({ name: "Acme" });
    expect(org).toMatchObject({
      name: "Acme",
      instanceId: sim().instanceId,
      limits: DEFAULT_INSTANCE_LIMITS,
      tags: [],
      whitelistedEmailDomains: [],
      auditLogEnabled: false,
      isReadOnly: false,
      mfaMode: "notRequired",
      description: "",
      disabledAt: false,
      creationDate: "2024-05-01T12:00:00.000Z",
      lastUpdated: "2024-05-01T12:00:00.000Z",
    });
  });

  it("sets id and orgId to the same new 24-hex ID", async () => {
    const org = await createOrg({ name: "Acme" });
    expect(org.id).toMatch(/^[0-9a-f]{24}$/);
    expect(org.orgId).toBe(org.id);
  });

  it("overrides only the posted limit keys of the instance defaults", async () => {
    const org = await createOrg({ name: "Acme", limits: { device: 7, dataTTL: 86400 } });
    expect(org.limits).toEqual({ ...DEFAULT_INSTANCE_LIMITS, device: 7, dataTTL: 86400 });
  });

  it("keeps the fields the client sent", async () => {
    const fields = {
      name: "Acme",
      description: "Customer",
      iconColor: "#ff0000",
      tags: [{ key: "team", value: "ops" }],
      whitelistedEmailDomains: ["acme.com"],
      auditLogEnabled: true,
      isReadOnly: true,
      mfaMode: "required",
      referralId: "partner-1",
      banner: { message: "Maintenance", level: "warning" },
    };
    expect(await createOrg(fields)).toMatchObject(fields);
  });

  it("stores disabledAt true as the time of the request", async () => {
    const org = await createOrg({ name: "Acme", disabledAt: true });
    expect(org.disabledAt).toBe("2024-05-01T12:00:00.000Z");
  });

  it("accepts two orgs with the same name", async () => {
    const first = await createOrg({ name: "Twin" });
    const second = await createOrg({ name: "Twin" });
    expect(second.id).not.toBe(first.id);
  });

  it("counts posted members in the summary: users as members, unknown emails as invites", async () => {
    const org = await createOrg({
      name: "Acme",
      members: [
        { userId: sim().users()[0].id, role: "admin" },
        { email: "a@example.com", role: "view" },
        { email: "b@example.com", role: "edit" },
      ],
    });
    expect(org.summary).toMatchObject({ memberCount: 1, pendingInviteCount: 2 });
    expect(org).not.toHaveProperty("members");
  });

  it("answers hypermedia fields like the real API", async () => {
    const org = await createOrg({ name: "Acme" });
    expect(org._type).toBe("instanceOrg");
    expect(org._links.self.href).toBe(orgPath(org.id));
  });
});

describe("GET /instances/:instanceId/orgs/:orgId", () => {
  it("returns what POST returned", async () => {
    const created = await createOrg({ name: "Acme", tags: [{ key: "a", value: "b" }] });
    const { status, body } = await call<OrgAnswer>("GET", orgPath(created.id));
    expect(status).toBe(200);
    expect(body).toEqual(created);
  });

  it("restricts the summary to the fields named in summaryInclude", async () => {
    const org = await createOrg({ name: "Acme" });
    const { body } = await call<OrgAnswer>("GET", orgPath(org.id), {
      query: { summaryInclude: "deviceCount,memberCount" },
    });
    expect(Object.keys(body.summary).sort()).toEqual(["deviceCount", "memberCount"]);
  });
});

describe("PATCH /instances/:instanceId/orgs/:orgId", () => {
  const patch = (id: string, body: unknown) => call<OrgAnswer>("PATCH", orgPath(id), { body });

  it("merges only the given limit keys into the existing limits", async () => {
    const org = await createOrg({ name: "Acme", limits: { device: 7 } });
    const { body } = await patch(org.id, { limits: { flow: 3 } });
    expect(body.limits).toEqual({ ...DEFAULT_INSTANCE_LIMITS, device: 7, flow: 3 });
  });

  it("replaces every other given field and keeps the ones not given", async () => {
    const org = await createOrg({
      name: "Acme",
      tags: [{ key: "a", value: "1" }],
      description: "d",
    });
    const { body } = await patch(org.id, { tags: [{ key: "b", value: "2" }], name: "Acme 2" });
    expect(body).toMatchObject({
      name: "Acme 2",
      tags: [{ key: "b", value: "2" }],
      description: "d",
    });
  });

  it("stores disabledAt true as the current time", async () => {
    const org = await createOrg({ name: "Acme" });
    clock = NOW + 60_000;
    const { body } = await patch(org.id, { disabledAt: true });
    expect(body.disabledAt).toBe("2024-05-01T12:01:00.000Z");
  });

  it("keeps the original disable time when an already disabled org is disabled again", async () => {
    const org = await createOrg({ name: "Acme", disabledAt: true });
    clock = NOW + 60_000;
    const { body } = await patch(org.id, { disabledAt: true });
    expect(body.disabledAt).toBe(org.disabledAt);
  });

  it("keeps disabledAt false as false", async () => {
    const org = await createOrg({ name: "Acme", disabledAt: true });
    expect((await patch(org.id, { disabledAt: false })).body.disabledAt).toBe(false);
  });

  it("normalizes a disabledAt date-time to UTC with milliseconds", async () => {
    const org = await createOrg({ name: "Acme" });
    const { body } = await patch(org.id, { disabledAt: "2024-01-02T03:04:05+01:00" });
    expect(body.disabledAt).toBe("2024-01-02T02:04:05.000Z");
  });

  it("moves lastUpdated strictly forward even within the same millisecond", async () => {
    const org = await createOrg({ name: "Acme" });
    const first = (await patch(org.id, { description: "x" })).body.lastUpdated;
    const second = (await patch(org.id, { description: "x" })).body.lastUpdated;
    expect(Date.parse(first)).toBeGreaterThan(Date.parse(org.lastUpdated));
    expect(Date.parse(second)).toBeGreaterThan(Date.parse(first));
  });

  it("follows the clock when it has moved on", async () => {
    const org = await createOrg({ name: "Acme" });
    clock = NOW + 5_000;
    expect((await patch(org.id, {})).body.lastUpdated).toBe("2024-05-01T12:00:05.000Z");
  });

  it("never changes creationDate", async () => {
    const org = await createOrg({ name: "Acme" });
    clock = NOW + 5_000;
    expect((await patch(org.id, { name: "B" })).body.creationDate).toBe(org.creationDate);
  });
});

describe("DELETE /instances/:instanceId/orgs/:orgId", () => {
  it("answers success and removes the org", async () => {
    const org = await createOrg({ name: "Acme" });
    const deleted = await call("DELETE", orgPath(org.id));
    expect(deleted).toMatchObject({ status: 200, body: { success: true } });
    expect((await call("GET", orgPath(org.id))).status).toBe(404);
  });

  it("answers 404 for an org already deleted", async () => {
    const org = await createOrg({ name: "Acme" });
    await call("DELETE", orgPath(org.id));
    expect((await call("DELETE", orgPath(org.id))).status).toBe(404);
  });
});
