import type { InstanceOrg } from "../../provider/losant";
import { currentValues, type ImportableField } from "./fields";
import { resourceNames } from "./names";

/** One org to declare: its resource name, its ID, and the current values of the chosen fields. */
export interface OrgDeclaration {
  resource: string;
  orgId: string;
  values: Record<string, unknown>;
}

/**
 * The declarations of the selected orgs, named from all orgs of the instance (see
 * `resourceNames`), sorted by resource name so the generated file reads in a stable order.
 *
 * @param all - every org of the instance
 * @param selected - the orgs to declare, a subset of `all`
 * @param fields - the fields each declaration holds
 */
export function declarations(
  all: readonly InstanceOrg[],
  selected: readonly InstanceOrg[],
  fields: readonly ImportableField[],
): OrgDeclaration[] {
  const names = resourceNames(all);
  return selected
    .map((org) => {
      const orgId = org.id ?? org.orgId ?? "";
      return { resource: names.get(orgId) ?? orgId, orgId, values: currentValues(org, fields) };
    })
    .sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
}
