import type * as pulumi from "@pulumi/pulumi";
import type { LosantConnectionOptions } from "../config";
import { withoutHypermedia } from "../../provider/losant/org";
import type { MemberRole } from "../../provider/member/model";
import { sharedRead } from "./call";
import { checkArgumentNames, checkId } from "./checks";
import { outputForm, type InputArgs } from "./outputForm";
import type { OrgArgs } from "./rangeArgs";
import type { InstanceOrgMemberInfo, InstanceOrgMembersResult } from "./results";

/** Arguments of {@link getInstanceOrgMembers}: which org. */
export type GetInstanceOrgMembersArgs = OrgArgs;

/** Arguments of {@link getInstanceOrgMembersOutput}, as Inputs. */
export type GetInstanceOrgMembersOutputArgs = InputArgs<GetInstanceOrgMembersArgs>;

const FN = "getInstanceOrgMembers";
const NAMES = ["instanceId", "orgId"];
const ROLES: readonly MemberRole[] = ["admin", "edit", "collaborate", "view", "none"];

/**
 * Reads the members of one org (`instanceOrgMembers.get`), with how many hold each role.
 *
 * @param args - `instanceId` and `orgId`
 * @param opts - connection overrides; by default stack config, then the environment
 * @returns the members as the API returned them (without `_type`/`_links`), sorted by email,
 *   their count, and the count per role (every role present, 0 when none holds it)
 * @throws LosantArgumentError before any request, naming the argument and the rule it breaks
 * @throws LosantConfigError when no token is configured or the URL is unsafe
 * @throws LosantApiError when the API call fails: 404 when the org does not exist, 403 naming
 *   the scopes needed
 */
export async function getInstanceOrgMembers(
  args: GetInstanceOrgMembersArgs,
  opts?: LosantConnectionOptions,
): Promise<InstanceOrgMembersResult> {
  checkArgumentNames(FN, args, NAMES);
  const instanceId = checkId(FN, "instanceId", args.instanceId);
  const orgId = checkId(FN, "orgId", args.orgId);
  const list = await sharedRead(opts, ["instanceOrgMembers.get", instanceId, orgId], (client) =>
    client.listMembers(instanceId, orgId, { sortField: "email", sortDirection: "asc" }),
  );
  const members = (list.items ?? []).map((m) => withoutHypermedia(m) as InstanceOrgMemberInfo);
  const countByRole = Object.fromEntries(ROLES.map((role) => [role, 0])) as Record<
    MemberRole,
    number
  >;
  for (const member of members) if (member.role !== undefined) countByRole[member.role]++;
  return { instanceId, orgId, members, count: members.length, countByRole };
}

/**
 * The Output form of {@link getInstanceOrgMembers}: takes Inputs, returns an Output. While any
 * argument is unknown (during preview) it sends nothing and the result is unknown.
 *
 * @param args - as for {@link getInstanceOrgMembers}, each value may be an Input
 * @param opts - connection overrides
 * @returns an Output of the members; the errors of {@link getInstanceOrgMembers} fail it
 */
export function getInstanceOrgMembersOutput(
  args: GetInstanceOrgMembersOutputArgs,
  opts?: LosantConnectionOptions,
): pulumi.Output<InstanceOrgMembersResult> {
  return outputForm(args, (plain: GetInstanceOrgMembersArgs) => getInstanceOrgMembers(plain, opts));
}
