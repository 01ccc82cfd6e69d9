/**
 * The usage endpoints: per-day (or per-hour) series over the asked range, deterministic
 * for an org, different between orgs, and consistent with the org summary.
 */
import {
  INVALID_QUERY_MESSAGE,
  MAX_USAGE_BUCKETS,
  START_AFTER_END_MESSAGE,
  TOO_MANY_BUCKETS_MESSAGE,
} from "../../simulator";
import type { ApiErrorBody } from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { api, expectError, type Answer, type UsageAnswer } from "./api";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Date.parse("2024-03-15T10:30:00.000Z");
const sim = useSimulator({ now: () => NOW });
const { call, createOrg, orgPath } = api(sim);

interface DevicePoint {
  created: number;
  deleted: number;
  total: number;
}
interface NotebookPoint {
  minutes: number;
  completed: number;
  canceled: number;
  errored: number;
  timeout: number;
}
interface PayloadPoint {
  value: number;
}

let orgId: string;
let otherOrgId: string;
beforeAll(async () => {
  orgId = (await createOrg({ name: "Usage" })).id;
  otherOrgId = (await createOrg({ name: "Other usage" })).id;
});

function usage<T = ApiErrorBody>(
  endpoint: string,
  query: Record<string, string | number | boolean> = {},
  id = orgId,
): Promise<Answer<T>> {
  return call<T>("GET", `${orgPath(id)}/${endpoint}`, { query });
}

const JAN_1 = Date.parse("2024-01-01T00:00:00.000Z");
const JAN_7 = Date.parse("2024-01-07T00:00:00.000Z");
const WEEK = { start: JAN_1, end: JAN_7 };

describe("deviceCounts", () => {
  it("answers one point per day over the range, with the range echoed", async () => {
    const { status, body } = await usage<UsageAnswer<DevicePoint>>("deviceCounts", WEEK);
    expect(status).toBe(200);
    expect(body.start).toBe("2024-01-01T00:00:00.000Z");
    expect(body.end).toBe("2024-01-07T00:00:00.000Z");
    expect(body.counts.map((p) => p.date)).toEqual(
      Array.from({ length: 7 }, (_, i) => new Date(JAN_1 + i * DAY).toISOString()),
    );
  });

  it("keeps each total equal to the previous total plus created minus deleted", async () => {
    const { body } = await usage<UsageAnswer<DevicePoint>>("deviceCounts", {
      start: JAN_1,
      end: JAN_1 + 60 * DAY,
    });
    for (let i = 1; i < body.counts.length; i++) {
      const [before, point] = [body.counts[i - 1], body.counts[i]];
      expect(point.total).toBe(before.total + point.created - point.deleted);
    }
  });

  it("answers the same series to the same request", async () => {
    const first = await usage<UsageAnswer<DevicePoint>>("deviceCounts", WEEK);
    const second = await usage<UsageAnswer<DevicePoint>>("deviceCounts", WEEK);
    expect(second.body).toEqual(first.body);
  });

  it("answers different series for different orgs", async () => {
    const mine = await usage<UsageAnswer<DevicePoint>>("deviceCounts", WEEK);
    const theirs = await usage<UsageAnswer<DevicePoint>>("deviceCounts", WEEK, otherOrgId);
    expect(theirs.body.counts).not.toEqual(mine.body.counts);
  });

  it("defaults to the 30 days before now", async () => {
    const { body } = await usage<UsageAnswer<DevicePoint>>("deviceCounts");
    expect(body.end).toBe(new Date(NOW).toISOString());
    expect(body.start).toBe(new Date(NOW - 30 * DAY).toISOString());
    expect(body.counts).toHaveLength(31);
  });

  it("treats end=0 as now", async () => {
    const { body } = await usage<UsageAnswer<DevicePoint>>("deviceCounts", { end: 0 });
    expect(body.end).toBe(new Date(NOW).toISOString());
  });

  it("ends on the device total the org summary reports", async () => {
    const { body } = await usage<UsageAnswer<DevicePoint>>("deviceCounts");
    const org = sim()
      .orgs()
      .find((o) => o.id === orgId);
    expect(org?.summary.deviceCount).toBe(body.counts[body.counts.length - 1].total);
  });
});

