/**
 * Deterministic usage series. Every value is a hash of the org ID and the bucket time, so
 * the same request always gets the same answer, different orgs differ, and no series has
 * to be stored.
 */
import { ApiError, TOO_MANY_BUCKETS_MESSAGE } from "./errors";
import { hashInt } from "./hash";

/** One day in milliseconds: the default (and notebook/device) resolution. */
export const DAY_MS = 86_400_000;
/** One hour in milliseconds: the finer payload resolution. */
export const HOUR_MS = 3_600_000;
/**
 * Most buckets one usage response may hold. Large enough for `start=0` (the documented
 * example) at day resolution, small enough to keep a response to a few megabytes.
 */
export const MAX_USAGE_BUCKETS = 50_000;

/** A closed time range in milliseconds since the epoch. */
export interface TimeRange {
  startMs: number;
  endMs: number;
}

/** Answer shape shared by the three usage endpoints. */
export interface UsageSeries<Point> {
  start: string;
  end: string;
  counts: Point[];
}

/** A `deviceCounts` point: `total` equals the previous day's total + created - deleted. */
export interface DeviceCountPoint {
  date: string;
  created: number;
  deleted: number;
  total: number;
}

/** A `notebookMinuteCounts` point. */
export interface NotebookMinutePoint {
  date: string;
  minutes: number;
  completed: number;
  canceled: number;
  errored: number;
  timeout: number;
}

/** A `payloadCountsBreakdown` point. */
export interface PayloadCountPoint {
  date: string;
  value: number;
}

/** Options of `payloadCountsBreakdown`. */
export interface PayloadOptions {
  resolution: number;
  asBytes: boolean;
  includeNonBillable: boolean;
}

/**
 * Start times of the buckets covering `range`, aligned to UTC multiples of `resolution`.
 * @throws ApiError 400 when the range holds more than {@link MAX_USAGE_BUCKETS} buckets.
 */
export function bucketStarts(range: TimeRange, resolution: number): number[] {
  const first = Math.floor(range.startMs / resolution) * resolution;
  const count = Math.floor((range.endMs - first) / resolution) + 1;
  if (count > MAX_USAGE_BUCKETS) {
    throw new ApiError(400, TOO_MANY_BUCKETS_MESSAGE(count, MAX_USAGE_BUCKETS));
  }
  return Array.from({ length: count }, (_, i) => first + i * resolution);
}

function series<Point>(range: TimeRange, counts: Point[]): UsageSeries<Point> {
  return {
    start: new Date(range.startMs).toISOString(),
    end: new Date(range.endMs).toISOString(),
    counts,
  };
}

/** The org's device total at the end of the day starting at `dayStart`. */
export function deviceTotalAt(orgId: string, dayStart: number): number {
  return 20 + hashInt(480, orgId, "devices") + hashInt(25, orgId, "devices", dayStart);
}

/** Per-day device counts over `range`. */
export function deviceCounts(orgId: string, range: TimeRange): UsageSeries<DeviceCountPoint> {
  const counts = bucketStarts(range, DAY_MS).map((day) => {
    const total = deviceTotalAt(orgId, day);
    const delta = total - deviceTotalAt(orgId, day - DAY_MS);
    // Churn that cancels out: devices replaced within the day still count as created and deleted.
    const churn = hashInt(4, orgId, "churn", day);
    return {
      date: new Date(day).toISOString(),
      created: Math.max(delta, 0) + churn,
      deleted: Math.max(-delta, 0) + churn,
      total,
    };
  });
  return series(range, counts);
}

/** The notebook usage of the day starting at `dayStart`. */
export function notebookDay(orgId: string, dayStart: number): Omit<NotebookMinutePoint, "date"> {
  const completed = hashInt(12, orgId, "nb-completed", dayStart);
  const canceled = hashInt(3, orgId, "nb-canceled", dayStart);
  const errored = hashInt(3, orgId, "nb-errored", dayStart);
  const timeout = hashInt(2, orgId, "nb-timeout", dayStart);
  const runs = completed + canceled + errored + timeout;
  return {
    minutes: runs * (1 + hashInt(10, orgId, "nb-minutes", dayStart)),
    completed,
    canceled,
    errored,
    timeout,
  };
}

/** Per-day notebook minutes over `range`. */
export function notebookMinuteCounts(
  orgId: string,
  range: TimeRange,
): UsageSeries<NotebookMinutePoint> {
  const counts = bucketStarts(range, DAY_MS).map((day) => ({
    date: new Date(day).toISOString(),
    ...notebookDay(orgId, day),
  }));
  return series(range, counts);
}

/** Bytes per payload for `asBytes`: fixed per org. */
export function payloadSizeBytes(orgId: string): number {
  return 100 + hashInt(900, orgId, "payload-size");
}

/** Payloads in the hour starting at `hourStart`; a non-billable share is added on request. */
export function payloadsInHour(
  orgId: string,
  hourStart: number,
  includeNonBillable: boolean,
): number {
  const billable = hashInt(200, orgId, "payload-base") + hashInt(400, orgId, "payload", hourStart);
  if (!includeNonBillable) return billable;
  const percent = 5 + hashInt(20, orgId, "non-billable", hourStart);
  return billable + Math.floor((billable * percent) / 100);
}

/** Payloads in `[from, from + length)`: the sum of its hours, so days equal their hours. */
export function payloadsBetween(
  orgId: string,
  from: number,
  length: number,
  includeNonBillable: boolean,
): number {
  let sum = 0;
  for (let hour = from; hour < from + length; hour += HOUR_MS) {
    sum += payloadsInHour(orgId, hour, includeNonBillable);
  }
  return sum;
}

/** Per-day or per-hour payload counts (or bytes) over `range`. */
export function payloadCountsBreakdown(
  orgId: string,
  range: TimeRange,
  options: PayloadOptions,
): UsageSeries<PayloadCountPoint> {
  const factor = options.asBytes ? payloadSizeBytes(orgId) : 1;
  const counts = bucketStarts(range, options.resolution).map((bucket) => ({
    date: new Date(bucket).toISOString(),
    value: factor * payloadsBetween(orgId, bucket, options.resolution, options.includeNonBillable),
  }));
  return series(range, counts);
}
