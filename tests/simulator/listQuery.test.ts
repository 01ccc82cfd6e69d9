/**
 * The list endpoint's advanced `query` parameter: exact and case-insensitive name matches
 * that no glob or regex character can break, date ranges, tags, member IDs, the logical
 * operators, and Losant's 400 for a query the official schema refuses.
 */
import { INVALID_ADVANCED_QUERY_MESSAGE, INVALID_QUERY_MESSAGE } from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { api, expectError, type OrgsAnswer } from "./api";

let clock = Date.parse("2024-01-01T00:00:00.000Z");
const sim = useSimulator({ now: () => clock });
const { call, createOrg, orgsPath } = api(sim);

const ORGS = [
  { name: "Alpha", tags: [{ key: "team", value: "red" }] },
  { name: "alpha", tags: [{ key: "team", value: "blue" }] },
  { name: "a*b?[c]", tags: [{ key: "env", value: "prod" }] },
  { name: "x.y+(z)$", tags: [] },
  {
    name: "Zürich ☃",
    tags: [
      { key: "team", value: "red" },
      { key: "env", value: "prod" },
    ],
  },
];

const orgIds = new Map<string, string>();
beforeAll(async () => {
  for (const body of ORGS) {
    clock += 60_000;
    orgIds.set(body.name, (await createOrg(body)).id);
  }
});

/** Lists with `query` and returns the names, in the default name order. */
async function names(query: unknown, extra: Record<string, string> = {}): Promise<string[]> {
  const answer = await call<OrgsAnswer>("GET", orgsPath(), {
    query: { query: JSON.stringify(query), ...extra },
  });
  expect(answer.status).toBe(200);
  return answer.body.items.map((org) => org.name);
}

it.each(ORGS.map((org) => org.name))("matches the name %s exactly with $eq", async (name) => {
  expect(await names({ name: { $eq: name } })).toEqual([name]);
});

it("matches a bare name value as $eq", async () => {
  expect(await names({ name: "alpha" })).toEqual(["alpha"]);
});

it("matches names case-insensitively with $ci", async () => {
  expect(await names({ name: { $eq: "ALPHA", $ci: true } })).toEqual(["Alpha", "alpha"]);
});

it("excludes a name with $ne", async () => {
  expect(await names({ name: { $ne: "Alpha" } })).toEqual([
    "Zürich ☃",
    "a*b?[c]",
    "alpha",
    "x.y+(z)$",
  ]);
});

it("matches any of a list with $in", async () => {
  expect(await names({ name: { $in: ["alpha", "x.y+(z)$", "nope"] } })).toEqual([
    "alpha",
    "x.y+(z)$",
  ]);
});

it("matches prefixes, suffixes and parts literally", async () => {
  expect(await names({ name: { $startsWith: "a*" } })).toEqual(["a*b?[c]"]);
  expect(await names({ name: { $endsWith: "(z)$" } })).toEqual(["x.y+(z)$"]);
  expect(await names({ name: { $contains: "LPH", $ci: true } })).toEqual(["Alpha", "alpha"]);
});

it("selects by creationDate with $gt and $lte, given as text or milliseconds", async () => {
  const second = Date.parse("2024-01-01T00:02:00.000Z");
  expect(
    await names({ creationDate: { $gt: "2024-01-01T00:01:00.000Z", $lte: second + 60_000 } }),
  ).toEqual(["a*b?[c]", "alpha"]);
});

it("selects by lastUpdated with $gte and $lt", async () => {
  const fourth = "2024-01-01T00:04:00.000Z";
  expect(await names({ lastUpdated: { $gte: fourth, $lt: "2024-01-01T01:00:00.000Z" } })).toEqual([
    "Zürich ☃",
    "x.y+(z)$",
  ]);
});

it("matches a tag by $tagKey and $tagValue", async () => {
  expect(await names({ tags: { $tagKey: "team", $tagValue: "red" } })).toEqual([
    "Alpha",
    "Zürich ☃",
  ]);
});

