import program from "./index";
import { recordResources, setStackConfig, valueOf } from "./mocks";

const declared = recordResources();

const CONFIG = {
  instanceId: "5f4e3d2c1b0a998877665544",
  customer: "acme",
  displayName: "Acme Manufacturing",
  tier: "gold",
};

describe("the program", () => {
  it("declares the org of the customer in stack config", async () => {
    setStackConfig(CONFIG);
    const outputs = await program();
    await valueOf(outputs.orgId);
    expect(declared.map(({ name, inputs }) => [name, inputs.name, inputs.tags])).toEqual([
      [
        "acme",
        "Acme Manufacturing",
        [
          { key: "customer", value: "acme" },
          { key: "tier", value: "gold" },
        ],
      ],
    ]);
  });

  it("exports the org's ID and name", async () => {
    setStackConfig(CONFIG);
    const outputs = await program();
    expect(await valueOf(outputs.orgId)).toBe("acme-id");
    expect(await valueOf(outputs.orgName)).toBe("Acme Manufacturing");
  });

  it("makes a silver org when the stack config names no tier", async () => {
    const { tier: _tier, ...withoutTier } = CONFIG;
    setStackConfig(withoutTier);
    const outputs = await program();
    await valueOf(outputs.orgId);
    expect(declared[0].inputs.limits).toEqual({ device: 100, member: 10 });
  });

  it("fails without an instanceId, naming the config key, and declares nothing", async () => {
    const { instanceId: _instanceId, ...withoutInstance } = CONFIG;
    setStackConfig(withoutInstance);
    await expect(program()).rejects.toThrow("losant-unit-testing:instanceId");
    expect(declared).toEqual([]);
  });

  it("refuses a tier it does not know, naming the ones it does", async () => {
    setStackConfig({ ...CONFIG, tier: "platinum" });
    await expect(program()).rejects.toThrow(
      'losant-unit-testing:tier is "platinum"; use one of: silver, gold',
    );
    expect(declared).toEqual([]);
  });
});
