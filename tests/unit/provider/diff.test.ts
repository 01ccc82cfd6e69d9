// Guards `diff`: exact, local, normalized the way the server normalizes. A diff that reports
// changes where there are none makes every CI preview noisy; one that misses a change loses it.
import * as fc from "fast-check";
import {
  UNKNOWN,
  createInstanceOrgProvider,
  type InstanceOrgInputs,
  type InstanceOrgOutputs,
} from "../../../provider";

const INSTANCE = "5f0c1a2b3c4d5e6f7a8b9c0d";
const OTHER_INSTANCE = "5f0c1a2b3c4d5e6f7a8b9c0e";
const ORG = "6a1b2c3d4e5f6a7b8c9d0e1f";
const provider = createInstanceOrgProvider();

/** The org as the server returns it after a create: defaults filled in, full limits. */
function serverState(overrides: Partial<InstanceOrgOutputs> = {}): InstanceOrgOutputs {
  return {
    orgId: ORG,
    instanceId: INSTANCE,
    name: "Acme",
    description: "",
    limits: { device: 10, application: 5, dataTTL: 2592000, systemInterval: 60 },
    tags: [
      { key: "env", value: "prod" },
      { key: "team", value: "iot" },
    ],
    whitelistedEmailDomains: ["a.example", "b.example"],
    auditLogEnabled: false,
    isReadOnly: false,
    mfaMode: "notRequired",
    disabledAt: false,
    banner: { message: "hello", level: "info" },
    creationDate: "2026-11-01T00:00:00.000Z",
    lastUpdated: "2026-11-01T00:00:00.000Z",
    managedProperties: ["name"],
    ...overrides,
  } as InstanceOrgOutputs;
}

function diff(news: Partial<InstanceOrgInputs>, olds: InstanceOrgOutputs = serverState()) {
  return provider.diff!(ORG, olds, { instanceId: INSTANCE, ...news } as InstanceOrgInputs);
}

