/**
 * The list endpoint: glob filter on name, sorting, paging, and refusals of parameters it
 * does not support.
 */
import { INVALID_QUERY_MESSAGE } from "../../simulator";
import { useSimulator } from "../helpers/simulator";
import { api, expectError, type OrgsAnswer } from "./api";

let clock = Date.parse("2024-01-01T00:00:00.000Z");
const sim = useSimulator({ now: () => clock });
const { call, createOrg, orgsPath } = api(sim);

const NAMES = ["beta", "Alpha", "alpha-2", "gamma", "alpine"];

beforeAll(async () => {
  for (const name of NAMES) {
    clock += 1000;
    await createOrg({ name });
  }
});

async function list(query: Record<string, string | number> = {}): Promise<OrgsAnswer> {
  const answer = await call<OrgsAnswer>("GET", orgsPath(), { query });
  expect(answer.status).toBe(200);
  return answer.body;
}

const names = (answer: OrgsAnswer): string[] => answer.items.map((org) => org.name);

it("sorts by name ascending by default", async () => {
  expect(names(await list())).toEqual(["Alpha", "alpha-2", "alpine", "beta", "gamma"]);
});

it("sorts by name descending", async () => {
  expect(names(await list({ sortDirection: "desc" }))).toEqual([
    "gamma",
    "beta",
    "alpine",
    "alpha-2",
    "Alpha",
  ]);
});

it("sorts by creationDate", async () => {
  expect(names(await list({ sortField: "creationDate" }))).toEqual(NAMES);
});

it("filters names with a case-insensitive glob where * matches any run", async () => {
  expect(names(await list({ filter: "al*" }))).toEqual(["Alpha", "alpha-2", "alpine"]);
});

it("filters with ? matching exactly one character", async () => {
  expect(names(await list({ filter: "alph?" }))).toEqual(["Alpha"]);
});

it("matches the whole name, not a part of it", async () => {
  expect(names(await list({ filter: "eta" }))).toEqual([]);
});

it("treats regular expression characters in the filter literally", async () => {
  expect(names(await list({ filter: "alpha.2" }))).toEqual([]);
});

it("pages with page and perPage, reporting count and totalCount", async () => {
  const answer = await list({ perPage: 2, page: 1 });
  expect(answer).toMatchObject({ count: 2, totalCount: 5, perPage: 2, page: 1 });
  expect(names(answer)).toEqual(["alpine", "beta"]);
});

it("answers an empty page past the end", async () => {
  expect(await list({ perPage: 2, page: 3 })).toMatchObject({ count: 0, totalCount: 5 });
});

it("echoes the list parameters and hypermedia", async () => {
  expect(await list({ filter: "b*" })).toMatchObject({
    instanceId: sim().instanceId,
    filter: "b*",
    filterField: "name",
    sortField: "name",
    sortDirection: "asc",
    _type: "instanceOrgs",
  });
});

it.each([
  [{ sortField: "size" }, "sortField", "name, id, creationDate, lastUpdated"],
  [{ sortDirection: "up" }, "sortDirection", "asc or desc"],
  [{ filterField: "description", filter: "x" }, "filterField", "name"],
  [{ perPage: 0 }, "perPage", "an integer >= 1"],
  [{ perPage: 1001 }, "perPage", "an integer from 1 to 1000"],
  [{ page: -1 }, "page", "an integer >= 0"],
  [{ page: "two" }, "page", "an integer >= 0"],
])("refuses %j", async (query, name, expected) => {
  const answer = await call("GET", orgsPath(), { query });
  expectError(answer, 400, "Validation", INVALID_QUERY_MESSAGE(name, expected));
});
