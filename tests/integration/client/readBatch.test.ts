// Batched org reads against the simulator over loopback HTTP: reads asked for together must
// cost one list request and give each caller exactly what its own GET would, and every case
// the list cannot answer (renamed, deleted, no list scope, a failing list) must end where a
// GET would have.
import { LosantClient } from "../../../provider";
import { isNotFound } from "../../../provider/losant/errors";
import { OrgReadBatcher, type OrgRead } from "../../../provider/losant/readBatch";
import type { InstanceOrg } from "../../../provider/losant/types.generated";
import { useSimulator } from "../../helpers/simulator";

const sim = useSimulator();

function clientWith(token = sim().tokens.admin): LosantClient {
  return new LosantClient({ token, url: sim().url });
}

function routes(): string[] {
  return sim().requests.entries.map((entry) => entry.route ?? "no route");
}

/** Creates `count` orgs named with a fresh prefix; the request log starts empty after. */
async function newOrgs(count: number, instanceId = sim().instanceId): Promise<InstanceOrg[]> {
  const prefix = `batch-${Math.random().toString(36).slice(2, 8)}`;
  const client = clientWith();
  const orgs: InstanceOrg[] = [];
  for (let i = 0; i < count; i++) {
    const created = await client.createOrg(instanceId, { name: `${prefix}-${i}` });
    orgs.push(await client.getOrg(instanceId, created.id!));
  }
  sim().requests.reset();
  return orgs;
}

function readOf(org: InstanceOrg, summaryInclude: string[] = []): OrgRead {
  return { instanceId: org.instanceId!, orgId: org.id!, name: org.name, summaryInclude };
}

/** Runs `step` over `items` 8 at a time, as the engine's default `--parallel` does. */
async function eightAtATime<T, R>(items: T[], step: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += 8) {
    results.push(...(await Promise.all(items.slice(i, i + 8).map(step))));
  }
  return results;
}

it("reads asked for together cost one list request and no GET", async () => {
  const orgs = await newOrgs(6);
  const batcher = new OrgReadBatcher(() => clientWith());
  await Promise.all(orgs.map((org) => batcher.read(readOf(org))));
  expect(routes()).toEqual(["GET /instances/:instanceId/orgs"]);
});

it("each org read in a batch is the org its own GET returns", async () => {
  const orgs = await newOrgs(3);
  const batcher = new OrgReadBatcher(() => clientWith());
  const read = await Promise.all(orgs.map((org) => batcher.read(readOf(org))));
  const got = await Promise.all(orgs.map((org) => clientWith().getOrg(sim().instanceId, org.id!)));
  expect(read).toEqual(got);
});

it("a batch asks the list for the summary fields its reads ask for", async () => {
  const orgs = await newOrgs(2);
  const batcher = new OrgReadBatcher(() => clientWith());
  const read = await Promise.all(
    orgs.map((org) => batcher.read(readOf(org, ["deviceCount", "appCount"]))),
  );
  for (const org of read) {
    expect(Object.keys(org.summary ?? {}).sort()).toEqual(["appCount", "deviceCount"]);
  }
  expect(routes()).toEqual(["GET /instances/:instanceId/orgs"]);
});

it("reads asking for different summary fields go in different requests", async () => {
  const orgs = await newOrgs(4);
  const batcher = new OrgReadBatcher(() => clientWith());
  await Promise.all(
    orgs.map((org, i) => batcher.read(readOf(org, i % 2 === 0 ? [] : ["deviceCount"]))),
  );
  expect(routes()).toEqual(["GET /instances/:instanceId/orgs", "GET /instances/:instanceId/orgs"]);
});

it("reads that arrive while a request is out wait for it and go out together", async () => {
  const orgs = await newOrgs(4);
  const path = `/instances/${sim().instanceId}/orgs/${orgs[0].id}`;
  sim().faults.add({ kind: "latency", ms: 300, method: "GET", path });
  const batcher = new OrgReadBatcher(() => clientWith());
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const reads = [batcher.read(readOf(orgs[0]))];
  for (const org of orgs.slice(1)) {
    await turn();
    reads.push(batcher.read(readOf(org)));
  }
  await Promise.all(reads);
  expect(routes()).toEqual([
    "GET /instances/:instanceId/orgs/:orgId",
    "GET /instances/:instanceId/orgs",
  ]);
});

it("a lone read is one GET", async () => {
  const [org] = await newOrgs(1);
  const batcher = new OrgReadBatcher(() => clientWith());
  expect((await batcher.read(readOf(org))).id).toBe(org.id);
  expect(routes()).toEqual(["GET /instances/:instanceId/orgs/:orgId"]);
});

it("an org renamed out of band is read by its own GET, with its new name", async () => {
  const orgs = await newOrgs(3);
  await clientWith().patchOrg(sim().instanceId, orgs[1].id!, { name: `${orgs[1].name}-renamed` });
  sim().requests.reset();
  const batcher = new OrgReadBatcher(() => clientWith());
  const read = await Promise.all(orgs.map((org) => batcher.read(readOf(org))));
  expect(read[1].name).toBe(`${orgs[1].name}-renamed`);
  expect(routes()).toEqual([
    "GET /instances/:instanceId/orgs",
    "GET /instances/:instanceId/orgs/:orgId",
  ]);
});

