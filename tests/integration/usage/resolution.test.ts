// Guards the payload resolution: "hour" must return hourly points and "day" daily ones,
// whichever way the program names them, so a report never mislabels its buckets.
import { DAY_MS, getPayloadCountsBreakdown, HOUR_MS, type Resolution } from "../../../sdk";
import { RECENT_HOURLY_END, useUsageFixture } from "./usageSimulator";

const fixture = useUsageFixture();
// Hourly data is only kept (by some servers) for 90 days: a recent range reads under each.
const END = RECENT_HOURLY_END + 12 * HOUR_MS;
const START = END - DAY_MS;

/** Gaps between consecutive points, in milliseconds. */
function steps(counts: { date?: string }[]): number[] {
  return counts.slice(1).map((point, i) => Date.parse(point.date!) - Date.parse(counts[i].date!));
}

describe("payload resolution", () => {
  it.each<[Resolution]>([["hour"], [HOUR_MS]])("%p returns hourly points", async (resolution) => {
    const { org, admin } = fixture();
    const result = await getPayloadCountsBreakdown(
      { ...org, start: START, end: END, resolution },
      admin,
    );
    expect(result.resolution).toBe("hour");
    expect(result.counts.length).toBeGreaterThanOrEqual(24);
    expect(new Set(steps(result.counts))).toEqual(new Set([HOUR_MS]));
  });

  it.each<[Resolution]>([["day"], [DAY_MS]])("%p returns daily points", async (resolution) => {
    const { org, admin } = fixture();
    const result = await getPayloadCountsBreakdown(
      { ...org, start: END - 7 * DAY_MS, end: END, resolution },
      admin,
    );
    expect(result.resolution).toBe("day");
    expect(new Set(steps(result.counts))).toEqual(new Set([DAY_MS]));
  });

  it("an hourly series adds up to the daily one over the same whole days", async () => {
    const { org, admin } = fixture();
    const range = { ...org, start: RECENT_HOURLY_END - 2 * DAY_MS, end: RECENT_HOURLY_END - 1 };
    const hourly = await getPayloadCountsBreakdown({ ...range, resolution: "hour" }, admin);
    const daily = await getPayloadCountsBreakdown({ ...range, resolution: "day" }, admin);
    expect(hourly.total).toBe(daily.total);
  });
});
