// Guards what the plan says beyond `+ create` and `+-replace`: a new resource with `orgId`
// adopts (no org is created), and moving a resource to another org deletes the one it held.
import {
  UNKNOWN,
  createInstanceOrgProvider,
  type InstanceOrgInputs,
  type InstanceOrgOutputs,
} from "../../../provider";
import { type Severity, setWarningSink } from "../../../provider/engineLog";

const INSTANCE = "5f0c1a2b3c4d5e6f7a8b9c0d";
const ORG = "6a1b2c3d4e5f6a7b8c9d0e1f";
const OTHER_ORG = "6a1b2c3d4e5f6a7b8c9d0e20";
const provider = createInstanceOrgProvider();

let told: Array<{ message: string; severity?: Severity }>;
beforeEach(() => {
  told = [];
  setWarningSink(async (message, severity) => void told.push({ message, severity }));
});
afterEach(() => setWarningSink(undefined));

const held = {
  instanceId: INSTANCE,
  orgId: ORG,
  name: "Acme",
  managedProperties: ["name"],
} as InstanceOrgOutputs;

function check(olds: Partial<InstanceOrgInputs>, news: Partial<InstanceOrgInputs>) {
  return provider.check!(olds as InstanceOrgInputs, news as InstanceOrgInputs);
}

describe("check", () => {
  it("notes that a new resource with orgId adopts that org and creates none", async () => {
    await check({}, { instanceId: INSTANCE, orgId: ORG });
    expect(told).toEqual([
      {
        severity: "info",
        message: expect.stringContaining(
          `adopts the existing org ${ORG} of instance ${INSTANCE}: no org is created (no POST)`,
        ),
      },
    ]);
  });

  it("names the org by its declared name too, when there is one", async () => {
    await check({}, { instanceId: INSTANCE, orgId: ORG, name: "Acme" });
    expect(told[0].message).toContain(`InstanceOrg "Acme" adopts the existing org ${ORG}`);
  });

  it("says nothing for a new resource without orgId", async () => {
    await check({}, { instanceId: INSTANCE, name: "Acme" });
    expect(told).toEqual([]);
  });

  it("says nothing for a resource already in the state", async () => {
    await check({ instanceId: INSTANCE, orgId: ORG }, { instanceId: INSTANCE, orgId: ORG });
    expect(told).toEqual([]);
  });

  it("says nothing while orgId is not known yet, or the inputs are invalid", async () => {
    await check({}, { instanceId: INSTANCE, orgId: UNKNOWN });
    await check({}, { instanceId: INSTANCE, orgId: ORG, name: "" });
    expect(told).toEqual([]);
  });
});

describe("diff", () => {
  it("warns that moving to another orgId deletes the org the resource holds", async () => {
    const result = await provider.diff!(ORG, held, { instanceId: INSTANCE, orgId: OTHER_ORG });
    expect(result.replaces).toEqual(["orgId"]);
    expect(told).toHaveLength(1);
    expect(told[0].severity).toBe("warning");
    expect(told[0].message).toContain(
      `orgId changes from ${ORG} to ${OTHER_ORG}: this replaces the resource, so Pulumi adopts ` +
        `${OTHER_ORG} and then DELETES org ${ORG} ("Acme") from Losant`,
    );
    expect(told[0].message).toContain("retainOnDelete");
  });

  it("does not warn when orgId names the org the resource holds", async () => {
    await provider.diff!(ORG, held, { instanceId: INSTANCE, orgId: ORG, name: "Acme" });
    expect(told).toEqual([]);
  });
});
