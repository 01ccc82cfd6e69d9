import { orgPath } from "./paths";
import type { ApiRequest } from "./request";
import type {
  InstanceOrgMember,
  InstanceOrgMemberPatch,
  InstanceOrgMemberPost,
  InstanceOrgMembers,
} from "./types.generated";

/** The path of an org's member collection, below the API's base URL. */
export function membersPath(instanceId: string, orgId: string): string {
  return `${orgPath(instanceId, orgId)}/members`;
}

/** The path of one member of an org, below the API's base URL. */
export function memberPath(instanceId: string, orgId: string, userId: string): string {
  return `${membersPath(instanceId, orgId)}/${encodeURIComponent(userId)}`;
}

/** Query of the member list: a glob `filter` on `filterField`, and the sort. */
export interface ListMembersQuery {
  sortField?: "email" | "role";
  sortDirection?: "asc" | "desc";
  filterField?: "email" | "role";
  filter?: string;
}

/** The org's member list: all a member POST needs of the client to settle an unknown outcome. */
export type ListMembers = (query: ListMembersQuery) => Promise<InstanceOrgMembers>;

/**
 * The POST of a new member that is never applied twice. An attempt whose outcome is unknown
 * is settled by looking the member up in the org's list: found, the POST landed and the member
 * is the answer; absent, it did not, and the retry loop sends it again.
 *
 * @param listMembers - reads the org's member list (the lookup)
 */
export function addMemberRequest(
  instanceId: string,
  orgId: string,
  body: InstanceOrgMemberPost,
  listMembers: ListMembers,
): ApiRequest<InstanceOrgMember> {
  return {
    action: "instanceOrgMembers.post",
    method: "POST",
    path: membersPath(instanceId, orgId),
    body,
    settle: async () => {
      const who = memberOf(body);
      return findMember(await listMembers(emailFilter(who)), who);
    },
  };
}

/** Whom a member POST names: its `userId`, or its `email`. */
export type MemberKey =
  { userId: string; email?: undefined } | { email: string; userId?: undefined };

/** Whom a member POST's body names. */
export function memberOf(body: InstanceOrgMemberPost): MemberKey {
  return "userId" in body ? { userId: body.userId } : { email: body.email };
}

/**
 * The member of `list` that `who` names: by `userId` when it has one, else by email, which
 * Losant compares without regard to case.
 */
export function findMember(
  list: InstanceOrgMembers,
  who: MemberKey,
): InstanceOrgMember | undefined {
  const items = list.items ?? [];
  if (who.userId !== undefined) return items.find((m) => m.userId === who.userId);
  const email = who.email.toLowerCase();
  return items.find((m) => m.email?.toLowerCase() === email);
}

/**
 * A list query narrowed to one email, so the lookup reads one member rather than the org's
 * all. The filter is a glob: its special characters are replaced by `?`, which matches them
 * too, and {@link findMember} then compares exactly.
 */
export function emailFilter(who: MemberKey): ListMembersQuery {
  if (who.email === undefined) return {};
  return { filterField: "email", filter: who.email.replace(/[*?[\]\\]/g, "?") };
}

/** `instanceOrgMember.patch` as a request. */
export function patchMemberRequest(
  instanceId: string,
  orgId: string,
  userId: string,
  body: InstanceOrgMemberPatch,
): ApiRequest<InstanceOrgMember> {
  return {
    action: "instanceOrgMember.patch",
    method: "PATCH",
    path: memberPath(instanceId, orgId, userId),
    body,
  };
}
