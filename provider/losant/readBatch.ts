/**
 * Reads of many orgs answered by one list request, when they are asked for together.
 *
 * `pulumi refresh` reads every org of a stack, `--parallel` (8 by default) at a time. Reads for
 * the same instance and the same summary fields go out as one `instanceOrgs.get` that selects
 * the orgs by their stored names (`{"name": {"$in": [...]}}`); each read then takes its org
 * from the answer by ID. One request per instance is in flight at a time: the reads that
 * arrive meanwhile wait for it to end and then go out together, so a batch grows with the
 * time a request takes (a slow or rate-limited server gets fewer, bigger requests) and a fast
 * one costs no added wait. A batch reads only the orgs its callers asked for and keeps
 * nothing once answered, so its reads are never older than its request.
 *
 * A read falls back to its own `instanceOrg.get` whenever the list cannot stand for it:
 * - the org is not in the answer (renamed or deleted out of band: its GET says which);
 * - the answer's org lacks a property the caller expects (the list may leave some out);
 * - the list was refused (400, 403 for a token without the list scope, 404, 413, 414);
 * - the server ignored the query (the answer holds orgs of other names).
 * After a refusal or an ignored query, this batcher sends no more lists: the rest of the run
 * costs what it would have without batching, plus the one refused request.
 *
 * A big refresh reads most of an instance, and one list of the whole instance can answer all of
 * its reads. Whether to buy that list is weighed as in the ski-rental problem, in orgs read: a
 * request costs {@link BatchLimits.requestWorth} plus the orgs it returns, and the list of the
 * instance costs that per page plus every org. Once a lane's requests for its reads have cost
 * as much as the list would, it buys the list, {@link BatchLimits.snapshotPageSize} orgs a
 * page, and answers the lane's reads from it for {@link BatchLimits.snapshotTtlMs}. The rest of
 * the refresh is unknown when this is decided; this way it costs at most twice what knowing
 * it would have: a refresh of 1,000 orgs costs a few requests instead of hundreds, and a stack
 * of a few orgs in a big instance never lists it. The count of the instance's orgs that the
 * weighing needs is asked for (one list of one org) once the lane has sent
 * {@link BatchLimits.countAfter} requests, so a refresh of a few orgs never asks.
 *
 * Such a read is as old as the list, never older than the TTL; {@link OrgReadBatcher.forget}
 * drops the list when this process writes to the instance, so a read never misses the
 * provider's own change. A list that fails or is refused ends this for the lane; the reads go
 * on in batches.
 */
import { isLosantApiError } from "./errors";
import { listAllOrgs } from "./listAll";
import type { ListOrgsQuery, SummaryOptions } from "./queries";
import type { InstanceOrg, InstanceOrgs } from "./types.generated";

/** One org a caller wants read. */
export interface OrgRead {
  instanceId: string;
  orgId: string;
  /** The org's name as last stored: the list selects it by this. Absent: it is read alone. */
  name?: string;
  /** The summary fields to ask for, normalized (the same list gives the same batch). */
  summaryInclude: readonly string[];
  /**
   * Properties the org must carry for the list's answer to stand for its GET: those the
   * last answer carried. The list's items may be leaner than a GET's answer.
   */
  expect?: readonly string[];
}

/** The calls a batcher sends: {@link LosantClient} has both. */
export interface OrgReadClient {
  getOrg(instanceId: string, orgId: string, options?: SummaryOptions): Promise<InstanceOrg>;
  listOrgs(instanceId: string, query?: ListOrgsQuery): Promise<InstanceOrgs>;
}

/** How big one list request may get. */
export interface BatchLimits {
  /** Orgs per list request. */
  maxOrgs: number;
  /** Characters of the URL-encoded query per list request (servers cap a URL's length). */
  maxQueryChars: number;
  /** Pages read per list request, when other orgs share the names. */
  maxPages: number;
  /** Requests a lane sends for its reads before the instance's orgs are counted (Infinity: never). */
  countAfter: number;
  /**
   * What one request's own cost (a round trip, authentication, running the query) is worth,
   * in orgs read in a page: the unit in which listing the instance is weighed against batches.
   */
  requestWorth: number;
  /** Orgs per page of that list (a server may serve fewer; the pages then follow its size). */
  snapshotPageSize: number;
  /** How long, in ms from when it was asked for, that list answers reads. */
  snapshotTtlMs: number;
}

/**
 * Fifty orgs per request, well under the API's default page of 100, so orgs of other stacks
 * with the same names still fit in one page; 2,000 URL-encoded characters of names, safe for
 * any server or proxy in front of it.
 */
