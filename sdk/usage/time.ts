import { LosantArgumentError } from "./argumentError";
import { describeValue } from "./checks";

/** One day in milliseconds: the API's `resolution` for daily buckets. */
export const DAY_MS = 86_400_000;
/** One hour in milliseconds: the API's `resolution` for hourly buckets. */
export const HOUR_MS = 3_600_000;
/** The window the usage functions read when `start` is left out: 30 days before `end`. */
export const DEFAULT_WINDOW_MS = 30 * DAY_MS;

/** A point in time: a `Date`, or milliseconds since the epoch (1970-01-01T00:00:00Z). */
export type TimeInput = Date | number;

/** The bucket size of a usage series, by name. */
export type ResolutionName = "day" | "hour";

/** A bucket size the API accepts: by name, or as the milliseconds the API itself takes. */
export type Resolution = ResolutionName | typeof DAY_MS | typeof HOUR_MS;

/** A time range in milliseconds since the epoch, both ends included. */
export interface TimeWindow {
  start: number;
  end: number;
}

const TIME_RULE =
  "must be a valid Date or a whole number of milliseconds since the epoch, not negative";

/**
 * Converts an optional point in time to milliseconds since the epoch.
 *
 * @param fn - the calling function, for the error
 * @param argument - `start` or `end`, for the error
 * @returns the milliseconds, or undefined when `value` is undefined
 * @throws LosantArgumentError for an invalid Date, a negative, fractional or non-finite
 *   number, or any other type
 */
export function toMillis(fn: string, argument: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : value;
  if (typeof ms !== "number" || !Number.isSafeInteger(ms) || ms < 0) {
    throw new LosantArgumentError(fn, argument, TIME_RULE, describeValue(value));
  }
  return ms;
}

/**
 * Converts a resolution to the milliseconds the API takes.
 *
 * @returns 86400000 for `"day"` (also the default, when `value` is undefined), 3600000 for
 *   `"hour"`; the two millisecond values pass as they are
 * @throws LosantArgumentError for anything else: the API refuses every other resolution
 */
export function toResolutionMs(fn: string, value: unknown): typeof DAY_MS | typeof HOUR_MS {
  if (value === undefined || value === "day" || value === DAY_MS) return DAY_MS;
  if (value === "hour" || value === HOUR_MS) return HOUR_MS;
  throw new LosantArgumentError(
    fn,
    "resolution",
    `must be "day" or "hour" (or ${DAY_MS} or ${HOUR_MS} milliseconds): the API accepts no other`,
    describeValue(value),
  );
}

/** The name of a resolution in milliseconds: `"day"` or `"hour"`. */
export function resolutionName(ms: typeof DAY_MS | typeof HOUR_MS): ResolutionName {
  return ms === HOUR_MS ? "hour" : "day";
}

/**
 * Fills in the defaults of a time range: `end` is `now`, `start` is {@link DEFAULT_WINDOW_MS}
 * before `end` (never before the epoch).
 *
 * @param range - `start`/`end` in milliseconds, as {@link toMillis} returned them
 * @param now - the current time in milliseconds
 * @throws LosantArgumentError naming `end` when it is 0 (the API reads an `end` of 0 as now),
 *   or naming `start` when it is after `end`
 */
export function resolveWindow(
  fn: string,
  range: { start?: number; end?: number },
  now: number,
): TimeWindow {
  if (range.end === 0) {
    throw new LosantArgumentError(
      fn,
      "end",
      "must be after the epoch: the API reads an end of 0 as now",
      "0",
    );
  }
  const end = range.end ?? now;
  const start = range.start ?? Math.max(end - DEFAULT_WINDOW_MS, 0);
  if (start > end) {
    throw new LosantArgumentError(
      fn,
      "start",
      `must not be after end (${new Date(end).toISOString()})`,
      new Date(start).toISOString(),
    );
  }
  return { start, end };
}

/**
 * Replaces a `Date` by its milliseconds, leaving any other value as it is. The Output forms
 * apply it before `pulumi.output`, which would turn a `Date` into an empty object. An invalid
 * Date becomes `NaN`, which {@link toMillis} refuses.
 */
export function dateToMillis<T>(value: T | Date): T | number {
  return value instanceof Date ? value.getTime() : value;
}
