/**
 * How the simulated server turns POST and PATCH bodies into stored organizations: the
 * defaults it fills, the limit merge, the `disabledAt` and timestamp rules. Pure functions
 * of their inputs, so the store and the tests share one definition.
 */
import type {
  InstanceRecord,
  OrgPatchBody,
  OrgPostBody,
  OrgRecord,
  OrgWritableFields,
} from "./model";
import { omit } from "./objects";

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
  body: OrgPostBody,
  nowMs: number,
): OrgRecord {
  const { members = [], ...fields } = body;
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
    disabledAt: normalizeDisabledAt(body.disabledAt ?? false, nowMs),
    creationDate: stamp,
    lastUpdated: stamp,
    memberCount: members.filter((m) => "userId" in m).length,
    pendingInviteCount: members.filter((m) => "email" in m).length,
  };
}

/**
 * Applies a validated PATCH body: `limits` merges only the given keys, every other given
 * field replaces the stored one, and `lastUpdated` always moves forward.
 */
export function patchOrgRecord(org: OrgRecord, body: OrgPatchBody, nowMs: number): OrgRecord {
  return {
    ...org,
    ...replacedFields(body),
    limits: { ...org.limits, ...body.limits },
    disabledAt:
      body.disabledAt === undefined
        ? org.disabledAt
        : normalizeDisabledAt(body.disabledAt, nowMs, org.disabledAt),
    lastUpdated: nextTimestamp(nowMs, org.lastUpdated),
  };
}
