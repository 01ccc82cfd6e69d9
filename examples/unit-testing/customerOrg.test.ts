import { customerOrg, type Tier } from "./customerOrg";
import { recordResources, valueOf } from "./mocks";

const INSTANCE_ID = "5f4e3d2c1b0a998877665544";
const declared = recordResources();

/** Declares one customer's org and waits until the mocked engine has registered it. */
async function declare(tier: Tier) {
  const org = customerOrg(INSTANCE_ID, {
    customer: "acme",
    displayName: "Acme Manufacturing",
    tier,
  });
  await valueOf(org.id);
  expect(declared).toHaveLength(1);
  return { org, inputs: declared[0].inputs };
}

describe("a customer org", () => {
  it("is one InstanceOrg, type pulumi-nodejs:dynamic/losant:InstanceOrg", async () => {
    await declare("silver");
    expect(declared.map((resource) => resource.type)).toEqual([
      "pulumi-nodejs:dynamic/losant:InstanceOrg",
    ]);
  });

  it("is named after the customer in Pulumi, and by its display name in Losant", async () => {
    const { inputs } = await declare("silver");
    expect(declared[0].name).toBe("acme");
    expect(inputs.name).toBe("Acme Manufacturing");
  });

  it("belongs to the instance it is given", async () => {
    const { inputs } = await declare("silver");
    expect(inputs.instanceId).toBe(INSTANCE_ID);
  });

  it("gets the device and member limits of a silver customer", async () => {
    const { inputs } = await declare("silver");
    expect(inputs.limits).toEqual({ device: 100, member: 10 });
  });

  it("gets the device and member limits of a gold customer", async () => {
    const { org } = await declare("gold");
    expect(await valueOf(org.limits)).toEqual({ device: 1000, member: 50 });
  });

  it("is tagged with its customer and tier, for billing", async () => {
    const { inputs } = await declare("gold");
    expect(inputs.tags).toEqual([
      { key: "customer", value: "acme" },
      { key: "tier", value: "gold" },
    ]);
  });

  it("requires MFA of every member of a gold org", async () => {
    const { inputs } = await declare("gold");
    expect(inputs.mfaMode).toBe("required");
  });

  it("requires MFA only of the admins of a silver org", async () => {
    const { inputs } = await declare("silver");
    expect(inputs.mfaMode).toBe("adminRequired");
  });

  it("leaves the banner alone: a field it does not declare is not managed", async () => {
    const { inputs } = await declare("gold");
    expect(inputs).not.toHaveProperty("banner");
  });
});
