// Guards in-flight sharing over real HTTP: identical concurrent calls in one program make one
// request (the simulator's log proves it), and calls made later fetch fresh data.
// @profile-independent: request sharing happens before any answer; runs under the default profile only.
import {
  getDeviceCounts,
  getDeviceCountsOutput,
  getInstanceOrg,
  getNotebookMinuteCounts,
  getPayloadCountsBreakdown,
} from "../../../sdk";
import { GET_ORG_ROUTE, usageRoute, useUsageFixture, valueOf } from "./usageSimulator";

const fixture = useUsageFixture();

describe("identical concurrent calls", () => {
  it("make one deviceCounts request, Promise and Output forms alike", async () => {
    const { org, admin, sim } = fixture();
    const results = await Promise.all([
      getDeviceCounts(org, admin),
      getDeviceCounts({ ...org }, admin),
      valueOf(getDeviceCountsOutput(org, admin)),
    ]);
    expect(sim.requests.count({ route: usageRoute("deviceCounts") })).toBe(1);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it("make one request for the org, whatever the order of summaryInclude", async () => {
    const { org, admin, sim } = fixture();
    await Promise.all([
      getInstanceOrg({ ...org, summaryInclude: ["deviceCount", "appCount"] }, admin),
      getInstanceOrg({ ...org, summaryInclude: ["appCount", "deviceCount"] }, admin),
    ]);
    expect(sim.requests.count({ route: GET_ORG_ROUTE })).toBe(1);
  });

  it("with a Date and the same milliseconds make one request", async () => {
    const { org, admin, sim } = fixture();
    const start = Date.UTC(2025, 0, 1);
    await Promise.all([
      getNotebookMinuteCounts({ ...org, start }, admin),
      getNotebookMinuteCounts({ ...org, start: new Date(start) }, admin),
    ]);
    expect(sim.requests.count({ route: usageRoute("notebookMinuteCounts") })).toBe(1);
  });
});

describe("calls that are not identical", () => {
  it("make one request each when an argument differs", async () => {
    const { org, admin, sim } = fixture();
    await Promise.all([
      getPayloadCountsBreakdown(org, admin),
      getPayloadCountsBreakdown({ ...org, asBytes: true }, admin),
    ]);
    expect(sim.requests.count({ route: usageRoute("payloadCountsBreakdown") })).toBe(2);
  });

  it("make one request each when the token differs", async () => {
    const { org, admin, sim } = fixture();
    await Promise.all([
      getDeviceCounts(org, admin),
      getDeviceCounts(org, { ...admin, apiToken: sim.tokens.readOnly }),
    ]);
    expect(sim.requests.count({ route: usageRoute("deviceCounts") })).toBe(2);
  });

  it("make one request each when made one after the other", async () => {
    const { org, admin, sim } = fixture();
    await getDeviceCounts(org, admin);
    await getDeviceCounts(org, admin);
    expect(sim.requests.count({ route: usageRoute("deviceCounts") })).toBe(2);
  });
});
