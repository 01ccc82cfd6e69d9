/**
 * The actions of the instance-org and org-member API and the exact scopes each accepts, transcribed from
 * the Scopes table of `shared/losant-api/README.md`. The client keeps its own table
 * (`provider/losant/scopes.ts`) on purpose: the simulator imports nothing of the client, so
 * the two are independent readings of the documentation and a mistake in one shows up as a
 * failing test instead of agreeing with itself.
 */

/** An API action, named as Losant's documentation names it. */
export type Action =
  | "instanceOrg.get"
  | "instanceOrg.patch"
  | "instanceOrg.delete"
  | "instanceOrg.deviceCounts"
  | "instanceOrg.notebookMinuteCounts"
  | "instanceOrg.payloadCountsBreakdown"
  | "instanceOrgs.post"
  | "instanceOrgs.get"
  | "instanceOrgMembers.get"
  | "instanceOrgMembers.post"
  | "instanceOrgMember.get"
  | "instanceOrgMember.patch"
  | "instanceOrgMember.delete";

const READ = ["all.Instance", "all.Instance.bounded", "all.Instance.read"] as const;
const USER_READ = ["all.User", "all.User.bounded", "all.User.read"] as const;
const WRITE = ["all.Instance", "all.Instance.bounded"] as const;
const USER_WRITE = ["all.User", "all.User.bounded"] as const;

function readScopes(action: Action): readonly string[] {
  const [group] = action.split(".");
  return [...READ, ...USER_READ, `${group}.*`, action];
}

function writeScopes(action: Action): readonly string[] {
  const [group] = action.split(".");
  return [...WRITE, ...USER_WRITE, `${group}.*`, action];
}

// Unlike the org writes, the member writes accept no `.bounded` scope.
function memberWriteScopes(action: Action): readonly string[] {
  const [group] = action.split(".");
  return ["all.Instance", "all.User", `${group}.*`, action];
}

/** Accepted scopes per action; a token needs at least one of them. */
export const ACCEPTED_SCOPES: Readonly<Record<Action, readonly string[]>> = {
  "instanceOrg.get": readScopes("instanceOrg.get"),
  "instanceOrg.deviceCounts": readScopes("instanceOrg.deviceCounts"),
  "instanceOrg.notebookMinuteCounts": readScopes("instanceOrg.notebookMinuteCounts"),
  "instanceOrg.payloadCountsBreakdown": readScopes("instanceOrg.payloadCountsBreakdown"),
  "instanceOrg.patch": writeScopes("instanceOrg.patch"),
  "instanceOrg.delete": writeScopes("instanceOrg.delete"),
  "instanceOrgs.post": writeScopes("instanceOrgs.post"),
  "instanceOrgs.get": readScopes("instanceOrgs.get"),
  "instanceOrgMembers.get": readScopes("instanceOrgMembers.get"),
  "instanceOrgMembers.post": memberWriteScopes("instanceOrgMembers.post"),
  "instanceOrgMember.get": readScopes("instanceOrgMember.get"),
  "instanceOrgMember.patch": memberWriteScopes("instanceOrgMember.patch"),
  "instanceOrgMember.delete": memberWriteScopes("instanceOrgMember.delete"),
};

/**
 * Whether a token's scopes allow an action: exact string match against the accepted list,
 * no wildcard expansion beyond the `group.*` entries the table itself lists.
 */
export function isAuthorized(tokenScopes: readonly string[], action: Action): boolean {
  const accepted = ACCEPTED_SCOPES[action];
  return tokenScopes.some((scope) => accepted.includes(scope));
}
