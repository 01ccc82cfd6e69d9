/**
 * The member checks of `--write`, on the scratch org: what adding an email without a Losant
 * user does, what a second POST of a member does, and whether the org's last admin can be
 * removed. A member they add is removed with the scratch org.
 */
import type { InstanceOrgMember } from "../../provider/losant";
import { statusOf, type ProbeContext } from "./context";
import { runCheck } from "./findings";

/**
 * An address no one receives mail at (`.invalid` is reserved), unique per run: adding it asks
 * the instance what it does with an email that has no user.
 */
export function unknownEmail(nowMs: number): string {
  return `pulumi-losant-probe-${nowMs}@example.invalid`;
}

/**
 * Runs the member checks on the scratch org.
 *
 * @param memberEmail - a user of the instance to add when the instance refuses unknown emails
 *   (`--member-email`); without one, the later checks need the unknown email to be accepted
 */
export async function memberChecks(
  context: ProbeContext,
  orgId: string,
  memberEmail: string | undefined,
): Promise<void> {
  const { record } = context;
  let member: InstanceOrgMember | undefined;
  await runCheck(record, "add unknown email", async () => {
    member = await addUnknownEmail(context, orgId);
  });
  if (member === undefined && memberEmail !== undefined) {
    await runCheck(record, "add --member-email", async () => {
      member = await context.client.addMember(context.instanceId, orgId, {
        email: memberEmail,
        role: "view",
      });
      record.answer("add --member-email", "added", "instanceOrgMember", member);
    });
  }
  const userId = member?.userId;
  if (userId === undefined) {
    record.note("member checks", "skipped: no member to work with (pass --member-email)");
    return;
  }
  await runCheck(record, "add a member again", () => addAgain(context, orgId, userId));
  await runCheck(record, "remove the last admin", () => removeLastAdmin(context, orgId, userId));
}

async function addUnknownEmail(
  context: ProbeContext,
  orgId: string,
): Promise<InstanceOrgMember | undefined> {
  const { client, instanceId, record } = context;
  try {
    const added = await client.addMember(instanceId, orgId, {
      email: unknownEmail(context.now()),
      role: "view",
    });
    const invited = added.firstName === undefined;
    record.answer(
      "add unknown email",
      invited ? "invited (no name yet)" : "user created",
      "instanceOrgMember",
      added,
    );
    record.observe("memberEmailUnknown", invited ? "invite" : "createUser");
    return added;
  } catch (error) {
    if (statusOf(error) !== 400) throw error;
    record.note("add unknown email", "refused (400)");
    record.observe("memberEmailUnknown", "refuse");
    return undefined;
  }
}

async function addAgain(context: ProbeContext, orgId: string, userId: string): Promise<void> {
  const { client, instanceId, record } = context;
  const before = await client.getMember(instanceId, orgId, userId);
  const role = before.role === "edit" ? "collaborate" : "edit";
  try {
    const answer = await client.addMember(instanceId, orgId, { userId, role });
    const updated = answer.role === role;
    record.answer(
      "add a member again",
      updated ? `role changed to ${role}` : "existing membership returned unchanged",
      "instanceOrgMember",
      answer,
    );
    record.observe("memberAddExisting", updated ? "update" : "returnExisting");
  } catch (error) {
    if (statusOf(error) !== 400) throw error;
    record.note("add a member again", "refused (400)");
    record.observe("memberAddExisting", "refuse");
  }
}

async function removeLastAdmin(
  context: ProbeContext,
  orgId: string,
  userId: string,
): Promise<void> {
  const { client, instanceId, record } = context;
  await client.patchMember(instanceId, orgId, userId, { role: "admin" });
  const admins = ((await client.listMembers(instanceId, orgId)).items ?? []).filter(
    (m) => m.role === "admin",
  );
  if (admins.length !== 1) {
    record.note("remove the last admin", `skipped: the scratch org has ${admins.length} admins`);
    return;
  }
  try {
    await client.removeMember(instanceId, orgId, userId);
    record.note("remove the last admin", "removed");
    record.observe("lastAdminRemoval", "allowed");
  } catch (error) {
    if (statusOf(error) !== 400) throw error;
    record.note("remove the last admin", "refused (400)");
    record.observe("lastAdminRemoval", "refused");
  }
}