describe("diff", () => {
  it("reports no change when the declared fields match although the server filled defaults", async () => {
    expect(await diff({ name: "Acme", limits: { device: 10 } })).toMatchObject({
      changes: false,
      replaces: [],
    });
  });

  it("reports a change of a declared scalar field", async () => {
    expect(await diff({ name: "Acme Corp" })).toMatchObject({ changes: true, replaces: [] });
  });

  it("ignores fields the program leaves out", async () => {
    expect(await diff({})).toMatchObject({ changes: false });
  });

  it("compares only the limit keys given", async () => {
    expect(await diff({ limits: { application: 5 } })).toMatchObject({ changes: false });
    expect(await diff({ limits: { application: 6 } })).toMatchObject({ changes: true });
  });

  it("treats tags given in another order as no change", async () => {
    const tags = [
      { key: "team", value: "iot" },
      { key: "env", value: "prod" },
    ];
    expect(await diff({ tags })).toMatchObject({ changes: false });
  });

  it("reports a tag value change, an added tag and a removed tag", async () => {
    expect(
      await diff({
        tags: [
          { key: "env", value: "dev" },
          { key: "team", value: "iot" },
        ],
      }),
    ).toMatchObject({ changes: true });
    expect(await diff({ tags: [{ key: "env", value: "prod" }] })).toMatchObject({ changes: true });
    expect(
      await diff({
        tags: [
          { key: "env", value: "prod" },
          { key: "team", value: "iot" },
          { key: "x", value: "y" },
        ],
      }),
    ).toMatchObject({ changes: true });
  });

  it("treats an empty tag list as matching an org without tags", async () => {
    expect(await diff({ tags: [] }, serverState({ tags: undefined }))).toMatchObject({
      changes: false,
    });
  });

  it("treats email domains as a set", async () => {
    expect(await diff({ whitelistedEmailDomains: ["b.example", "a.example"] })).toMatchObject({
      changes: false,
    });
  });

  it("compares only the banner keys given", async () => {
    expect(await diff({ banner: { level: "info" } })).toMatchObject({ changes: false });
    expect(await diff({ banner: { level: "critical" } })).toMatchObject({ changes: true });
  });

  it("matches disabledAt true with any disable date the server stored", async () => {
    expect(
      await diff({ disabledAt: true }, serverState({ disabledAt: "2026-11-02T10:00:00.000Z" })),
    ).toMatchObject({
      changes: false,
    });
    expect(await diff({ disabledAt: true })).toMatchObject({ changes: true });
  });

  it("matches a disabledAt date written another way for the same instant", async () => {
    const olds = serverState({ disabledAt: "2026-11-02T10:00:00.000Z" });
    expect(await diff({ disabledAt: "2026-11-02T11:00:00+01:00" }, olds)).toMatchObject({
      changes: false,
    });
  });

  it("replaces the org when instanceId changes", async () => {
    expect(await diff({ instanceId: OTHER_INSTANCE, name: "Acme" })).toMatchObject({
      changes: true,
      replaces: ["instanceId"],
      deleteBeforeReplace: false,
    });
  });

  it("replaces the resource when the adopted orgId changes", async () => {
    expect(await diff({ orgId: "6a1b2c3d4e5f6a7b8c9d0e20" })).toMatchObject({
      changes: true,
      replaces: ["orgId"],
    });
  });

  it("reports no change when orgId names the org the resource already holds", async () => {
    expect(await diff({ orgId: ORG, name: "Acme" })).toMatchObject({
      changes: false,
      replaces: [],
    });
  });

  it("reports a change when summaryInclude changes", async () => {
    expect(await diff({ summaryInclude: ["deviceCount"] })).toMatchObject({
      changes: true,
      replaces: [],
    });
  });

  it("reports no change when summaryInclude lists the same fields in another order", async () => {
    const olds = serverState({ summaryInclude: ["deviceCount", "payloadCount"] });
    const news = { summaryInclude: ["payloadCount", "deviceCount", "payloadCount"] };
    expect(await diff(news, olds)).toMatchObject({ changes: false });
  });

  it("reports no change for a value the server stored differently while both stay the same", async () => {
    const olds = serverState({
      name: "Acme",
      normalized: { name: { declared: " Acme ", stored: "Acme" } },
    });
    expect(await diff({ name: " Acme " }, olds)).toMatchObject({ changes: false });
  });

  it("reports a change when a value the server stored differently is declared anew", async () => {
    const olds = serverState({
      name: "Acme",
      normalized: { name: { declared: " Acme ", stored: "Acme" } },
    });
    expect(await diff({ name: " Acme Inc " }, olds)).toMatchObject({ changes: true });
  });

  it("ignores members, which only apply at creation", async () => {
    expect(await diff({ members: [{ email: "x@example.com", role: "view" }] })).toMatchObject({
      changes: false,
    });
  });

  describe("with values unknown during preview", () => {
    it.each([
      ["name", { name: UNKNOWN }],
      ["a limit", { limits: { device: UNKNOWN } }],
      ["the tag list", { tags: UNKNOWN }],
      ["a tag value", { tags: [{ key: "env", value: UNKNOWN }] }],
      ["disabledAt", { disabledAt: UNKNOWN }],
      ["email domains", { whitelistedEmailDomains: [UNKNOWN] }],
    ])("reports a possible change when %s is unknown", async (_what, news) => {
      expect(await diff(news as Partial<InstanceOrgInputs>)).toMatchObject({
        changes: true,
        replaces: [],
      });
    });

    it("plans a replacement when instanceId is unknown", async () => {
      expect(await diff({ instanceId: UNKNOWN })).toMatchObject({
        changes: true,
        replaces: ["instanceId"],
      });
    });
  });

  it("reports no change for any tag order (property)", async () => {
    const tags = fc.uniqueArray(
      fc.record({
        key: fc.stringMatching(/^[0-9a-zA-Z_-]{1,8}$/),
        value: fc.string({ minLength: 1, maxLength: 5 }),
      }),
      { selector: (t) => t.key, maxLength: 12 },
    );
    await fc.assert(
      fc.asyncProperty(tags, fc.infiniteStream(fc.double()), async (list, rand) => {
        const shuffled = [...list].sort(() => rand.next().value - 0.5);
        const result = await diff({ tags: shuffled }, serverState({ tags: list }));
        return result.changes === false;
      }),
    );
  });
});
