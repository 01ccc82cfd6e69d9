/**
 * Org members: the five endpoints, their 404s, list sorting and filtering, and the members
 * an org POST brings, under the default `documented` profile (refusals of bodies and scopes
 * are in memberRequests.test.ts, the profile answers in memberProfiles.test.ts).
 */
import {
  INSTANCE_NOT_FOUND_MESSAGE,
  INVALID_ID_MESSAGE,
  INVALID_QUERY_MESSAGE,
  MEMBER_NOT_FOUND_MESSAGE,
  ORG_NOT_FOUND_MESSAGE,
  USER_NOT_FOUND_MESSAGE,
  startSimulator,
  type SimulatedUser,
} from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { api, expectError, type MemberAnswer, type MembersAnswer } from "./api";

const sim = useSimulator();
const { call, createOrg, orgPath, membersPath, memberPath, addMember } = api(sim);

const MISSING = "ffffffffffffffffffffffff";
const APP = { resourceId: "aaaaaaaaaaaaaaaaaaaaaaaa", role: "view" };

/** The seeded users: ada, grace, alan, katherine, edsger, barbara. */
let users: SimulatedUser[];
let ada: SimulatedUser;
let grace: SimulatedUser;
beforeAll(() => {
  users = sim().users();
  [ada, grace] = users;
});

const newOrg = async (): Promise<string> => (await createOrg({ name: "Members" })).id;

describe("users", () => {
  it("seeds six users per instance with names, emails and avatars", () => {
    expect(users).toHaveLength(6);
    expect(ada).toMatchObject({
      email: "ada.lovelace@example.com",
      firstName: "Ada",
      lastName: "Lovelace",
      twoFactorAuthEnabled: true,
      pending: false,
    });
  });

  it("seeds the same user IDs for the same instance ID on every run", async () => {
    const other = await startSimulator();
    try {
      const id = other.addInstance({ id: "0123456789abcdef01234567" });
      const again = sim().addInstance({ id });
      expect(
        sim()
          .users(again)
          .map((u) => u.id),
      ).toEqual(other.users(id).map((u) => u.id));
    } finally {
      await other.close();
    }
  });

  it("gives another instance other user IDs", () => {
    const instanceId = sim().addInstance();
    const ids = new Set(users.map((u) => u.id));
    expect(
      sim()
        .users(instanceId)
        .filter((u) => ids.has(u.id)),
    ).toEqual([]);
  });

  it("adds a user a test needs", () => {
    const user = sim().addUser({ email: "test.user@example.com", firstName: "Test" });
    expect(sim().users()).toContainEqual(user);
  });
});

describe("POST /instances/:instanceId/orgs/:orgId/members", () => {
  it("adds a user by ID and answers the member object", async () => {
    const orgId = await newOrg();
    const member = await addMember(orgId, { userId: ada.id, role: "admin" });
    expect(member).toEqual({
      instanceId: sim().instanceId,
      orgId,
      userId: ada.id,
      email: ada.email,
      firstName: "Ada",
      lastName: "Lovelace",
      role: "admin",
      avatarUrl: ada.avatarUrl,
      twoFactorAuthEnabled: true,
      ssoLinked: false,
      _type: "instanceOrgMember",
      _links: {
        self: { href: memberPath(orgId, ada.id) },
        instanceOrgMembers: { href: membersPath(orgId) },
        instanceOrg: { href: orgPath(orgId) },
      },
    });
  });

  it("adds a user by email, whatever its case", async () => {
    const orgId = await newOrg();
    const member = await addMember(orgId, { email: "GRACE.Hopper@example.com", role: "view" });
    expect(member).toMatchObject({ userId: grace.id, email: grace.email, role: "view" });
  });

  it("keeps application and dashboard roles without answering them", async () => {
    const orgId = await newOrg();
    const body = { userId: ada.id, role: "view", applicationRoles: [APP], dashboardRoles: [] };
    const member = await addMember(orgId, body);
    expect(member).not.toHaveProperty("applicationRoles");
    expect(sim().members(orgId)).toEqual([
      expect.objectContaining({ applicationRoles: [APP], dashboardRoles: [], pending: false }),
    ]);
  });

  it("counts members in the org summary", async () => {
    const orgId = await newOrg();
    await addMember(orgId, { userId: ada.id, role: "admin" });
    await addMember(orgId, { userId: grace.id, role: "view" });
    const org = await call<{ summary: { memberCount: number } }>("GET", orgPath(orgId));
    expect(org.body.summary.memberCount).toBe(2);
  });

  it("refuses a user ID no user of the instance has, adding nothing", async () => {
    const orgId = await newOrg();
    const answer = await call("POST", membersPath(orgId), {
      body: { userId: MISSING, role: "view" },
    });
    expectError(answer, 400, "Validation", USER_NOT_FOUND_MESSAGE(MISSING));
    expect(sim().members(orgId)).toEqual([]);
  });

  it("refuses a user of another instance", async () => {
    const stranger = sim().users(sim().addInstance())[0];
    const orgId = await newOrg();
    const answer = await call("POST", membersPath(orgId), {
      body: { userId: stranger.id, role: "view" },
    });
    expectError(answer, 400, "Validation", USER_NOT_FOUND_MESSAGE(stranger.id));
  });
});

