/**
 * Simulator profiles: each value of each dimension the documentation leaves open behaves as
 * `simulator/README.md` says, and the named profiles cover every value.
 */
import {
  BODY_TOO_LARGE_MESSAGE,
  DEFAULT_INSTANCE_LIMITS,
  FIELDS_MISSING_FROM_ORG_SHAPE,
  HOURLY_RETENTION_MESSAGE,
  INVALID_QUERY_MESSAGE,
  MAX_BODY_BYTES,
  PROFILE_NAMES,
  PROFILE_VALUES,
  PROFILES,
  resolveProfile,
  type ProfileDimension,
  type SimulatorProfile,
} from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { api, expectError, type OrgAnswer, type UsageAnswer } from "./api";

const NOW = Date.parse("2024-06-15T10:30:45.000Z");
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A simulator under `profile` for the tests of one `describe`, with its request helpers. */
function simulatorWith(profile: Partial<SimulatorProfile>) {
  const sim = useSimulator({ now: () => NOW, profile });
  return { sim, ...api(sim) };
}

describe("patchLimits", () => {
  describe("merge", () => {
    const { createOrg, call, orgPath } = simulatorWith({ patchLimits: "merge" });

    it("keeps the limits a PATCH does not send", async () => {
      const org = await createOrg({ name: "L", limits: { device: 7, webhook: 3 } });
      const answer = await call<OrgAnswer>("PATCH", orgPath(org.id), {
        body: { limits: { webhook: 4 } },
      });
      expect(answer.body.limits).toMatchObject({ device: 7, webhook: 4 });
    });
  });

  describe("replace", () => {
    const { createOrg, call, orgPath } = simulatorWith({ patchLimits: "replace" });

    it("resets the limits a PATCH does not send to the instance's defaults", async () => {
      const org = await createOrg({ name: "L", limits: { device: 7, webhook: 3 } });
      const answer = await call<OrgAnswer>("PATCH", orgPath(org.id), {
        body: { limits: { webhook: 4 } },
      });
      expect(answer.body.limits).toEqual({ ...DEFAULT_INSTANCE_LIMITS, webhook: 4 });
    });

    it("leaves the limits alone when a PATCH sends none", async () => {
      const org = await createOrg({ name: "L", limits: { device: 7 } });
      const answer = await call<OrgAnswer>("PATCH", orgPath(org.id), { body: { name: "M" } });
      expect(answer.body.limits.device).toBe(7);
    });
  });
});

describe("createAnswer", () => {
  const body = {
    name: "Shaped",
    tags: [{ key: "team", value: "red" }],
    auditLogEnabled: true,
    referralId: "ref-1",
  };

  describe("instanceOrg", () => {
    const { createOrg } = simulatorWith({ createAnswer: "instanceOrg" });

    it("answers a create with every instanceOrg field", async () => {
      const org = await createOrg(body);
      expect(org).toMatchObject({ ...body, instanceId: expect.any(String) as unknown });
      expect(org._type).toBe("instanceOrg");
    });
  });

  describe("org", () => {
    const { sim, createOrg, call, orgPath } = simulatorWith({ createAnswer: "org" });

    it("answers a create in the org shape, without the fields org.json lacks", async () => {
      const org = await createOrg(body);
      for (const field of FIELDS_MISSING_FROM_ORG_SHAPE) expect(org).not.toHaveProperty(field);
      expect(org).toMatchObject({ name: "Shaped", orgId: org.id, _type: "org" });
    });

    it("still stores and answers those fields on a GET", async () => {
      const org = await createOrg(body);
      const answer = await call<OrgAnswer>("GET", orgPath(org.id));
      expect(answer.body).toMatchObject({ ...body, instanceId: sim().instanceId });
    });
  });
});

describe("normalization", () => {
  const declared = {
    name: "  Padded name ",
    iconColor: "#ABCDEF",
    whitelistedEmailDomains: ["Example.COM"],
    disabledAt: "2024-01-02T03:04:05.678Z",
    limits: { experienceversion: 1_000_000 },
  };

  describe("off", () => {
    const { createOrg } = simulatorWith({ normalization: "off" });

    it("stores every declared value as sent", async () => {
      const org = await createOrg(declared);
      expect(org).toMatchObject(declared);
    });
  });

  describe("on", () => {
    const { createOrg, call, orgPath } = simulatorWith({ normalization: "on" });
    const normalized = {
      name: "Padded name",
      iconColor: "#abcdef",
      whitelistedEmailDomains: ["example.com"],
      disabledAt: "2024-01-02T03:04:05.000Z",
      limits: { experienceversion: DEFAULT_INSTANCE_LIMITS.experienceversion * 10 },
    };

    it("trims, lower-cases, keeps seconds and clamps limits on create", async () => {
      expect(await createOrg(declared)).toMatchObject(normalized);
    });

    it("normalizes a PATCH the same way", async () => {
      const org = await createOrg({ name: "Plain" });
      const answer = await call<OrgAnswer>("PATCH", orgPath(org.id), { body: declared });
      expect(answer.body).toMatchObject(normalized);
    });
  });
});

