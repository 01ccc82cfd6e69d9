// Guards argument validation: a bad argument must fail before any request, with an error
// that names the argument and the rule, so a typo never turns into a confusing API answer.
import {
  getDeviceCounts,
  getInstanceOrg,
  getNotebookMinuteCounts,
  getPayloadCountsBreakdown,
  isLosantArgumentError,
  LosantArgumentError,
} from "../../../sdk";
import { INSTANCE_ID, ORG_ID, recordingFetch } from "./recordingFetch";

const org = { instanceId: INSTANCE_ID, orgId: ORG_ID };
const DAY = 86_400_000;

/** Calls `call` with a recording transport; returns its error and the requests sent. */
async function refusal(
  call: (opts: ReturnType<typeof recordingFetch>["options"]) => Promise<unknown>,
): Promise<{ error: LosantArgumentError; sent: number }> {
  const recording = recordingFetch();
  const error: unknown = await call(recording.options).then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isLosantArgumentError(error))
    throw new Error(`expected a LosantArgumentError, got ${String(error)}`);
  return { error, sent: recording.urls.length };
}

describe("usage argument validation", () => {
  it("refuses an orgId that is not 24 hex characters, naming orgId and the rule", async () => {
    const { error, sent } = await refusal((o) => getDeviceCounts({ ...org, orgId: "abc" }, o));
    expect(sent).toBe(0);
    expect(error.argument).toBe("orgId");
    expect(error.rule).toMatch(/24 hexadecimal characters/);
    expect(error.message).toMatch(/getDeviceCounts: argument "orgId" .*24 hexadecimal.*"abc"/);
  });

  it("refuses an instanceId that is not 24 hex characters", async () => {
    const bad = "5f0c8a1b2c3d4e5f6071829Z";
    const { error } = await refusal((o) => getInstanceOrg({ ...org, instanceId: bad }, o));
    expect(error.argument).toBe("instanceId");
  });

  it("refuses a start after end, naming start", async () => {
    const { error, sent } = await refusal((o) =>
      getNotebookMinuteCounts({ ...org, start: 10 * DAY, end: 2 * DAY }, o),
    );
    expect(sent).toBe(0);
    expect(error.argument).toBe("start");
    expect(error.rule).toMatch(/must not be after end/);
  });

  it("refuses a start in the future when end defaults to now", async () => {
    const { error } = await refusal((o) =>
      getDeviceCounts({ ...org, start: Date.now() + 365 * DAY }, o),
    );
    expect(error.argument).toBe("start");
  });

  it("refuses a resolution the API refuses, naming resolution and the accepted values", async () => {
    const { error, sent } = await refusal((o) =>
      getPayloadCountsBreakdown({ ...org, resolution: 60_000 as never }, o),
    );
    expect(sent).toBe(0);
    expect(error.argument).toBe("resolution");
    expect(error.rule).toMatch(/"day" or "hour".*86400000.*3600000/);
  });

  it("refuses a resolution name other than day or hour", async () => {
    const { error } = await refusal((o) =>
      getPayloadCountsBreakdown({ ...org, resolution: "minute" as never }, o),
    );
    expect(error.argument).toBe("resolution");
  });

  it("refuses an invalid Date, naming the argument", async () => {
    const { error } = await refusal((o) => getDeviceCounts({ ...org, end: new Date("nope") }, o));
    expect(error.argument).toBe("end");
    expect(error.message).toMatch(/Invalid Date/);
  });

  it("refuses a negative number of milliseconds", async () => {
    const { error } = await refusal((o) => getDeviceCounts({ ...org, start: -1 }, o));
    expect(error.argument).toBe("start");
    expect(error.rule).toMatch(/not negative/);
  });

  it("refuses a fractional number of milliseconds", async () => {
    const { error } = await refusal((o) => getDeviceCounts({ ...org, start: 1.5 }, o));
    expect(error.argument).toBe("start");
  });

  it("refuses an end of 0, which the API would read as now", async () => {
    const { error } = await refusal((o) => getDeviceCounts({ ...org, start: 0, end: 0 }, o));
    expect(error.argument).toBe("end");
  });

  it("refuses a non-boolean asBytes", async () => {
    const { error } = await refusal((o) =>
      getPayloadCountsBreakdown({ ...org, asBytes: "yes" as never }, o),
    );
    expect(error.argument).toBe("asBytes");
  });

  it("refuses a non-boolean includeNonBillable", async () => {
    const { error } = await refusal((o) =>
      getPayloadCountsBreakdown({ ...org, includeNonBillable: 1 as never }, o),
    );
    expect(error.argument).toBe("includeNonBillable");
  });

  it("refuses a summaryInclude field the org summary lacks, naming its index", async () => {
    const { error } = await refusal((o) =>
      getInstanceOrg({ ...org, summaryInclude: ["deviceCount", "bogus" as never] }, o),
    );
    expect(error.argument).toBe("summaryInclude[1]");
  });

  it("refuses an argument the function does not take", async () => {
    const { error } = await refusal((o) =>
      getPayloadCountsBreakdown({ ...org, resolutoin: "hour" } as never, o),
    );
    expect(error.argument).toBe("resolutoin");
    expect(error.rule).toMatch(/is not an argument of getPayloadCountsBreakdown/);
  });

  it("refuses arguments that are not an object", async () => {
    const { error } = await refusal((o) => getDeviceCounts(null as never, o));
    expect(error.argument).toBe("args");
  });

  it("validates before settling the connection: a bad argument wins over a missing token", async () => {
    await expect(getDeviceCounts({ ...org, orgId: "x" }, { apiToken: "" })).rejects.toThrow(
      LosantArgumentError,
    );
  });
});
