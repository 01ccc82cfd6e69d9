import { checkArgumentNames, checkId } from "./checks";
import { toMillis, type TimeInput } from "./time";

/** Which org: the instance that owns it and the org itself. */
export interface OrgArgs {
  /** The Losant instance's ID (24 hexadecimal characters). */
  instanceId: string;
  /** The org's ID (24 hexadecimal characters). */
  orgId: string;
}

/** Which org, and over which time range. */
export interface RangeArgs extends OrgArgs {
  /**
   * Start of the range, a `Date` or milliseconds since the epoch. Default: 30 days before
   * `end`.
   */
  start?: TimeInput;
  /** End of the range, a `Date` or milliseconds since the epoch. Default: now (call time). */
  end?: TimeInput;
}

/** {@link RangeArgs} checked and in milliseconds; an absent end still means "now". */
export interface CheckedRange {
  instanceId: string;
  orgId: string;
  start?: number;
  end?: number;
}

/** The argument names of {@link RangeArgs}. */
export const RANGE_ARGUMENTS = ["instanceId", "orgId", "start", "end"] as const;

/**
 * Checks the org and range arguments and converts `start`/`end` to milliseconds.
 *
 * @param fn - the calling function, for the errors
 * @param args - the arguments as the caller passed them
 * @param names - every argument name `fn` takes
 * @throws LosantArgumentError naming the first argument that breaks a rule
 */
export function checkRangeArgs(
  fn: string,
  args: unknown,
  names: readonly string[] = RANGE_ARGUMENTS,
): CheckedRange {
  checkArgumentNames(fn, args, names);
  return {
    instanceId: checkId(fn, "instanceId", args.instanceId),
    orgId: checkId(fn, "orgId", args.orgId),
    start: toMillis(fn, "start", args.start),
    end: toMillis(fn, "end", args.end),
  };
}
