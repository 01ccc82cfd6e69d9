/**
 * The read-only checks: the list, batched reads, one org, its usage, the 404 and 400 error
 * shapes, and the two usage behaviours the documentation leaves open (negative times, old
 * hourly data).
 * Nothing here changes the instance.
 */
import type { InstanceOrg } from "../../provider/losant/types.generated";
import { batchedReads } from "./batchCheck";
import { runCheck } from "./findings";
import type { AnswerSchema } from "./schemas";
import { ABSENT_ORG_ID, DAY_MS, HOUR_MS, orgsPath, statusOf, type ProbeContext } from "./context";

/** How far back the hourly retention check asks: past the documented ~90 days. */
const OLD_HOURS_AGE_MS = 100 * DAY_MS;

async function usageChecks(context: ProbeContext, orgId: string): Promise<void> {
  const { client, instanceId, record, now } = context;
  const week = { start: now() - 7 * DAY_MS, end: now() };
  const calls: [string, AnswerSchema, () => Promise<{ counts?: unknown[] }>][] = [
    ["device counts", "deviceCounts", () => client.deviceCounts(instanceId, orgId, week)],
    [
      "notebook minutes",
      "notebookMinuteCounts",
      () => client.notebookMinuteCounts(instanceId, orgId, week),
    ],
    [
      "payload counts",
      "payloadCountsBreakdown",
      () => client.payloadCountsBreakdown(instanceId, orgId, week),
    ],
  ];
  for (const [check, schema, call] of calls) {
    await runCheck(record, check, async () => {
      const answer = await call();
      record.answer(check, `${(answer.counts ?? []).length} days`, schema, answer);
    });
  }
}

/** Negative `start`/`end`: taken relative to now (200) or refused (400). */
async function negativeTimes(context: ProbeContext, orgId: string): Promise<void> {
  const { client, instanceId, record } = context;
  const check = "negative start/end";
  await runCheck(record, check, async () => {
    try {
      const answer = await client.deviceCounts(instanceId, orgId, {
        start: -2 * DAY_MS,
        end: -DAY_MS,
      });
      record.answer(check, "taken relative to now", "deviceCounts", answer);
      record.observe("negativeTimes", "relative");
    } catch (error) {
      if (statusOf(error) !== 400) throw error;
      record.note(check, "refused (400)");
      record.observe("negativeTimes", "refused");
    }
  });
}

/** Hourly payloads of 100 days ago: kept, empty, or refused. */
async function hourlyRetention(context: ProbeContext, orgId: string): Promise<void> {
  const { client, instanceId, record, now } = context;
  const check = "hourly payloads 100 days ago";
  const start = now() - OLD_HOURS_AGE_MS;
  await runCheck(record, check, async () => {
    try {
      const query = { resolution: HOUR_MS, start, end: start + 6 * HOUR_MS } as const;
      const answer = await client.payloadCountsBreakdown(instanceId, orgId, query);
      const kept = (answer.counts ?? []).length > 0;
      record.answer(check, kept ? "kept" : "empty", "payloadCountsBreakdown", answer);
      record.observe("hourlyRetention", kept ? "kept" : "empty");
    } catch (error) {
      if (statusOf(error) !== 400) throw error;
      record.note(check, "refused (400)");
      record.observe("hourlyRetention", "refused");
    }
  });
}

/** The error answers: their status and whether the body follows `error.json`. */
async function errorShapes(context: ProbeContext): Promise<void> {
  const { raw, record } = context;
  await runCheck(record, "404 error shape", async () => {
    const answer = await raw("GET", `${orgsPath(context)}/${ABSENT_ORG_ID}`);
    const type = (answer.json as { type?: unknown } | undefined)?.type;
    record.answer("404 error shape", `${answer.status} ${String(type)}`, "error", answer.json);
  });
  await runCheck(record, "400 error shape", async () => {
    const answer = await raw("GET", orgsPath(context), { query: { sortField: "notAField" } });
    const type = (answer.json as { type?: unknown } | undefined)?.type;
    record.answer("400 error shape", `${answer.status} ${String(type)}`, "error", answer.json);
  });
}

/**
 * Runs every read-only check.
 * @param orgId - the org to read; the first listed org when absent (usage checks are skipped
 * when the instance has none).
 */
export async function readChecks(context: ProbeContext, orgId?: string): Promise<void> {
  const { client, instanceId, record } = context;
  let target = orgId;
  let listed: InstanceOrg[] = [];
  await runCheck(record, "list orgs", async () => {
    const list = await client.listOrgs(instanceId, { perPage: 5 });
    const count = list.totalCount ?? list.items?.length ?? 0;
    record.answer("list orgs", `${count} org${count === 1 ? "" : "s"}`, "instanceOrgs", list);
    target ??= list.items?.[0]?.id;
    listed = (list.items ?? []) as InstanceOrg[];
  });
  await batchedReads(context, listed.slice(0, 3));
  if (target === undefined) {
    record.note("one org and its usage", "skipped: no org to read (--write creates one)");
  } else {
    const id = target;
    await runCheck(record, "get one org", async () => {
      const org = await client.getOrg(instanceId, id);
      record.answer("get one org", "answered", "instanceOrg", org);
    });
    await runCheck(record, "list its members", async () => {
      const members = await client.listMembers(instanceId, id);
      const count = members.items?.length ?? 0;
      const result = `${count} member${count === 1 ? "" : "s"}`;
      record.answer("list its members", result, "instanceOrgMembers", members);
    });
    await usageChecks(context, id);
    await negativeTimes(context, id);
    await hourlyRetention(context, id);
  }
  await errorShapes(context);
}
