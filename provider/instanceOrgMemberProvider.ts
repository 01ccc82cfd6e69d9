/**
 * The dynamic provider of InstanceOrgMember, as a module whose exports are its steps, captured
 * by reference into the state like `instanceOrgProvider.ts`: keep its path and exports stable.
 *
 * `check` and `diff` are local. A create first looks for the user among the org's members:
 * one already there is adopted (a PATCH when its role differs), never added twice, whatever
 * the API would answer to a second POST. Reads of many members share one list per org.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { connectedClient, setConnectionSettings, settingsFromConfig } from "./connection";
import { reportingOnce } from "./hostEcho";
import type { LosantClient } from "./losant/client";
import { isLosantApiError, isNotFound, type LosantApiError } from "./losant/errors";
import { emailFilter, findMember, type MemberKey } from "./losant/members";
import type {
  InstanceOrgMember,
  InstanceOrgMemberPatch,
  InstanceOrgMemberPost,
} from "./losant/types.generated";
import { replacingChanges, rolePatch } from "./member/compare";
import {
  memberResourceId,
  toMemberOutputs,
  type InstanceOrgMemberInputs,
  type InstanceOrgMemberOutputs,
} from "./member/model";
import { memberReads } from "./member/reads";
import { validateMemberInputs } from "./member/validation";
import { forEngine } from "./validation";

/** Reads `losant:apiToken` and `losant:apiUrl` from the stack's config for this process. */
export async function configure(req: dynamic.ConfigureRequest): Promise<void> {
  setConnectionSettings(settingsFromConfig(req.config));
}

/** Validates the inputs against the official schema of a member POST; no request. */
export async function check(
  _olds: InstanceOrgMemberInputs,
  news: InstanceOrgMemberInputs,
): Promise<dynamic.CheckResult<InstanceOrgMemberInputs>> {
  const failures = validateMemberInputs(news as unknown as Record<string, unknown>);
  return { inputs: news, failures: failures.map(forEngine) };
}

/**
 * Compares the declared membership with the stored one; no request. Another instance, org or
 * user replaces; roles change in place.
 */
export async function diff(
  _id: string,
  olds: InstanceOrgMemberOutputs,
  news: InstanceOrgMemberInputs,
): Promise<dynamic.DiffResult> {
  const replaces = replacingChanges(news, olds);
  const changed = Object.keys(rolePatch(news, olds));
  return { changes: replaces.length + changed.length > 0, replaces, deleteBeforeReplace: false };
}

/**
 * Makes the user a member with the declared roles. A user who is a member already is adopted:
 * one PATCH when a role differs, none when all match; otherwise one POST.
 *
 * @throws LosantApiError when the API refuses or fails (400 for a user it will not add)
 */
export async function create(
  inputs: InstanceOrgMemberInputs,
): Promise<dynamic.CreateResult<InstanceOrgMemberOutputs>> {
  const client = connectedClient();
  const found = await existingMember(client, inputs);
  const member =
    found ?? (await client.addMember(inputs.instanceId, inputs.orgId, postBody(inputs)));
  // An answer that kept another role (a server that returns an existing membership as it is)
  // is brought to the declared one; a member just added has the declared resource roles.
  const sent = found === undefined ? { ...member, ...resourceRoles(inputs) } : member;
  const outs = await patchIfAny(client, inputs, member, rolePatch(inputs, sent));
  return { id: memberResourceId(inputs.orgId, outs.userId), outs };
}

/**
 * Reads the member into the outputs, so a role changed elsewhere shows in the next preview. A
 * user who is no longer a member yields an empty ID, which drops the resource from the state.
 */
async function readMember(
  id: string,
  state?: InstanceOrgMemberOutputs,
): Promise<dynamic.ReadResult<InstanceOrgMemberOutputs>> {
  if (state === undefined)
    throw new Error(`Cannot read member ${id}: no stored state names its instanceId`);
  let member: InstanceOrgMember;
  try {
    member = await memberReads().read({
      instanceId: state.instanceId,
      orgId: state.orgId,
      userId: state.userId,
    });
  } catch (err) {
    if (isNotFound(err)) return { id: "" };
    throw err;
  }
  return { id, props: toMemberOutputs(member, state) };
}
/** {@link readMember}; its errors reach the user once (see `hostEcho.ts`). */
export const read = reportingOnce(readMember);

/** Sends one PATCH with the roles that changed. @throws LosantApiError */
export async function update(
  _id: string,
  olds: InstanceOrgMemberOutputs,
  news: InstanceOrgMemberInputs,
): Promise<dynamic.UpdateResult<InstanceOrgMemberOutputs>> {
  const outs = await patchIfAny(connectedClient(), news, olds, rolePatch(news, olds));
  return { outs };
}

/**
 * Removes the user from the org; one no longer a member counts as removed.
 *
 * @throws Error naming the likely cause when the API refuses (an org's last admin)
 */
async function deleteMember(_id: string, props: InstanceOrgMemberOutputs): Promise<void> {
  try {
    await connectedClient().removeMember(props.instanceId, props.orgId, props.userId);
  } catch (err) {
    if (isNotFound(err)) return;
    if (isLosantApiError(err) && err.status === 400) throw refusedRemoval(err, props);
    throw err;
  }
}
/** {@link deleteMember}; its errors reach the user once (see `hostEcho.ts`). */
const deleteStep = reportingOnce(deleteMember);
export { deleteStep as delete };

/** The member the inputs name, when the user is in the org already. */
async function existingMember(
  client: LosantClient,
  inputs: InstanceOrgMemberInputs,
): Promise<InstanceOrgMember | undefined> {
  const who = memberKey(inputs);
  if (who.userId === undefined) {
    const list = await client.listMembers(inputs.instanceId, inputs.orgId, emailFilter(who));
    return findMember(list, who);
  }
  try {
    return await client.getMember(inputs.instanceId, inputs.orgId, who.userId);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

async function patchIfAny(
  client: LosantClient,
  inputs: InstanceOrgMemberInputs,
  member: InstanceOrgMember,
  body: InstanceOrgMemberPatch,
): Promise<InstanceOrgMemberOutputs> {
  const userId = member.userId;
  if (userId === undefined || Object.keys(body).length === 0)
    return toMemberOutputs(member, inputs);
  return toMemberOutputs(
    await client.patchMember(inputs.instanceId, inputs.orgId, userId, body),
    inputs,
  );
}

function memberKey(inputs: InstanceOrgMemberInputs): MemberKey {
  return inputs.userId !== undefined ? { userId: inputs.userId } : { email: inputs.email ?? "" };
}

function resourceRoles(inputs: InstanceOrgMemberInputs): Partial<InstanceOrgMemberInputs> {
  const roles: Partial<InstanceOrgMemberInputs> = {};
  if (inputs.applicationRoles !== undefined) roles.applicationRoles = inputs.applicationRoles;
  if (inputs.dashboardRoles !== undefined) roles.dashboardRoles = inputs.dashboardRoles;
  return roles;
}

function postBody(inputs: InstanceOrgMemberInputs): InstanceOrgMemberPost {
  const who = memberKey(inputs);
  return { ...who, role: inputs.role, ...resourceRoles(inputs) } as InstanceOrgMemberPost;
}

function refusedRemoval(err: LosantApiError, member: InstanceOrgMemberOutputs): Error {
  return new Error(
    `Losant refused to remove ${member.email ?? member.userId} from org ${member.orgId}: ` +
      `${err.apiMessage}. An org may not lose its last admin: make another member admin ` +
      `first, or keep this membership with the retainOnDelete resource option.`,
  );
}
