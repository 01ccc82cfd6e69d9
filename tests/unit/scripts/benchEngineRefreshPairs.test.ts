// The engine benchmark's refresh pairs: how many it runs, and how it sums them up. The timings
// themselves are printed by `npm run bench:engine`, never asserted.
import { parseOptions } from "../../../scripts/bench-engine/options";
import { median, refreshPairsReport } from "../../../scripts/bench-engine/refreshPairs";

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
});
