import type * as pulumi from "@pulumi/pulumi";
import type { LosantConnectionOptions } from "../config";
import { checkArgumentNames, checkFlag } from "./checks";
import { outputForm, type InputArgs } from "./outputForm";
import { RANGE_ARGUMENTS, type RangeArgs } from "./rangeArgs";
import type { PayloadCountsBreakdownResult } from "./results";
import { readSeries } from "./series";
import { resolutionName, toResolutionMs, type Resolution } from "./time";
import { payloadTotals } from "./totals";

/** Arguments of {@link getPayloadCountsBreakdown}. */
export interface GetPayloadCountsBreakdownArgs extends RangeArgs {
  /**
   * Bucket size: `"day"` (default) or `"hour"`, or the same in milliseconds (86400000,
   * 3600000). The API refuses any other value.
   */
  resolution?: Resolution;
  /** Count bytes instead of payloads (default false). */
  asBytes?: boolean;
  /** Count non-billable payloads too (default false). */
  includeNonBillable?: boolean;
}

/** Arguments of {@link getPayloadCountsBreakdownOutput}, as Inputs. */
export type GetPayloadCountsBreakdownOutputArgs = InputArgs<GetPayloadCountsBreakdownArgs>;

const FN = "getPayloadCountsBreakdown";
const NAMES = [...RANGE_ARGUMENTS, "resolution", "asBytes", "includeNonBillable"];

/**
 * Reads an org's payload counts per day or per hour (`instanceOrg.payloadCountsBreakdown`),
 * with the sum over the range and the peak bucket.
 *
 * @param args - `instanceId`, `orgId`; `start` (default 30 days before `end`) and `end`
 *   (default now), each a `Date` or milliseconds since the epoch; `resolution`, `asBytes`,
 *   `includeNonBillable`
 * @param opts - connection overrides; by default stack config, then the environment
 * @returns the series as the API returned it, its total and peak, and the options used
 * @throws LosantArgumentError before any request, naming the argument and the rule it breaks
 *   (a resolution other than day or hour among them)
 * @throws LosantConfigError when no token is configured or the URL is unsafe
 * @throws LosantApiError when the API call fails; on 401/403 it names the scopes needed
 */
export async function getPayloadCountsBreakdown(
  args: GetPayloadCountsBreakdownArgs,
  opts?: LosantConnectionOptions,
): Promise<PayloadCountsBreakdownResult> {
  checkArgumentNames(FN, args, NAMES);
  const extra = {
    resolution: toResolutionMs(FN, args.resolution),
    asBytes: checkFlag(FN, "asBytes", args.asBytes),
    includeNonBillable: checkFlag(FN, "includeNonBillable", args.includeNonBillable),
  };
  const series = await readSeries(args, opts, {
    fn: FN,
    action: "instanceOrg.payloadCountsBreakdown",
    names: NAMES,
    resolution: resolutionName(extra.resolution),
    extra,
    send: (client, org, window) =>
      client.payloadCountsBreakdown(org.instanceId, org.orgId, { ...window, ...extra }),
  });
  return {
    ...series,
    ...payloadTotals(series.counts),
    asBytes: extra.asBytes,
    includeNonBillable: extra.includeNonBillable,
  };
}

/**
 * The Output form of {@link getPayloadCountsBreakdown}: takes Inputs, returns an Output.
 * While any argument is unknown (during preview) it sends nothing and the result is unknown.
 *
 * @param args - as for {@link getPayloadCountsBreakdown}, each value may be an Input
 * @param opts - connection overrides
 * @returns an Output of the result; the errors of {@link getPayloadCountsBreakdown} fail it
 */
export function getPayloadCountsBreakdownOutput(
  args: GetPayloadCountsBreakdownOutputArgs,
  opts?: LosantConnectionOptions,
): pulumi.Output<PayloadCountsBreakdownResult> {
  return outputForm(args, (plain: GetPayloadCountsBreakdownArgs) =>
    getPayloadCountsBreakdown(plain, opts),
  );
}
