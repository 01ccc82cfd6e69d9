// The batcher's rules for answers the simulator does not give: list items leaner than a GET's
// answer, a server that ignores the query, batches cut at their limits, and paging when other
// orgs share the names. The client here is an in-memory instance, so each rule is seen alone;
// tests/integration/client/readBatch.test.ts runs the batcher against the simulator.
import { LosantApiError } from "../../../provider/losant/errors";
import type { ListOrgsQuery } from "../../../provider/losant/queries";
import {
  DEFAULT_BATCH_LIMITS,
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
  options: {
    ignoreQuery?: boolean;
    listItem?: (org: InstanceOrg) => InstanceOrg;
    /** The most orgs the server serves per page, whatever is asked. */
    maxPerPage?: number;
    /** Answers every list without a query (the whole instance) with this error. */
    wholeListError?: Error;
    /** Called when a list of the whole instance has its answer, before it is sent. */
    onWholeList?: () => void;
  } = {},
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
      const names = (query.query as { name?: { $in: string[] } } | undefined)?.name?.$in;
      if (names === undefined && options.wholeListError) throw options.wholeListError;
      const matching =
        options.ignoreQuery || names === undefined
          ? orgs
          : orgs.filter((o) => names.includes(o.name!));
      const page = query.page ?? 0;
      const perPage = Math.min(query.perPage ?? 100, options.maxPerPage ?? Infinity);
      const items = matching.slice(page * perPage, (page + 1) * perPage);
      if (names === undefined && perPage > 1) options.onWholeList?.();
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
  const full: BatchLimits = { ...DEFAULT_BATCH_LIMITS, ...limits };
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

/** Reads `orgs` one after another, as `pulumi refresh --parallel 1` would. */
async function readInTurn(batcher: OrgReadBatcher, orgs: InstanceOrg[]): Promise<InstanceOrg[]> {
  const read: InstanceOrg[] = [];
  for (const org of orgs) read.push(await batcher.read(readOf(org)));
  return read;
}

/** The lists that read the whole instance (no query), beyond the one-org count. */
function wholeLists(lists: ListOrgsQuery[]): ListOrgsQuery[] {
  return lists.filter((q) => q.query === undefined && q.perPage !== 1);
}

// A request is worth 4 orgs: a lone GET costs 5, a list of an instance of 20 orgs costs 24.
const SNAPSHOT_SOON: Partial<BatchLimits> = { countAfter: 4, requestWorth: 4 };

it("once the reads' requests cost what a list of the instance would, it answers the rest", async () => {
  const orgs = orgsNamed(Array.from({ length: 20 }, (_, i) => `org-${i}`));
  const { client, calls } = memoryClient(orgs);
  const batcher = batcherOf(client, SNAPSHOT_SOON);
  const read = await readInTurn(batcher, orgs);
  expect(read.map((org) => org.id)).toEqual(orgs.map((org) => org.id));
  // Reads 1 to 4 are lone GETs (20 spent); the 5th counts the instance (25 spent, against 24
  // for its list) and lists it whole, and no read after it sends anything.
  expect(calls.gets).toEqual(orgs.slice(0, 4).map((org) => org.id));
  expect(calls.lists.filter((q) => q.perPage === 1)).toHaveLength(1);
  expect(wholeLists(calls.lists)).toHaveLength(1);
  expect(batcher.stats.snapshots).toBe(1);
});

it("an instance of many more orgs than are read is counted once and never listed whole", async () => {
  const orgs = orgsNamed(Array.from({ length: 400 }, (_, i) => `org-${i}`));
  const { client, calls } = memoryClient(orgs);
  const batcher = batcherOf(client, SNAPSHOT_SOON);
  // 20 GETs and the count cost 105, against 404 for the list of 400 orgs.
  await readInTurn(batcher, orgs.slice(0, 20));
  expect(calls.lists.filter((q) => q.perPage === 1)).toHaveLength(1);
  expect(wholeLists(calls.lists)).toEqual([]);
  expect(calls.gets).toHaveLength(20);
});

it("the instance is listed once the reads have cost what its list costs, not before", async () => {
  const orgs = orgsNamed(Array.from({ length: 400 }, (_, i) => `org-${i}`));
  const { client, calls } = memoryClient(orgs);
  const batcher = batcherOf(client, SNAPSHOT_SOON);
  // The list costs 404: 80 GETs (400) and the count (5) pay for it; the 81st read lists.
  await readInTurn(batcher, orgs.slice(0, 80));
  expect(wholeLists(calls.lists)).toEqual([]);
  await readInTurn(batcher, orgs.slice(80, 100));
  expect(wholeLists(calls.lists)).toHaveLength(1);
  expect(calls.gets).toHaveLength(80);
});

it("a refresh that sends fewer requests than countAfter never counts the instance", async () => {
  const orgs = orgsNamed(Array.from({ length: 24 }, (_, i) => `org-${i}`));
  const { client, calls } = memoryClient(orgs);
  const batcher = batcherOf(client, { ...SNAPSHOT_SOON, maxOrgs: 8 });
  // As `--parallel 8` asks: 8 reads at a time, each 8 one batch.
  for (let i = 0; i < 24; i += 8) {
    await Promise.all(orgs.slice(i, i + 8).map((org) => batcher.read(readOf(org))));
  }
  expect(calls.lists).toHaveLength(3);
  expect(calls.lists.every((q) => q.query !== undefined)).toBe(true);
  expect(calls.gets).toEqual([]);
});

it("the list of the instance is paged at the size the server serves", async () => {
  const orgs = orgsNamed(Array.from({ length: 20 }, (_, i) => `org-${i}`));
  const { client, calls } = memoryClient(orgs, { maxPerPage: 7 });
  const batcher = batcherOf(client, SNAPSHOT_SOON);
  const read = await readInTurn(batcher, orgs);
  expect(read.map((org) => org.id)).toEqual(orgs.map((org) => org.id));
  expect(wholeLists(calls.lists).map((q) => q.page)).toEqual([0, 1, 2]);
  expect(calls.gets).toHaveLength(4);
});

/** A batcher that lists soon, whose lists answer for `ttlMs` on a clock the test sets. */
function batcherWithTtl(client: OrgReadClient, ttlMs: number) {
  const clock = { now: 0 };
  const limits = { ...DEFAULT_BATCH_LIMITS, ...SNAPSHOT_SOON, snapshotTtlMs: ttlMs };
  const batcher = new OrgReadBatcher(
    () => client,
    limits,
    () => clock.now,
  );
  return { batcher, clock };
}

it("a read past the snapshot's TTL is not answered from it", async () => {
  const orgs = orgsNamed(Array.from({ length: 8 }, (_, i) => `org-${i}`));
  const { client, calls } = memoryClient(orgs);
  const { batcher, clock } = batcherWithTtl(client, 1_000);
  await readInTurn(batcher, orgs.slice(0, 6));
  expect(wholeLists(calls.lists)).toHaveLength(1);
  orgs[7].description = "changed out of band";
  clock.now = 1_001;
  const gets = calls.gets.length;
  const read = await batcher.read(readOf(orgs[7]));
  expect(read.description).toBe("changed out of band");
  expect(calls.gets.length).toBe(gets + 1);
});

it("past the TTL, the instance is listed again once the reads have paid for it again", async () => {
  const orgs = orgsNamed(Array.from({ length: 8 }, (_, i) => `org-${i}`));
  const { client, calls } = memoryClient(orgs);
  const { batcher, clock } = batcherWithTtl(client, 1_000);
  await readInTurn(batcher, orgs.slice(0, 6));
  clock.now = 1_001;
  // The list of 8 orgs costs 12: three more GETs (15) pay for it again.
  await readInTurn(batcher, orgs.slice(0, 3));
  expect(wholeLists(calls.lists)).toHaveLength(1);
  await readInTurn(batcher, orgs.slice(3, 8));
  expect(wholeLists(calls.lists)).toHaveLength(2);
  expect(calls.gets).toHaveLength(4 + 3);
});

it("forget drops the snapshot: the next read sees the change", async () => {
  const orgs = orgsNamed(Array.from({ length: 8 }, (_, i) => `org-${i}`));
  const stored = orgs.map((org) => ({ ...org }));
  const { client } = memoryClient(stored);
  const batcher = batcherOf(client, SNAPSHOT_SOON);
  await readInTurn(batcher, orgs.slice(0, 6));
  stored[7] = { ...stored[7], description: "written by this process" };
  batcher.forget(INSTANCE);
  const read = await batcher.read(readOf(orgs[7]));
  expect(read.description).toBe("written by this process");
});

it("a list of the instance asked for before a write is not kept", async () => {
  const orgs = orgsNamed(Array.from({ length: 8 }, (_, i) => `org-${i}`));
  const stored = orgs.map((org) => ({ ...org }));
  let written = false;
  const { client } = memoryClient(stored, {
    // The write lands after the first list of the instance was answered, before it is back.
    onWholeList: () => {
      if (written) return;
      written = true;
      stored[7] = { ...stored[7], description: "written meanwhile" };
      batcher.forget(INSTANCE);
    },
  });
  const batcher = batcherOf(client, SNAPSHOT_SOON);
  await readInTurn(batcher, orgs.slice(0, 5));
  const read = await batcher.read(readOf(orgs[7]));
  expect(read.description).toBe("written meanwhile");
  expect(batcher.stats.snapshots).toBe(2);
});

it("a failed list of the instance leaves every read to batches and is not asked again", async () => {
  const orgs = orgsNamed(Array.from({ length: 12 }, (_, i) => `org-${i}`));
  const { client, calls } = memoryClient(orgs, { wholeListError: new Error("socket hang up") });
  const batcher = batcherOf(client, SNAPSHOT_SOON);
  const read = await readInTurn(batcher, orgs);
  expect(read.map((org) => org.id)).toEqual(orgs.map((org) => org.id));
  expect(calls.lists.filter((q) => q.query === undefined && q.perPage === 1)).toHaveLength(1);
  expect(batcher.stats.snapshots).toBe(0);
  expect(calls.gets).toHaveLength(12);
});

it("an org the snapshot holds without an expected property is read by its GET", async () => {
  const orgs = orgsNamed(Array.from({ length: 8 }, (_, i) => `org-${i}`));
  const lean = ({ limits: _limits, ...rest }: InstanceOrg) => rest;
  const { client, calls } = memoryClient(orgs, { listItem: lean });
  const batcher = batcherOf(client, SNAPSHOT_SOON);
  await readInTurn(batcher, orgs.slice(0, 6));
  const before = calls.gets.length;
  const read = await batcher.read(readOf(orgs[7], ["limits"]));
  expect(read.limits).toEqual({ device: 10 });
  expect(calls.gets.length).toBe(before + 1);
});

it("reads that wait while the instance is listed are all answered from the list", async () => {
  const orgs = orgsNamed(Array.from({ length: 16 }, (_, i) => `org-${i}`));
  const { client, calls } = memoryClient(orgs);
  const batcher = batcherOf(client, SNAPSHOT_SOON);
  await readInTurn(batcher, orgs.slice(0, 4));
  const gets = calls.gets.length;
  const read = await Promise.all(orgs.slice(4).map((org) => batcher.read(readOf(org))));
  expect(read.map((org) => org.id)).toEqual(orgs.slice(4).map((org) => org.id));
  expect(calls.gets.length).toBe(gets);
  expect(wholeLists(calls.lists)).toHaveLength(1);
});
