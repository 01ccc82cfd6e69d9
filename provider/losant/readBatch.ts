/**
 * Reads of many orgs answered by one list request, when they are asked for together.
 *
 * `pulumi refresh` reads every org of a stack, `--parallel` (8 by default) at a time. Reads for
 * the same instance and the same summary fields go out as one `instanceOrgs.get` that selects
 * the orgs by their stored names (`{"name": {"$in": [...]}}`); each read then takes its org
 * from the answer by ID. One request per instance is in flight at a time: the reads that
 * arrive meanwhile wait for it to end and then go out together, so a batch grows with the
 * time a request takes (a slow or rate-limited server gets fewer, bigger requests) and a fast
 * one costs no added wait. Nothing is read before a caller asks for it, and nothing is kept
 * once a batch is answered, so a read is never older than the request it came in.
 *
 * A read falls back to its own `instanceOrg.get` whenever the list cannot stand for it:
 * - the org is not in the answer (renamed or deleted out of band: its GET says which);
 * - the answer's org lacks a property the caller expects (the list may leave some out);
 * - the list was refused (400, 403 for a token without the list scope, 404, 413, 414);
 * - the server ignored the query (the answer holds orgs of other names).
 * After a refusal or an ignored query, this batcher sends no more lists: the rest of the run
 * costs what it would have without batching, plus the one refused request.
 */
import { isLosantApiError } from "./errors";
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

/** The reads waiting for one instance and summary, and whether a request of theirs is out. */
interface Lane {
  queue: Waiting[];
  busy: boolean;
  scheduled: boolean;
}

/** Counts of what a batcher sent, for tests and benchmarks. */
export interface BatchStats {
  lists: number;
  gets: number;
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
   * @param limits - how big one list request may get
   */
  constructor(
    private readonly client: () => OrgReadClient,
    private readonly limits: Readonly<BatchLimits> = DEFAULT_BATCH_LIMITS,
  ) {
    // Assigned here, not as field initializers: Pulumi's closure serializer, which carries
    // the provider when it is not installed as a package, drops those.
    this.lanes = new Map();
    this.listUsable = true;
    this.stopReason = undefined;
    this.stats = { lists: 0, gets: 0 };
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
    const key = `${read.instanceId}\u0000${read.summaryInclude.join(",")}`;
    return new Promise((resolve, reject) => {
      let lane = this.lanes.get(key);
      if (lane === undefined) {
        lane = { queue: [], busy: false, scheduled: false };
        this.lanes.set(key, lane);
      }
      lane.queue.push({ read, resolve, reject });
      this.schedule(key, lane);
    });
  }

  /** Sends the lane's next batch once the current turn ends, unless a request is out. */
  private schedule(key: string, lane: Lane): void {
    if (lane.busy || lane.scheduled || lane.queue.length === 0) return;
    lane.scheduled = true;
    // After this turn: the reads the engine handed over together all join the batch.
    setImmediate(() => {
      lane.scheduled = false;
      const batch = this.nextBatch(lane.queue);
      lane.queue = lane.queue.slice(batch.length);
      lane.busy = true;
      void this.send(batch).finally(() => {
        lane.busy = false;
        if (lane.queue.length === 0) this.lanes.delete(key);
        else this.schedule(key, lane);
      });
    });
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

  private async send(batch: Waiting[]): Promise<void> {
    if (batch.length === 1 || !this.listUsable) {
      await Promise.all(batch.map((waiting) => this.settle(waiting, () => this.get(waiting.read))));
      return;
    }
    let found: Map<string, InstanceOrg>;
    try {
      found = await this.list(batch.map((waiting) => waiting.read));
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
            : this.get(waiting.read);
        }),
      ),
    );
  }

  /** The orgs of the batch the list returns, by ID; pages on while other orgs share names. */
  private async list(reads: readonly OrgRead[]): Promise<Map<string, InstanceOrg>> {
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

  private async get(read: OrgRead): Promise<InstanceOrg> {
    this.stats.gets++;
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
