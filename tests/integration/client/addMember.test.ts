// Guards "a member is never added twice" against the simulator over real HTTP: when the member
// POST is applied and its answer is lost, the client finds the member in the org's list and
// returns it; when the POST never landed, it sends it again. Under every profile, whatever the
// API would answer to a second POST of the same member.
import { LosantClient } from "../../../provider";
import { useSimulator } from "../../helpers/simulator";

const sim = useSimulator();
const MEMBERS = "GET /instances/:instanceId/orgs/:orgId/members";
const POST = "POST /instances/:instanceId/orgs/:orgId/members";

let orgId: string;
const client = () => new LosantClient({ token: sim().tokens.admin, url: sim().url });
const routes = () => sim().requests.entries.map((entry) => entry.route);

beforeEach(async () => {
  orgId = (await client().createOrg(sim().instanceId, { name: `org-${Math.random()}` })).id!;
  sim().requests.reset();
});

it.each([
  ["userId", () => ({ userId: sim().users()[1].id })],
  ["email", () => ({ email: sim().users()[1].email.toUpperCase() })],
])("returns the member a lost POST by %s added, without a second POST", async (_form, who) => {
  sim().faults.add({ kind: "dropAfterApply", method: "POST" });
  const member = await client().addMember(sim().instanceId, orgId, { ...who(), role: "edit" });
  expect(member.userId).toBe(sim().users()[1].id);
  expect(routes()).toEqual([POST, MEMBERS]);
  expect(
    sim()
      .members(orgId)
      .map((m) => [m.userId, m.role]),
  ).toEqual([[sim().users()[1].id, "edit"]]);
});

it("sends the POST again when the list proves the first one never landed", async () => {
  sim().faults.add({ kind: "reset", method: "POST" });
  const member = await client().addMember(sim().instanceId, orgId, {
    userId: sim().users()[2].id,
    role: "view",
  });
  expect(member.userId).toBe(sim().users()[2].id);
  expect(routes()).toEqual([POST, MEMBERS, POST]);
  expect(sim().members(orgId)).toHaveLength(1);
});