describe("oversizedBody", () => {
  const big = { name: "x", description: "d".repeat(MAX_BODY_BYTES) };

  describe("400", () => {
    const { call, orgsPath } = simulatorWith({ oversizedBody: "400" });

    it("refuses it as a Validation error", async () => {
      const answer = await call("POST", orgsPath(), { body: big });
      expectError(answer, 400, "Validation", BODY_TOO_LARGE_MESSAGE(MAX_BODY_BYTES));
    });
  });

  describe("413", () => {
    const { call, orgsPath } = simulatorWith({ oversizedBody: "413" });

    it("answers 413 with Losant's error body, even before authentication", async () => {
      const answer = await call("POST", orgsPath(), { body: big, token: null });
      expectError(answer, 413, "PayloadTooLarge", BODY_TOO_LARGE_MESSAGE(MAX_BODY_BYTES));
    });
  });

  describe("413-bare", () => {
    const { sim, orgsPath } = simulatorWith({ oversizedBody: "413-bare" });

    it("answers 413 with no body at all", async () => {
      const response = await fetch(new URL(orgsPath(), sim().url), {
        method: "POST",
        headers: { Authorization: `Bearer ${sim().tokens.admin}` },
        body: JSON.stringify(big),
      });
      expect(response.status).toBe(413);
      expect(await response.text()).toBe("");
    });
  });
});

describe("negativeTimes", () => {
  const range = { start: -2 * DAY, end: -DAY };

  describe("refused", () => {
    const { createOrg, call, orgPath } = simulatorWith({ negativeTimes: "refused" });

    it("refuses a negative start", async () => {
      const org = await createOrg({ name: "U" });
      const query = { start: range.start };
      const answer = await call("GET", `${orgPath(org.id)}/deviceCounts`, { query });
      expectError(answer, 400, "Validation", INVALID_QUERY_MESSAGE("start", "an integer >= 0"));
    });
  });

  describe("relative", () => {
    const { createOrg, call, orgPath } = simulatorWith({ negativeTimes: "relative" });

    it("counts negative start and end back from now", async () => {
      const org = await createOrg({ name: "U" });
      const path = `${orgPath(org.id)}/deviceCounts`;
      const relative = await call<UsageAnswer<object>>("GET", path, { query: range });
      const absolute = await call<UsageAnswer<object>>("GET", path, {
        query: { start: NOW - 2 * DAY, end: NOW - DAY },
      });
      expect(relative.status).toBe(200);
      expect(relative.body).toEqual(absolute.body);
    });
  });
});

describe("hourlyRetention", () => {
  /** Hourly payloads from 91 days ago to 89 days ago: straddles the 90-day retention. */
  const straddling = { resolution: HOUR, start: NOW - 91 * DAY, end: NOW - 89 * DAY };
  const retainedFrom = NOW - 90 * DAY;

  async function hours(call: ReturnType<typeof api>["call"], path: string) {
    return call<UsageAnswer<{ value: number }>>("GET", `${path}/payloadCountsBreakdown`, {
      query: straddling,
    });
  }

  describe("kept", () => {
    const { createOrg, call, orgPath } = simulatorWith({ hourlyRetention: "kept" });

    it("answers every hour of the range", async () => {
      const answer = await hours(call, orgPath((await createOrg({ name: "P" })).id));
      expect(answer.body.counts).toHaveLength(2 * 24 + 1);
    });
  });

  describe("empty", () => {
    const { createOrg, call, orgPath } = simulatorWith({ hourlyRetention: "empty" });

    it("leaves out the hours older than 90 days", async () => {
      const answer = await hours(call, orgPath((await createOrg({ name: "P" })).id));
      const dates = answer.body.counts.map((point) => Date.parse(point.date));
      expect(dates.length).toBeGreaterThan(0);
      expect(Math.min(...dates)).toBeGreaterThanOrEqual(retainedFrom);
      expect(Math.min(...dates) - HOUR).toBeLessThan(retainedFrom);
    });
  });

  describe("refused", () => {
    const { createOrg, call, orgPath } = simulatorWith({ hourlyRetention: "refused" });

    it("refuses an hourly range starting more than 90 days ago", async () => {
      const answer = await hours(call, orgPath((await createOrg({ name: "P" })).id));
      expectError(answer, 400, "Validation", HOURLY_RETENTION_MESSAGE(90));
    });

    it("still answers the same range at day resolution", async () => {
      const path = `${orgPath((await createOrg({ name: "P" })).id)}/payloadCountsBreakdown`;
      const answer = await call("GET", path, { query: { ...straddling, resolution: DAY } });
      expect(answer.status).toBe(200);
    });
  });
});

describe("named profiles", () => {
  it("cover every value of every dimension", () => {
    for (const [dimension, values] of Object.entries(PROFILE_VALUES)) {
      const used = new Set(
        PROFILE_NAMES.map((name) => PROFILES[name][dimension as ProfileDimension]),
      );
      expect([...used].sort()).toEqual([...values].sort());
    }
  });

  it.each(PROFILE_NAMES)("%s holds only known values", (name) => {
    expect(Object.keys(resolveProfile(name)).sort()).toEqual(Object.keys(PROFILE_VALUES).sort());
  });

  it("start with documented, the behaviour without a profile", () => {
    expect(PROFILE_NAMES[0]).toBe("documented");
    expect(resolveProfile()).toEqual(PROFILES.documented);
  });

  it("merge a partial profile over documented", () => {
    expect(resolveProfile({ patchLimits: "replace" })).toEqual({
      ...PROFILES.documented,
      patchLimits: "replace",
    });
  });

  it("refuse an unknown name, listing the known ones", () => {
    expect(() => resolveProfile("nope" as never)).toThrow(PROFILE_NAMES.join(", "));
  });

  it("refuse an unknown value, naming the dimension", () => {
    expect(() => resolveProfile({ patchLimits: "append" as never })).toThrow(
      "Simulator profile patchLimits must be one of merge, replace",
    );
  });
});
