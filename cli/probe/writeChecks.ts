/**
 * The `--write` checks, on a scratch org: the shape of the create answer, how declared
 * values were stored (normalization), whether PATCH merges or replaces `limits`, and how an
 * over-large body is refused (sent to an org that does not exist, so nothing can apply).
 */
import instanceOrgSchema from "../../schemas/instanceOrg.json";
import orgSchema from "../../schemas/org.json";
import type { InstanceOrg } from "../../provider/losant";
import { ABSENT_ORG_ID, orgsPath, statusOf, type ProbeContext } from "./context";
import { runCheck } from "./findings";
import { memberChecks } from "./memberChecks";
import { scratchName, type ScratchOrg } from "./scratch";

/** Fields of `instanceOrg` that the documented create answer (`org.json`) does not have. */
export const FIELDS_ONLY_IN_INSTANCE_ORG = Object.keys(instanceOrgSchema.properties).filter(
  (key) => !(key in orgSchema.properties),
);

/** Two small limits set at create: one is patched, the other must survive a merge. */
const LIMITS = { patched: "webhook", kept: "dashboard" } as const;

/** A body well past any plausible request size limit (2 MiB). */
const OVERSIZED_BYTES = 2 * 1024 * 1024;

/** A date-time with milliseconds, to see whether the server keeps them. */
const DISABLED_AT = "2024-01-02T03:04:05.678Z";

/** A limit value far beyond any instance's own limits, to see whether it is clamped. */
const HUGE_LIMIT = 1_000_000_000;

function createAnswerShape(context: ProbeContext, created: InstanceOrg): void {
  const present = FIELDS_ONLY_IN_INSTANCE_ORG.filter((key) => key in created);
  const missing = FIELDS_ONLY_IN_INSTANCE_ORG.filter((key) => !(key in created));
  const full = present.includes("instanceId") && present.includes("tags");
  const result = full ? "full instanceOrg" : `org shape, without ${missing.join(", ")}`;
  context.record.answer("create answer", result, full ? "instanceOrg" : "org", created);
  context.record.observe("createAnswer", full ? "instanceOrg" : "org");
}

async function normalization(
  context: ProbeContext,
  id: string,
  declared: { name: string; iconColor: string; whitelistedEmailDomains: string[] },
): Promise<string[]> {
  const { client, instanceId, record } = context;
  const changed: string[] = [];
  const stored = await client.getOrg(instanceId, id);
  record.answer("get scratch org", "answered", "instanceOrg", stored);
  if (stored.name !== declared.name) {
    changed.push(stored.name === declared.name.trim() ? "name trimmed" : "name changed");
  }
  if (stored.iconColor !== declared.iconColor) changed.push(`iconColor ${stored.iconColor}`);
  const domains = stored.whitelistedEmailDomains ?? [];
  if (domains.join() !== declared.whitelistedEmailDomains.join()) {
    changed.push(`domains ${domains.join(", ")}`);
  }
  const patched = await client.patchOrg(instanceId, id, { disabledAt: DISABLED_AT });
  record.answer("PATCH disabledAt", `stored ${String(patched.disabledAt)}`, "instanceOrg", patched);
  if (patched.disabledAt !== DISABLED_AT) changed.push(`disabledAt ${String(patched.disabledAt)}`);
  return changed;
}

async function clampCheck(context: ProbeContext, id: string): Promise<string | undefined> {
  const { client, instanceId, record } = context;
  try {
    const answer = await client.patchOrg(instanceId, id, {
      limits: { experienceversion: HUGE_LIMIT },
    });
    const stored = answer.limits?.experienceversion;
    record.answer("PATCH a huge limit", `stored ${String(stored)}`, "instanceOrg", answer);
    return stored === HUGE_LIMIT ? undefined : `limit clamped to ${String(stored)}`;
  } catch (error) {
    if (statusOf(error) !== 400) throw error;
    record.note("PATCH a huge limit", "refused (400)");
    return undefined;
  }
}

async function limitsOnPatch(context: ProbeContext, id: string): Promise<void> {
  const { client, instanceId, record } = context;
  const answer = await client.patchOrg(instanceId, id, { limits: { [LIMITS.patched]: 8 } });
  const kept = answer.limits?.[LIMITS.kept];
  const merged = kept === 9;
  const result = merged
    ? `merged: ${LIMITS.kept} kept 9`
    : `replaced: ${LIMITS.kept} became ${String(kept)}`;
  record.answer("PATCH one limit", result, "instanceOrg", answer);
  record.observe("patchLimits", merged ? "merge" : "replace");
}

async function oversizedBody(context: ProbeContext): Promise<void> {
  const body = JSON.stringify({ description: "x".repeat(OVERSIZED_BYTES) });
  const answer = await context.raw("PATCH", `${orgsPath(context)}/${ABSENT_ORG_ID}`, { body });
  let value: string | undefined;
  if (answer.status === 413) value = answer.text === "" ? "413-bare" : "413";
  else if (answer.status === 400) value = "400";
  const result = `${answer.status}${answer.text === "" ? " without a body" : ""}`;
  if (answer.json === undefined) context.record.note("over-large body", result);
  else context.record.answer("over-large body", result, "error", answer.json);
  if (value) context.record.observe("oversizedBody", value);
}

/**
 * Runs every `--write` check on a new scratch org (which the caller removes).
 * @returns the scratch org's ID, for the read checks, or undefined when it was not created.
 */
export async function writeChecks(
  context: ProbeContext,
  scratch: ScratchOrg,
  memberEmail?: string,
): Promise<string | undefined> {
  const { record } = context;
  const name = scratchName(context.now());
  const declared = {
    name: ` ${name} `,
    description: "Scratch org of the pulumi-losant conformance probe; safe to delete.",
    iconColor: "#ABCDEF",
    whitelistedEmailDomains: ["Probe.Example.COM"],
    tags: [{ key: "createdBy", value: "pulumi-losant-probe" }],
    limits: { [LIMITS.patched]: 7, [LIMITS.kept]: 9 },
  };
  let id: string | undefined;
  await runCheck(record, "create scratch org", async () => {
    const created = await scratch.create(declared);
    id = created.id;
    createAnswerShape(context, created);
  });
  if (id === undefined) return undefined;
  const orgId = id;
  await runCheck(record, "normalization", async () => {
    const changed = await normalization(context, orgId, declared);
    await runCheck(record, "PATCH one limit", () => limitsOnPatch(context, orgId));
    const clamped = await clampCheck(context, orgId);
    if (clamped) changed.push(clamped);
    record.note("normalization", changed.length ? `on: ${changed.join("; ")}` : "off");
    record.observe("normalization", changed.length ? "on" : "off");
  });
  await runCheck(record, "over-large body", () => oversizedBody(context));
  await memberChecks(context, orgId, memberEmail);
  return orgId;
}
