/**
 * Org member requests refused before anything changes: bodies that break the official
 * schemas (400 naming the path and rule) and tokens without an accepted scope (403, exactly
 * per the README's member scopes table).
 */
import { FORBIDDEN_MESSAGE, INVALID_BODY_MESSAGE, type SimulatedUser } from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { api, expectError, expectExactScopes, README_READ_SCOPES, type RequestSpec } from "./api";

const sim = useSimulator();
const { call, createOrg, membersPath, memberPath, addMember } = api(sim);

const MISSING = "ffffffffffffffffffffffff";
const APP = { resourceId: "aaaaaaaaaaaaaaaaaaaaaaaa", role: "view" };

let ada: SimulatedUser;
let grace: SimulatedUser;
beforeAll(() => {
  [ada, grace] = sim().users();
});

const newOrg = async (): Promise<string> => (await createOrg({ name: "Members" })).id;

describe("body validation", () => {
  let orgId: string;
  beforeAll(async () => {
    orgId = await newOrg();
  });
  afterEach(() => expect(sim().members(orgId)).toEqual([]));

  const refusal = async (method: string, path: string, body: unknown): Promise<unknown> =>
    (await call(method, path, { body })).body;

  it("refuses a bad role, naming /role and the allowed values", async () => {
    expect(await refusal("POST", membersPath(orgId), { userId: ada.id, role: "boss" })).toEqual({
      type: "Validation",
      message: INVALID_BODY_MESSAGE(
        "/role must be equal to one of the allowed values: admin, edit, collaborate, view, none (enum)",
      ),
    });
  });

  it("refuses a malformed email, naming /email and the format", async () => {
    const answer = await refusal("POST", membersPath(orgId), { email: "nope", role: "view" });
    expect(answer).toMatchObject({
      message: INVALID_BODY_MESSAGE('/email must match format "email" (format)'),
    });
  });

  it("refuses userId and email together, naming both", async () => {
    const body = { userId: ada.id, email: ada.email, role: "view" };
    const answer = await call("POST", membersPath(orgId), { body });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain("additional properties: email");
    expect(answer.body.message).toContain("additional properties: userId");
  });

  it("refuses a body without a role", async () => {
    const answer = await call("POST", membersPath(orgId), { body: { userId: ada.id } });
    expect(answer.body.message).toContain("must have required property 'role'");
  });

  it("refuses disallowTransfer with a user ID: only the email form takes it", async () => {
    const body = { userId: ada.id, role: "view", disallowTransfer: true };
    expect(await refusal("POST", membersPath(orgId), body)).toMatchObject({
      message: INVALID_BODY_MESSAGE(
        "/ must NOT have additional properties: disallowTransfer (additionalProperties)",
      ),
    });
  });

  it("refuses more than 100 application roles", async () => {
    const applicationRoles = Array.from({ length: 101 }, () => APP);
    const answer = await call("POST", membersPath(orgId), {
      body: { userId: ada.id, role: "view", applicationRoles },
    });
    expect(answer.body.message).toContain("/applicationRoles must NOT have more than 100 items");
  });

  it("refuses a PATCH of the user ID, which the patch schema does not have", async () => {
    await addMember(orgId, { userId: grace.id, role: "view" });
    const answer = await call("PATCH", memberPath(orgId, grace.id), { body: { userId: ada.id } });
    expect(answer.body.message).toContain("additional properties: userId");
    await call("DELETE", memberPath(orgId, grace.id));
  });

  it("refuses a bad dashboard role of an org POST member, naming its path", async () => {
    const answer = await call("POST", `/instances/${sim().instanceId}/orgs`, {
      body: {
        name: "Bad",
        members: [{ userId: ada.id, role: "view", dashboardRoles: [{ ...APP, role: "admin" }] }],
      },
    });
    expect(answer.body.message).toContain("/members/0/dashboardRoles/0/role must be equal to");
  });
});

// Transcribed from shared/losant-api/README.md ("Organization members"), independently of
// simulator/scopes.ts. Unlike the org writes, member writes take no `.bounded` scope.
const READ = README_READ_SCOPES;
const WRITE = ["all.Instance", "all.User"];
const SCOPES: Record<string, string[]> = {
  "instanceOrgMembers.get": [...READ, "instanceOrgMembers.*", "instanceOrgMembers.get"],
  "instanceOrgMembers.post": [...WRITE, "instanceOrgMembers.*", "instanceOrgMembers.post"],
  "instanceOrgMember.get": [...READ, "instanceOrgMember.*", "instanceOrgMember.get"],
  "instanceOrgMember.patch": [...WRITE, "instanceOrgMember.*", "instanceOrgMember.patch"],
  "instanceOrgMember.delete": [...WRITE, "instanceOrgMember.*", "instanceOrgMember.delete"],
};
const CANDIDATES = [
  ...new Set(Object.values(SCOPES).flat()),
  "instanceOrg.*",
  "instanceOrgs.*",
  "instanceOrg.get",
  "all.Application",
];

describe("scopes", () => {
  let orgId: string;
  beforeAll(async () => {
    orgId = await newOrg();
    await addMember(orgId, { userId: ada.id, role: "admin" });
  });

  /** One request per action; every write targets what a success would not change. */
  function request(action: string): RequestSpec {
    switch (action) {
      case "instanceOrgMembers.get":
        return ["GET", membersPath(orgId), {}];
      case "instanceOrgMembers.post":
        return ["POST", membersPath(MISSING), { body: { userId: ada.id, role: "view" } }];
      case "instanceOrgMember.get":
        return ["GET", memberPath(orgId, ada.id), {}];
      case "instanceOrgMember.patch":
        return ["PATCH", memberPath(orgId, ada.id), { body: {} }];
      default:
        return ["DELETE", memberPath(orgId, MISSING), {}];
    }
  }

  for (const [action, accepted] of Object.entries(SCOPES)) {
    it(`allows ${action} exactly for the scopes the README lists`, async () => {
      await expectExactScopes(sim, () => request(action), CANDIDATES, accepted);
    });
  }

  it("refuses a member PATCH with a bounded scope, naming the action and its scopes", async () => {
    const token = sim().addToken(["all.Instance.bounded"]);
    const answer = await call("PATCH", memberPath(orgId, ada.id), { token, body: {} });
    expectError(
      answer,
      403,
      "Forbidden",
      FORBIDDEN_MESSAGE("instanceOrgMember.patch", SCOPES["instanceOrgMember.patch"]),
    );
  });
});
