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
 * are not), but `id` (the resource's ID; `orgId` carries it); and `summary` is left out unless
 * `summaryInclude` asks for fields of it, and then only those fields: its counters change all
 * the time on a live instance, and the engine rewrites the whole state after every step.
 *
 * @param org - the API's answer
 * @param source - the inputs (create, update) or the stored outputs (read)
 */
export function toOutputs(org: InstanceOrg, source: OutputSource): InstanceOrgOutputs {
  const { id, summary, ...fields } = orgFields(org);
  const summaryInclude =
    source.summaryInclude === undefined
      ? undefined
      : normalizeSummaryInclude(source.summaryInclude);
  return withoutUndefined({
    ...fields,
    summary: askedSummary(summary, summaryInclude),
    orgId: fields.orgId ?? id,
    instanceId: fields.instanceId ?? source.instanceId,
    summaryInclude,
    managedProperties: source.managedProperties ?? managedProperties(source),
    normalized: source.normalized,
  }) as InstanceOrgOutputs;
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

function orgFields(org: InstanceOrg): InstanceOrg {
  const answer = org as unknown as Record<string, unknown>;
  const kept = ["id", ...ORG_OUTPUT_FIELDS].filter((key) => answer[key] !== undefined);
  return Object.fromEntries(kept.map((key) => [key, answer[key]])) as unknown as InstanceOrg;
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
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
