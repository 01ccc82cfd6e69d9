import { managedProperties } from "./compare";
import type { InstanceOrgInputs, InstanceOrgOutputs } from "./inputs";
import { normalizeSummaryInclude, withoutHypermedia } from "./losant/org";
import type { InstanceOrg } from "./losant/types.generated";

/** What the outputs are built from besides the org: the inputs, or the stored outputs. */
export type OutputSource = Partial<InstanceOrgInputs> & { managedProperties?: string[] };

/**
 * The outputs of an InstanceOrg: the org as the server returned it, lean. Hypermedia and `id`
 * (the resource's ID; `orgId` carries it) are left out, and so is `summary` unless
 * `summaryInclude` asks for fields of it, and then only those fields: its counters change all
 * the time on a live instance, and the engine rewrites the whole state after every step.
 *
 * @param org - the API's answer
 * @param source - the inputs (create, update) or the stored outputs (read)
 */
export function toOutputs(org: InstanceOrg, source: OutputSource): InstanceOrgOutputs {
  const { id, summary, ...fields } = withoutHypermedia(org);
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
  }) as InstanceOrgOutputs;
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
