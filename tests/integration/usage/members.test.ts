// getInstanceOrgMembers in both forms against the simulator: the members of an org with the
// count per role, the same value from the Output form, and arguments checked before any call.
import * as pulumi from "@pulumi/pulumi";
import {
  getInstanceOrgMembers,
  getInstanceOrgMembersOutput,
  isLosantApiError,
  isLosantArgumentError,
} from "../../../sdk";
import { LosantClient } from "../../../provider";
import { failureOf, useUsageFixture, valueOf } from "./usageSimulator";

const fixture = useUsageFixture();

beforeAll(async () => {
  const { sim, org, admin } = fixture();
  const client = new LosantClient({ token: sim.tokens.admin, url: admin.apiUrl! });
  const [ada, grace, alan] = sim.users();
  await client.addMember(org.instanceId, org.orgId, { userId: ada.id, role: "admin" });
  await client.addMember(org.instanceId, org.orgId, { userId: grace.id, role: "view" });
  await client.addMember(org.instanceId, org.orgId, { userId: alan.id, role: "view" });
});

it("returns the members sorted by email, their count and the count per role", async () => {
  const { sim, org, admin } = fixture();
  sim.requests.reset();
  const result = await getInstanceOrgMembers(org, admin);
  expect(sim.requests.entries.map((e) => e.route)).toEqual([
    "GET /instances/:instanceId/orgs/:orgId/members",
  ]);
  expect(result.members.map((m) => m.email)).toEqual(
    sim
      .users()
      .slice(0, 3)
      .map((u) => u.email)
      .sort(),
  );
  expect(result.members[0]).not.toHaveProperty("_links");
  expect(result.count).toBe(3);
  expect(result.countByRole).toEqual({ admin: 1, edit: 0, collaborate: 0, view: 2, none: 0 });
});

it("gives the same value in its Output form", async () => {
  const { org, admin } = fixture();
  const output = getInstanceOrgMembersOutput(
    { instanceId: pulumi.output(org.instanceId), orgId: Promise.resolve(org.orgId) },
    admin,
  );
  expect(await valueOf(output)).toEqual(await getInstanceOrgMembers(org, admin));
});

it("names a bad orgId before any request", async () => {
  const { sim, org, admin } = fixture();
  sim.requests.reset();
  const failure = await getInstanceOrgMembers({ ...org, orgId: "acme" }, admin).catch(
    (err: unknown) => err,
  );
  expect(isLosantArgumentError(failure) && failure.message).toMatch(/orgId/);
  expect(sim.requests.entries).toEqual([]);
});

it("fails its Output with the API's 404 for an org that does not exist", async () => {
  const { org, admin } = fixture();
  const missing = { ...org, orgId: "0".repeat(24) };
  const failure = await failureOf(getInstanceOrgMembersOutput(missing, admin));
  expect(isLosantApiError(failure) && failure.status).toBe(404);
});
