// Guards the conversions between what a program passes and what the API takes: Dates and
// milliseconds, resolution names, and the default window, which must be the documented one.
import * as pulumi from "@pulumi/pulumi";
import {
  DAY_MS,
  DEFAULT_WINDOW_MS,
  getPayloadCountsBreakdown,
  getPayloadCountsBreakdownOutput,
  HOUR_MS,
} from "../../../sdk";
import {
  dateToMillis,
  resolutionName,
  resolveWindow,
  toMillis,
  toResolutionMs,
} from "../../../sdk/usage/time";
import { INSTANCE_ID, ORG_ID, recordingFetch } from "./recordingFetch";

const org = { instanceId: INSTANCE_ID, orgId: ORG_ID };
const T = Date.parse("2025-03-01T12:00:00.000Z");

describe("toMillis", () => {
  it("turns a Date into its milliseconds", () => {
    expect(toMillis("f", "start", new Date(T))).toBe(T);
  });

  it("keeps milliseconds as they are", () => {
    expect(toMillis("f", "start", T)).toBe(T);
  });

  it("leaves an absent value absent", () => {
    expect(toMillis("f", "start", undefined)).toBeUndefined();
  });

  it("refuses a string date", () => {
    expect(() => toMillis("f", "end", "2025-03-01")).toThrow(/argument "end"/);
  });
});

describe("toResolutionMs", () => {
  it.each([
    [undefined, DAY_MS],
    ["day", DAY_MS],
    [DAY_MS, DAY_MS],
    ["hour", HOUR_MS],
    [HOUR_MS, HOUR_MS],
  ])("maps %p to %p", (given, expected) => {
    expect(toResolutionMs("f", given)).toBe(expected);
  });

  it("names the resolution back", () => {
    expect([resolutionName(DAY_MS), resolutionName(HOUR_MS)]).toEqual(["day", "hour"]);
  });
});

describe("resolveWindow", () => {
  it("defaults end to now and start to 30 days before it", () => {
    expect(resolveWindow("f", {}, T)).toEqual({ start: T - 30 * DAY_MS, end: T });
    expect(DEFAULT_WINDOW_MS).toBe(30 * DAY_MS);
  });

  it("defaults start to 30 days before a given end", () => {
    expect(resolveWindow("f", { end: T - DAY_MS }, T).start).toBe(T - 31 * DAY_MS);
  });

  it("never defaults start before the epoch", () => {
    expect(resolveWindow("f", { end: DAY_MS }, T)).toEqual({ start: 0, end: DAY_MS });
  });

  it("accepts start equal to end", () => {
    expect(resolveWindow("f", { start: T, end: T }, 0)).toEqual({ start: T, end: T });
  });
});

describe("dateToMillis", () => {
  it("turns a Date into milliseconds and leaves other values alone", () => {
    expect([dateToMillis(new Date(T)), dateToMillis(5), dateToMillis(undefined)]).toEqual([
      T,
      5,
      undefined,
    ]);
  });
});

describe("query sent for payloads", () => {
  it("sends start and end in milliseconds and the resolution in milliseconds", async () => {
    const recording = recordingFetch();
    await getPayloadCountsBreakdown(
      { ...org, start: new Date(T - DAY_MS), end: T, resolution: "hour", asBytes: true },
      recording.options,
    );
    expect(Object.fromEntries(recording.urls[0].searchParams)).toEqual({
      start: String(T - DAY_MS),
      end: String(T),
      resolution: String(HOUR_MS),
      asBytes: "true",
      includeNonBillable: "false",
    });
  });

  it("the Output form passes a Date given in an Output through as milliseconds", async () => {
    // pulumi.output() would turn a Date into {}: the Output form must convert it first.
    const recording = recordingFetch();
    const start = pulumi.output(0).apply(() => new Date(T - DAY_MS));
    const result = getPayloadCountsBreakdownOutput(
      { ...org, start, end: new Date(T) },
      recording.options,
    );
    await new Promise((resolve) => result.apply(resolve));
    expect(recording.urls[0].searchParams.get("start")).toBe(String(T - DAY_MS));
    expect(recording.urls[0].searchParams.get("end")).toBe(String(T));
  });
});
