import { compactNumber, sparkline } from "./sparkline";

/** The usage of one org as the default program exports it. */
export interface OrgUsage {
  name: string;
  devices: { latest: number; peak: number; created: number; deleted: number; daily: number[] };
  notebookMinutes: { total: number; runs: number };
  payloads: { total: number; peakDay?: string; daily: number[] };
}

/**
 * One line per org for the `summary` output: daily device totals and payloads as text
 * sparklines, with the numbers a person looks for first.
 */
export function summaryLine(usage: OrgUsage): string {
  const name = usage.name.length > 24 ? `${usage.name.slice(0, 23)}…` : usage.name.padEnd(24);
  const devices = `devices ${sparkline(usage.devices.daily)} ${usage.devices.latest} (peak ${usage.devices.peak})`;
  const payloads = `payloads ${sparkline(usage.payloads.daily)} ${compactNumber(usage.payloads.total)}`;
  const notebooks = `notebook min ${compactNumber(usage.notebookMinutes.total)}`;
  return `${name} ${devices}  ${payloads}  ${notebooks}`;
}

/** The usage without its daily series, for the stack outputs. */
export function withoutSeries(usage: OrgUsage): unknown {
  const { daily: _devices, ...devices } = usage.devices;
  const { daily: _payloads, ...payloads } = usage.payloads;
  return { ...usage, devices, payloads };
}
