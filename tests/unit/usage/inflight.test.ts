// Guards the in-flight sharing: identical concurrent calls share one request, different ones
// do not, and an entry goes when its request settles so later calls fetch fresh data.
import { getDeviceCounts, getPayloadCountsBreakdown } from "../../../sdk";
import { inFlightCount, shareInFlight } from "../../../sdk/usage/inflight";
import { INSTANCE_ID, ORG_ID, recordingFetch } from "./recordingFetch";

const org = { instanceId: INSTANCE_ID, orgId: ORG_ID };

describe("shareInFlight", () => {
  it("runs a request once for callers that overlap", async () => {
    let runs = 0;
    let finish: (value: number) => void = () => undefined;
    const start = () => {
      runs++;
      return new Promise<number>((resolve) => (finish = resolve));
    };
    const first = shareInFlight("k", start);
    const second = shareInFlight("k", start);
    await Promise.resolve();
    finish(42);
    expect(await Promise.all([first, second])).toEqual([42, 42]);
    expect(runs).toBe(1);
  });

  it("forgets a request once it has succeeded", async () => {
    await shareInFlight("ok", async () => 1);
    expect(inFlightCount()).toBe(0);
  });

  it("forgets a request once it has failed, so the next call tries again", async () => {
    await expect(
      shareInFlight("fail", async () => Promise.reject(new Error("boom"))),
    ).rejects.toThrow("boom");
    expect(inFlightCount()).toBe(0);
    expect(await shareInFlight("fail", async () => 2)).toBe(2);
  });
});

describe("usage calls in flight", () => {
  it("share one request between identical concurrent calls", async () => {
    const recording = recordingFetch({ counts: [{ total: 3 }] }, true);
    const calls = [
      getDeviceCounts(org, recording.options),
      getDeviceCounts(org, recording.options),
    ];
    await new Promise((resolve) => setImmediate(resolve));
    recording.release();
    const [a, b] = await Promise.all(calls);
    expect(recording.urls).toHaveLength(1);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });

  it("send separate requests for calls that differ in an argument", async () => {
    const recording = recordingFetch({ counts: [] }, true);
    const calls = [
      getPayloadCountsBreakdown({ ...org, resolution: "day" }, recording.options),
      getPayloadCountsBreakdown({ ...org, resolution: "hour" }, recording.options),
    ];
    await new Promise((resolve) => setImmediate(resolve));
    recording.release();
    await Promise.all(calls);
    expect(recording.urls).toHaveLength(2);
  });

  it("send a new request for a call made after the first one settled", async () => {
    const recording = recordingFetch();
    await getDeviceCounts(org, recording.options);
    await getDeviceCounts(org, recording.options);
    expect(recording.urls).toHaveLength(2);
  });
});
