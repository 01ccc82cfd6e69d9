// Guards the default program's own logic: a stack config it cannot use fails with the key
// and the rule before anything is declared, and the summary draws what the numbers say.
import { ProgramConfigError, readSettings } from "../../../program/settings";
import { compactNumber, sparkline } from "../../../program/sparkline";
import { summaryLine, withoutSeries } from "../../../program/summary";

const INSTANCE = "5f0c1a2b3c4d5e6f7a8b9c0d";

describe("readSettings", () => {
  it("names each org's resource after its name unless one is given", () => {
    const settings = readSettings({
      instanceId: INSTANCE,
      orgs: [{ name: "Acme Corp!" }, { name: "Globex", resource: "gx" }],
    });
    expect(settings.orgs.map((org) => org.resource)).toEqual(["acme-corp", "gx"]);
    expect(settings.orgs[1].args).toEqual({ name: "Globex" });
  });

  it("defaults the usage window to 14 days", () => {
    expect(readSettings({ instanceId: INSTANCE }).usageDays).toBe(14);
  });

  it("takes the instance from LOSANT_INSTANCE_ID when the stack does not set it", () => {
    expect(readSettings({}, { LOSANT_INSTANCE_ID: INSTANCE }).instanceId).toBe(INSTANCE);
  });

  it("requires an instance", () => {
    expect(() => readSettings({}, {})).toThrow("Stack config losant-orgs:instanceId is required");
  });

  it("rejects a usage window outside 1 to 366 days", () => {
    expect(() => readSettings({ instanceId: INSTANCE, usageDays: 0 })).toThrow(ProgramConfigError);
    expect(() => readSettings({ instanceId: INSTANCE, usageDays: 2.5 })).toThrow(
      /losant-orgs:usageDays/,
    );
  });

  it("rejects orgs that are not a list", () => {
    expect(() => readSettings({ instanceId: INSTANCE, orgs: { name: "x" } })).toThrow(
      /losant-orgs:orgs must be a list/,
    );
  });

  it("names the org entry without a name or orgId", () => {
    expect(() =>
      readSettings({ instanceId: INSTANCE, orgs: [{ name: "a" }, { description: "?" }] }),
    ).toThrow(
      "Stack config losant-orgs:orgs[1].name is required (or orgId, to adopt an existing org)",
    );
  });

  it("rejects two orgs with the same resource name", () => {
    expect(() =>
      readSettings({ instanceId: INSTANCE, orgs: [{ name: "A b" }, { name: "a-b" }] }),
    ).toThrow(/losant-orgs:orgs\[1\]\.resource "a-b" is used twice/);
  });
});

describe("sparkline", () => {
  it("draws the lowest value lowest and the highest highest", () => {
    expect(sparkline([0, 5, 10])).toBe("▁▅█");
  });

  it("draws a flat series at the lowest height", () => {
    expect(sparkline([3, 3, 3])).toBe("▁▁▁");
  });

  it("averages a long series down to the width", () => {
    expect(
      sparkline(
        Array.from({ length: 100 }, (_, i) => i),
        10,
      ),
    ).toHaveLength(10);
  });

  it("draws nothing for an empty series", () => {
    expect(sparkline([])).toBe("");
  });
});

describe("compactNumber", () => {
  it.each([
    [950, "950"],
    [12_345, "12.3k"],
    [4_500_000, "4.5M"],
    [2_000, "2k"],
  ])("writes %d as %s", (value, text) => {
    expect(compactNumber(value)).toBe(text);
  });
});

describe("summary", () => {
  const usage = {
    name: "Acme",
    devices: { latest: 7, peak: 9, created: 3, deleted: 1, daily: [5, 9, 7] },
    notebookMinutes: { total: 1500, runs: 4 },
    payloads: { total: 12_345, peakDay: "2026-11-02T00:00:00.000Z", daily: [1, 2, 3] },
  };

  it("shows the device sparkline, latest and peak, payloads and notebook minutes on one line", () => {
    const line = summaryLine(usage);
    expect(line).toMatch(
      /^Acme\s+devices ▁█▅ 7 \(peak 9\) {2}payloads ▁▅█ 12\.3k {2}notebook min 1\.5k$/,
    );
  });

  it("keeps the numbers and drops the daily series for the outputs", () => {
    expect(withoutSeries(usage)).toEqual({
      name: "Acme",
      devices: { latest: 7, peak: 9, created: 3, deleted: 1 },
      notebookMinutes: { total: 1500, runs: 4 },
      payloads: { total: 12_345, peakDay: "2026-11-02T00:00:00.000Z" },
    });
  });
});
