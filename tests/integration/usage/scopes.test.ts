// Guards the 403 path: a token without the scope of the call must fail with an error that
// names the scopes it needs, and never the token itself.
// @profile-independent: the 403 path is the same under every profile; runs under the default profile only.
import {
  getDeviceCounts,
  getDeviceCountsOutput,
  isLosantApiError,
  getInstanceOrg,
} from "../../../sdk";
import { failureOf, useUsageFixture } from "./usageSimulator";

const fixture = useUsageFixture();

describe("a token without instanceOrg.deviceCounts", () => {
  it("gets a 403 that names the scopes the call needs", async () => {
    const { org, sim, admin } = fixture();
    const token = sim.addToken(["instanceOrg.get"]);
    const error: unknown = await getDeviceCounts(org, { ...admin, apiToken: token }).catch(
      (err: unknown) => err,
    );
    expect(isLosantApiError(error) && error.status).toBe(403);
    const message = (error as Error).message;
    expect(message).toContain("instanceOrg.deviceCounts");
    expect(message).toContain("all.Instance.read");
    expect(message).toContain("instanceOrg.*");
    expect(message).not.toContain(token);
  });

  it("fails the Output form with the same 403", async () => {
    const { org, sim, admin } = fixture();
    const token = sim.addToken(["instanceOrg.get"]);
    const error = await failureOf(getDeviceCountsOutput(org, { ...admin, apiToken: token }));
    expect(isLosantApiError(error) && error.status).toBe(403);
  });

  it("still reads the org, which its scope allows", async () => {
    const { org, sim, admin } = fixture();
    const token = sim.addToken(["instanceOrg.get"]);
    await expect(getInstanceOrg(org, { ...admin, apiToken: token })).resolves.toMatchObject({
      id: org.orgId,
    });
  });
});

describe("a read-only token", () => {
  it("reads device counts", async () => {
    const { org, sim, admin } = fixture();
    const result = await getDeviceCounts(org, { ...admin, apiToken: sim.tokens.readOnly });
    expect(result.counts.length).toBeGreaterThan(0);
  });
});
