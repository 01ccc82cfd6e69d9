// Guards the totals beside the raw series: they must equal what a user would compute by hand
// for any series, empty ones and missing fields included.
import fc from "fast-check";
import { deviceTotals, notebookTotals, payloadTotals } from "../../../sdk";

const count = fc.nat({ max: 1_000_000 });
const date = fc.integer({ min: 0, max: 4_000_000_000_000 }).map((ms) => new Date(ms).toISOString());

const devicePoint = fc.record({ date, created: count, deleted: count, total: count });
const notebookPoint = fc.record({
  date,
  minutes: count,
  completed: count,
  canceled: count,
  errored: count,
  timeout: count,
});
const payloadPoint = fc.record({ date, value: count });

const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("deviceTotals", () => {
  it("has the last total as latest and the largest as peak", () => {
    fc.assert(
      fc.property(fc.array(devicePoint, { minLength: 1 }), (counts) => {
        const totals = deviceTotals(counts);
        expect(totals.latestTotal).toBe(counts[counts.length - 1].total);
        expect(totals.peakTotal).toBe(Math.max(...counts.map((p) => p.total)));
      }),
    );
  });

  it("sums created and deleted", () => {
    fc.assert(
      fc.property(fc.array(devicePoint), (counts) => {
        const totals = deviceTotals(counts);
        expect(totals.totalCreated).toBe(sumOf(counts.map((p) => p.created)));
        expect(totals.totalDeleted).toBe(sumOf(counts.map((p) => p.deleted)));
      }),
    );
  });

  it("is all zeros for an empty series", () => {
    expect(deviceTotals([])).toEqual({
      latestTotal: 0,
      peakTotal: 0,
      totalCreated: 0,
      totalDeleted: 0,
    });
  });

  it("takes the latest total from the newest point that has one", () => {
    expect(deviceTotals([{ total: 7 }, { created: 1 }]).latestTotal).toBe(7);
  });
});

describe("notebookTotals", () => {
  it("sums minutes and each outcome, and runs are their sum", () => {
    fc.assert(
      fc.property(fc.array(notebookPoint), (counts) => {
        const totals = notebookTotals(counts);
        expect(totals.totalMinutes).toBe(sumOf(counts.map((p) => p.minutes)));
        expect(totals.totalCompleted).toBe(sumOf(counts.map((p) => p.completed)));
        expect(totals.totalCanceled).toBe(sumOf(counts.map((p) => p.canceled)));
        expect(totals.totalErrored).toBe(sumOf(counts.map((p) => p.errored)));
        expect(totals.totalTimeout).toBe(sumOf(counts.map((p) => p.timeout)));
        expect(totals.totalRuns).toBe(
          totals.totalCompleted + totals.totalCanceled + totals.totalErrored + totals.totalTimeout,
        );
      }),
    );
  });

  it("counts a missing field as 0", () => {
    expect(notebookTotals([{ minutes: 3 }, { completed: 2 }])).toMatchObject({
      totalMinutes: 3,
      totalRuns: 2,
    });
  });
});

describe("payloadTotals", () => {
  it("sums the values", () => {
    fc.assert(
      fc.property(fc.array(payloadPoint), (counts) => {
        expect(payloadTotals(counts).total).toBe(sumOf(counts.map((p) => p.value)));
      }),
    );
  });

  it("takes the first bucket holding the largest value as peak", () => {
    fc.assert(
      fc.property(fc.array(payloadPoint, { minLength: 1 }), (counts) => {
        const max = Math.max(...counts.map((p) => p.value));
        expect(payloadTotals(counts).peak).toBe(counts.find((p) => p.value === max));
      }),
    );
  });

  it("has no peak for an empty series", () => {
    expect(payloadTotals([])).toEqual({ total: 0, peak: undefined });
  });
});
