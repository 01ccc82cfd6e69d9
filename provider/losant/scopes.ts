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
  | "instanceOrgs.get";

const readAll = ["all.Instance", "all.Instance.bounded", "all.Instance.read"];
const writeAll = ["all.Instance", "all.Instance.bounded"];
const userRead = ["all.User", "all.User.bounded", "all.User.read"];
const userWrite = ["all.User", "all.User.bounded"];

function accepted(action: LosantAction, read: boolean): readonly string[] {
  const group = action.slice(0, action.indexOf("."));
  return [...(read ? readAll : writeAll), ...(read ? userRead : userWrite), `${group}.*`, action];
}

/**
 * The scopes a token may carry for each action; any one of them is enough.
 */
export const ACTION_SCOPES: Readonly<Record<LosantAction, readonly string[]>> = {
  "instanceOrg.get": accepted("instanceOrg.get", true),
  "instanceOrg.patch": accepted("instanceOrg.patch", false),
  "instanceOrg.delete": accepted("instanceOrg.delete", false),
  "instanceOrg.deviceCounts": accepted("instanceOrg.deviceCounts", true),
  "instanceOrg.notebookMinuteCounts": accepted("instanceOrg.notebookMinuteCounts", true),
  "instanceOrg.payloadCountsBreakdown": accepted("instanceOrg.payloadCountsBreakdown", true),
  "instanceOrgs.post": accepted("instanceOrgs.post", false),
  "instanceOrgs.get": accepted("instanceOrgs.get", true),
};
