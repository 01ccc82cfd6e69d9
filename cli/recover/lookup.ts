/**
 * Finds the org a killed create may have made: same instance, exactly the same name, created
 * no earlier than the create started (less the clock skew a server may have), and not managed
 * by the stack already.
 */
import type { InstanceOrg, LosantClient } from "../../provider/losant";

/** How far the server's clock may be behind this machine's when creation times are compared. */
export const CLOCK_SKEW_MS = 5 * 60_000;
const PAGE_SIZE = 100;

/** What to look for. */
export interface OrgQuery {
  instanceId: string;
  name: string;
  /** Orgs created before this moment (ms since the epoch) are not candidates; none when absent. */
  createdSince?: number;
  /** IDs that are already someone's (the stack's managed orgs): never candidates. */
  exclude: ReadonlySet<string>;
}

/**
 * The orgs that match `query`, newest first. The list's `query` parameter asks for the exact
 * name and creation time; the glob `filter` beside it narrows the answer of a server that
 * ignores `query`; and every answer is checked here again, since neither filter is trusted
 * to be exact.
 *
 * @throws LosantApiError when a list request fails
 */
export async function findCandidates(
  client: LosantClient,
  query: OrgQuery,
): Promise<InstanceOrg[]> {
  const since = query.createdSince === undefined ? undefined : query.createdSince - CLOCK_SKEW_MS;
  const conditions: Array<Record<string, unknown>> = [{ name: { $eq: query.name } }];
  if (since !== undefined)
    conditions.push({ creationDate: { $gte: new Date(since).toISOString() } });
  const found: InstanceOrg[] = [];
  for (let page = 0; ; page++) {
    const answer = await client.listOrgs(query.instanceId, {
      query: { $and: conditions },
      filterField: "name",
      filter: query.name,
      sortField: "creationDate",
      sortDirection: "desc",
      page,
      perPage: PAGE_SIZE,
    });
    const items = (answer.items ?? []) as InstanceOrg[];
    found.push(
      ...items.filter(
        (org) =>
          org.name === query.name &&
          !query.exclude.has(org.id ?? "") &&
          (since === undefined || Date.parse(org.creationDate ?? "") >= since),
      ),
    );
    if (items.length < PAGE_SIZE) return found;
  }
}
