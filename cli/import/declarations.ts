import type { InstanceOrg, InstanceOrgMember } from "../../provider/losant";
import { currentValues, type ImportableField } from "./fields";
import { limitsBeyond, sharedLimits } from "./limits";
import { resourceNames } from "./names";

/** One membership to declare: its resource name, the user, and the role they have now. */
export interface MemberDeclaration {
  resource: string;
  userId: string;
  email?: string;
  role: NonNullable<InstanceOrgMember["role"]>;
}

/**
 * One org to declare: its resource name, its ID, the current values of the chosen fields,
 * and its members when they were read.
 */
export interface OrgDeclaration {
  resource: string;
  orgId: string;
  values: Record<string, unknown>;
  members?: MemberDeclaration[];
}

/** How the declarations are made. */
export interface DeclarationOptions {
  /** The fields each declaration holds. */
  fields: readonly ImportableField[];
  /** Declare every limit, not only those that differ from the instance's defaults. */
  allLimits: boolean;
  /** Each selected org's members, by org ID, when they are to be declared. */
  members?: ReadonlyMap<string, readonly InstanceOrgMember[]>;
}

/**
 * The declarations of the selected orgs, named from all orgs of the instance (see
 * `resourceNames`), sorted by resource name so the generated file reads in a stable order.
 * Unless `allLimits`, a limit whose value most orgs of the instance share is left out (see
 * `limits.ts`).
 *
 * @param all - every org of the instance
 * @param selected - the orgs to declare, a subset of `all`
 */
export function declarations(
  all: readonly InstanceOrg[],
  selected: readonly InstanceOrg[],
  options: DeclarationOptions,
): OrgDeclaration[] {
  const names = resourceNames(all);
  const shared = options.allLimits ? undefined : sharedLimits(all);
  return selected
    .map((org) => {
      const orgId = org.id ?? org.orgId ?? "";
      const resource = names.get(orgId) ?? orgId;
      const values = currentValues(org, options.fields);
      if (shared !== undefined && values.limits !== undefined) {
        const limits = limitsBeyond(values.limits, shared);
        if (limits === undefined) delete values.limits;
        else values.limits = limits;
      }
      const members = options.members?.get(orgId);
      return {
        resource,
        orgId,
        values,
        ...(members === undefined ? {} : { members: memberDeclarations(resource, members) }),
      };
    })
    .sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
}

/** An org's members as declarations named `<org resource>/<email>`, sorted by that name. */
function memberDeclarations(
  orgResource: string,
  members: readonly InstanceOrgMember[],
): MemberDeclaration[] {
  return members
    .filter((m) => m.userId !== undefined && m.role !== undefined)
    .map((m) => ({
      resource: `${orgResource}/${m.email ?? m.userId}`,
      userId: m.userId!,
      ...(m.email === undefined ? {} : { email: m.email }),
      role: m.role!,
    }))
    .sort((a, b) => (a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
}
