/** The query options of the client's calls, shared by the client and the helpers it uses. */

/** `summaryInclude`: which fields of the org's `summary` the server should compute. */
export interface SummaryOptions {
  summaryInclude?: readonly string[];
}

/** A time range in ms since the epoch; an absent `end` means now. */
export interface RangeQuery {
  start?: number;
  end?: number;
}

/** Query of the payload breakdown; `resolution` is 86400000 (day) or 3600000 (hour). */
export interface PayloadQuery extends RangeQuery {
  resolution?: 86400000 | 3600000;
  asBytes?: boolean;
  includeNonBillable?: boolean;
}

/**
 * The list's advanced query, a JSON object following `schemas/advancedInstanceOrgQuery.json`
 * (for example `{"name": {"$eq": "Acme"}}`); the server validates it and answers 400 when it
 * breaks the schema.
 */
export type AdvancedOrgQuery = Readonly<Record<string, unknown>>;

/**
 * Query of the org list. `filter` is a glob on `filterField`; `query`, when given, overrides
 * both and is the exact match (no character in a name can break `{"name": {"$eq": ...}}`).
 */
export interface ListOrgsQuery extends SummaryOptions {
  sortField?: "name" | "id" | "creationDate" | "lastUpdated";
  sortDirection?: "asc" | "desc";
  page?: number;
  perPage?: number;
  filterField?: "name";
  filter?: string;
  query?: AdvancedOrgQuery;
}
