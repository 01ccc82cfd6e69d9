/**
 * What differs between a declared membership and the one stored: which properties replace
 * the resource and which the member's PATCH changes. Local: no request.
 */
import type { InstanceOrgMemberPatch } from "../losant/types.generated";
import { isUnknown } from "../unknown";
import type { InstanceOrgMemberInputs, ResourceRole } from "./model";

/** What a membership's diff compares with: the stored outputs, or a member just read. */
export interface StoredMember {
  instanceId?: string;
  orgId?: string;
  userId?: string;
  email?: string;
  role?: string;
  applicationRoles?: ResourceRole[];
  dashboardRoles?: ResourceRole[];
}

/**
 * The properties whose change makes another membership: where it lives and who the member
 * is. Naming the same user by the other of `userId` and `email` is no change; emails compare
 * without regard to case, as Losant compares them.
 */
export function replacingChanges(news: InstanceOrgMemberInputs, olds: StoredMember): string[] {
  const replaces: string[] = [];
  for (const key of ["instanceId", "orgId", "userId"] as const) {
    const value = news[key];
    if (value !== undefined && (isUnknown(value) || value !== olds[key])) replaces.push(key);
  }
  const email = news.email;
  if (email !== undefined && (isUnknown(email) || !sameEmail(email, olds.email)))
    replaces.push("email");
  return replaces;
}

/**
 * The PATCH that brings `current` to the declared roles: the role when it differs, and each
 * list of application or dashboard roles the program declares that differs from the one last
 * written (`current` holds none for a member just found, which the API never tells).
 */
export function rolePatch(
  news: InstanceOrgMemberInputs,
  current: StoredMember,
): InstanceOrgMemberPatch {
  const body: InstanceOrgMemberPatch = {};
  if (news.role !== current.role) body.role = news.role;
  for (const key of ["applicationRoles", "dashboardRoles"] as const) {
    const declared = news[key];
    if (declared !== undefined && !sameGrants(declared, current[key])) body[key] = declared;
  }
  return body;
}

function sameEmail(a: string, b: string | undefined): boolean {
  return b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** Role lists are sets: one role per resource, in no particular order. */
function sameGrants(a: unknown, b: ResourceRole[] | undefined): boolean {
  if (b === undefined || !Array.isArray(a) || a.some(isUnknown)) return false;
  const key = (grants: ResourceRole[]) =>
    grants
      .map((g) => `${g.resourceId}:${g.role}`)
      .sort()
      .join(",");
  return key(a as ResourceRole[]) === key(b);
}
