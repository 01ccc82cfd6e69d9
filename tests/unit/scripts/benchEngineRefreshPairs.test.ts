// The engine benchmark's refresh pairs: how many it runs, and how it sums them up. The timings
// themselves are printed by `npm run bench:engine`, never asserted.
import { parseOptions } from "../../../scripts/bench-engine/options";
import {
  median,
  medianInterval,
  refreshPairsReport,
} from "../../../scripts/bench-engine/refreshPairs";

describe("npm run bench:engine -- --refresh-pairs", () => {
  it("runs 6 pairs when the option is absent", () => {
    expect(parseOptions([]).refreshPairs).toBe(6);
  });

  it("accepts 0, which runs no pair", () => {
    expect(parseOptions(["--refresh-pairs", "0"]).refreshPairs).toBe(0);
  });

  it("refuses a negative or fractional count, naming the option", () => {
    expect(() => parseOptions(["--refresh-pairs=-1"])).toThrow(
      /--refresh-pairs must be a non-negative integer, not "-1"/,
    );
    expect(() => parseOptions(["--refresh-pairs", "1.5"])).toThrow(/--refresh-pairs/);
  });
});

describe("the refresh pairs' report", () => {
  it("takes the middle value of an odd count and the mean of the middle two of an even one", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("gives each pair's ratio and the median ratio with its range", () => {
    const report = refreshPairsReport(
      [
        { orgsSeconds: 5.5, noopSeconds: 5, orgsRequests: 4, first: "orgs" },
        { orgsSeconds: 4, noopSeconds: 4, orgsRequests: 3, first: "noop" },
        { orgsSeconds: 6, noopSeconds: 5, orgsRequests: 4, first: "orgs" },
      ],
      1000,
    );
    expect(report).toContain("| 1 | orgs | 5.00 | 5.50 | 1.10x | 4 |");
    expect(report).toContain("| 2 | no-op | 4.00 | 4.00 | 1.00x | 3 |");
    expect(report).toContain("Median ratio 1.10x (1.00x to 1.20x)");
  });

  it("gives the fastest refresh of each kind, whichever pairs they came from", () => {
    const report = refreshPairsReport(
      [
        { orgsSeconds: 4.4, noopSeconds: 4.5, orgsRequests: 12, first: "orgs" },
        { orgsSeconds: 4.2, noopSeconds: 3.5, orgsRequests: 12, first: "noop" },
      ],
      1000,
    );
    expect(report).toContain("Fastest of the 2 of each kind: no-op 3.50 s, orgs 4.20 s (1.20x).");
  });

  it("bounds the median ratio by the 3rd and 10th of 12 values, as the binomial tables do", () => {
    const values = [1.2, 0.9, 1.1, 1.0, 1.3, 0.95, 1.05, 1.15, 1.25, 0.85, 1.02, 1.08];
    const interval = medianInterval(values);
    expect(interval?.low).toBe(0.95);
    expect(interval?.high).toBe(1.2);
    expect(interval?.coverage).toBeCloseTo(1 - (2 * (1 + 12 + 66)) / 4096, 10);
  });

  it("widens to the extremes at 6 values and gives none below 6", () => {
    expect(medianInterval([6, 1, 5, 2, 4, 3])).toEqual({ low: 1, high: 6, coverage: 1 - 2 / 64 });
    expect(medianInterval([1, 2, 3, 4, 5])).toBeUndefined();
  });

  it("stays finite over more pairs than 2^-n can hold", () => {
    const values = Array.from({ length: 2000 }, (_, i) => i + 1);
    const interval = medianInterval(values);
    expect(interval?.low).toBeGreaterThan(900);
    expect(interval?.high).toBeLessThan(1100);
    expect(interval?.coverage).toBeGreaterThanOrEqual(0.95);
  });

  it("prints the interval of the median ratio, or says there are too few pairs", () => {
    const pair = (orgsSeconds: number) => ({
      orgsSeconds,
      noopSeconds: 1,
      orgsRequests: 12,
      first: "orgs" as const,
    });
    expect(refreshPairsReport([1.1, 1.3, 1.0, 1.2, 0.9, 1.05].map(pair), 1000)).toContain(
      "95% confidence interval of the median ratio: 0.90x to 1.30x (order statistics, exact coverage 96.9%).",
    );
    expect(refreshPairsReport([1.1, 1.2].map(pair), 1000)).toContain(
      "Too few pairs for a 95% confidence interval of the median ratio (6 at least).",
    );
  });
});
