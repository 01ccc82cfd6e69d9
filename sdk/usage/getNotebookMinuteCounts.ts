import type * as pulumi from "@pulumi/pulumi";
import type { LosantConnectionOptions } from "../config";
import { outputForm, type InputArgs } from "./outputForm";
import type { RangeArgs } from "./rangeArgs";
import type { NotebookMinuteCountsResult } from "./results";
import { readSeries } from "./series";
import { notebookTotals } from "./totals";

/** Arguments of {@link getNotebookMinuteCounts}: the org, and optionally `start`/`end`. */
export type GetNotebookMinuteCountsArgs = RangeArgs;

/** Arguments of {@link getNotebookMinuteCountsOutput}, as Inputs. */
export type GetNotebookMinuteCountsOutputArgs = InputArgs<GetNotebookMinuteCountsArgs>;

/**
 * Reads an org's notebook minutes per day (`instanceOrg.notebookMinuteCounts`), with the sums
 * over the range: minutes, and runs completed, canceled, errored, timed out, and in all.
 *
 * @param args - `instanceId`, `orgId`; `start` (default 30 days before `end`) and `end`
 *   (default now), each a `Date` or milliseconds since the epoch
 * @param opts - connection overrides; by default stack config, then the environment
 * @returns the daily series as the API returned it, and its totals
 * @throws LosantArgumentError before any request, naming the argument and the rule it breaks
 * @throws LosantConfigError when no token is configured or the URL is unsafe
 * @throws LosantApiError when the API call fails; on 401/403 it names the scopes needed
 */
export async function getNotebookMinuteCounts(
  args: GetNotebookMinuteCountsArgs,
  opts?: LosantConnectionOptions,
): Promise<NotebookMinuteCountsResult> {
  const series = await readSeries(args, opts, {
    fn: "getNotebookMinuteCounts",
    action: "instanceOrg.notebookMinuteCounts",
    resolution: "day",
    send: (client, org, window) => client.notebookMinuteCounts(org.instanceId, org.orgId, window),
  });
  return { ...series, ...notebookTotals(series.counts) };
}

/**
 * The Output form of {@link getNotebookMinuteCounts}: takes Inputs, returns an Output. While
 * any argument is unknown (during preview) it sends nothing and the result is unknown.
 *
 * @param args - as for {@link getNotebookMinuteCounts}, each value may be an Input
 * @param opts - connection overrides
 * @returns an Output of the result; the errors of {@link getNotebookMinuteCounts} fail it
 */
export function getNotebookMinuteCountsOutput(
  args: GetNotebookMinuteCountsOutputArgs,
  opts?: LosantConnectionOptions,
): pulumi.Output<NotebookMinuteCountsResult> {
  return outputForm(args, (plain: GetNotebookMinuteCountsArgs) =>
    getNotebookMinuteCounts(plain, opts),
  );
}
