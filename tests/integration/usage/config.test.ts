// Guards where a usage call finds its connection inside a program: the token from secret
// stack config (plain results, since usage numbers are not secret), and
// the environment when stack config is empty.
// @profile-independent: where a call finds its connection does not depend on the server's answers; runs under the default profile only.
import * as pulumi from "@pulumi/pulumi";
import { getDeviceCounts, getDeviceCountsOutput } from "../../../sdk";
import { useUsageFixture, valueOf } from "./usageSimulator";

const fixture = useUsageFixture();
const savedEnv = { ...process.env };

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: () => ({}) },
    "usage-config",
    "test",
    false,
  );
});

afterEach(() => {
  pulumi.runtime.setAllConfig({});
  process.env = { ...savedEnv };
  jest.restoreAllMocks();
});

describe("inside a program", () => {
  it("reads the token and URL from stack config, the token set as a secret", async () => {
    const { sim, org } = fixture();
    pulumi.runtime.setAllConfig({ "losant:apiToken": sim.tokens.admin, "losant:apiUrl": sim.url }, [
      "losant:apiToken",
    ]);
    const warn = jest.spyOn(pulumi.log, "warn");
    const result = await getDeviceCounts(org);
    expect(result.orgId).toBe(org.orgId);
    // Config.get's "value is a secret" warning is disabled in SDK 3.248 (pulumi/pulumi#7127),
    // so this only guards SDKs that turn it back on.
    expect(warn).not.toHaveBeenCalled();
  });

  it("returns plain, not secret, results when the token came from secret config", async () => {
    const { sim, org } = fixture();
    pulumi.runtime.setAllConfig({ "losant:apiToken": sim.tokens.admin, "losant:apiUrl": sim.url }, [
      "losant:apiToken",
    ]);
    const output = getDeviceCountsOutput(org);
    await valueOf(output);
    expect(await pulumi.isSecret(output)).toBe(false);
  });

  it("falls back to LOSANT_API_TOKEN and LOSANT_API_URL when stack config is empty", async () => {
    const { sim, org } = fixture();
    process.env.LOSANT_API_TOKEN = sim.tokens.readOnly;
    process.env.LOSANT_API_URL = sim.url;
    await expect(getDeviceCounts(org)).resolves.toMatchObject({ orgId: org.orgId });
  });

  it("keeps the token out of the result", async () => {
    const { sim, org } = fixture();
    process.env.LOSANT_API_TOKEN = sim.tokens.admin;
    process.env.LOSANT_API_URL = sim.url;
    const result = await valueOf(getDeviceCountsOutput(org));
    expect(JSON.stringify(result)).not.toContain(sim.tokens.admin);
  });
});
