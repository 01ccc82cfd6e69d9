import type { InstanceOrg, InstanceOrgPatch, InstanceOrgPost } from "./losant/types.generated";
import { ORG_OUTPUT_FIELDS } from "./losant/org";
import type { NormalizedPairs } from "./normalization";

// State written by 0.1.0 requires this module for WRITABLE_FIELDS: keep exporting it here.
export { WRITABLE_FIELDS, SUMMARY_FIELDS, type WritableField } from "./losant/org";

/**
 * The inputs of an InstanceOrg as the provider receives them: the writable org fields, plus
 * where the org lives, the optional org to adopt, the initial members (create only) and the
 * summary fields to compute.
 */
export interface InstanceOrgInputs extends InstanceOrgPatch {
  instanceId: string;
  /** Adopt this existing org instead of creating one. */
  orgId?: string;
  /** Members added when the org is created; ignored afterwards. */
  members?: InstanceOrgPost["members"];
  summaryInclude?: string[];
}

/**
 * The outputs of an InstanceOrg: the org as the server last returned it (hypermedia links
 * removed), with `limits` narrowed to the declared keys and `summary` to the fields asked for,
 * and which properties this resource manages. `getInstanceOrg` reads the whole org.
 */
export interface InstanceOrgOutputs extends InstanceOrg {
  id: string;
  instanceId: string;
  summaryInclude?: string[];
  /**
   * The org properties this resource manages: the writable fields the program sets, with
   * `limits.<key>` and `banner.<key>` for the keys of those objects it sets.
   */
  managedProperties: string[];
  /**
   * The declared values the server stored differently at the last write, by property, with
   * what it stored: `diff` reports no change for them while both stay the same.
   */
  normalized?: NormalizedPairs;
}

/**
 * Every output property of an InstanceOrg: the org's fields (but `id`, which is the resource's
 * ID) and the provider's own.
 */
export const OUTPUT_PROPERTIES = [
  ...ORG_OUTPUT_FIELDS,
  "summaryInclude",
  "managedProperties",
  "normalized",
] as Array<Exclude<keyof InstanceOrgOutputs, "id">>;

/** Keys that are ours, not the org's: never sent to the API as org fields. */
export const PROVIDER_ONLY_KEYS = ["instanceId", "orgId", "members", "summaryInclude"] as const;
