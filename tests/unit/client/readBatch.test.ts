// The batcher's rules for answers the simulator does not give: list items leaner than a GET's
// answer, a server that ignores the query, batches cut at their limits, and paging when other
// orgs share the names. The client here is an in-memory instance, so each rule is seen alone;
// tests/integration/client/readBatch.test.ts runs the batcher against the simulator.
import { LosantApiError } from "../../../provider/losant/errors";
import type { ListOrgsQuery } from "../../../provider/losant/queries";
import {
  OrgReadBatcher,
  type BatchLimits,
  type OrgRead,
  type OrgReadClient,
} from "../../../provider/losant/readBatch";
import type { InstanceOrg, InstanceOrgs } from "../../../provider/losant/types.generated";

const INSTANCE = "5f0000000000000000000001";

function idOf(n: number): string {
  return n.toString(16).padStart(24, "0");
}

/** An instance of orgs served from memory; `listItem` shapes what the list returns. */
function memoryClient(
  orgs: InstanceOrg[],
  options: { ignoreQuery?: boolean; listItem?: (org: InstanceOrg) => InstanceOrg } = {},
) {
  const calls = { lists: [] as ListOrgsQuery[], gets: [] as string[] };
  const client: OrgReadClient = {
    async getOrg(_instanceId, orgId) {
      calls.gets.push(orgId);
      const org = orgs.find((o) => o.id === orgId);
      if (org === undefined) throw notFound(orgId);
      return org;
    },
    async listOrgs(_instanceId, query = {}): Promise<InstanceOrgs> {
      calls.lists.push(query);
      const names = (query.query as { name: { $in: string[] } }).name.$in;
      const matching = options.ignoreQuery ? orgs : orgs.filter((o) => names.includes(o.name!));
      const page = query.page ?? 0;
      const perPage = query.perPage ?? 100;
      const items = matching.slice(page * perPage, (page + 1) * perPage);
      return {
        items: items.map(options.listItem ?? ((org) => org)),
        totalCount: matching.length,
        perPage,
        page,
      } as InstanceOrgs;
    },
  };
  return { client, calls };
}

function notFound(orgId: string): LosantApiError {
  return new LosantApiError({
    status: 404,
    type: "NotFound",
    apiMessage: "Organization was not found",
    action: "instanceOrg.get",
    method: "GET",
    path: `/instances/${INSTANCE}/orgs/${orgId}`,
    attempts: 1,
    outcomeUnknown: false,
  });
}

function orgsNamed(names: string[], from = 1): InstanceOrg[] {
  return names.map((name, i) => ({
    id: idOf(from + i),
    orgId: idOf(from + i),
    name,
    limits: { device: 10 },
  }));
}

function readOf(org: InstanceOrg, expect?: string[]): OrgRead {
  return { instanceId: INSTANCE, orgId: org.id!, name: org.name, summaryInclude: [], expect };
}

function batcherOf(client: OrgReadClient, limits?: Partial<BatchLimits>): OrgReadBatcher {
  const full: BatchLimits = { maxOrgs: 50, maxQueryChars: 2_000, maxPages: 3, ...limits };
  return new OrgReadBatcher(() => client, full);
}

it("an org the list answers without an expected property is read by its GET", async () => {
  const orgs = orgsNamed(["a", "b"]);
  const lean = ({ limits: _limits, ...rest }: InstanceOrg) => rest;
  const { client, calls } = memoryClient(orgs, { listItem: lean });
  const batcher = batcherOf(client);
  const read = await Promise.all(orgs.map((org) => batcher.read(readOf(org, ["limits"]))));
  expect(read.map((org) => org.limits)).toEqual([{ device: 10 }, { device: 10 }]);
  expect(calls.gets).toEqual(orgs.map((org) => org.id));
});

it("an org the list answers with every expected property needs no GET", async () => {
  const orgs = orgsNamed(["a", "b"]);
  const { client, calls } = memoryClient(orgs);
  const batcher = batcherOf(client);
  await Promise.all(orgs.map((org) => batcher.read(readOf(org, ["limits", "name"]))));
  expect(calls.gets).toEqual([]);
  expect(calls.lists).toHaveLength(1);
});

