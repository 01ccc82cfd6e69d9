/**
 * The org model: what the official schemas say about an instance org, in the one place the
 * provider, its `diff` and the SDK read it from. Pulumi-free, like the rest of the client.
 */
import instanceOrgPatchSchema from "../../schemas/instanceOrgPatch.json";
import instanceOrgSchema from "../../schemas/instanceOrg.json";
import type { InstanceOrg, InstanceOrgPatch } from "./types.generated";

/** An org field a program can set: a property of the official PATCH schema. */
export type WritableField = keyof InstanceOrgPatch;

/** Every writable field, in the PATCH schema's order. */
export const WRITABLE_FIELDS = Object.keys(instanceOrgPatchSchema.properties) as WritableField[];

/** A field of the org's `summary`: a value `summaryInclude` may name. */
export type SummaryField = keyof NonNullable<InstanceOrg["summary"]>;

/** Every field of the org's `summary`, in the schema's order. */
export const SUMMARY_FIELDS = Object.keys(
  instanceOrgSchema.properties.summary.properties,
) as SummaryField[];

/**
 * The summary field to ask for when a caller wants none: the count of the org's own member
 * list, which needs none of the usage data that payload, storage and notebook counts add up.
 */
export const CHEAPEST_SUMMARY_FIELD: SummaryField = "memberCount";

/**
 * The org's properties as a resource keeps them, in the schema's order: every property of the
 * org object but `id`, which is the resource's ID (`orgId` holds it too).
 */
export const ORG_OUTPUT_FIELDS = Object.keys(instanceOrgSchema.properties).filter(
  (key) => key !== "id",
) as Array<Exclude<keyof InstanceOrg, "id">>;

/** The pattern of every Losant ID (org, instance, user): 24 hexadecimal characters. */
export const ID_PATTERN = /^[A-Fa-f\d]{24}$/;

/** True when `value` is a Losant ID (see {@link ID_PATTERN}). */
export function isLosantId(value: unknown): value is string {
  return typeof value === "string" && ID_PATTERN.test(value);
}

/** True when `value` names a field of the org's `summary`. */
export function isSummaryField(value: unknown): value is SummaryField {
  return typeof value === "string" && (SUMMARY_FIELDS as string[]).includes(value);
}

/**
 * The one form of a `summaryInclude` list: without repeats, sorted. The API reads the list as
 * a set, so two lists with the same fields in another order ask for the same thing and must
 * compare equal.
 *
 * @param fields - the fields as declared (any order, repeats allowed); absent means none
 * @returns a new sorted list of distinct fields
 */
export function normalizeSummaryInclude(fields: readonly string[] | undefined): string[] {
  return [...new Set(fields ?? [])].sort();
}

/** The hypermedia properties every API answer carries besides the org's own fields. */
const HYPERMEDIA_KEYS = ["_links", "_type"] as const;

/**
 * A copy of an API answer without its hypermedia properties (`_links`, `_type`): they describe
 * the answer, not the org, and change with the URL the API was reached through.
 */
export function withoutHypermedia<T extends object>(answer: T): Omit<T, "_links" | "_type"> {
  const copy = { ...answer } as Record<string, unknown>;
  for (const key of HYPERMEDIA_KEYS) delete copy[key];
  return copy as Omit<T, "_links" | "_type">;
}
