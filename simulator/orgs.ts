/**
 * How the simulated server turns POST and PATCH bodies into stored organizations: the
 * defaults it fills, the limit merge (or replacement), the normalization of the profile,
 * the `disabledAt` and timestamp rules. Pure functions of their inputs, so the store and
 * the tests share one definition.
 */
import {
  instanceMaxLimits,
  type InstanceRecord,
  type Limits,
  type OrgPatchBody,
  type OrgPostBody,
  type OrgRecord,
  type OrgWritableFields,
} from "./model";
import { omit } from "./objects";
import type { SimulatorProfile } from "./profiles";

/** The parts of a profile that decide how bodies become stored orgs. */
export type StoreRules = Pick<SimulatorProfile, "patchLimits" | "normalization">;

/** `disabledAt` as a second-precision server stores it. */
function toSecond(value: false | string): false | string {
  if (value === false) return false;
  return new Date(Math.floor(Date.parse(value) / 1000) * 1000).toISOString();
}

/**
 * The body as a normalizing server stores it: name trimmed (unless that leaves nothing),
 * `iconColor` and email domains lower-cased, limits clamped to the instance's own.
 */
export function normalizeBody<T extends OrgWritableFields>(instance: InstanceRecord, body: T): T {
  const result = { ...body };
  if (result.name !== undefined && result.name.trim() !== "") result.name = result.name.trim();
  if (result.iconColor !== undefined) result.iconColor = result.iconColor.toLowerCase();
  if (result.whitelistedEmailDomains) {
    result.whitelistedEmailDomains = result.whitelistedEmailDomains.map((d) => d.toLowerCase());
  }
  if (result.limits) {
    const max = instanceMaxLimits(instance);
    const entries = Object.entries(result.limits).map(([key, value]) => [
      key,
      Math.min(value, max[key as keyof Limits]),
    ]);
    result.limits = Object.fromEntries(entries) as Partial<Limits>;
  }
  return result;
}

/**
 * The timestamp a change made at `nowMs` records: strictly later than `previous`, because
 * clients detect a change by comparing `lastUpdated` and two PATCHes can land in one
 * millisecond.
 */
export function nextTimestamp(nowMs: number, previous?: string): string {
  const floor = previous === undefined ? -Infinity : Date.parse(previous) + 1;
  return new Date(Math.max(nowMs, floor)).toISOString();
}

/**
 * The stored form of `disabledAt`: `true` means "disabled now" (an org already disabled
 * keeps the time it was disabled), a date-time string is re-serialized the way a date
 * column would return it, `false` stays `false`.
 */
export function normalizeDisabledAt(
  value: boolean | string,
  nowMs: number,
  current: false | string = false,
): false | string {
  if (value === false) return false;
  if (value === true) return current === false ? new Date(nowMs).toISOString() : current;
  return new Date(value).toISOString();
}

/** The rules of the `documented` profile: limits merged, values stored as sent. */
const AS_DOCUMENTED: StoreRules = { patchLimits: "merge", normalization: "off" };

/** How a server following `rules` stores a body and a `disabledAt`. */
function storing(instance: InstanceRecord, rules: StoreRules) {
  const on = rules.normalization === "on";
  return {
    body: <T extends OrgWritableFields>(body: T): T => (on ? normalizeBody(instance, body) : body),
    disabledAt: (value: false | string): false | string => (on ? toSecond(value) : value),
  };
}

/** Fields that replace the stored value when given (everything but `limits`/`disabledAt`). */
function replacedFields(body: OrgWritableFields): Partial<OrgRecord> {
  return structuredClone(omit(body, ["limits", "disabledAt"]));
}

/**
 * Builds a new org from a validated POST body. The server fills what the client left out:
 * the instance's full default limits (posted keys override only themselves), empty
 * tags and email domains, `auditLogEnabled`/`isReadOnly` false, `mfaMode` "notRequired",
 * an empty description and `disabledAt` false.
 */
export function createOrgRecord(
  instance: InstanceRecord,
  id: string,
  posted: OrgPostBody,
  nowMs: number,
  rules: StoreRules = AS_DOCUMENTED,
): OrgRecord {
  const store = storing(instance, rules);
  const body = store.body(posted);
  const fields = omit(body, ["members"]);
  const stamp = nextTimestamp(nowMs);
  return {
    id,
    instanceId: instance.id,
    name: body.name,
    description: "",
    whitelistedEmailDomains: [],
    auditLogEnabled: false,
    isReadOnly: false,
    tags: [],
    mfaMode: "notRequired",
    ...replacedFields(fields),
    limits: { ...instance.defaultLimits, ...body.limits },
    disabledAt: store.disabledAt(normalizeDisabledAt(body.disabledAt ?? false, nowMs)),
    creationDate: stamp,
    lastUpdated: stamp,
    // The store adds the posted members and sets these from them.
    memberCount: 0,
    pendingInviteCount: 0,
  };
}

/**
 * Applies a validated PATCH body: `limits` merges only the given keys (or, under
 * `patchLimits: "replace"`, becomes what was sent over the instance's defaults), every other
 * given field replaces the stored one, and `lastUpdated` always moves forward.
 */
export function patchOrgRecord(
  instance: InstanceRecord,
  org: OrgRecord,
  patch: OrgPatchBody,
  nowMs: number,
  rules: StoreRules = AS_DOCUMENTED,
): OrgRecord {
  const store = storing(instance, rules);
  const body = store.body(patch);
  let limits = org.limits;
  if (body.limits !== undefined) {
    const base = rules.patchLimits === "replace" ? instance.defaultLimits : org.limits;
    limits = { ...base, ...body.limits };
  }
  return {
    ...org,
    ...replacedFields(body),
    limits,
    disabledAt:
      body.disabledAt === undefined
        ? org.disabledAt
        : store.disabledAt(normalizeDisabledAt(body.disabledAt, nowMs, org.disabledAt)),
    lastUpdated: nextTimestamp(nowMs, org.lastUpdated),
  };
}