export const DEFAULT_BATCH_LIMITS: Readonly<BatchLimits> = {
  maxOrgs: 50,
  maxQueryChars: 2_000,
  maxPages: 3,
  // Four requests: a refresh of a few dozen orgs at the engine's default --parallel 8 is done
  // by then and never counts. A request is worth 100 orgs: against a remote API a round trip
  // takes tens of ms, while an org in a page is about 1.5 KB, under a ms to send even at
  // 10 Mbit/s; on the simulator, on loopback, a batch costs as much CPU as about 60 orgs in a
  // page and holds up the reads that wait for it besides. Undervaluing a request only delays
  // the list. The page is the largest the API is known to serve. 10 s covers a refresh of
  // thousands of orgs while keeping reads recent.
  countAfter: 4,
  requestWorth: 100,
  snapshotPageSize: 1_000,
  snapshotTtlMs: 10_000,
};

/** The page size of a batch's list: the API's default, which every server accepts. */
const PAGE_SIZE = 100;

/** Statuses that say the list itself cannot serve here, not that the orgs cannot be read. */
const REFUSALS = new Set([400, 403, 404, 413, 414]);
/** Of those, the ones that will not change for the rest of the run. */
const LASTING_REFUSALS = new Set([400, 403, 413, 414]);

interface Waiting {
  read: OrgRead;
  resolve(org: InstanceOrg): void;
  reject(err: unknown): void;
}

/** The whole instance as one list answered it, by org ID, and when that list was asked for. */
interface Snapshot {
  orgs: Map<string, InstanceOrg>;
  askedAt: number;
}

/** The reads waiting for one instance and summary, and whether a request of theirs is out. */
interface Lane {
  instanceId: string;
  summaryInclude: readonly string[];
  queue: Waiting[];
  busy: boolean;
  scheduled: boolean;
  /** Requests sent for this lane's reads so far. */
  requests: number;
  /** What those requests cost since the lane last listed the instance, in orgs read. */
  spent: number;
  /** How many orgs the instance holds, once asked. */
  instanceOrgs?: number;
  snapshot?: Snapshot;
  /** False once a list of the whole instance failed: the lane then only batches. */
  snapshots: boolean;
  /** Bumped by {@link OrgReadBatcher.forget}: a list asked for before a write is not kept. */
  generation: number;
}

/** Counts of what a batcher sent, for tests and benchmarks. */
export interface BatchStats {
  lists: number;
  gets: number;
  /** Lists of the whole instance taken (each also counts its pages in `lists`). */
  snapshots: number;
}

/**
 * Coalesces org reads into list requests (see the module's comment). One per process is
 * enough; it holds only the reads still waiting for an answer.
 */
export class OrgReadBatcher {
  private readonly lanes: Map<string, Lane>;
  private listUsable: boolean;
  private stopReason: string | undefined;
  /** What this batcher sent so far. */
  readonly stats: BatchStats;

  /**
   * @param client - the client to send with, asked for at each send, so settings configured
   *   meanwhile apply
   * @param limits - how big one list request may get, and when the whole instance is listed
   * @param now - the clock the snapshot's TTL is measured on, in ms
   */
  constructor(
    private readonly client: () => OrgReadClient,
    private readonly limits: Readonly<BatchLimits> = DEFAULT_BATCH_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    // Assigned here, not as field initializers: Pulumi's closure serializer, which carries
    // the provider when it is not installed as a package, drops those.
    this.lanes = new Map();
    this.listUsable = true;
    this.stopReason = undefined;
    this.stats = { lists: 0, gets: 0, snapshots: 0 };
  }

  /**
   * Drops what is known of the instance's orgs: call it before and after each write to the
   * instance, so no read is answered from a list taken before the write landed.
   */
  forget(instanceId: string): void {
    for (const lane of this.lanes.values()) {
      if (lane.instanceId !== instanceId) continue;
      lane.snapshot = undefined;
      lane.generation++;
    }
  }

  /** False once a list was refused or its query ignored: from then on every read is a GET. */
  get batching(): boolean {
    return this.listUsable;
  }

  /** Why batching stopped (`refused: 403 Forbidden`, `the server ignored the query`), if it did. */
  get stoppedBecause(): string | undefined {
    return this.stopReason;
  }

  private stop(reason: string): void {
    this.listUsable = false;
    this.stopReason ??= reason;
  }

  /**
   * Reads one org, together with the other reads that arrive before the request can go out.
   *
   * @throws LosantApiError from the org's GET (404 when it is gone), or from the list when
   *   it failed for a reason other than a refusal (the batch's reads all share it)
   * @throws LosantConfigError when no connection is configured
   */
  read(read: OrgRead): Promise<InstanceOrg> {
    if (read.name === undefined || !this.listUsable) return this.get(read);
    const lane = this.laneOf(read);
    const snapshot = this.freshSnapshot(lane);
    if (snapshot !== undefined && lane.queue.length === 0) {
      return this.fromSnapshot(lane, snapshot, read);
    }
    return new Promise((resolve, reject) => {
      lane.queue.push({ read, resolve, reject });
      this.schedule(lane);
    });
  }

