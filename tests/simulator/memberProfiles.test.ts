/**
 * The member profile dimensions: each value behaves as `simulator/README.md` says, for the
 * member endpoints and for the `members` of an org POST.
 */
import {
  ALREADY_MEMBER_MESSAGE,
  LAST_ADMIN_MESSAGE,
  UNKNOWN_EMAIL_MESSAGE,
  type SimulatedUser,
  type SimulatorProfile,
} from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { api, expectError, type MemberAnswer } from "./api";

const APP = { resourceId: "aaaaaaaaaaaaaaaaaaaaaaaa", role: "view" };

/** A simulator under `profile` for one `describe`, with request helpers and two users. */
function simulatorWith(profile: Partial<SimulatorProfile>) {
  const sim = useSimulator({ profile });
  const helpers = api(sim);
  const users = { ada: {} as SimulatedUser, grace: {} as SimulatedUser };
  beforeAll(() => {
    [users.ada, users.grace] = sim().users();
  });
  const newOrg = async (body: Record<string, unknown> = {}): Promise<string> =>
    (await helpers.createOrg({ name: "Profiled", ...body })).id;
  const summary = async (orgId: string) =>
    (await helpers.call<{ summary: Record<string, number> }>("GET", helpers.orgPath(orgId))).body
      .summary;
  return { sim, users, newOrg, summary, ...helpers };
}

describe("memberEmailUnknown", () => {
  const email = "new.person@example.com";

  describe("createUser", () => {
    const { sim, newOrg, summary, addMember } = simulatorWith({ memberEmailUnknown: "createUser" });

    it("creates a user named after the email and makes it a member", async () => {
      const orgId = await newOrg();
      const member = await addMember(orgId, { email, role: "view" });
      expect(member).toMatchObject({ email, firstName: "new.person", lastName: "", role: "view" });
      expect(sim().users()).toContainEqual(
        expect.objectContaining({ id: member.userId, email, pending: false }),
      );
      expect(await summary(orgId)).toMatchObject({ memberCount: 1, pendingInviteCount: 0 });
    });

    it("finds the created user by email afterwards", async () => {
      const first = await addMember(await newOrg(), { email: "again@example.com", role: "view" });
      const second = await addMember(await newOrg(), { email: "AGAIN@example.com", role: "edit" });
      expect(second.userId).toBe(first.userId);
    });
  });

  describe("createUser with normalization on", () => {
    const { newOrg, addMember } = simulatorWith({
      memberEmailUnknown: "createUser",
      normalization: "on",
    });

    it("stores the new user's email lower-cased", async () => {
      const member = await addMember(await newOrg(), {
        email: "Mixed.Case@Example.com",
        role: "view",
      });
      expect(member.email).toBe("mixed.case@example.com");
    });
  });

  describe("invite", () => {
    const { sim, newOrg, summary, addMember } = simulatorWith({ memberEmailUnknown: "invite" });

    it("adds a pending member with the email, a new user ID and no name", async () => {
      const orgId = await newOrg();
      const member = await addMember(orgId, { email, role: "edit" });
      expect(member).toMatchObject({
        email,
        role: "edit",
        userId: expect.stringMatching(/^[0-9a-f]{24}$/) as unknown,
      });
      expect(member).not.toHaveProperty("firstName");
      expect(member).not.toHaveProperty("lastName");
      expect(sim().members(orgId)).toEqual([expect.objectContaining({ pending: true })]);
    });

    it("counts the invitation as a pending invite, not a member", async () => {
      const orgId = await newOrg();
      await addMember(orgId, { email: "invited@example.com", role: "view" });
      expect(await summary(orgId)).toMatchObject({ memberCount: 0, pendingInviteCount: 1 });
    });

    it("invites the emails of an org POST", async () => {
      const orgId = await newOrg({
        members: [{ email: "first.invite@example.com", role: "admin" }],
      });
      expect(await summary(orgId)).toMatchObject({ memberCount: 0, pendingInviteCount: 1 });
    });
  });

  describe("refuse", () => {
    const { sim, users, newOrg, call, membersPath, orgsPath, addMember } = simulatorWith({
      memberEmailUnknown: "refuse",
    });

    it("answers 400 and creates no user", async () => {
      const orgId = await newOrg();
      const before = sim().users().length;
      const answer = await call("POST", membersPath(orgId), { body: { email, role: "view" } });
      expectError(answer, 400, "Validation", UNKNOWN_EMAIL_MESSAGE(email));
      expect(sim().users()).toHaveLength(before);
      expect(sim().members(orgId)).toEqual([]);
    });

    it("still adds a known email", async () => {
      const member = await addMember(await newOrg(), { email: users.ada.email, role: "view" });
      expect(member.userId).toBe(users.ada.id);
    });

    it("refuses an org POST naming an unknown email, creating neither org nor user", async () => {
      const [orgs, people] = [sim().orgs().length, sim().users().length];
      const answer = await call("POST", orgsPath(), {
        body: {
          name: "Refused",
          members: [
            { userId: users.ada.id, role: "admin" },
            { email, role: "view" },
          ],
        },
      });
      expectError(answer, 400, "Validation", UNKNOWN_EMAIL_MESSAGE(email));
      expect([sim().orgs().length, sim().users().length]).toEqual([orgs, people]);
    });
  });
});

