/**
 * The API actions this client calls and the token scopes each one accepts, from the Losant API
 * reference (`../shared/losant-api/README.md`, "Scopes"). A 401 or 403 error quotes them so the
 * user knows which token to mint.
 */

/** An action of the Losant API, named as Losant's documentation names it. */
export type LosantAction =
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

const readAll = ["all.Instance", "all.Instance.bounded", "all.Instance.read"];
const writeAll = ["all.Instance", "all.Instance.bounded"];
const userRead = ["all.User", "all.User.bounded", "all.User.read"];
const userWrite = ["all.User", "all.User.bounded"];

/**
 * Which broad scopes an action accepts: reads take the `.read` and `.bounded` forms, org writes
 * the `.bounded` forms, and member writes neither (the API reference lists only `all.Instance`
 * and `all.User` for them).
 */
type Access = "read" | "write" | "memberWrite";

const BROAD_SCOPES: Readonly<Record<Access, readonly string[]>> = {
  read: [...readAll, ...userRead],
  write: [...writeAll, ...userWrite],
  memberWrite: ["all.Instance", "all.User"],
};

function accepted(action: LosantAction, access: Access): readonly string[] {
  const group = action.slice(0, action.indexOf("."));
  return [...BROAD_SCOPES[access], `${group}.*`, action];
}

/**
 * The scopes a token may carry for each action; any one of them is enough.
 */
export const ACTION_SCOPES: Readonly<Record<LosantAction, readonly string[]>> = {
  "instanceOrg.get": accepted("instanceOrg.get", "read"),
  "instanceOrg.patch": accepted("instanceOrg.patch", "write"),
  "instanceOrg.delete": accepted("instanceOrg.delete", "write"),
  "instanceOrg.deviceCounts": accepted("instanceOrg.deviceCounts", "read"),
  "instanceOrg.notebookMinuteCounts": accepted("instanceOrg.notebookMinuteCounts", "read"),
  "instanceOrg.payloadCountsBreakdown": accepted("instanceOrg.payloadCountsBreakdown", "read"),
  "instanceOrgs.post": accepted("instanceOrgs.post", "write"),
  "instanceOrgs.get": accepted("instanceOrgs.get", "read"),
  "instanceOrgMembers.get": accepted("instanceOrgMembers.get", "read"),
  "instanceOrgMembers.post": accepted("instanceOrgMembers.post", "memberWrite"),
  "instanceOrgMember.get": accepted("instanceOrgMember.get", "read"),
  "instanceOrgMember.patch": accepted("instanceOrgMember.patch", "memberWrite"),
  "instanceOrgMember.delete": accepted("instanceOrgMember.delete", "memberWrite"),
};