  // Lanes are kept for the life of the process: a lane is a handful of numbers, and what its
  // reads cost so far is what tells a big refresh from a small one.
  private laneOf(read: OrgRead): Lane {
    const key = `${read.instanceId}\u0000${read.summaryInclude.join(",")}`;
    let lane = this.lanes.get(key);
    if (lane === undefined) {
      lane = {
        instanceId: read.instanceId,
        summaryInclude: read.summaryInclude,
        queue: [],
        busy: false,
        scheduled: false,
        requests: 0,
        spent: 0,
        snapshots: true,
        generation: 0,
      };
      this.lanes.set(key, lane);
    }
    return lane;
  }

  private freshSnapshot(lane: Lane): Snapshot | undefined {
    const snapshot = lane.snapshot;
    if (snapshot === undefined) return undefined;
    if (this.now() - snapshot.askedAt <= this.limits.snapshotTtlMs) return snapshot;
    lane.snapshot = undefined;
    return undefined;
  }

  /** The org as the snapshot has it; an org it lacks, or holds leaner, is read by its GET. */
  private fromSnapshot(lane: Lane, snapshot: Snapshot, read: OrgRead): Promise<InstanceOrg> {
    const org = snapshot.orgs.get(read.orgId);
    return org !== undefined && carries(org, read.expect)
      ? Promise.resolve(org)
      : this.get(read, lane);
  }

  /** Sends the lane's next request once the current turn ends, unless a request is out. */
  private schedule(lane: Lane): void {
    if (lane.busy || lane.scheduled || lane.queue.length === 0) return;
    lane.scheduled = true;
    // After this turn: the reads the engine handed over together all join the batch.
    setImmediate(() => {
      lane.scheduled = false;
      lane.busy = true;
      void this.sendNext(lane).finally(() => {
        lane.busy = false;
        this.schedule(lane);
      });
    });
  }

  /** Answers the queue from a snapshot when one is (or now becomes) at hand, else one batch. */
  private async sendNext(lane: Lane): Promise<void> {
    if (this.freshSnapshot(lane) === undefined && this.snapshotDue(lane)) {
      await this.takeSnapshot(lane);
    }
    const snapshot = this.freshSnapshot(lane);
    if (snapshot !== undefined) {
      const waiting = lane.queue;
      lane.queue = [];
      // Not awaited: a GET for an org the snapshot lacks does not hold up the lane.
      for (const w of waiting) void this.settle(w, () => this.fromSnapshot(lane, snapshot, w.read));
      return;
    }
    const batch = this.nextBatch(lane.queue);
    lane.queue = lane.queue.slice(batch.length);
    await this.send(lane, batch);
  }

  /** True when the instance is to be counted, or when its reads have paid for listing it. */
  private snapshotDue(lane: Lane): boolean {
    if (!lane.snapshots || !this.listUsable || lane.requests < this.limits.countAfter) {
      return false;
    }
    return lane.instanceOrgs === undefined || lane.spent >= this.listCost(lane.instanceOrgs);
  }

  /** What listing an instance of `orgs` orgs costs, in orgs read. */
  private listCost(orgs: number): number {
    return Math.ceil(orgs / this.limits.snapshotPageSize) * this.limits.requestWorth + orgs;
  }

  /** Books one request of the lane's that returned `orgs` orgs. */
  private charge(lane: Lane | undefined, orgs: number): void {
    if (lane === undefined) return;
    lane.requests++;
    lane.spent += this.limits.requestWorth + orgs;
  }

  /**
   * Counts the instance's orgs if not yet known; then, if the lane's reads have paid for it,
   * lists them all. Any failure ends snapshots for the lane and leaves its reads to batches.
   */
  private async takeSnapshot(lane: Lane): Promise<void> {
    const { instanceId, summaryInclude } = lane;
    const generation = lane.generation;
    try {
      const client = this.client();
      if (lane.instanceOrgs === undefined) {
        this.stats.lists++;
        const probe = await client.listOrgs(instanceId, { page: 0, perPage: 1, summaryInclude });
        this.charge(lane, 1);
        if (probe.totalCount === undefined) throw new Error("the list gave no totalCount");
        lane.instanceOrgs = probe.totalCount;
        if (!this.snapshotDue(lane)) return;
      }
      const askedAt = this.now();
      const orgs = await listAllOrgs(
        (query) => {
          this.stats.lists++;
          return client.listOrgs(instanceId, query);
        },
        { perPage: this.limits.snapshotPageSize, summaryInclude },
      );
      this.stats.snapshots++;
      lane.instanceOrgs = orgs.length;
      if (lane.generation !== generation) return;
      lane.spent = 0;
      lane.snapshot = {
        orgs: new Map(orgs.map((org) => [org.id ?? org.orgId ?? "", org])),
        askedAt,
      };
    } catch {
      // The batches that follow ask again, each for its own orgs, and report what fails.
      lane.snapshots = false;
    }
  }

