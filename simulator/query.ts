/**
 * Query parameters of the usage and list endpoints, parsed and checked before any work is
 * done so a bad request never reaches the store.
 */
import { parseAdvancedQuery, type OrgPredicate } from "./advancedQuery";
import { ApiError, INVALID_QUERY_MESSAGE, START_AFTER_END_MESSAGE } from "./errors";
import type { SimulatorProfile } from "./profiles";
import { DAY_MS, HOUR_MS, type PayloadOptions, type TimeRange } from "./usage";

/** Default span of a usage query when `start` is absent. */
export const DEFAULT_USAGE_SPAN_MS = 30 * DAY_MS;

/** Largest `perPage` the list endpoint accepts. */
export const MAX_PER_PAGE = 1000;

/** Fields the list endpoint sorts by. */
export const SORT_FIELDS = ["name", "id", "creationDate", "lastUpdated"] as const;

/** A list sort field. */
export type SortField = (typeof SORT_FIELDS)[number];

/** Parsed list-endpoint parameters. */
export interface ListQuery {
  sortField: SortField;
  sortDirection: "asc" | "desc";
  page: number;
  perPage: number;
  filterField?: "name";
  filter?: string;
  /** The compiled `query` parameter; when given, `filter` and `filterField` are ignored. */
  where?: OrgPredicate;
}

function invalid(name: string, expected: string): ApiError {
  return new ApiError(400, INVALID_QUERY_MESSAGE(name, expected));
}

function integerParam(params: URLSearchParams, name: string, min: number): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === "") return undefined;
  if (!/^-?\d+$/.test(raw.trim()) || Number(raw) < min || !Number.isSafeInteger(Number(raw))) {
    throw invalid(name, min === -Infinity ? "an integer" : `an integer >= ${min}`);
  }
  return Number(raw);
}

function booleanParam(params: URLSearchParams, name: string): boolean {
  const raw = params.get(name);
  if (raw === null || raw === "" || raw === "false") return false;
  if (raw === "true") return true;
  throw invalid(name, "true or false");
}

/**
 * `start`/`end` in ms since the epoch: absent or `0` end means now, absent start means
 * 30 days before end. Under `negativeTimes: "relative"` a negative value counts back from now.
 * @throws ApiError 400 for a non-integer value (or a negative one, unless relative) or a
 * start after end.
 */
export function parseTimeRange(
  params: URLSearchParams,
  nowMs: number,
  negativeTimes: SimulatorProfile["negativeTimes"] = "refused",
): TimeRange {
  const relative = negativeTimes === "relative";
  const min = relative ? -Infinity : 0;
  const resolve = (value: number | undefined): number | undefined =>
    value !== undefined && value < 0 ? nowMs + value : value;
  const end = resolve(integerParam(params, "end", min)) || nowMs;
  const start =
    resolve(integerParam(params, "start", min)) ?? Math.max(end - DEFAULT_USAGE_SPAN_MS, 0);
  if (start > end) throw new ApiError(400, START_AFTER_END_MESSAGE);
  return { startMs: start, endMs: end };
}

/**
 * Options of `payloadCountsBreakdown`.
 * @throws ApiError 400 for a resolution other than 86400000/3600000 or a non-boolean flag.
 */
export function parsePayloadOptions(params: URLSearchParams): PayloadOptions {
  const raw = params.get("resolution");
  let resolution = DAY_MS;
  if (raw !== null && raw !== "") {
    resolution = Number(raw);
    if (resolution !== DAY_MS && resolution !== HOUR_MS) {
      throw invalid("resolution", `${DAY_MS} or ${HOUR_MS}`);
    }
  }
  return {
    resolution,
    asBytes: booleanParam(params, "asBytes"),
    includeNonBillable: booleanParam(params, "includeNonBillable"),
  };
}

/**
 * Sorting, paging and filtering of the list endpoint.
 * @throws ApiError 400 for an unknown sort field or direction, a bad page or perPage, a
 * filter field other than `name`, or a `query` that is not a valid advanced query.
 */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const sortField = choiceParam(params, "sortField", SORT_FIELDS);
  const sortDirection = sortDirectionParam(params);
  const perPage = integerParam(params, "perPage", 1) ?? 100;
  if (perPage > MAX_PER_PAGE) throw invalid("perPage", `an integer from 1 to ${MAX_PER_PAGE}`);
  const query: ListQuery = {
    sortField,
    sortDirection,
    page: integerParam(params, "page", 0) ?? 0,
    perPage,
  };
  const advanced = params.get("query");
  if (advanced !== null && advanced !== "") {
    // The advanced query overrides the glob filter, which is then not even checked.
    query.where = parseAdvancedQuery(advanced);
    return query;
  }
  const filter = params.get("filter");
  choiceParam(params, "filterField", ["name"]);
  if (filter !== null && filter !== "") {
    query.filter = filter;
    query.filterField = "name";
  }
  return query;
}

/** Fields the member list sorts and filters by; the first is the default. */
export const MEMBER_LIST_FIELDS = ["email", "role"] as const;

/** A member list sort or filter field. */
export type MemberListField = (typeof MEMBER_LIST_FIELDS)[number];

/** Parsed member-list parameters. */
export interface MemberListQuery {
  sortField: MemberListField;
  sortDirection: "asc" | "desc";
  filterField?: MemberListField;
  filter?: string;
}

/**
 * Sorting and filtering of the member list (which has no paging).
 * @throws ApiError 400 for a sort or filter field other than `email`/`role`, or an unknown
 * sort direction.
 */
export function parseMemberListQuery(params: URLSearchParams): MemberListQuery {
  const query: MemberListQuery = {
    sortField: choiceParam(params, "sortField", MEMBER_LIST_FIELDS),
    sortDirection: sortDirectionParam(params),
  };
  const filterField = choiceParam(params, "filterField", MEMBER_LIST_FIELDS);
  const filter = params.get("filter");
  if (filter !== null && filter !== "") Object.assign(query, { filter, filterField });
  return query;
}

/** A parameter that must be one of `allowed`; absent or empty means the first. */
function choiceParam<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly [T, ...T[]],
): T {
  const raw = params.get(name) || allowed[0];
  if (!(allowed as readonly string[]).includes(raw)) throw invalid(name, allowed.join(", "));
  return raw as T;
}

/** `sortDirection`: asc (default) or desc, in any case. */
function sortDirectionParam(params: URLSearchParams): "asc" | "desc" {
  const direction = (params.get("sortDirection") || "asc").toLowerCase();
  if (direction !== "asc" && direction !== "desc") throw invalid("sortDirection", "asc or desc");
  return direction;
}

/**
 * Compiles a Losant filter glob (`*` any run, `?` one character) to a whole-string,
 * case-insensitive matcher.
 */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.|+()[\]{}]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, "is");
}