it("an org deleted out of band rejects its read with the GET's 404, the others resolve", async () => {
  const orgs = await newOrgs(3);
  await clientWith().deleteOrg(sim().instanceId, orgs[0].id!);
  const batcher = new OrgReadBatcher(() => clientWith());
  const settled = await Promise.allSettled(orgs.map((org) => batcher.read(readOf(org))));
  expect(settled[0].status).toBe("rejected");
  expect(isNotFound((settled[0] as PromiseRejectedResult).reason)).toBe(true);
  expect(settled.slice(1).map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
});

it("another org with the same name is not taken for the one read", async () => {
  const orgs = await newOrgs(2);
  const twin = await clientWith().createOrg(sim().instanceId, { name: orgs[0].name! });
  const batcher = new OrgReadBatcher(() => clientWith());
  const read = await Promise.all(orgs.map((org) => batcher.read(readOf(org))));
  expect(read.map((org) => org.id)).toEqual(orgs.map((org) => org.id));
  expect(read[0].id).not.toBe(twin.id);
});

it("without the list scope, one list is refused, then every read is a GET", async () => {
  const orgs = await newOrgs(3);
  const token = sim().addToken(["instanceOrg.*"]);
  const batcher = new OrgReadBatcher(() => clientWith(token));
  const first = await Promise.all(orgs.map((org) => batcher.read(readOf(org))));
  const second = await Promise.all(orgs.map((org) => batcher.read(readOf(org))));
  expect([...first, ...second].map((org) => org.id)).toEqual([...orgs, ...orgs].map((o) => o.id));
  expect(routes().filter((route) => route === "GET /instances/:instanceId/orgs")).toHaveLength(1);
  expect(routes().filter((route) => route.endsWith(":orgId"))).toHaveLength(6);
  expect(batcher.stoppedBecause).toMatch(/^refused: 403 /);
});

it("a list that keeps failing rejects every read of the batch with its error", async () => {
  const orgs = await newOrgs(2);
  sim().faults.add({
    kind: "status",
    status: 503,
    method: "GET",
    path: `/instances/${sim().instanceId}/orgs`,
    times: 1000,
  });
  const client = new LosantClient({
    token: sim().tokens.admin,
    url: sim().url,
    retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 },
  });
  const batcher = new OrgReadBatcher(() => client);
  const settled = await Promise.allSettled(orgs.map((org) => batcher.read(readOf(org))));
  for (const result of settled) {
    expect(result.status).toBe("rejected");
    expect((result as PromiseRejectedResult).reason).toMatchObject({
      status: 503,
      action: "instanceOrgs.get",
    });
  }
  expect(batcher.batching).toBe(true);
});

it("the provider's read of many orgs at once sends one list and no GET", async () => {
  const orgs = await newOrgs(4);
  const { read } = await import("../../../provider/instanceOrgProvider");
  const { setConnectionSettings } = await import("../../../provider/connection");
  setConnectionSettings({ token: sim().tokens.admin, url: sim().url });
  const results = await Promise.all(
    orgs.map((org) =>
      read(org.id!, {
        instanceId: sim().instanceId,
        name: org.name,
        managedProperties: ["name"],
      } as never),
    ),
  );
  expect(results.map((result) => result.id)).toEqual(orgs.map((org) => org.id));
  expect(results.map((result) => result.props?.name)).toEqual(orgs.map((org) => org.name));
  expect(routes()).toEqual(["GET /instances/:instanceId/orgs"]);
});

it("a refresh of most of an instance is answered from one list of it", async () => {
  const instanceId = sim().addInstance();
  const orgs = await newOrgs(120, instanceId);
  const batcher = new OrgReadBatcher(() => clientWith());
  const read = await eightAtATime(orgs, (org) => batcher.read(readOf(org)));
  const requests = sim().requests.entries;
  // 4 batches of 8 reads (4 x 108 spent), then at the 33rd read the count of the instance
  // (120: its list costs 220) and its list.
  expect(requests.map((entry) => entry.route)).toEqual(
    Array(6).fill("GET /instances/:instanceId/orgs"),
  );
  expect(requests.slice(4).map((entry) => new URLSearchParams(entry.query).get("perPage"))).toEqual(
    ["1", "1000"],
  );
  const got = await Promise.all(orgs.map((org) => clientWith().getOrg(instanceId, org.id!)));
  expect(read).toEqual(got);
});

it("after the provider writes an org, its read is not answered from an older list", async () => {
  const instanceId = sim().addInstance();
  const { create, read, update } = await import("../../../provider/instanceOrgProvider");
  const { setConnectionSettings } = await import("../../../provider/connection");
  setConnectionSettings({ token: sim().tokens.admin, url: sim().url });
  const inputs = Array.from({ length: 60 }, (_, i) => ({
    instanceId,
    name: `written-${i}`,
    description: "before",
  }));
  const created = await eightAtATime(inputs, (input) => create(input as never));
  await eightAtATime(created, (org) => read(org.id, org.outs!));
  const last = created[59];
  sim().requests.reset();
  const changed = { ...inputs[59], description: "after" };
  const updated = await update(last.id, last.outs!, changed as never);
  const reread = await read(last.id, updated.outs!);
  expect(reread.props?.description).toBe("after");
  // The list taken before the PATCH was dropped, and one read does not pay for another list:
  // the read is the org's GET.
  expect(routes()).toEqual([
    "PATCH /instances/:instanceId/orgs/:orgId",
    "GET /instances/:instanceId/orgs/:orgId",
  ]);
});