describe("GET /instances/:instanceId/orgs/:orgId/members/:userId", () => {
  it("returns what POST returned", async () => {
    const orgId = await newOrg();
    const added = await addMember(orgId, { userId: ada.id, role: "edit" });
    const answer = await call<MemberAnswer>("GET", memberPath(orgId, ada.id));
    expect(answer).toMatchObject({ status: 200, body: added });
  });

  it("answers 404 for a user who is not a member", async () => {
    const orgId = await newOrg();
    const answer = await call("GET", memberPath(orgId, grace.id));
    expectError(answer, 404, "NotFound", MEMBER_NOT_FOUND_MESSAGE);
  });

  it("answers 404 for an unknown org", async () => {
    const answer = await call("GET", memberPath(MISSING, ada.id));
    expectError(answer, 404, "NotFound", ORG_NOT_FOUND_MESSAGE);
  });

  it("answers 404 for an unknown instance", async () => {
    const answer = await call("GET", `/instances/${MISSING}/orgs/${MISSING}/members/${ada.id}`);
    expectError(answer, 404, "NotFound", INSTANCE_NOT_FOUND_MESSAGE);
  });

  it("answers 400 for a user ID that is not 24 hex characters", async () => {
    const orgId = await newOrg();
    const answer = await call("GET", memberPath(orgId, "nope"));
    expectError(answer, 400, "Validation", INVALID_ID_MESSAGE("userId"));
  });
});

describe("PATCH /instances/:instanceId/orgs/:orgId/members/:userId", () => {
  it("changes the role and answers the member", async () => {
    const orgId = await newOrg();
    await addMember(orgId, { userId: ada.id, role: "view" });
    const answer = await call<MemberAnswer>("PATCH", memberPath(orgId, ada.id), {
      body: { role: "edit" },
    });
    expect(answer.body).toMatchObject({ userId: ada.id, role: "edit" });
    expect((await call<MemberAnswer>("GET", memberPath(orgId, ada.id))).body.role).toBe("edit");
  });

  it("replaces application roles and keeps what it does not send", async () => {
    const orgId = await newOrg();
    await addMember(orgId, { userId: ada.id, role: "view", dashboardRoles: [APP] });
    await call("PATCH", memberPath(orgId, ada.id), { body: { applicationRoles: [APP] } });
    expect(sim().members(orgId)[0]).toMatchObject({
      role: "view",
      applicationRoles: [APP],
      dashboardRoles: [APP],
    });
  });

  it("answers 404 for a user who is not a member", async () => {
    const orgId = await newOrg();
    const answer = await call("PATCH", memberPath(orgId, ada.id), { body: { role: "view" } });
    expectError(answer, 404, "NotFound", MEMBER_NOT_FOUND_MESSAGE);
  });
});

describe("DELETE /instances/:instanceId/orgs/:orgId/members/:userId", () => {
  it("removes the member and answers success", async () => {
    const orgId = await newOrg();
    await addMember(orgId, { userId: ada.id, role: "view" });
    const answer = await call("DELETE", memberPath(orgId, ada.id));
    expect(answer).toMatchObject({ status: 200, body: { success: true } });
    expect(sim().members(orgId)).toEqual([]);
  });

  it("answers 404 the second time", async () => {
    const orgId = await newOrg();
    await addMember(orgId, { userId: ada.id, role: "view" });
    await call("DELETE", memberPath(orgId, ada.id));
    const answer = await call("DELETE", memberPath(orgId, ada.id));
    expectError(answer, 404, "NotFound", MEMBER_NOT_FOUND_MESSAGE);
  });

  it("takes the member out of the summary count", async () => {
    const orgId = await newOrg();
    await addMember(orgId, { userId: ada.id, role: "view" });
    await call("DELETE", memberPath(orgId, ada.id));
    const org = await call<{ summary: { memberCount: number } }>("GET", orgPath(orgId));
    expect(org.body.summary.memberCount).toBe(0);
  });
});