it("matches every key of a tag map", async () => {
  expect(await names({ tags: { team: "red", env: "prod" } })).toEqual(["Zürich ☃"]);
});

it("matches orgs without the tag under $ne", async () => {
  expect(await names({ tags: { $ne: { $tagKey: "team" } } })).toEqual(["a*b?[c]", "x.y+(z)$"]);
});

it("combines conditions with $and, $or and $nor", async () => {
  const alphas = { name: { $eq: "alpha", $ci: true } };
  const red = { tags: { team: "red" } };
  expect(await names({ $and: [alphas, red] })).toEqual(["Alpha"]);
  expect(await names({ $or: [{ name: "alpha" }, { name: "a*b?[c]" }] })).toEqual([
    "a*b?[c]",
    "alpha",
  ]);
  expect(await names({ $nor: [alphas, red] })).toEqual(["a*b?[c]", "x.y+(z)$"]);
});

it("overrides filter and filterField, neither echoed nor checked", async () => {
  const answer = await call<OrgsAnswer>("GET", orgsPath(), {
    query: { query: JSON.stringify({ name: "alpha" }), filter: "Z*", filterField: "description" },
  });
  expect(answer.status).toBe(200);
  expect(answer.body.items.map((org) => org.name)).toEqual(["alpha"]);
  expect(answer.body).not.toHaveProperty("filter");
});

it("keeps sorting and paging over the matching orgs", async () => {
  const answer = await call<OrgsAnswer>("GET", orgsPath(), {
    query: { query: JSON.stringify({ name: { $ne: "nope" } }), sortField: "creationDate" },
  });
  expect(answer.body.items.map((org) => org.name)).toEqual(ORGS.map((org) => org.name));
  expect(answer.body.totalCount).toBe(ORGS.length);
});

it("refuses a query that is not JSON", async () => {
  const answer = await call("GET", orgsPath(), { query: { query: "{name:" } });
  expectError(answer, 400, "Validation", INVALID_QUERY_MESSAGE("query", "a JSON object"));
});

it("refuses an operator the schema does not allow, naming it", async () => {
  const answer = await call("GET", orgsPath(), {
    query: { query: JSON.stringify({ name: { $regex: "a.*" } }) },
  });
  expect(answer.status).toBe(400);
  expect(answer.body.type).toBe("Validation");
  expect(answer.body.message.startsWith(INVALID_ADVANCED_QUERY_MESSAGE(""))).toBe(true);
  expect(answer.body.message).toContain("$regex");
});

it("refuses a field the schema does not know", async () => {
  const answer = await call("GET", orgsPath(), {
    query: { query: JSON.stringify({ description: "x" }) },
  });
  expect(answer.status).toBe(400);
  expect(answer.body.message).toContain("description");
});

describe("memberId", () => {
  let ada: string;
  let grace: string;
  beforeAll(async () => {
    [ada, grace] = sim()
      .users()
      .map((user) => user.id);
    const add = (org: string, userId: string, role: string) =>
      call("POST", `${orgsPath()}/${orgIds.get(org)}/members`, { body: { userId, role } });
    await add("Alpha", ada, "admin");
    await add("Alpha", grace, "view");
    await add("alpha", grace, "admin");
  });

  it("matches the orgs where the user is one of the members", async () => {
    expect(await names({ memberId: grace })).toEqual(["Alpha", "alpha"]);
    expect(await names({ memberId: { $eq: ada } })).toEqual(["Alpha"]);
  });

  it("matches with $ne only the orgs where no member is the user", async () => {
    expect(await names({ memberId: { $ne: ada } })).toEqual(
      ORGS.map((org) => org.name)
        .filter((name) => name !== "Alpha")
        .sort(),
    );
  });

  it("matches null for the orgs without members", async () => {
    expect(await names({ memberId: null })).toEqual(["Zürich ☃", "a*b?[c]", "x.y+(z)$"]);
  });
});
