/**
 * The default program: the orgs of one Losant instance declared from stack config, and each
 * org's usage over the last `usageDays` days as stack outputs, with a summary a person can
 * read at a glance.
 *
 * Stack config (namespace `losant-orgs`): `instanceId`, `orgs` (a list of InstanceOrg
 * settings, each with an optional `resource` name and a list of `memberships`), `usageDays`
 * (default 14). Connection:
 * `losant:apiToken` / `losant:apiUrl`, or `LOSANT_API_TOKEN` / `LOSANT_API_URL`.
 */
import * as pulumi from "@pulumi/pulumi";
import {
  InstanceOrg,
  InstanceOrgMember,
  getDeviceCountsOutput,
  getNotebookMinuteCountsOutput,
  getPayloadCountsBreakdownOutput,
} from "../sdk";
import { PROJECT, readSettings } from "./settings";
import { summaryLine, withoutSeries, type OrgUsage } from "./summary";

const DAY_MS = 86_400_000;

/** Declares the orgs and returns the stack outputs. Pulumi runs it through `entry.ts`. */
export async function main(): Promise<Record<string, unknown>> {
  const config = new pulumi.Config(PROJECT);
  const settings = readSettings({
    instanceId: config.get("instanceId"),
    orgs: config.getObject<unknown>("orgs"),
    usageDays: config.getNumber("usageDays"),
  });
  // Whole days, so a second run on the same day asks for the same window.
  const end = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const start = end - settings.usageDays * DAY_MS;

  const orgs: Record<string, pulumi.Output<unknown>> = {};
  const usage: Record<string, pulumi.Output<OrgUsage>> = {};
  for (const { resource, args, memberships } of settings.orgs) {
    const org = new InstanceOrg(resource, { ...args, instanceId: settings.instanceId });
    for (const membership of memberships) {
      // Deleted with its org: no DELETE per member first (see docs/members.md).
      new InstanceOrgMember(
        `${resource}/${membership.email ?? membership.userId}`,
        { ...membership, instanceId: settings.instanceId, orgId: org.id },
        { deletedWith: org },
      );
    }
    const range = { instanceId: settings.instanceId, orgId: org.id, start, end };
    const devices = getDeviceCountsOutput(range);
    const notebooks = getNotebookMinuteCountsOutput(range);
    const payloads = getPayloadCountsBreakdownOutput({ ...range, resolution: "day" });
    orgs[resource] = pulumi
      .all([org.id, org.name, org.limits, org.tags])
      .apply(([id, name, limits, tags]) => ({
        id,
        name,
        deviceLimit: limits?.device,
        tags: Object.fromEntries((tags ?? []).map((tag) => [tag.key, tag.value])),
      }));
    usage[resource] = pulumi
      .all([org.name, devices, notebooks, payloads])
      .apply(([name, d, n, p]) => ({
        name,
        devices: {
          latest: d.latestTotal,
          peak: d.peakTotal,
          created: d.totalCreated,
          deleted: d.totalDeleted,
          daily: d.counts.map((c) => c.total ?? 0),
        },
        notebookMinutes: { total: n.totalMinutes, runs: n.totalRuns },
        payloads: {
          total: p.total,
          peakDay: p.peak?.date,
          daily: p.counts.map((c) => c.value ?? 0),
        },
      }));
  }

  const summary = pulumi
    .all(Object.values(usage))
    .apply((all) =>
      [`Usage over the last ${settings.usageDays} days:`, ...all.map(summaryLine)].join("\n"),
    );
  return {
    window: { start: new Date(start).toISOString(), end: new Date(end).toISOString() },
    orgs,
    // The daily series are drawn in the summary; the outputs keep the numbers.
    usage: Object.fromEntries(
      Object.entries(usage).map(([key, value]) => [key, value.apply(withoutSeries)]),
    ),
    summary,
  };
}
