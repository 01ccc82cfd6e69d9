// Guards the lower bound recover puts on the creation time of the org a killed run made: the
// start of the newest update in the stack's history, read in every form the CLI prints it.
import { lastUpdateStart, parseTime } from "../../../cli/recover/history";

describe("parseTime", () => {
  it("reads the Go layout `pulumi stack history --json` prints", () => {
    expect(parseTime("2026-11-26 12:21:31.5 +0000 UTC")).toBe(
      Date.UTC(2026, 10, 26, 12, 21, 31, 500),
    );
    expect(parseTime("2026-11-26 13:21:31 +0100 CET")).toBe(Date.UTC(2026, 10, 26, 12, 21, 31));
  });

  it("reads ISO strings and seconds since the epoch", () => {
    expect(parseTime("2026-11-26T12:21:31Z")).toBe(Date.UTC(2026, 10, 26, 12, 21, 31));
    expect(parseTime(1_790_000_000)).toBe(1_790_000_000_000);
  });

  it("gives undefined for what it cannot read", () => {
    expect(parseTime("yesterday")).toBeUndefined();
    expect(parseTime(undefined)).toBeUndefined();
  });
});

describe("lastUpdateStart", () => {
  it("is the start of the newest update, whatever came after it", () => {
    const history = [
      { kind: "update", startTime: "2026-11-26T10:00:00Z" },
      { kind: "update", startTime: "2026-11-26T11:00:00Z" },
      { kind: "refresh", startTime: "2026-11-26T12:00:00Z" },
    ];
    expect(lastUpdateStart(history)).toBe(Date.UTC(2026, 10, 26, 11));
  });

  it("is undefined for a stack whose first update was the one killed", () => {
    expect(lastUpdateStart([])).toBeUndefined();
    expect(
      lastUpdateStart([{ kind: "refresh", startTime: "2026-11-26T12:00:00Z" }]),
    ).toBeUndefined();
  });
});