describe("members of an org POST", () => {
  it("become members with their roles", async () => {
    const org = await createOrg({
      name: "Seeded",
      members: [
        { userId: ada.id, role: "admin" },
        { email: grace.email, role: "view" },
      ],
    });
    const list = await call<MembersAnswer>("GET", membersPath(org.id));
    expect(list.body.items.map((m) => [m.userId, m.role])).toEqual([
      [ada.id, "admin"],
      [grace.id, "view"],
    ]);
    expect(org.summary).toMatchObject({ memberCount: 2, pendingInviteCount: 0 });
  });

  it("refuse the whole create for an unknown user ID", async () => {
    const before = sim().orgs().length;
    const answer = await call("POST", "/instances/" + sim().instanceId + "/orgs", {
      body: { name: "Nope", members: [{ userId: MISSING, role: "admin" }] },
    });
    expectError(answer, 400, "Validation", USER_NOT_FOUND_MESSAGE(MISSING));
    expect(sim().orgs()).toHaveLength(before);
  });

  it("go away with their org", async () => {
    const org = await createOrg({ name: "Gone", members: [{ userId: ada.id, role: "admin" }] });
    await call("DELETE", orgPath(org.id));
    const answer = await call("GET", memberPath(org.id, ada.id));
    expectError(answer, 404, "NotFound", ORG_NOT_FOUND_MESSAGE);
  });
});

describe("GET /instances/:instanceId/orgs/:orgId/members", () => {
  let orgId: string;
  beforeAll(async () => {
    orgId = await newOrg();
    const roles = ["view", "admin", "edit", "view", "collaborate", "none"];
    for (const [i, user] of users.entries()) {
      await addMember(orgId, { userId: user.id, role: roles[i] });
    }
  });

  const list = async (query: Record<string, string> = {}) =>
    (await call<MembersAnswer>("GET", membersPath(orgId), { query })).body;

  it("sorts by email, ascending, by default and echoes it", async () => {
    const answer = await list();
    expect(answer.items.map((m) => m.email)).toEqual(users.map((u) => u.email).sort());
    expect(answer).toMatchObject({
      instanceId: sim().instanceId,
      orgId,
      count: 6,
      sortField: "email",
      sortDirection: "asc",
      _type: "instanceOrgMembers",
    });
    expect(answer).not.toHaveProperty("filter");
  });

  it("sorts by role, descending, ties by email", async () => {
    const answer = await list({ sortField: "role", sortDirection: "DESC" });
    expect(answer.items.map((m) => `${m.role} ${m.firstName}`)).toEqual([
      "view Katherine",
      "view Ada",
      "none Barbara",
      "edit Alan",
      "collaborate Edsger",
      "admin Grace",
    ]);
  });

  it("filters emails with a case-insensitive glob", async () => {
    const answer = await list({ filter: "A*@EXAMPLE.com" });
    expect(answer.items.map((m) => m.firstName)).toEqual(["Ada", "Alan"]);
    expect(answer).toMatchObject({ count: 2, filter: "A*@EXAMPLE.com", filterField: "email" });
  });

  it("filters roles", async () => {
    const answer = await list({ filterField: "role", filter: "view" });
    expect(answer.items.map((m) => m.firstName)).toEqual(["Ada", "Katherine"]);
  });

  it("refuses a sort field other than email and role", async () => {
    const answer = await call("GET", membersPath(orgId), { query: { sortField: "name" } });
    expectError(answer, 400, "Validation", INVALID_QUERY_MESSAGE("sortField", "email, role"));
  });

  it("refuses a filter field other than email and role", async () => {
    const answer = await call("GET", membersPath(orgId), {
      query: { filterField: "firstName", filter: "A*" },
    });
    expectError(answer, 400, "Validation", INVALID_QUERY_MESSAGE("filterField", "email, role"));
  });

  it("answers 404 for an unknown org", async () => {
    const answer = await call("GET", membersPath(MISSING));
    expectError(answer, 404, "NotFound", ORG_NOT_FOUND_MESSAGE);
  });
});

describe("request log", () => {
  it("counts member requests by method and route", async () => {
    const orgId = await newOrg();
    await addMember(orgId, { userId: ada.id, role: "admin" });
    await call("GET", memberPath(orgId, ada.id));
    await call("GET", membersPath(orgId));
    const member = "/instances/:instanceId/orgs/:orgId/members/:userId";
    expect(sim().requests.count({ route: `POST /instances/:instanceId/orgs/:orgId/members` })).toBe(
      1,
    );
    expect(sim().requests.count({ route: `GET ${member}`, path: memberPath(orgId, ada.id) })).toBe(
      1,
    );
    expect(sim().requests.count({ method: "GET", path: membersPath(orgId) })).toBe(1);
  });
});
