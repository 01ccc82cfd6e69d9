// Moving from InstanceOrg.members (deprecated) to InstanceOrgMember resources loses no
// membership: the org's update ignores the dropped `members` input, and each new resource
// adopts the membership the create made, with GETs only, under every simulator profile.
import type * as dynamic from "@pulumi/pulumi/dynamic";
import * as memberProvider from "../../../provider/instanceOrgMemberProvider";
import type {
  InstanceOrgMemberInputs,
  InstanceOrgMemberOutputs,
} from "../../../provider/member/model";
import { useSimulator } from "../../helpers/simulator";
import { configuredProvider } from "../../helpers/provider";
import { orgInputs } from "./orgFixtures";

const sim = useSimulator();
const members = memberProvider as unknown as Required<
  dynamic.ResourceProvider<InstanceOrgMemberInputs, InstanceOrgMemberOutputs>
>;

it("adopts the members an org was created with, with 0 writes and 0 memberships lost", async () => {
  const orgs = await configuredProvider(sim());
  const [ada, grace] = sim().users();
  const declared = orgInputs(sim(), {
    members: [
      { userId: ada.id, role: "admin" },
      { email: grace.email, role: "view" },
    ],
  });
  const org = await orgs.create(declared);
  const before = sim().members(org.id);
  expect(before).toHaveLength(2);

  // The program drops `members` and declares the same memberships as resources.
  const { members: _dropped, ...withoutMembers } = declared;
  expect((await orgs.diff(org.id, org.outs!, withoutMembers)).changes).toBe(false);
  sim().requests.reset();
  const adopted = await Promise.all([
    members.create({ instanceId: sim().instanceId, orgId: org.id, userId: ada.id, role: "admin" }),
    members.create({
      instanceId: sim().instanceId,
      orgId: org.id,
      email: grace.email,
      role: "view",
    }),
  ]);

  expect(adopted.map((m) => m.id)).toEqual([`${org.id}/${ada.id}`, `${org.id}/${grace.id}`]);
  const writes = sim().requests.entries.filter((e) => e.method !== "GET");
  expect(writes).toEqual([]);
  expect(sim().members(org.id)).toEqual(before);
});
