/**
 * Usage of Losant orgs as stack outputs, for reports, alerts and capacity checks:
 * - an org this stack manages, read with the Output forms (`getXOutput`), which take its
 *   `org.id` as it is;
 * - an org known only by its ID (config `watchedOrgId`), read with the Promise forms (`getX`).
 */
import * as pulumi from "@pulumi/pulumi";
import {
  DAY_MS,
  InstanceOrg,
  getDeviceCounts,
  getDeviceCountsOutput,
  getInstanceOrgOutput,
  getNotebookMinuteCountsOutput,
  getPayloadCountsBreakdown,
  getPayloadCountsBreakdownOutput,
} from "pulumi-losant";

const config = new pulumi.Config();
const instanceId = config.require("instanceId");
const days = config.getNumber("days") ?? 7;

// The last `days` whole UTC days, up to the end of yesterday: a finished day no longer
// changes, so two runs on one day report the same numbers.
const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
const start = today - days * DAY_MS;
const end = today - 1;

const org = new InstanceOrg("acme", {
  instanceId,
  name: "Acme Manufacturing",
  limits: { device: 500 },
});

// Until the org exists (its first preview) org.id is unknown: these results are unknown too
// and no usage request is sent.
const range = { instanceId, orgId: org.id, start, end };
const info = getInstanceOrgOutput({ instanceId, orgId: org.id, summaryInclude: ["deviceCount"] });
const devices = getDeviceCountsOutput(range);
const notebooks = getNotebookMinuteCountsOutput(range);
const payloads = getPayloadCountsBreakdownOutput({ ...range, resolution: "day" });

export const usageWindow = {
  start: new Date(start).toISOString(),
  end: new Date(end).toISOString(),
};
// Each result carries its raw daily `counts` and the totals computed from them.
export const acmeDevices = {
  now: info.apply((o) => o.summary?.deviceCount),
  latestDailyTotal: devices.latestTotal,
  peak: devices.peakTotal,
  created: devices.totalCreated,
  deleted: devices.totalDeleted,
  limit: org.limits.apply((limits) => limits?.device),
};
export const acmeNotebookMinutes = notebooks.totalMinutes;
export const acmePayloads = pulumi.all([payloads.total, payloads.peak]).apply(([total, peak]) => ({
  total,
  busiestDay: peak?.date,
}));

/** Usage of an org this stack does not manage: plain Promises, since its ID is known now. */
async function watchedUsage(orgId: string) {
  const [deviceCounts, yesterday] = await Promise.all([
    getDeviceCounts({ instanceId, orgId, start, end }),
    // Yesterday by the hour: when the payloads came.
    getPayloadCountsBreakdown({
      instanceId,
      orgId,
      start: today - DAY_MS,
      end,
      resolution: "hour",
    }),
  ]);
  return {
    devices: deviceCounts.latestTotal,
    payloadsYesterday: yesterday.total,
    busiestHour: yesterday.peak?.date,
  };
}

const watchedOrgId = config.get("watchedOrgId");
export const watched = watchedOrgId === undefined ? undefined : watchedUsage(watchedOrgId);
