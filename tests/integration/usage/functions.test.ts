// Every usage function in both forms against the simulator: the Promise form returns the
// series and its totals, and the Output form resolves to exactly the same value.
import {
  DAY_MS,
  getDeviceCounts,
  getDeviceCountsOutput,
  getInstanceOrg,
  getInstanceOrgOutput,
  getNotebookMinuteCounts,
  getNotebookMinuteCountsOutput,
  getPayloadCountsBreakdown,
  getPayloadCountsBreakdownOutput,
  isLosantApiError,
  isLosantArgumentError,
} from "../../../sdk";
import {
  failureOf,
  GET_ORG_ROUTE,
  RECENT_HOURLY_END,
  usageRoute,
  useUsageFixture,
  valueOf,
} from "./usageSimulator";

const fixture = useUsageFixture();
// A fixed, closed range: the simulator's series are deterministic, so both forms must agree.
const END = Date.UTC(2025, 2, 1);
const START = END - 7 * DAY_MS;

describe("getInstanceOrg", () => {
  it("returns the org without hypermedia fields, with the summary fields asked for", async () => {
    const { org, admin } = fixture();
    const result = await getInstanceOrg({ ...org, summaryInclude: ["deviceCount"] }, admin);
    expect(result).toMatchObject({ id: org.orgId, name: "Usage Org" });
    expect(result).not.toHaveProperty("_links");
    expect(result).not.toHaveProperty("_type");
    expect(result.summary).toHaveProperty("deviceCount");
  });

  it("computes only the summary fields asked for", async () => {
    const { org, admin } = fixture();
    const result = await getInstanceOrg({ ...org, summaryInclude: ["appCount"] }, admin);
    expect(Object.keys(result.summary ?? {})).toEqual(["appCount"]);
  });

  it("sends one GET of the org", async () => {
    const { org, admin, sim } = fixture();
    await getInstanceOrg(org, admin);
    expect(sim.requests.entries.map((entry) => entry.route)).toEqual([GET_ORG_ROUTE]);
  });

  it("fails with a 404 LosantApiError for an org that does not exist", async () => {
    const { org, admin } = fixture();
    const error: unknown = await getInstanceOrg(
      { ...org, orgId: "0123456789abcdef01234567" },
      admin,
    ).catch((err: unknown) => err);
    expect(isLosantApiError(error) && error.status).toBe(404);
  });

  it("the Output form resolves to the same org as the Promise form", async () => {
    const { org, admin } = fixture();
    const args = { ...org, summaryInclude: ["deviceCount" as const] };
    const [plain, output] = [
      await getInstanceOrg(args, admin),
      await valueOf(getInstanceOrgOutput(args, admin)),
    ];
    expect(output).toEqual(plain);
  });
});

describe("getDeviceCounts", () => {
  it("returns one point per day with totals that match the points", async () => {
    const { org, admin } = fixture();
    const result = await getDeviceCounts({ ...org, start: new Date(START), end: END }, admin);
    expect(result.counts).toHaveLength(8);
    expect(result).toMatchObject({
      ...org,
      resolution: "day",
      start: new Date(START).toISOString(),
    });
    expect(result.latestTotal).toBe(result.counts[result.counts.length - 1].total);
    expect(result.peakTotal).toBe(Math.max(...result.counts.map((p) => p.total ?? 0)));
    expect(result.totalCreated).toBe(result.counts.reduce((s, p) => s + (p.created ?? 0), 0));
  });

  it("reads the last 30 days when no range is given", async () => {
    const { org, admin } = fixture();
    const result = await getDeviceCounts(org, admin);
    expect(Date.parse(result.end) - Date.parse(result.start)).toBe(30 * DAY_MS);
  });

  it("the Output form resolves to the same value as the Promise form", async () => {
    const { org, admin } = fixture();
    const args = { ...org, start: START, end: END };
    expect(await valueOf(getDeviceCountsOutput(args, admin))).toEqual(
      await getDeviceCounts(args, admin),
    );
  });
});

describe("getNotebookMinuteCounts", () => {
  it("returns daily points with the sums of minutes and runs", async () => {
    const { org, admin } = fixture();
    const result = await getNotebookMinuteCounts({ ...org, start: START, end: END }, admin);
    expect(result.counts).toHaveLength(8);
    expect(result.totalMinutes).toBe(result.counts.reduce((s, p) => s + (p.minutes ?? 0), 0));
    expect(result.totalRuns).toBe(
      result.totalCompleted + result.totalCanceled + result.totalErrored + result.totalTimeout,
    );
  });

  it("the Output form resolves to the same value as the Promise form", async () => {
    const { org, admin } = fixture();
    const args = { ...org, start: new Date(START), end: new Date(END) };
    expect(await valueOf(getNotebookMinuteCountsOutput(args, admin))).toEqual(
      await getNotebookMinuteCounts(args, admin),
    );
  });
});

describe("getPayloadCountsBreakdown", () => {
  it("returns daily points by default with their sum and peak", async () => {
    const { org, admin } = fixture();
    const result = await getPayloadCountsBreakdown({ ...org, start: START, end: END }, admin);
    expect(result).toMatchObject({ resolution: "day", asBytes: false, includeNonBillable: false });
    expect(result.total).toBe(result.counts.reduce((s, p) => s + (p.value ?? 0), 0));
    expect(result.peak?.value).toBe(Math.max(...result.counts.map((p) => p.value ?? 0)));
  });

  it("counts more with includeNonBillable and bytes with asBytes", async () => {
    const { org, admin } = fixture();
    const range = { ...org, start: START, end: END };
    const billable = await getPayloadCountsBreakdown(range, admin);
    const all = await getPayloadCountsBreakdown({ ...range, includeNonBillable: true }, admin);
    const bytes = await getPayloadCountsBreakdown({ ...range, asBytes: true }, admin);
    expect(all.total).toBeGreaterThan(billable.total);
    expect(bytes.total).toBeGreaterThan(billable.total);
    expect(bytes.asBytes).toBe(true);
  });

  it("the Output form resolves to the same value as the Promise form", async () => {
    const { org, admin } = fixture();
    const end = RECENT_HOURLY_END;
    const args = { ...org, start: end - 7 * DAY_MS, end, resolution: "hour" as const };
    expect(await valueOf(getPayloadCountsBreakdownOutput(args, admin))).toEqual(
      await getPayloadCountsBreakdown(args, admin),
    );
  });

  it("the Output form fails with the argument error and sends nothing", async () => {
    const { org, admin, sim } = fixture();
    const output = getPayloadCountsBreakdownOutput({ ...org, resolution: "week" as never }, admin);
    const error = await failureOf(output);
    expect(isLosantArgumentError(error) && error.argument).toBe("resolution");
    expect(sim.requests.count({ route: usageRoute("payloadCountsBreakdown") })).toBe(0);
  });
});
