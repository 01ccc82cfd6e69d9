import type { ListOrgsPage } from "./createOrg";
import type { ListOrgsQuery } from "./queries";
import type { InstanceOrg } from "./types.generated";

/** What a caller of {@link listAllOrgs} may set: everything but the paging and the order. */
export type ListAllOrgsQuery = Omit<ListOrgsQuery, "page" | "sortField" | "sortDirection">;

/** The page size when none is given: the API's own default. */
const DEFAULT_PAGE_SIZE = 100;

/**
 * Reads every org the query selects, page after page. Sorted by creation date, oldest first,
 * an org created meanwhile lands on the last page instead of shifting the others; an org seen
 * twice anyway is kept once. It stops once `totalCount` orgs are in (else at a page shorter
 * than the server's `perPage`), at an empty page, or at a page that brings nothing new (a
 * server ignoring `page` would otherwise be read forever).
 *
 * @param listOrgs - reads one page
 * @returns the orgs in the server's order
 * @throws whatever `listOrgs` throws (LosantApiError)
 */
export async function listAllOrgs(
  listOrgs: ListOrgsPage,
  query: ListAllOrgsQuery = {},
): Promise<InstanceOrg[]> {
  const perPage = query.perPage ?? DEFAULT_PAGE_SIZE;
  const byId = new Map<string, InstanceOrg>();
  for (let page = 0; ; page++) {
    const result = await listOrgs({
      ...query,
      perPage,
      page,
      sortField: "creationDate",
      sortDirection: "asc",
    });
    const items = (result.items ?? []) as InstanceOrg[];
    const before = byId.size;
    for (const org of items) {
      const id = org.id ?? org.orgId ?? "";
      if (!byId.has(id)) byId.set(id, org);
    }
    // A server may serve fewer per page than asked: its echoed perPage and totalCount say so.
    const done =
      result.totalCount === undefined
        ? items.length < (result.perPage ?? perPage)
        : byId.size >= result.totalCount;
    if (done || items.length === 0 || byId.size === before) return [...byId.values()];
  }
}
