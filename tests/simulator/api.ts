/**
 * Calls the simulator over real HTTP with Node's global fetch, so each test reads as one
 * request and one assertion instead of repeating headers and decoding.
 */
import type { ApiErrorBody, SimulatedMember, SimulatedOrg, Simulator } from "../../simulator";

/** An org answer including its hypermedia. */
export type OrgAnswer = SimulatedOrg & { _type: string; _links: Record<string, { href: string }> };

/** A list answer. */
export interface OrgsAnswer {
  items: OrgAnswer[];
  instanceId: string;
  count: number;
  totalCount: number;
  perPage: number;
  page: number;
  filter?: string;
  filterField?: string;
  sortField: string;
  sortDirection: string;
  _type: string;
}

/** A member answer including its hypermedia. */
export type MemberAnswer = Omit<
  SimulatedMember,
  "applicationRoles" | "dashboardRoles" | "pending"
> & {
  _type: string;
  _links: Record<string, { href: string }>;
};

/** A member list answer. */
export interface MembersAnswer {
  items: MemberAnswer[];
  instanceId: string;
  orgId: string;
  count: number;
  filter?: string;
  filterField?: string;
  sortField: string;
  sortDirection: string;
  _type: string;
}

/** One usage answer. */
export interface UsageAnswer<Point> {
  start: string;
  end: string;
  counts: (Point & { date: string })[];
}

/** Options of one request. */
export interface CallOptions {
  /** Bearer token; the admin token by default, `null` for no Authorization header. */
  token?: string | null;
  /** JSON body. */
  body?: unknown;
  /** Body sent verbatim (for malformed JSON). */
  rawBody?: string;
  /** Query parameters. */
  query?: Record<string, string | number | boolean>;
}

/** A decoded answer. */
export interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** Request helpers bound to a simulator. */
export function api(sim: () => Simulator) {
  const orgsPath = (instanceId = sim().instanceId): string => `/instances/${instanceId}/orgs`;
  const orgPath = (orgId: string, instanceId = sim().instanceId): string =>
    `${orgsPath(instanceId)}/${orgId}`;

  async function call<T = ApiErrorBody>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<Answer<T>> {
    const url = new URL(path, sim().url);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      url.searchParams.set(name, String(value));
    }
    const token = options.token === undefined ? sim().tokens.admin : options.token;
    const headers: Record<string, string> = { Accept: "application/json" };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    let body = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(url, { method, headers, body });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as T,
    };
  }

  /** POSTs an org with the admin token and returns it; fails the test on a non-200. */
  async function createOrg(body: Record<string, unknown>): Promise<OrgAnswer> {
    const answer = await call<OrgAnswer>("POST", orgsPath(), { body });
    expect(answer.status).toBe(200);
    return answer.body;
  }

  const membersPath = (orgId: string, instanceId = sim().instanceId): string =>
    `${orgPath(orgId, instanceId)}/members`;
  const memberPath = (orgId: string, userId: string, instanceId = sim().instanceId): string =>
    `${membersPath(orgId, instanceId)}/${userId}`;

  /** POSTs a member with the admin token and returns it; fails the test on a non-200. */
  async function addMember(orgId: string, body: Record<string, unknown>): Promise<MemberAnswer> {
    const answer = await call<MemberAnswer>("POST", membersPath(orgId), { body });
    expect(answer.status).toBe(200);
    return answer.body;
  }

  return { call, createOrg, orgsPath, orgPath, membersPath, memberPath, addMember };
}

/**
 * The broad scopes every read action accepts, transcribed from the Scopes tables of
 * shared/losant-api/README.md, independently of simulator/scopes.ts.
 */
export const README_READ_SCOPES: readonly string[] = [
  "all.Instance",
  "all.Instance.bounded",
  "all.Instance.read",
  "all.User",
  "all.User.bounded",
  "all.User.read",
];

/** A request as `[method, path, options]`. */
export type RequestSpec = [string, string, CallOptions];

/**
 * Asserts that a request passes authorization (any status but 403) for exactly the
 * `accepted` scopes among `candidates`, sending it once per candidate with a token holding
 * only that scope.
 */
export async function expectExactScopes(
  sim: () => Simulator,
  request: () => RequestSpec,
  candidates: readonly string[],
  accepted: readonly string[],
): Promise<void> {
  const { call } = api(sim);
  const outcomes: Record<string, boolean> = {};
  for (const scope of candidates) {
    const [method, path, options] = request();
    const answer = await call(method, path, { ...options, token: sim().addToken([scope]) });
    outcomes[scope] = answer.status !== 403;
  }
  expect(outcomes).toEqual(Object.fromEntries(candidates.map((s) => [s, accepted.includes(s)])));
}

/** Asserts Losant's error answer: the status, the error `type` and the exact message. */
export function expectError(
  answer: Answer<unknown>,
  status: number,
  type: string,
  message: string,
): void {
  expect({ status: answer.status, body: answer.body }).toEqual({ status, body: { type, message } });
}
