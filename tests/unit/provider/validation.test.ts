// Guards `check`: invalid settings must fail at preview with the property path and the rule,
// before any request; values unknown during preview must not fail.
import { UNKNOWN, validateInputs } from "../../../provider";

const INSTANCE = "5f0c1a2b3c4d5e6f7a8b9c0d";
const ORG = "6a1b2c3d4e5f6a7b8c9d0e1f";

function failuresOf(
  extra: Record<string, unknown>,
  base: Record<string, unknown> = { instanceId: INSTANCE, name: "Acme" },
) {
  return validateInputs({ ...base, ...extra });
}

describe("validateInputs", () => {
  it("accepts a minimal org", () => {
    expect(failuresOf({})).toEqual([]);
  });

  it("accepts every writable field with valid values", () => {
    expect(
      failuresOf({
        description: "d",
        iconColor: "#ffffff",
        limits: { device: 10, dataTTL: 86400, systemInterval: 5 },
        whitelistedEmailDomains: ["example.com"],
        auditLogEnabled: true,
        disabledAt: false,
        isReadOnly: false,
        tags: [{ key: "env", value: "prod" }],
        referralId: "r",
        mfaMode: "required",
        banner: { message: "hi", level: "info" },
        summaryInclude: ["deviceCount", "payloadCount"],
      }),
    ).toEqual([]);
  });

  it("rejects a dataTTL below one day with its path and rule", () => {
    expect(failuresOf({ limits: { dataTTL: 3600 } })).toEqual([
      { property: "limits.dataTTL", reason: "limits.dataTTL must be >= 86400 (minimum)" },
    ]);
  });

  it("rejects a systemInterval above 3600", () => {
    expect(failuresOf({ limits: { systemInterval: 3601 } })[0].property).toBe(
      "limits.systemInterval",
    );
  });

  it("rejects an unknown limit key", () => {
    expect(failuresOf({ limits: { devices: 3 } })).toEqual([
      {
        property: "limits.devices",
        reason: "limits.devices is not a known property (additionalProperties)",
      },
    ]);
  });

  it("rejects a tag key outside the allowed pattern with the item index", () => {
    const failures = failuresOf({
      tags: [
        { key: "ok", value: "1" },
        { key: "bad key!", value: "2" },
      ],
    });
    expect(failures).toHaveLength(1);
    expect(failures[0].property).toBe("tags[1].key");
    expect(failures[0].reason).toContain("(pattern)");
  });

  it("rejects 101 tags", () => {
    const tags = Array.from({ length: 101 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    expect(failuresOf({ tags })).toEqual([
      { property: "tags", reason: "tags must NOT have more than 100 items (maxItems)" },
    ]);
  });

  it("rejects duplicate tag keys because tags are matched by key", () => {
    const failures = failuresOf({
      tags: [
        { key: "a", value: "1" },
        { key: "a", value: "2" },
      ],
    });
    expect(failures.map((f) => f.property)).toEqual(["tags[1].key"]);
  });

  it("rejects an unknown mfaMode and lists the allowed values", () => {
    expect(failuresOf({ mfaMode: "sometimes" })).toEqual([
      {
        property: "mfaMode",
        reason: 'mfaMode must be one of "notRequired", "adminRequired", "required" (enum)',
      },
    ]);
  });

  it("rejects a disabledAt that is neither a date-time nor a boolean in one failure", () => {
    const failures = failuresOf({ disabledAt: "yesterday" });
    expect(failures).toHaveLength(1);
    expect(failures[0].property).toBe("disabledAt");
    expect(failures[0].reason).toContain("(oneOf)");
  });

  it("rejects an unknown top-level field", () => {
    expect(failuresOf({ colour: "red" }).map((f) => f.property)).toEqual(["colour"]);
  });

  it("requires a name when creating", () => {
    expect(failuresOf({}, { instanceId: INSTANCE })).toEqual([
      { property: "name", reason: "name is required" },
    ]);
  });

  it("does not require a name when adopting through orgId", () => {
    expect(failuresOf({}, { instanceId: INSTANCE, orgId: ORG })).toEqual([]);
  });

  it("rejects members when adopting", () => {
    const failures = failuresOf({
      orgId: ORG,
      members: [{ email: "a@example.com", role: "admin" }],
    });
    expect(failures.map((f) => f.property)).toEqual(["members"]);
  });

  it("accepts members when creating", () => {
    expect(failuresOf({ members: [{ email: "a@example.com", role: "admin" }] })).toEqual([]);
  });

  it("rejects more than ten members, the corrected maxItems of the official schema", () => {
    const members = Array.from({ length: 11 }, (_, i) => ({
      email: `u${i}@example.com`,
      role: "view",
    }));
    expect(failuresOf({ members }).map((f) => f.property)).toEqual(["members"]);
  });

  it("requires instanceId", () => {
    expect(failuresOf({}, { name: "Acme" }).map((f) => f.property)).toEqual(["instanceId"]);
  });

  it("rejects an instanceId that is not 24 hex characters", () => {
    expect(failuresOf({ instanceId: "abc" })[0].reason).toContain("24 hexadecimal characters");
  });

  it("rejects an orgId that is not 24 hex characters", () => {
    expect(failuresOf({ orgId: "zz" }).map((f) => f.property)).toEqual(["orgId"]);
  });

  it("rejects a summaryInclude name that is not a summary field", () => {
    const failures = failuresOf({ summaryInclude: ["deviceCount", "devices"] });
    expect(failures.map((f) => f.property)).toEqual(["summaryInclude[1]"]);
    expect(failures[0].reason).toContain("payloadCount");
  });

  it("ignores the serialized provider passed along with the inputs", () => {
    expect(failuresOf({ __provider: "exports.handler = ..." })).toEqual([]);
  });

  describe("with values unknown during preview", () => {
    it.each([
      ["instanceId", { instanceId: UNKNOWN }],
      ["orgId", { orgId: UNKNOWN }],
      ["name", { name: UNKNOWN }],
      ["a limit", { limits: { device: UNKNOWN } }],
      ["the whole limits object", { limits: UNKNOWN }],
      ["a tag value", { tags: [{ key: "env", value: UNKNOWN }] }],
      ["a tag key", { tags: [{ key: UNKNOWN, value: "x" }] }],
      ["the tag list", { tags: UNKNOWN }],
      ["disabledAt", { disabledAt: UNKNOWN }],
      ["mfaMode", { mfaMode: UNKNOWN }],
      ["auditLogEnabled", { auditLogEnabled: UNKNOWN }],
      ["summaryInclude", { summaryInclude: UNKNOWN }],
      ["a summaryInclude item", { summaryInclude: [UNKNOWN] }],
      ["banner", { banner: { level: UNKNOWN } }],
    ])("passes when %s is unknown", (_what, extra) => {
      expect(failuresOf(extra)).toEqual([]);
    });

    it("still reports a known invalid field beside an unknown one", () => {
      expect(failuresOf({ name: UNKNOWN, limits: { dataTTL: 1 } }).map((f) => f.property)).toEqual([
        "limits.dataTTL",
      ]);
    });
  });
});
