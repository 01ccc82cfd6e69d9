// Every client call against the simulator over loopback HTTP: the client and an independent
// model of the API must agree on paths, queries, bodies and answers.
import { LosantClient, isLosantApiError } from "../../../provider";
import { useSimulator } from "../../helpers/simulator";

const sim = useSimulator();
const DAY = 86_400_000;
let client: LosantClient;

beforeEach(() => {
  client = new LosantClient({ token: sim().tokens.admin, url: sim().url });
});

function routes(): Array<string | null> {
  return sim().requests.entries.map((entry) => entry.route);
}

async function newOrg(name = `client-${Math.random().toString(36).slice(2, 8)}`) {
  const org = await client.createOrg(sim().instanceId, { name });
  sim().requests.reset();
  return org;
}

it("createOrg posts the org and returns it with the server's defaults", async () => {
  const org = await client.createOrg(sim().instanceId, { name: "Created", limits: { device: 3 } });
  // Only what both documented shapes of the answer (`org` and `instanceOrg`) carry.
  expect(org).toMatchObject({ name: "Created", limits: { device: 3 } });
  expect(
    sim()
      .orgs()
      .find((held) => held.id === org.id)?.instanceId,
  ).toBe(sim().instanceId);
  expect(org.id).toBe(org.orgId);
  expect(routes()).toEqual(["POST /instances/:instanceId/orgs"]);
});

it("getOrg returns the org with only the summary fields asked for", async () => {
  const { id } = await newOrg();
  const org = await client.getOrg(sim().instanceId, id!, {
    summaryInclude: ["deviceCount", "appCount"],
  });
  expect(Object.keys(org.summary ?? {}).sort()).toEqual(["appCount", "deviceCount"]);
  expect(routes()).toEqual(["GET /instances/:instanceId/orgs/:orgId"]);
});

it("patchOrg changes the given fields and merges limits", async () => {
  const { id, limits } = await newOrg();
  const org = await client.patchOrg(sim().instanceId, id!, {
    description: "patched",
    limits: { device: 9 },
  });
  expect(org.description).toBe("patched");
  expect(org.limits).toEqual({ ...limits, device: 9 });
});

it("deleteOrg deletes, and a second delete is a 404 LosantApiError", async () => {
  const { id } = await newOrg();
  await expect(client.deleteOrg(sim().instanceId, id!)).resolves.toEqual({ success: true });
  const again = await client.deleteOrg(sim().instanceId, id!).catch((err: unknown) => err);
  expect(isLosantApiError(again) && again.status).toBe(404);
});

it("listOrgs filters by name glob, sorts and pages", async () => {
  await newOrg("list-b");
  await newOrg("list-a");
  await newOrg("other");
  const page = await client.listOrgs(sim().instanceId, {
    filterField: "name",
    filter: "list-*",
    sortField: "name",
    sortDirection: "asc",
    perPage: 1,
    page: 1,
  });
  expect(page.items?.map((org) => org.name)).toEqual(["list-b"]);
  expect(page.totalCount).toBe(2);
});

it("deviceCounts returns one point per day of the range", async () => {
  const { id } = await newOrg();
  const end = Date.UTC(2026, 10, 20);
  const counts = await client.deviceCounts(sim().instanceId, id!, { start: end - 6 * DAY, end });
  expect(counts.counts).toHaveLength(7);
  expect(counts.counts?.[0]).toEqual(
    expect.objectContaining({ created: expect.any(Number), total: expect.any(Number) }),
  );
});

it("notebookMinuteCounts returns minutes and runs per day", async () => {
  const { id } = await newOrg();
  const end = Date.UTC(2026, 10, 20);
  const counts = await client.notebookMinuteCounts(sim().instanceId, id!, {
    start: end - 2 * DAY,
    end,
  });
  expect(counts.counts).toHaveLength(3);
  expect(counts.counts?.[0]).toEqual(
    expect.objectContaining({ minutes: expect.any(Number), completed: expect.any(Number) }),
  );
});

it("payloadCountsBreakdown returns hourly buckets at hour resolution", async () => {
  const { id } = await newOrg();
  const end = Date.UTC(2026, 10, 20);
  const counts = await client.payloadCountsBreakdown(sim().instanceId, id!, {
    start: end - 3 * 3_600_000,
    end,
    resolution: 3_600_000,
    asBytes: true,
    includeNonBillable: true,
  });
  expect(counts.counts).toHaveLength(4);
});

it("a 400 from the server carries Losant's Validation type and the schema path", async () => {
  const failure = await client
    .createOrg(sim().instanceId, { name: "x", limits: { dataTTL: 10 } })
    .catch((err: unknown) => err);
  expect(failure).toMatchObject({ name: "LosantApiError", status: 400, type: "Validation" });
  expect((failure as Error).message).toContain("/limits/dataTTL");
});
