import type * as pulumi from "@pulumi/pulumi";
import type { LosantConnectionOptions } from "../config";
import { outputForm, type InputArgs } from "./outputForm";
import type { RangeArgs } from "./rangeArgs";
import type { DeviceCountsResult } from "./results";
import { readSeries } from "./series";
import { deviceTotals } from "./totals";

/** Arguments of {@link getDeviceCounts}: the org, and optionally `start`/`end`. */
export type GetDeviceCountsArgs = RangeArgs;

/** Arguments of {@link getDeviceCountsOutput}: those of {@link getDeviceCounts}, as Inputs. */
export type GetDeviceCountsOutputArgs = InputArgs<GetDeviceCountsArgs>;

/**
 * Reads an org's device counts per day (`instanceOrg.deviceCounts`), with the totals a report
 * needs: the latest and peak device total, and the devices created and deleted over the range.
 *
 * @param args - `instanceId`, `orgId`; `start` (default 30 days before `end`) and `end`
 *   (default now), each a `Date` or milliseconds since the epoch
 * @param opts - connection overrides; by default stack config, then the environment
 * @returns the daily series as the API returned it, and its totals
 * @throws LosantArgumentError before any request, naming the argument and the rule it breaks
 *   (an ID that is not 24 hexadecimal characters, an invalid Date, a negative number, `start`
 *   after `end`)
 * @throws LosantConfigError when no token is configured or the URL is unsafe
 * @throws LosantApiError when the API call fails; on 401/403 it names the scopes needed
 */
export async function getDeviceCounts(
  args: GetDeviceCountsArgs,
  opts?: LosantConnectionOptions,
): Promise<DeviceCountsResult> {
  const series = await readSeries(args, opts, {
    fn: "getDeviceCounts",
    action: "instanceOrg.deviceCounts",
    resolution: "day",
    send: (client, org, window) => client.deviceCounts(org.instanceId, org.orgId, window),
  });
  return { ...series, ...deviceTotals(series.counts) };
}

/**
 * The Output form of {@link getDeviceCounts}: takes Inputs, returns an Output. While any
 * argument is unknown (during preview) it sends nothing and the result is unknown.
 *
 * @param args - as for {@link getDeviceCounts}, each value may be an Input
 * @param opts - connection overrides
 * @returns an Output of the result; the errors of {@link getDeviceCounts} fail the Output
 */
export function getDeviceCountsOutput(
  args: GetDeviceCountsOutputArgs,
  opts?: LosantConnectionOptions,
): pulumi.Output<DeviceCountsResult> {
  return outputForm(args, (plain: GetDeviceCountsArgs) => getDeviceCounts(plain, opts));
}
