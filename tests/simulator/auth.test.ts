/**
 * Authentication and scopes: every action accepts exactly the scopes of the README's
 * Scopes table, and refusals name the action and the scopes it needs.
 */
import { FORBIDDEN_MESSAGE, INVALID_TOKEN_MESSAGE, MISSING_TOKEN_MESSAGE } from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { api, expectError, expectExactScopes, README_READ_SCOPES, type RequestSpec } from "./api";

const sim = useSimulator();
const { call, createOrg, orgsPath, orgPath } = api(sim);

// Transcribed from shared/losant-api/README.md, independently of simulator/scopes.ts.
const READ = README_READ_SCOPES;
const WRITE = ["all.Instance", "all.Instance.bounded", "all.User", "all.User.bounded"];
const TABLE: Record<string, string[]> = {
  "instanceOrg.get": [...READ, "instanceOrg.*", "instanceOrg.get"],
  "instanceOrg.deviceCounts": [...READ, "instanceOrg.*", "instanceOrg.deviceCounts"],
  "instanceOrg.notebookMinuteCounts": [
    ...READ,
    "instanceOrg.*",
    "instanceOrg.notebookMinuteCounts",
  ],
  "instanceOrg.payloadCountsBreakdown": [
    ...READ,
    "instanceOrg.*",
    "instanceOrg.payloadCountsBreakdown",
  ],
  "instanceOrg.patch": [...WRITE, "instanceOrg.*", "instanceOrg.patch"],
  "instanceOrg.delete": [...WRITE, "instanceOrg.*", "instanceOrg.delete"],
  "instanceOrgs.post": [...WRITE, "instanceOrgs.*", "instanceOrgs.post"],
  "instanceOrgs.get": [...READ, "instanceOrgs.*", "instanceOrgs.get"],
};
const ALL_SCOPES = [
  ...new Set(Object.values(TABLE).flat()),
  "instanceOrg.other",
  "all.Application",
];

let orgId: string;
beforeAll(async () => {
  orgId = (await createOrg({ name: "Scoped" })).id;
});

/** One request per action; DELETE targets a fresh ID so a success removes nothing. */
function request(action: string): RequestSpec {
  const org = orgPath(orgId);
  switch (action) {
    case "instanceOrg.get":
      return ["GET", org, {}];
    case "instanceOrg.patch":
      return ["PATCH", org, { body: {} }];
    case "instanceOrg.delete":
      return ["DELETE", orgPath("ffffffffffffffffffffffff"), {}];
    case "instanceOrgs.post":
      return ["POST", orgsPath(), { body: { name: "Scoped too" } }];
    case "instanceOrgs.get":
      return ["GET", orgsPath(), {}];
    default:
      return ["GET", `${org}/${action.split(".")[1]}`, {}];
  }
}

describe("authentication", () => {
  it("answers 401 without an Authorization header", async () => {
    const answer = await call("GET", orgsPath(), { token: null });
    expectError(answer, 401, "Unauthorized", MISSING_TOKEN_MESSAGE);
  });

  it("answers 401 for an unknown token", async () => {
    const answer = await call("GET", orgsPath(), { token: "not-a-token" });
    expectError(answer, 401, "Unauthorized", INVALID_TOKEN_MESSAGE);
  });

  it("answers 401 before 404 for an unknown route", async () => {
    expect((await call("GET", "/nowhere", { token: null })).status).toBe(401);
  });

  it("never echoes the token in an error", async () => {
    const answer = await call("GET", orgsPath(), { token: "secret-token-value" });
    expect(JSON.stringify(answer.body)).not.toContain("secret-token-value");
  });
});

describe("scopes", () => {
  it("lets the read-only token read an org", async () => {
    const answer = await call("GET", orgPath(orgId), { token: sim().tokens.readOnly });
    expect(answer.status).toBe(200);
  });

  it("refuses a PATCH with the read-only token, naming the action and its scopes", async () => {
    const answer = await call("PATCH", orgPath(orgId), {
      token: sim().tokens.readOnly,
      body: { name: "x" },
    });
    expectError(
      answer,
      403,
      "Forbidden",
      FORBIDDEN_MESSAGE("instanceOrg.patch", TABLE["instanceOrg.patch"]),
    );
    expect(sim().orgs()[0].name).toBe("Scoped");
  });

  it("lets a token with only instanceOrg.deviceCounts read device counts but not the org", async () => {
    const token = sim().addToken(["instanceOrg.deviceCounts"]);
    expect((await call("GET", `${orgPath(orgId)}/deviceCounts`, { token })).status).toBe(200);
    expect((await call("GET", orgPath(orgId), { token })).status).toBe(403);
  });

  it("answers 403 before looking the org up", async () => {
    const token = sim().addToken(["instanceOrg.get"]);
    const answer = await call("DELETE", orgPath("ffffffffffffffffffffffff"), { token });
    expect(answer.status).toBe(403);
  });

  for (const [action, accepted] of Object.entries(TABLE)) {
    it(`allows ${action} exactly for the scopes the README lists`, async () => {
      await expectExactScopes(sim, () => request(action), ALL_SCOPES, accepted);
    });
  }
});
