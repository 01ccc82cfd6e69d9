/**
 * The work of each action, split in two: `prepare` checks the query (the validate step)
 * and returns the apply step, which touches the store. Keeping them apart means a request
 * with a bad query never reaches the store.
 */
import type {
  MemberPatchBody,
  MemberPostBody,
  OrgPatchBody,
  OrgPostBody,
  OrgRecord,
} from "./model";
import {
  globToRegExp,
  parseListQuery,
  parseMemberListQuery,
  parsePayloadOptions,
  parseTimeRange,
} from "./query";
import type { ListQuery, MemberListQuery } from "./query";
import { ApiError, HOURLY_RETENTION_MESSAGE } from "./errors";
import { HOURLY_RETENTION_MS, type SimulatorProfile } from "./profiles";
import {
  documentedCreateAnswer,
  listHypermedia,
  memberListHypermedia,
  memberResponse,
  orgResponse,
} from "./responses";
import type { MemberWithUser, Store } from "./store";
import { parseSummaryInclude } from "./summary";
import {
  DAY_MS,
  HOUR_MS,
  deviceCounts,
  notebookMinuteCounts,
  payloadCountsBreakdown,
} from "./usage";

/** IDs taken from the path. */
export interface PathParams {
  instanceId: string;
  orgId?: string;
  userId?: string;
}

/** What the validate step hands to a handler. */
export interface PrepareInput {
  query: URLSearchParams;
  /** The parsed body, already valid against the route's body schema. */
  body: unknown;
  nowMs: number;
  /** The simulator's answers to what the documentation leaves open. */
  profile: SimulatorProfile;
}

/** The apply step: reads or changes the store and returns the response body. */
export type Apply = (store: Store, params: PathParams) => unknown;

/** The validate step of one action. @throws ApiError 400 for a bad query. */
export type Prepare = (input: PrepareInput) => Apply;

// The router only matches org routes when the path has an org ID (and member routes when
// it has a user ID), so these casts are safe.
const orgIdOf = (params: PathParams): string => params.orgId as string;
const userIdOf = (params: PathParams): string => params.userId as string;

/** instanceOrg.get */
export const getOrg: Prepare = ({ query, nowMs }) => {
  const fields = parseSummaryInclude(query.get("summaryInclude"));
  return (store, p) => orgResponse(store.org(p.instanceId, orgIdOf(p)), fields, nowMs);
};

/** instanceOrg.patch */
export const patchOrg: Prepare = ({ query, body, nowMs }) => {
  const fields = parseSummaryInclude(query.get("summaryInclude"));
  return (store, p) =>
    orgResponse(store.patchOrg(p.instanceId, orgIdOf(p), body as OrgPatchBody), fields, nowMs);
};

/** instanceOrg.delete */
export const deleteOrg: Prepare = () => (store, p) => {
  store.deleteOrg(p.instanceId, orgIdOf(p));
  return { success: true };
};

/** instanceOrg.deviceCounts */
export const getDeviceCounts: Prepare = ({ query, nowMs, profile }) => {
  const range = parseTimeRange(query, nowMs, profile.negativeTimes);
  return (store, p) => deviceCounts(store.org(p.instanceId, orgIdOf(p)).id, range);
};

/** instanceOrg.notebookMinuteCounts */
export const getNotebookMinuteCounts: Prepare = ({ query, nowMs, profile }) => {
  const range = parseTimeRange(query, nowMs, profile.negativeTimes);
  return (store, p) => notebookMinuteCounts(store.org(p.instanceId, orgIdOf(p)).id, range);
};

/** instanceOrg.payloadCountsBreakdown */
export const getPayloadCountsBreakdown: Prepare = ({ query, nowMs, profile }) => {
  const range = parseTimeRange(query, nowMs, profile.negativeTimes);
  const options = parsePayloadOptions(query);
  const keptFromMs = nowMs - HOURLY_RETENTION_MS;
  if (options.resolution === HOUR_MS && range.startMs < keptFromMs) {
    if (profile.hourlyRetention === "refused") {
      throw new ApiError(400, HOURLY_RETENTION_MESSAGE(HOURLY_RETENTION_MS / DAY_MS));
    }
    if (profile.hourlyRetention === "empty") options.keptFromMs = keptFromMs;
  }
  return (store, p) =>
    payloadCountsBreakdown(store.org(p.instanceId, orgIdOf(p)).id, range, options);
};

