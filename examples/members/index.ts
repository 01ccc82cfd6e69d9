/**
 * Orgs and their members, from stack config: one InstanceOrg per org, one InstanceOrgMember
 * per membership. Change a role, drop a member or add one in the config and `pulumi up`
 * sends exactly that change; a member removed in Losant's console comes back at the next
 * `pulumi up --refresh`.
 */
import * as pulumi from "@pulumi/pulumi";
import { InstanceOrg, InstanceOrgMember, getInstanceOrgMembers } from "pulumi-losant";

/** One membership: who (by email) and with which role. */
interface Membership {
  email: string;
  role: "admin" | "edit" | "collaborate" | "view" | "none";
}

const config = new pulumi.Config();
const instanceId = config.require("instanceId");
const teams = config.requireObject<Record<string, Membership[]>>("teams");

const admins: Record<string, pulumi.Output<number>> = {};
for (const [orgName, members] of Object.entries(teams)) {
  const slug = orgName.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const org = new InstanceOrg(slug, { instanceId, name: orgName });
  const memberships = members.map(
    (member) =>
      // The resource name stays the same when the role changes: a role change is an update.
      new InstanceOrgMember(
        `${slug}-${member.email}`,
        { instanceId, orgId: org.id, email: member.email, role: member.role },
        // Deleting the org removes its members with it: no DELETE per member first, which
        // Losant may refuse for the org's last admin.
        { deletedWith: org },
      ),
  );
  // Read once every membership is in place, so the count is the one after this update.
  admins[orgName] = pulumi
    .all([org.id, ...memberships.map((m) => m.id)])
    .apply(([orgId]) => getInstanceOrgMembers({ instanceId, orgId }))
    .apply((result) => result.countByRole.admin);
}

/** How many admins each org has, as Losant counts them after the update. */
export const adminCounts = admins;
