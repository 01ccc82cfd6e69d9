import { managedProperties } from "./compare";
import type { InstanceOrgInputs, InstanceOrgOutputs } from "./inputs";
import { ORG_OUTPUT_FIELDS, normalizeSummaryInclude } from "./losant/org";
import type { InstanceOrg } from "./losant/types.generated";
import type { NormalizedPairs } from "./normalization";

/** What the outputs are built from besides the org: the inputs, or the stored outputs. */
export type OutputSource = Partial<InstanceOrgInputs> & {
  managedProperties?: string[];
  normalized?: NormalizedPairs;
};

/**
 * The outputs of an InstanceOrg: the org as the server returned it, lean. Only the properties
 * of the org schema are kept (hypermedia, and the `members` of the documented create answer,
 * are not), but `id` (the resource's ID; `orgId` carries it). Two properties keep only what
 * the program asks for, because the engine sends, decodes and stores the outputs of every org
 * on every step (at 1,000 orgs the full `limits` made a refresh 1.6x the engine's own cost):
 * `limits` holds the declared keys, not the dozens of server defaults nobody manages, and
 * `summary` holds only the fields `summaryInclude` names, whose counters change all the time
 * on a live instance. `getInstanceOrg` reads the whole org.
 *
 * @param org - the API's answer
 * @param source - the inputs (create, update) or the stored outputs (read)
 */
export function toOutputs(org: InstanceOrg, source: OutputSource): InstanceOrgOutputs {
  const answer = org as unknown as Record<string, unknown>;
  const managed = source.managedProperties ?? managedProperties(source);
  const summaryInclude =
    source.summaryInclude === undefined
      ? undefined
      : normalizeSummaryInclude(source.summaryInclude);
  // Built key by key, not with spreads and `Object.fromEntries`: a refresh builds this for
  // every org, and the engine's host then walks every key of it.
  const outs: Record<string, unknown> = {};
  for (const key of AS_ANSWERED) {
    const value = answer[key];
    if (value !== undefined) outs[key] = value;
  }
  setDefined(outs, "limits", declaredLimits(org.limits, managed));
  setDefined(outs, "summary", askedSummary(org.summary, summaryInclude));
  setDefined(outs, "orgId", org.orgId ?? org.id);
  setDefined(outs, "instanceId", org.instanceId ?? source.instanceId);
  setDefined(outs, "summaryInclude", summaryInclude);
  outs.managedProperties = managed;
  setDefined(outs, "normalized", source.normalized);
  return outs as unknown as InstanceOrgOutputs;
}

/** The org fields the outputs hold as answered; {@link toOutputs} derives the others. */
const AS_ANSWERED = ORG_OUTPUT_FIELDS.filter(
  (key) => !["limits", "summary", "orgId", "instanceId"].includes(key),
);

/** Outputs hold no undefined value: the key is left out instead. */
function setDefined(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value;
}

/**
 * The org's properties the outputs hold as the server answered them: what a later answer
 * must carry to stand for the same read. `instanceId` and `orgId` are left out: the outputs
 * fill them in when an answer lacks them.
 */
export function answeredFields(outputs: InstanceOrgOutputs): string[] {
  const held = outputs as unknown as Record<string, unknown>;
  return ORG_OUTPUT_FIELDS.filter(
    (key) => key !== "instanceId" && key !== "orgId" && held[key] !== undefined,
  );
}

/** The keys of `limits` the managed properties name (`limits.device`), as the server has them. */
function declaredLimits(
  limits: InstanceOrg["limits"],
  managed: readonly string[],
): InstanceOrg["limits"] {
  if (limits === undefined) return undefined;
  const keys = managed.filter((path) => path.startsWith("limits.")).map((path) => path.slice(7));
  if (keys.length === 0) return undefined;
  const source = limits as Record<string, unknown>;
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]]));
}

function askedSummary(
  summary: InstanceOrg["summary"],
  fields: readonly string[] | undefined,
): InstanceOrg["summary"] {
  if (summary === undefined || fields === undefined || fields.length === 0) return undefined;
  const source = summary as Record<string, unknown>;
  return Object.fromEntries(fields.filter((f) => f in source).map((f) => [f, source[f]]));
}

/** A copy of `value` without the properties whose value is `undefined`. */
export function withoutUndefined<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) copy[key] = item;
  return copy as T;
}
