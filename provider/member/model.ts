/**
 * An org membership as the InstanceOrgMember resource sees it: its inputs, its outputs, and
 * how a member the API returns becomes those outputs.
 */
import memberSchema from "../../schemas/instanceOrgMember.json";
import type { InstanceOrgMember, InstanceOrgMemberPatch } from "../losant/types.generated";

/** A member's role in the org. */
export type MemberRole = NonNullable<InstanceOrgMemberPatch["role"]>;
/** A role on one application or dashboard of the org. */
export type ResourceRole = NonNullable<InstanceOrgMemberPatch["applicationRoles"]>[number];

/** The inputs of an InstanceOrgMember, as the provider receives them. */
export interface InstanceOrgMemberInputs {
  instanceId: string;
  orgId: string;
  /** The member's user, by ID; exactly one of `userId` and `email` is set. */
  userId?: string;
  /** The member's user, by email; exactly one of `userId` and `email` is set. */
  email?: string;
  role: MemberRole;
  applicationRoles?: ResourceRole[];
  dashboardRoles?: ResourceRole[];
}

/**
 * The outputs of an InstanceOrgMember: the member as the server last returned it, and the
 * application and dashboard roles as last written. The API never returns those roles, so the
 * declared ones are kept to compare with.
 */
export interface InstanceOrgMemberOutputs extends InstanceOrgMember {
  instanceId: string;
  orgId: string;
  userId: string;
  applicationRoles?: ResourceRole[];
  dashboardRoles?: ResourceRole[];
}

/** The fields of a member as the API returns it, from the official schema. */
export const MEMBER_FIELDS = Object.keys(memberSchema.properties) as Array<keyof InstanceOrgMember>;

/** Every output property of an InstanceOrgMember. */
export const MEMBER_OUTPUT_PROPERTIES: ReadonlyArray<keyof InstanceOrgMemberOutputs> = [
  ...MEMBER_FIELDS,
  "applicationRoles",
  "dashboardRoles",
];

/** The resource ID of a membership: `orgId/userId`. */
export function memberResourceId(orgId: string, userId: string): string {
  return `${orgId}/${userId}`;
}

/**
 * The outputs for a member the API returned: its fields, where it lives, and the declared
 * application and dashboard roles (which the answer does not carry).
 *
 * @throws Error when the answer names no user, which no member of the API lacks
 */
export function toMemberOutputs(
  member: InstanceOrgMember,
  declared: Pick<
    InstanceOrgMemberInputs,
    "instanceId" | "orgId" | "applicationRoles" | "dashboardRoles"
  >,
): InstanceOrgMemberOutputs {
  if (member.userId === undefined)
    throw new Error(
      `The Losant API answered for a member of org ${declared.orgId} without its userId`,
    );
  const outs: Record<string, unknown> = {};
  for (const field of MEMBER_FIELDS) {
    if (member[field] !== undefined) outs[field] = member[field];
  }
  outs.instanceId ??= declared.instanceId;
  outs.orgId ??= declared.orgId;
  if (declared.applicationRoles !== undefined) outs.applicationRoles = declared.applicationRoles;
  if (declared.dashboardRoles !== undefined) outs.dashboardRoles = declared.dashboardRoles;
  return outs as unknown as InstanceOrgMemberOutputs;
}
