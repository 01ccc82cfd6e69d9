/**
 * Deterministic usage series. Every value is a hash of the org ID and the bucket time, so
 * the same request always gets the same answer, different orgs differ, and no series has
 * to be stored.
 */
import { ApiError, TOO_MANY_BUCKETS_MESSAGE } from "./errors";
import { hashInt, hashString } from "./hash";

/** One day in milliseconds: the default (and notebook/device) resolution. */
export const DAY_MS = 86_400_000;
/** One hour in milliseconds: the finer payload resolution. */
export const HOUR_MS = 3_600_000;
/**
 * Most buckets one usage response may hold. Large enough for `start=0` (the documented
 * example) at day resolution, small enough to keep a response to a few megabytes.
 */
export const MAX_USAGE_BUCKETS = 50_000;

/** Distinct salts so each series draws independent numbers from the same org seed. */
const SALT = {
  devicesBase: 1,
  devices: 2,
  churn: 3,
  notebookCompleted: 4,
  notebookCanceled: 5,
  notebookErrored: 6,
  notebookTimeout: 7,
  notebookMinutes: 8,
  payloadSize: 9,
  payloadBase: 10,
  payload: 11,
  nonBillable: 12,
} as const;

/** The seed all of an org's numbers derive from. */
export function orgSeed(orgId: string): number {
  return hashString(orgId);
}

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
  /** Buckets starting before this time are left out (data past its retention). */
  keptFromMs?: number;
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
export function deviceTotalAt(seed: number, dayStart: number): number {
  return 20 + hashInt(480, seed, SALT.devicesBase) + hashInt(25, seed, SALT.devices, dayStart);
}

/** Per-day device counts over `range`. */
export function deviceCounts(orgId: string, range: TimeRange): UsageSeries<DeviceCountPoint> {
  const seed = orgSeed(orgId);
  const counts = bucketStarts(range, DAY_MS).map((day) => {
    const total = deviceTotalAt(seed, day);
    const delta = total - deviceTotalAt(seed, day - DAY_MS);
    // Churn that cancels out: devices replaced within the day still count as created and deleted.
    const churn = hashInt(4, seed, SALT.churn, day);
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
export function notebookDay(seed: number, dayStart: number): Omit<NotebookMinutePoint, "date"> {
  const completed = hashInt(12, seed, SALT.notebookCompleted, dayStart);
  const canceled = hashInt(3, seed, SALT.notebookCanceled, dayStart);
  const errored = hashInt(3, seed, SALT.notebookErrored, dayStart);
  const timeout = hashInt(2, seed, SALT.notebookTimeout, dayStart);
  const runs = completed + canceled + errored + timeout;
  return {
    minutes: runs * (1 + hashInt(10, seed, SALT.notebookMinutes, dayStart)),
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
  const seed = orgSeed(orgId);
  const counts = bucketStarts(range, DAY_MS).map((day) => ({
    date: new Date(day).toISOString(),
    ...notebookDay(seed, day),
  }));
  return series(range, counts);
}

/** Bytes per payload for `asBytes`: fixed per org. */
export function payloadSizeBytes(seed: number): number {
  return 100 + hashInt(900, seed, SALT.payloadSize);
}

/**
 * Payloads in `[from, from + length)`: the sum of its hours, so a day always equals its
 * hours. A non-billable share is added per hour on request.
 */
export function payloadsBetween(
  seed: number,
  from: number,
  length: number,
  includeNonBillable: boolean,
): number {
  const base = hashInt(200, seed, SALT.payloadBase);
  let sum = 0;
  for (let hour = from; hour < from + length; hour += HOUR_MS) {
    const billable = base + hashInt(400, seed, SALT.payload, hour);
    const percent = includeNonBillable ? 5 + hashInt(20, seed, SALT.nonBillable, hour) : 0;
    sum += billable + Math.floor((billable * percent) / 100);
  }
  return sum;
}

/** Per-day or per-hour payload counts (or bytes) over `range`. */
export function payloadCountsBreakdown(
  orgId: string,
  range: TimeRange,
  options: PayloadOptions,
): UsageSeries<PayloadCountPoint> {
  const seed = orgSeed(orgId);
  const factor = options.asBytes ? payloadSizeBytes(seed) : 1;
  const kept = bucketStarts(range, options.resolution).filter(
    (bucket) => options.keptFromMs === undefined || bucket >= options.keptFromMs,
  );
  const counts = kept.map((bucket) => ({
    date: new Date(bucket).toISOString(),
    value: factor * payloadsBetween(seed, bucket, options.resolution, options.includeNonBillable),
  }));
  return series(range, counts);
}
