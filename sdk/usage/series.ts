import type { LosantClient } from "../../provider/losant/client";
import type { LosantAction } from "../../provider/losant/scopes";
import type { LosantConnectionOptions } from "../config";
import { sharedRead } from "./call";
import { checkRangeArgs, RANGE_ARGUMENTS, type CheckedRange } from "./rangeArgs";
import type { UsageSeries } from "./results";
import { resolveWindow, type ResolutionName, type TimeWindow } from "./time";

/** The shape the three usage endpoints answer with. */
export interface SeriesAnswer<Point> {
  start?: string;
  end?: string;
  counts?: Point[];
}

/** What differs between the usage functions: the rest of a series read is shared. */
export interface SeriesRead<Point> {
  /** The public function, for errors. */
  fn: string;
  action: LosantAction;
  /** Every argument name the function takes (default: the range arguments). */
  names?: readonly string[];
  /** The bucket size the answer will have. */
  resolution: ResolutionName;
  /** Further normalized arguments that make two requests differ (payload options). */
  extra?: Record<string, unknown>;
  /** The client call for the checked org and the settled window. */
  send(client: LosantClient, org: CheckedRange, window: TimeWindow): Promise<SeriesAnswer<Point>>;
}

/**
 * Reads one usage series: checks the arguments, settles the time window (`end` defaults to
 * now, `start` to 30 days before `end`), then sends the request, shared with identical calls
 * in flight.
 *
 * @param args - the caller's arguments
 * @param options - connection overrides
 * @param read - what this function sends
 * @returns the series with the range as the API returned it
 * @throws LosantArgumentError before any request when an argument breaks a rule
 * @throws LosantConfigError when no token is configured or the URL is unsafe
 * @throws LosantApiError when the API refuses or fails
 */
export async function readSeries<Point>(
  args: unknown,
  options: LosantConnectionOptions | undefined,
  read: SeriesRead<Point>,
): Promise<UsageSeries<Point>> {
  const org = checkRangeArgs(read.fn, args, read.names ?? RANGE_ARGUMENTS);
  const window = resolveWindow(read.fn, org, Date.now());
  // Calls sharing a request also share the window it was sent with: a caller's own "now"
  // may be a millisecond later than the one the request carried.
  const { answer, sent } = await sharedRead(
    options,
    [read.action, org, read.extra ?? {}],
    async (client) => ({ answer: await read.send(client, org, window), sent: window }),
  );
  return {
    instanceId: org.instanceId,
    orgId: org.orgId,
    start: answer.start ?? new Date(sent.start).toISOString(),
    end: answer.end ?? new Date(sent.end).toISOString(),
    resolution: read.resolution,
    counts: answer.counts ?? [],
  };
}