/** instanceOrgs.post */
export const createOrg: Prepare = ({ query, body, nowMs, profile }) => {
  const fields = parseSummaryInclude(query.get("summaryInclude"));
  return (store, p) => {
    const answer = orgResponse(store.createOrg(p.instanceId, body as OrgPostBody), fields, nowMs);
    return profile.createAnswer === "org" ? documentedCreateAnswer(answer) : answer;
  };
};

function compareOrgs(query: ListQuery): (a: OrgRecord, b: OrgRecord) => number {
  const sign = query.sortDirection === "asc" ? 1 : -1;
  const key = (org: OrgRecord): string => org[query.sortField];
  return (a, b) => {
    const order = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1;
    return sign * order;
  };
}

/** instanceOrgs.get */
export const listOrgs: Prepare = ({ query, nowMs }) => {
  const list = parseListQuery(query);
  const fields = parseSummaryInclude(query.get("summaryInclude"));
  const pattern = list.filter === undefined ? undefined : globToRegExp(list.filter);
  const where = list.where ?? ((org: OrgRecord) => !pattern || pattern.test(org.name));
  return (store, p) => {
    const matching = store
      .listOrgs(p.instanceId)
      .filter((org) => where(org, store.memberIds(org.id)))
      .sort(compareOrgs(list));
    const pageItems = matching.slice(list.page * list.perPage, (list.page + 1) * list.perPage);
    return {
      items: pageItems.map((org) => orgResponse(org, fields, nowMs)),
      instanceId: p.instanceId,
      count: pageItems.length,
      totalCount: matching.length,
      perPage: list.perPage,
      page: list.page,
      ...(list.filter === undefined ? {} : { filter: list.filter, filterField: list.filterField }),
      sortField: list.sortField,
      sortDirection: list.sortDirection,
      ...listHypermedia(p.instanceId),
    };
  };
};

const answerMember = ({ member, user }: MemberWithUser) => memberResponse(member, user);

/** instanceOrgMember.get */
export const getMember: Prepare = () => (store, p) =>
  answerMember(store.member(p.instanceId, orgIdOf(p), userIdOf(p)));

/** instanceOrgMember.patch */
export const patchMember: Prepare =
  ({ body }) =>
  (store, p) =>
    answerMember(store.patchMember(p.instanceId, orgIdOf(p), userIdOf(p), body as MemberPatchBody));

/** instanceOrgMember.delete */
export const deleteMember: Prepare = () => (store, p) => {
  store.deleteMember(p.instanceId, orgIdOf(p), userIdOf(p));
  return { success: true };
};

/** instanceOrgMembers.post */
export const addMember: Prepare =
  ({ body }) =>
  (store, p) =>
    answerMember(store.addMember(p.instanceId, orgIdOf(p), body as MemberPostBody));

/** Plain string order of the sort field, ties by email then user ID (a stable answer). */
function compareMembers(query: MemberListQuery) {
  const sign = query.sortDirection === "asc" ? 1 : -1;
  const key = ({ member, user }: MemberWithUser): string[] => [
    query.sortField === "role" ? member.role : user.email,
    user.email,
    user.id,
  ];
  return (a: MemberWithUser, b: MemberWithUser): number => {
    const [left, right] = [key(a), key(b)];
    const index = left.findIndex((value, i) => value !== right[i]);
    return index < 0 ? 0 : sign * (left[index] < right[index] ? -1 : 1);
  };
}

/** instanceOrgMembers.get */
export const listMembers: Prepare = ({ query }) => {
  const list = parseMemberListQuery(query);
  const pattern = list.filter === undefined ? undefined : globToRegExp(list.filter);
  const matches = ({ member, user }: MemberWithUser): boolean =>
    !pattern || pattern.test(list.filterField === "role" ? member.role : user.email);
  return (store, p) => {
    const orgId = orgIdOf(p);
    const members = store.members(p.instanceId, orgId).filter(matches).sort(compareMembers(list));
    return {
      items: members.map(answerMember),
      instanceId: p.instanceId,
      orgId,
      count: members.length,
      ...(list.filter === undefined ? {} : { filter: list.filter, filterField: list.filterField }),
      sortField: list.sortField,
      sortDirection: list.sortDirection,
      ...memberListHypermedia(p.instanceId, orgId),
    };
  };
};
