/**
 * Request validation: bad bodies, IDs and query parameters are refused with 400 and a
 * message that names the schema path and rule, before anything is stored.
 */
import {
  INVALID_BODY_MESSAGE,
  INVALID_ID_MESSAGE,
  MALFORMED_JSON_MESSAGE,
  UNKNOWN_SUMMARY_FIELD_MESSAGE,
} from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { api, expectError } from "./api";

const sim = useSimulator();
const { call, createOrg, orgsPath, orgPath } = api(sim);

async function expectRefusedPost(body: unknown, ...details: string[]): Promise<void> {
  const answer = await call("POST", orgsPath(), { body });
  expect(answer.status).toBe(400);
  expect(answer.body.type).toBe("Validation");
  for (const detail of details) expect(answer.body.message).toContain(detail);
}

describe("POST body validation", () => {
  afterEach(() => expect(sim().orgs()).toHaveLength(0));

  it("refuses a dataTTL below one day, naming /limits/dataTTL and minimum", async () => {
    await expectRefusedPost(
      { name: "A", limits: { dataTTL: 3600 } },
      "/limits/dataTTL must be >= 86400 (minimum)",
    );
  });

  it("refuses a tag key with a space, naming /tags/0/key and pattern", async () => {
    await expectRefusedPost(
      { name: "A", tags: [{ key: "bad key", value: "v" }] },
      "/tags/0/key must match pattern",
      "(pattern)",
    );
  });

  it("refuses 101 tags, naming /tags and maxItems", async () => {
    const tags = Array.from({ length: 101 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    await expectRefusedPost(
      { name: "A", tags },
      "/tags must NOT have more than 100 items (maxItems)",
    );
  });

  it("refuses an unknown mfaMode, listing the allowed values", async () => {
    await expectRefusedPost(
      { name: "A", mfaMode: "sometimes" },
      "/mfaMode must be equal to one of the allowed values: notRequired, adminRequired, required (enum)",
    );
  });

  it("refuses a body without a name", async () => {
    await expectRefusedPost({}, "/ must have required property 'name' (required)");
  });

  it("refuses a field the schema does not know, naming it", async () => {
    await expectRefusedPost(
      { name: "A", colour: "red" },
      "/ must NOT have additional properties: colour (additionalProperties)",
    );
  });

  it("refuses server-set fields such as id", async () => {
    await expectRefusedPost({ name: "A", id: "575ec8687ae143cd83dc4a97" }, "additionalProperties");
  });

  it("refuses malformed JSON", async () => {
    const answer = await call("POST", orgsPath(), { rawBody: '{"name": ' });
    expectError(answer, 400, "Validation", MALFORMED_JSON_MESSAGE);
  });

  it("reports every problem of a body at once", async () => {
    const answer = await call("POST", orgsPath(), {
      body: { name: "", limits: { systemInterval: 1 } },
    });
    expect(answer.body.message).toBe(
      INVALID_BODY_MESSAGE(
        "/name must NOT have fewer than 1 characters (minLength); " +
          "/limits/systemInterval must be >= 5 (minimum)",
      ),
    );
  });
});

describe("PATCH body validation", () => {
  it("refuses a systemInterval above 3600 and leaves the org unchanged", async () => {
    const org = await createOrg({ name: "A" });
    const answer = await call("PATCH", orgPath(org.id), {
      body: { limits: { systemInterval: 3601 } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain("/limits/systemInterval must be <= 3600 (maximum)");
    expect(sim().orgs()[0].lastUpdated).toBe(org.lastUpdated);
    await call("DELETE", orgPath(org.id));
  });

  it("refuses members, which only POST accepts", async () => {
    const org = await createOrg({ name: "A" });
    const answer = await call("PATCH", orgPath(org.id), { body: { members: [] } });
    expect(answer.body.message).toContain("additional properties: members");
    await call("DELETE", orgPath(org.id));
  });
});

describe("path IDs", () => {
  it("answers 400 naming orgId when it is not 24 hex characters", async () => {
    const answer = await call("GET", orgPath("not-an-id"));
    expectError(answer, 400, "Validation", INVALID_ID_MESSAGE("orgId"));
  });

  it("answers 400 naming instanceId when it is not 24 hex characters", async () => {
    const answer = await call("GET", orgsPath("1234"));
    expect(answer.body.message).toBe(INVALID_ID_MESSAGE("instanceId"));
  });
});

describe("summaryInclude", () => {
  it("refuses an unknown summary field", async () => {
    const answer = await call("GET", orgsPath(), {
      query: { summaryInclude: "deviceCount,bogus" },
    });
    expectError(answer, 400, "Validation", UNKNOWN_SUMMARY_FIELD_MESSAGE("bogus"));
  });

  it("is checked before a POST is applied", async () => {
    const answer = await call("POST", orgsPath(), {
      body: { name: "A" },
      query: { summaryInclude: "bogus" },
    });
    expect(answer.status).toBe(400);
    expect(sim().orgs()).toHaveLength(0);
  });
});