describe("memberAddExisting", () => {
  describe("refuse", () => {
    const { sim, users, newOrg, call, membersPath, orgsPath, addMember } = simulatorWith({
      memberAddExisting: "refuse",
    });

    it("answers 400 and leaves the membership as it was", async () => {
      const orgId = await newOrg();
      await addMember(orgId, { userId: users.ada.id, role: "view" });
      const answer = await call("POST", membersPath(orgId), {
        body: { email: users.ada.email, role: "edit" },
      });
      expectError(answer, 400, "Validation", ALREADY_MEMBER_MESSAGE(users.ada.id));
      expect(sim().members(orgId)).toEqual([expect.objectContaining({ role: "view" })]);
    });

    it("refuses an org POST naming a user twice", async () => {
      const before = sim().orgs().length;
      const twice = { userId: users.ada.id, role: "admin" };
      const answer = await call("POST", orgsPath(), {
        body: { name: "Twice", members: [twice, twice] },
      });
      expectError(answer, 400, "Validation", ALREADY_MEMBER_MESSAGE(users.ada.id));
      expect(sim().orgs()).toHaveLength(before);
    });
  });

  describe("returnExisting", () => {
    const { sim, users, newOrg, call, membersPath, addMember } = simulatorWith({
      memberAddExisting: "returnExisting",
    });

    it("answers 200 with the existing membership unchanged", async () => {
      const orgId = await newOrg();
      const existing = await addMember(orgId, { userId: users.ada.id, role: "view" });
      const answer = await call<MemberAnswer>("POST", membersPath(orgId), {
        body: { userId: users.ada.id, role: "admin", applicationRoles: [APP] },
      });
      expect(answer).toMatchObject({ status: 200, body: existing });
      expect(sim().members(orgId)).toEqual([
        expect.objectContaining({ role: "view", applicationRoles: [] }),
      ]);
    });
  });

  describe("update", () => {
    const { sim, users, newOrg, addMember } = simulatorWith({ memberAddExisting: "update" });

    it("answers 200 with the posted role applied", async () => {
      const orgId = await newOrg();
      await addMember(orgId, { userId: users.ada.id, role: "view", dashboardRoles: [APP] });
      const member = await addMember(orgId, {
        email: users.ada.email,
        role: "edit",
        applicationRoles: [APP],
      });
      expect(member).toMatchObject({ userId: users.ada.id, role: "edit" });
      expect(sim().members(orgId)).toEqual([
        expect.objectContaining({ role: "edit", applicationRoles: [APP], dashboardRoles: [APP] }),
      ]);
    });

    it("keeps the last role of a user an org POST names twice", async () => {
      const orgId = await newOrg({
        members: [
          { userId: users.ada.id, role: "admin" },
          { userId: users.ada.id, role: "view" },
          { userId: users.grace.id, role: "admin" },
        ],
      });
      expect(
        sim()
          .members(orgId)
          .map((m) => m.role),
      ).toEqual(["view", "admin"]);
    });
  });
});

describe("lastAdminRemoval", () => {
  describe("refused", () => {
    const { sim, users, newOrg, call, membersPath, memberPath, addMember } = simulatorWith({
      lastAdminRemoval: "refused",
      memberAddExisting: "update",
    });
    let orgId: string;
    beforeEach(async () => {
      orgId = await newOrg({
        members: [
          { userId: users.ada.id, role: "admin" },
          { userId: users.grace.id, role: "view" },
        ],
      });
    });

    it("refuses to DELETE the last admin", async () => {
      const answer = await call("DELETE", memberPath(orgId, users.ada.id));
      expectError(answer, 400, "Validation", LAST_ADMIN_MESSAGE(users.ada.id));
      expect(sim().members(orgId)).toHaveLength(2);
    });

    it("refuses a PATCH demoting the last admin", async () => {
      const answer = await call("PATCH", memberPath(orgId, users.ada.id), {
        body: { role: "edit" },
      });
      expectError(answer, 400, "Validation", LAST_ADMIN_MESSAGE(users.ada.id));
      expect(sim().members(orgId)[0].role).toBe("admin");
    });

    it("refuses a re-POST demoting the last admin", async () => {
      const answer = await call("POST", membersPath(orgId), {
        body: { userId: users.ada.id, role: "view" },
      });
      expectError(answer, 400, "Validation", LAST_ADMIN_MESSAGE(users.ada.id));
    });

    it("lets an admin go once another member is admin", async () => {
      await addMember(orgId, { userId: users.grace.id, role: "admin" });
      const answer = await call("DELETE", memberPath(orgId, users.ada.id));
      expect(answer.status).toBe(200);
    });

    it("lets a PATCH keep the last admin an admin", async () => {
      const answer = await call("PATCH", memberPath(orgId, users.ada.id), {
        body: { role: "admin", applicationRoles: [APP] },
      });
      expect(answer.status).toBe(200);
    });
  });

  describe("allowed", () => {
    const { sim, users, newOrg, call, memberPath } = simulatorWith({ lastAdminRemoval: "allowed" });

    it("lets the last admin be demoted and then removed", async () => {
      const orgId = await newOrg({ members: [{ userId: users.ada.id, role: "admin" }] });
      const demoted = await call("PATCH", memberPath(orgId, users.ada.id), {
        body: { role: "view" },
      });
      expect(demoted.status).toBe(200);
      await call("PATCH", memberPath(orgId, users.ada.id), { body: { role: "admin" } });
      const removed = await call("DELETE", memberPath(orgId, users.ada.id));
      expect(removed.status).toBe(200);
      expect(sim().members(orgId)).toEqual([]);
    });
  });
});
