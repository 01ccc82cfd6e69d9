/**
 * The `summary` object of an org response: deterministic numbers derived from the org, tied
 * to the usage series where a field has one (`deviceCount` is today's device total).
 */
import orgSchema from "../schemas/instanceOrg.json";
import { ApiError, UNKNOWN_SUMMARY_FIELD_MESSAGE } from "./errors";
import { hashInt, hashString } from "./hash";
import type { OrgRecord } from "./model";
import { DAY_MS, deviceTotalAt, notebookDay, orgSeed, payloadsBetween } from "./usage";

/** A summary field name, as listed in `schemas/instanceOrg.json`. */
export type SummaryField = keyof (typeof orgSchema)["properties"]["summary"]["properties"];

/** Every summary field, in schema order. */
export const SUMMARY_FIELDS = Object.keys(
  orgSchema.properties.summary.properties,
) as readonly SummaryField[];

/** A summary value: a count, or one of the nested stats objects. */
export type SummaryValue = number | Record<string, number | Record<string, number>>;

/** The org summary, possibly restricted to some fields. */
export type OrgSummary = Partial<Record<SummaryField, SummaryValue>>;

/** Start of the current billing period: the first day of the UTC month. */
function periodStart(nowMs: number): number {
  const now = new Date(nowMs);
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
}

function daysOfPeriod(nowMs: number): number[] {
  const days: number[] = [];
  for (let day = periodStart(nowMs); day <= nowMs; day += DAY_MS) days.push(day);
  return days;
}

/** Salts of the summary's own numbers, apart from those of the usage series. */
const SALT = { awaiting: 101, storageCount: 102, storageSize: 103, count: 104 } as const;

function notebookStats(seed: number, nowMs: number): Record<string, number> {
  const days = daysOfPeriod(nowMs).map((day) => notebookDay(seed, day));
  const sum = (pick: (d: (typeof days)[number]) => number) =>
    days.reduce((total, d) => total + pick(d), 0);
  return {
    awaitingCompletion: hashInt(3, seed, SALT.awaiting),
    minutesThisPeriod: sum((d) => d.minutes),
    runsThisPeriod: sum((d) => d.completed + d.canceled + d.errored + d.timeout),
  };
}

function payloadCount(seed: number, nowMs: number): Record<string, Record<string, number>> {
  const start = periodStart(nowMs);
  const total = payloadsBetween(seed, start, Math.max(nowMs - start, 0), false);
  const deviceState = Math.floor(total * 0.6);
  const mqttIn = Math.floor(total * 0.25);
  const webhook = Math.floor(total * 0.1);
  return {
    deviceState: { total: deviceState },
    mqttIn: { total: mqttIn },
    webhook: { total: webhook },
    timer: { total: total - deviceState - mqttIn - webhook },
  };
}

function storageStats(seed: number): Record<string, number> {
  const count = hashInt(500, seed, SALT.storageCount);
  return { count, size: count * (1000 + hashInt(100_000, seed, SALT.storageSize)) };
}

function fieldValue(field: SummaryField, org: OrgRecord, nowMs: number): SummaryValue {
  const seed = orgSeed(org.id);
  switch (field) {
    case "deviceCount":
      return deviceTotalAt(seed, Math.floor(nowMs / DAY_MS) * DAY_MS);
    case "memberCount":
      return org.memberCount;
    case "pendingInviteCount":
      return org.pendingInviteCount;
    case "payloadCount":
      return payloadCount(seed, nowMs);
    case "storageStats":
      return storageStats(seed);
    case "notebookStats":
      return notebookStats(seed, nowMs);
    default:
      return hashInt(20, seed, SALT.count, hashString(field));
  }
}

/**
 * Parses `summaryInclude` (comma-separated field names).
 * @returns the named fields, or every field when the parameter is absent or empty.
 * @throws ApiError 400 naming the first unknown field.
 */
export function parseSummaryInclude(value: string | null): readonly SummaryField[] {
  if (value === null || value.trim() === "") return SUMMARY_FIELDS;
  const names = value.split(",").map((name) => name.trim());
  for (const name of names) {
    if (!(SUMMARY_FIELDS as readonly string[]).includes(name)) {
      throw new ApiError(400, UNKNOWN_SUMMARY_FIELD_MESSAGE(name));
    }
  }
  return names as SummaryField[];
}

/** The org's summary restricted to `fields`, computed at `nowMs`. */
export function orgSummary(
  org: OrgRecord,
  fields: readonly SummaryField[],
  nowMs: number,
): OrgSummary {
  const summary: OrgSummary = {};
  for (const field of fields) summary[field] = fieldValue(field, org, nowMs);
  return summary;
}