  /** The reads at the front of the queue that fit one list request, in the order they came. */
  private nextBatch(queue: readonly Waiting[]): Waiting[] {
    const names = new Set<string>();
    let chars = 0;
    let count = 0;
    for (const waiting of queue) {
      const name = waiting.read.name ?? "";
      const cost = names.has(name) ? 0 : encodeURIComponent(JSON.stringify(name)).length + 1;
      const full = count >= this.limits.maxOrgs || chars + cost > this.limits.maxQueryChars;
      if (count > 0 && full) break;
      names.add(name);
      chars += cost;
      count++;
    }
    return queue.slice(0, count);
  }

  private async send(lane: Lane, batch: Waiting[]): Promise<void> {
    if (batch.length === 1 || !this.listUsable) {
      await Promise.all(
        batch.map((waiting) => this.settle(waiting, () => this.get(waiting.read, lane))),
      );
      return;
    }
    let found: Map<string, InstanceOrg>;
    try {
      found = await this.list(
        lane,
        batch.map((waiting) => waiting.read),
      );
    } catch (err) {
      if (!isRefusal(err)) {
        for (const waiting of batch) waiting.reject(err);
        return;
      }
      const { status, type } = err as { status?: number; type?: string };
      if (LASTING_REFUSALS.has(status ?? 0)) this.stop(`refused: ${status} ${type}`);
      found = new Map();
    }
    await Promise.all(
      batch.map((waiting) =>
        this.settle(waiting, async () => {
          const org = found.get(waiting.read.orgId);
          return org !== undefined && carries(org, waiting.read.expect)
            ? org
            : this.get(waiting.read, lane);
        }),
      ),
    );
  }

  /** The orgs of the batch the list returns, by ID; pages on while other orgs share names. */
  private async list(lane: Lane, reads: readonly OrgRead[]): Promise<Map<string, InstanceOrg>> {
    const { instanceId, summaryInclude } = reads[0];
    const names = new Set(reads.map((read) => read.name ?? ""));
    const wanted = new Set(reads.map((read) => read.orgId));
    const found = new Map<string, InstanceOrg>();
    const client = this.client();
    for (let page = 0; page < this.limits.maxPages; page++) {
      this.stats.lists++;
      const answer = await client.listOrgs(instanceId, {
        query: { name: { $in: [...names] } },
        sortField: "id",
        sortDirection: "asc",
        page,
        perPage: PAGE_SIZE,
        summaryInclude,
      });
      const items = (answer.items ?? []) as InstanceOrg[];
      this.charge(lane, items.length);
      let filtered = true;
      for (const org of items) {
        const id = org.id ?? org.orgId;
        if (id !== undefined && wanted.has(id)) found.set(id, org);
        if (!names.has(org.name ?? "") && !namedAlike(names, org.name)) filtered = false;
      }
      if (!filtered) {
        // A server that ignored the query pages through the whole instance; stop here.
        this.stop("the server ignored the query");
        return found;
      }
      const seen = (page + 1) * PAGE_SIZE;
      const more =
        items.length >= PAGE_SIZE && (answer.totalCount === undefined || answer.totalCount > seen);
      if (!more || found.size === wanted.size) return found;
    }
    return found;
  }

  /** One org's GET, booked to `lane` when the read is one of a lane's. */
  private async get(read: OrgRead, lane?: Lane): Promise<InstanceOrg> {
    this.stats.gets++;
    this.charge(lane, 1);
    return this.client().getOrg(read.instanceId, read.orgId, {
      summaryInclude: read.summaryInclude,
    });
  }

  private async settle(waiting: Waiting, answer: () => Promise<InstanceOrg>): Promise<void> {
    try {
      waiting.resolve(await answer());
    } catch (err) {
      waiting.reject(err);
    }
  }
}

/**
 * True when the list failed in a way that says nothing about the orgs themselves. A 404 on
 * the list names the instance: the orgs' own GETs decide, as they would without batching.
 */
function isRefusal(err: unknown): boolean {
  return isLosantApiError(err) && REFUSALS.has(err.status ?? 0);
}

/** A server that matches names ignoring case or spaces around them still filtered. */
function namedAlike(names: ReadonlySet<string>, name: string | undefined): boolean {
  if (name === undefined) return false;
  const plain = name.trim().toLowerCase();
  for (const candidate of names) if (candidate.trim().toLowerCase() === plain) return true;
  return false;
}

function carries(org: InstanceOrg, expect: readonly string[] | undefined): boolean {
  const answer = org as unknown as Record<string, unknown>;
  return (expect ?? []).every((property) => answer[property] !== undefined);
}
