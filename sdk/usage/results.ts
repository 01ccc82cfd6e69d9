import type {
  DeviceCounts,
  InstanceOrg,
  InstanceOrgMember,
  NotebookMinuteCounts,
  PayloadCountsBreakdown,
} from "../../provider/losant/types.generated";
import type { ResolutionName } from "./time";

/** One day of `deviceCounts`: devices created, deleted, and the total at the end of the day. */
export type DeviceCountPoint = NonNullable<DeviceCounts["counts"]>[number];
/** One day of `notebookMinuteCounts`: minutes used and runs by outcome. */
export type NotebookMinutePoint = NonNullable<NotebookMinuteCounts["counts"]>[number];
/** One bucket (day or hour) of `payloadCountsBreakdown`: payloads, or bytes with `asBytes`. */
export type PayloadCountPoint = NonNullable<PayloadCountsBreakdown["counts"]>[number];

/** An org as {@link getInstanceOrg} returns it: the API's answer without `_type`/`_links`. */
export type InstanceOrgInfo = InstanceOrg;

/** A member as {@link getInstanceOrgMembers} returns it: the API's answer without `_type`/`_links`. */
export type InstanceOrgMemberInfo = InstanceOrgMember;

/** The result of {@link getInstanceOrgMembers}. */
export interface InstanceOrgMembersResult {
  instanceId: string;
  orgId: string;
  /** The org's members, sorted by email. */
  members: InstanceOrgMemberInfo[];
  /** How many members the org has. */
  count: number;
  /** How many members hold each role; every role is present. */
  countByRole: Record<NonNullable<InstanceOrgMember["role"]>, number>;
}

/** What every usage result holds: which org, the range the API answered for, the raw series. */
export interface UsageSeries<Point> {
  instanceId: string;
  orgId: string;
  /** Start of the range as the API returned it (ISO 8601). */
  start: string;
  /** End of the range as the API returned it (ISO 8601). */
  end: string;
  /** The bucket size of `counts`. Device and notebook series are always daily. */
  resolution: ResolutionName;
  /** The raw series, oldest first, as the API returned it. */
  counts: Point[];
}

/** Totals over a device series (see {@link deviceTotals}). */
export interface DeviceTotals {
  /** The total of the newest day that has one; 0 for an empty series. */
  latestTotal: number;
  /** The largest daily total; 0 for an empty series. */
  peakTotal: number;
  /** Devices created over the range. */
  totalCreated: number;
  /** Devices deleted over the range. */
  totalDeleted: number;
}

/** Totals over a notebook series (see {@link notebookTotals}). */
export interface NotebookTotals {
  /** Notebook minutes used over the range. */
  totalMinutes: number;
  totalCompleted: number;
  totalCanceled: number;
  totalErrored: number;
  totalTimeout: number;
  /** Runs of every outcome: completed + canceled + errored + timeout. */
  totalRuns: number;
}

/** Totals over a payload series (see {@link payloadTotals}). */
export interface PayloadTotals {
  /** Payloads (or bytes, with `asBytes`) over the range. */
  total: number;
  /** The first bucket holding the largest value; undefined for an empty series. */
  peak: PayloadCountPoint | undefined;
}

/** The result of {@link getDeviceCounts}. */
export interface DeviceCountsResult extends UsageSeries<DeviceCountPoint>, DeviceTotals {}

/** The result of {@link getNotebookMinuteCounts}. */
export interface NotebookMinuteCountsResult
  extends UsageSeries<NotebookMinutePoint>, NotebookTotals {}

/** The result of {@link getPayloadCountsBreakdown}. */
export interface PayloadCountsBreakdownResult
  extends UsageSeries<PayloadCountPoint>, PayloadTotals {
  /** Whether the values are bytes rather than payload counts. */
  asBytes: boolean;
  /** Whether non-billable payloads are counted. */
  includeNonBillable: boolean;
}
