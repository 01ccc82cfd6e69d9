// Guards the wire format of every endpoint method: a wrong method, path, query or header is a
// request the real Losant API refuses or, worse, applies to the wrong org.
import {
  BASE_URL,
  INSTANCE_ID,
  ORGS_PATH,
  ORG_PATH,
  ORG_ID,
  TOKEN,
  fakeClient,
  org,
  orgList,
  reply,
  requestLines,
} from "./fakeFetch";

const BASE_HEADERS = {
  Authorization: `Bearer ${TOKEN}`,
  Accept: "application/json",
  "Accept-Version": "^1.30.0",
};
const JSON_HEADERS = { ...BASE_HEADERS, "Content-Type": "application/json" };
const usage = { start: 0, end: 1, counts: [] };

describe("getOrg", () => {
  it("sends GET to the org's path with the auth, accept and version headers and no Content-Type", async () => {
    const { client, calls } = fakeClient([reply(200, org())]);
    await client.getOrg(INSTANCE_ID, ORG_ID);
    expect(calls).toEqual([
      { method: "GET", url: ORG_PATH, query: {}, headers: BASE_HEADERS, body: undefined },
    ]);
  });

  it("returns the parsed response body", async () => {
    const { client } = fakeClient([reply(200, org({ name: "Returned" }))]);
    await expect(client.getOrg(INSTANCE_ID, ORG_ID)).resolves.toEqual(org({ name: "Returned" }));
  });

  it("joins summaryInclude with commas", async () => {
    const { client, calls } = fakeClient([reply(200, org())]);
    await client.getOrg(INSTANCE_ID, ORG_ID, { summaryInclude: ["payloadCount", "deviceCount"] });
    expect(calls[0].query).toEqual({ summaryInclude: "payloadCount,deviceCount" });
  });

  it("leaves summaryInclude out when the list is empty", async () => {
    const { client, calls } = fakeClient([reply(200, org())]);
    await client.getOrg(INSTANCE_ID, ORG_ID, { summaryInclude: [] });
    expect(requestLines(calls)).toEqual([`GET ${ORG_PATH}`]);
  });

  it("URL-encodes the instance and org IDs", async () => {
    const { client, calls } = fakeClient([reply(200, org())]);
    await client.getOrg("in/st?x=1", "org#1 %");
    expect(requestLines(calls)).toEqual(["GET /instances/in%2Fst%3Fx%3D1/orgs/org%231%20%25"]);
  });
});

describe("patchOrg", () => {
  it("sends PATCH with the JSON body, Content-Type and summaryInclude", async () => {
    const { client, calls } = fakeClient([reply(200, org())]);
    await client.patchOrg(
      INSTANCE_ID,
      ORG_ID,
      { name: "New", description: "d" },
      {
        summaryInclude: ["memberCount"],
      },
    );
    expect(calls).toEqual([
      {
        method: "PATCH",
        url: `${ORG_PATH}?summaryInclude=memberCount`,
        query: { summaryInclude: "memberCount" },
        headers: JSON_HEADERS,
        body: { name: "New", description: "d" },
      },
    ]);
  });
});

describe("deleteOrg", () => {
  it("sends DELETE with no body and no Content-Type, and returns the success body", async () => {
    const { client, calls } = fakeClient([reply(200, { success: true })]);
    await expect(client.deleteOrg(INSTANCE_ID, ORG_ID)).resolves.toEqual({ success: true });
    expect(calls).toEqual([
      { method: "DELETE", url: ORG_PATH, query: {}, headers: BASE_HEADERS, body: undefined },
    ]);
  });
});

describe("createOrg", () => {
  it("sends POST to the instance's org collection with the JSON body and summaryInclude", async () => {
    const { client, calls } = fakeClient([reply(200, org())]);
    await client.createOrg(INSTANCE_ID, { name: "Acme" }, { summaryInclude: ["a", "b"] });
    expect(calls).toEqual([
      {
        method: "POST",
        url: `${ORGS_PATH}?summaryInclude=a%2Cb`,
        query: { summaryInclude: "a,b" },
        headers: JSON_HEADERS,
        body: { name: "Acme" },
      },
    ]);
  });
});