it("a server that ignores the query is asked one page, then only GETs", async () => {
  const orgs = orgsNamed(Array.from({ length: 250 }, (_, i) => `org-${i}`));
  const { client, calls } = memoryClient(orgs, { ignoreQuery: true });
  const batcher = batcherOf(client);
  const wanted = [orgs[3], orgs[240]];
  const read = await Promise.all(wanted.map((org) => batcher.read(readOf(org))));
  expect(read.map((org) => org.id)).toEqual(wanted.map((org) => org.id));
  expect(calls.lists).toHaveLength(1);
  expect(calls.gets).toEqual([orgs[240].id]);
  expect(batcher.batching).toBe(false);
  expect(batcher.stoppedBecause).toBe("the server ignored the query");
  await Promise.all(wanted.map((org) => batcher.read(readOf(org))));
  expect(calls.lists).toHaveLength(1);
});

it("a batch is cut at maxOrgs", async () => {
  const orgs = orgsNamed(Array.from({ length: 7 }, (_, i) => `org-${i}`));
  const { client, calls } = memoryClient(orgs);
  const batcher = batcherOf(client, { maxOrgs: 3 });
  await Promise.all(orgs.map((org) => batcher.read(readOf(org))));
  const sizes = calls.lists.map((q) => (q.query as { name: { $in: string[] } }).name.$in.length);
  expect(sizes).toEqual([3, 3]);
  expect(calls.gets).toEqual([orgs[6].id]);
});

it("a batch is cut before its names pass maxQueryChars", async () => {
  const long = (c: string) => c.repeat(200);
  const orgs = orgsNamed([long("a"), long("b"), long("c"), long("d")]);
  const { client, calls } = memoryClient(orgs);
  const batcher = batcherOf(client, { maxQueryChars: 450 });
  await Promise.all(orgs.map((org) => batcher.read(readOf(org))));
  for (const query of calls.lists) {
    const names = (query.query as { name: { $in: string[] } }).name.$in;
    expect(names.reduce((sum, name) => sum + name.length, 0)).toBeLessThanOrEqual(450);
  }
  expect(calls.lists).toHaveLength(2);
});

/**
 * An instance where 150 orgs of other stacks share the name "shared" with one of the two
 * orgs read, so the list's answer to those two names spans two pages of 100.
 */
function crowdedInstance() {
  const others = orgsNamed(
    Array.from({ length: 150 }, () => "shared"),
    1000,
  );
  const mine = orgsNamed(["shared", "mine"], 1);
  return { mine, ...memoryClient([...others, ...mine]) };
}

it("pages on while other orgs share the names and some read is not answered yet", async () => {
  const { mine, client, calls } = crowdedInstance();
  const batcher = batcherOf(client);
  const read = await Promise.all(mine.map((org) => batcher.read(readOf(org))));
  expect(read.map((org) => org.id)).toEqual(mine.map((org) => org.id));
  expect(calls.lists.map((q) => q.page)).toEqual([0, 1]);
  expect(calls.gets).toEqual([]);
});

it("stops paging at maxPages and reads the rest by GET", async () => {
  const { mine, client, calls } = crowdedInstance();
  const batcher = batcherOf(client, { maxPages: 1 });
  await Promise.all(mine.map((org) => batcher.read(readOf(org))));
  expect(calls.lists).toHaveLength(1);
  expect(calls.gets.sort()).toEqual(mine.map((org) => org.id).sort());
});

it("a read without a stored name is one GET", async () => {
  const orgs = orgsNamed(["a", "b"]);
  const { client, calls } = memoryClient(orgs);
  const batcher = batcherOf(client);
  await Promise.all(orgs.map((org) => batcher.read({ ...readOf(org), name: undefined })));
  expect(calls.lists).toEqual([]);
  expect(calls.gets).toEqual(orgs.map((org) => org.id));
});

it("a failure to make a client rejects the reads with it", async () => {
  const orgs = orgsNamed(["a", "b"]);
  const batcher = new OrgReadBatcher(() => {
    throw new Error("no token configured");
  });
  const settled = await Promise.allSettled(orgs.map((org) => batcher.read(readOf(org))));
  expect(settled.map((s) => (s as PromiseRejectedResult).reason?.message)).toEqual([
    "no token configured",
    "no token configured",
  ]);
});