describe("notebookMinuteCounts", () => {
  it("answers per-day minutes and run outcomes", async () => {
    const { status, body } = await usage<UsageAnswer<NotebookPoint>>("notebookMinuteCounts", WEEK);
    expect(status).toBe(200);
    expect(body.counts).toHaveLength(7);
    for (const point of body.counts) {
      expect(Object.keys(point).sort()).toEqual([
        "canceled",
        "completed",
        "date",
        "errored",
        "minutes",
        "timeout",
      ]);
      const runs = point.completed + point.canceled + point.errored + point.timeout;
      expect(point.minutes >= runs).toBe(true);
    }
  });
});

describe("payloadCountsBreakdown", () => {
  const range = { start: JAN_1, end: JAN_1 + DAY - 1 };

  it("answers one point per day by default", async () => {
    const { body } = await usage<UsageAnswer<PayloadPoint>>("payloadCountsBreakdown", WEEK);
    expect(body.counts).toHaveLength(7);
  });

  it("answers one point per hour with resolution=3600000", async () => {
    const { body } = await usage<UsageAnswer<PayloadPoint>>("payloadCountsBreakdown", {
      ...range,
      resolution: HOUR,
    });
    expect(body.counts.map((p) => p.date)).toEqual(
      Array.from({ length: 24 }, (_, i) => new Date(JAN_1 + i * HOUR).toISOString()),
    );
  });

  it("makes a day's value the sum of its hours", async () => {
    const day = await usage<UsageAnswer<PayloadPoint>>("payloadCountsBreakdown", range);
    const hours = await usage<UsageAnswer<PayloadPoint>>("payloadCountsBreakdown", {
      ...range,
      resolution: HOUR,
    });
    const sum = hours.body.counts.reduce((total, p) => total + p.value, 0);
    expect(day.body.counts).toEqual([{ date: "2024-01-01T00:00:00.000Z", value: sum }]);
  });

  it("multiplies every count by the org's payload size with asBytes", async () => {
    const counts = (await usage<UsageAnswer<PayloadPoint>>("payloadCountsBreakdown", WEEK)).body
      .counts;
    const bytes = (
      await usage<UsageAnswer<PayloadPoint>>("payloadCountsBreakdown", { ...WEEK, asBytes: true })
    ).body.counts;
    const size = bytes[0].value / counts[0].value;
    expect(Number.isInteger(size)).toBe(true);
    expect(bytes.map((p) => p.value)).toEqual(counts.map((p) => p.value * size));
  });

  it("adds a non-billable share with includeNonBillable", async () => {
    const billable = (await usage<UsageAnswer<PayloadPoint>>("payloadCountsBreakdown", range)).body
      .counts[0];
    const all = (
      await usage<UsageAnswer<PayloadPoint>>("payloadCountsBreakdown", {
        ...range,
        includeNonBillable: true,
      })
    ).body.counts[0];
    expect(all.value).toBeGreaterThan(billable.value);
  });

  it.each([["7200000"], ["day"], ["0"]])("refuses resolution=%s", async (resolution) => {
    const answer = await usage("payloadCountsBreakdown", { resolution });
    expectError(
      answer,
      400,
      "Validation",
      INVALID_QUERY_MESSAGE("resolution", "86400000 or 3600000"),
    );
  });

  it("refuses a flag that is not true or false", async () => {
    const answer = await usage("payloadCountsBreakdown", { asBytes: "yes" });
    expect(answer.body.message).toBe(INVALID_QUERY_MESSAGE("asBytes", "true or false"));
  });
});

describe("range checks of every usage endpoint", () => {
  const endpoints = ["deviceCounts", "notebookMinuteCounts", "payloadCountsBreakdown"];

  it.each(endpoints)("%s refuses a start after the end", async (endpoint) => {
    const answer = await usage(endpoint, { start: JAN_7, end: JAN_1 });
    expectError(answer, 400, "Validation", START_AFTER_END_MESSAGE);
  });

  it.each(endpoints)("%s refuses a non-numeric start", async (endpoint) => {
    const answer = await usage(endpoint, { start: "yesterday" });
    expect(answer.body.message).toBe(INVALID_QUERY_MESSAGE("start", "an integer >= 0"));
  });

  it("refuses a range of more buckets than the limit, naming the limit", async () => {
    const start = NOW - (MAX_USAGE_BUCKETS + 10) * HOUR;
    const answer = await usage("payloadCountsBreakdown", { start, end: NOW, resolution: HOUR });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe(
      TOO_MANY_BUCKETS_MESSAGE(MAX_USAGE_BUCKETS + 11, MAX_USAGE_BUCKETS),
    );
  });

  it("answers start=0 at day resolution, the documented example", async () => {
    expect((await usage("deviceCounts", { start: 0 })).status).toBe(200);
  });
});