describe("listOrgs", () => {
  it("sends every list parameter in the query", async () => {
    const { client, calls } = fakeClient([reply(200, orgList([]))]);
    await client.listOrgs(INSTANCE_ID, {
      sortField: "lastUpdated",
      sortDirection: "asc",
      page: 2,
      perPage: 25,
      filterField: "name",
      filter: "Acme*",
      summaryInclude: ["deviceCount"],
    });
    expect(calls).toEqual([
      {
        method: "GET",
        url:
          `${ORGS_PATH}?sortField=lastUpdated&sortDirection=asc&page=2` +
          `&perPage=25&filterField=name&filter=Acme*&summaryInclude=deviceCount`,
        query: {
          sortField: "lastUpdated",
          sortDirection: "asc",
          page: "2",
          perPage: "25",
          filterField: "name",
          filter: "Acme*",
          summaryInclude: "deviceCount",
        },
        headers: BASE_HEADERS,
        body: undefined,
      },
    ]);
  });

  it("leaves undefined parameters out of the query", async () => {
    const { client, calls } = fakeClient([reply(200, orgList([]))]);
    await client.listOrgs(INSTANCE_ID, { page: undefined, filter: undefined, perPage: 10 });
    expect(requestLines(calls)).toEqual([`GET ${ORGS_PATH}?perPage=10`]);
  });

  it("sends the advanced query as URL-encoded JSON", async () => {
    const { client, calls } = fakeClient([reply(200, orgList([]))]);
    const query = { $or: [{ name: { $eq: "a&b=c" } }, { tags: { $tagKey: "team" } }] };
    await client.listOrgs(INSTANCE_ID, { query });
    expect(requestLines(calls)).toEqual([
      `GET ${ORGS_PATH}?query=${encodeURIComponent(JSON.stringify(query))}`,
    ]);
    expect(JSON.parse(calls[0].query.query)).toEqual(query);
  });
});

describe("usage endpoints", () => {
  it("deviceCounts sends GET .../deviceCounts with start and end in ms", async () => {
    const { client, calls } = fakeClient([reply(200, usage)]);
    await client.deviceCounts(INSTANCE_ID, ORG_ID, { start: 1000, end: 2000 });
    expect(requestLines(calls)).toEqual([`GET ${ORG_PATH}/deviceCounts?start=1000&end=2000`]);
    expect(calls[0].headers).toEqual(BASE_HEADERS);
  });

  it("notebookMinuteCounts sends GET .../notebookMinuteCounts and leaves an absent end out", async () => {
    const { client, calls } = fakeClient([reply(200, usage)]);
    await client.notebookMinuteCounts(INSTANCE_ID, ORG_ID, { start: 5, end: undefined });
    expect(requestLines(calls)).toEqual([`GET ${ORG_PATH}/notebookMinuteCounts?start=5`]);
  });

  it("payloadCountsBreakdown sends start, end, resolution, asBytes and includeNonBillable", async () => {
    const { client, calls } = fakeClient([reply(200, usage)]);
    await client.payloadCountsBreakdown(INSTANCE_ID, ORG_ID, {
      start: 1,
      end: 2,
      resolution: 3600000,
      asBytes: true,
      includeNonBillable: false,
    });
    expect(requestLines(calls)).toEqual([
      `GET ${ORG_PATH}/payloadCountsBreakdown?start=1&end=2&resolution=3600000&asBytes=true&includeNonBillable=false`,
    ]);
  });

  it("sends no query at all when no parameter is given", async () => {
    const { client, calls } = fakeClient([reply(200, usage), reply(200, usage)]);
    await client.deviceCounts(INSTANCE_ID, ORG_ID);
    await client.payloadCountsBreakdown(INSTANCE_ID, ORG_ID, {});
    expect(requestLines(calls)).toEqual([
      `GET ${ORG_PATH}/deviceCounts`,
      `GET ${ORG_PATH}/payloadCountsBreakdown`,
    ]);
  });
});

describe("base URL", () => {
  it("strips trailing slashes and keeps a path prefix", async () => {
    const { client, calls } = fakeClient([reply(200, org())], { url: `${BASE_URL}/api///` });
    await client.getOrg(INSTANCE_ID, ORG_ID);
    expect(requestLines(calls)).toEqual([`GET /api${ORG_PATH}`]);
  });
});

describe("empty success body", () => {
  it("resolves to undefined rather than failing to parse", async () => {
    const { client } = fakeClient([{ status: 204, text: "" }]);
    await expect(client.deleteOrg(INSTANCE_ID, ORG_ID)).resolves.toBeUndefined();
  });
});
