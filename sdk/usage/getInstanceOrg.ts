import type * as pulumi from "@pulumi/pulumi";
import type { LosantConnectionOptions } from "../config";
import { withoutHypermedia, type SummaryField } from "../../provider/losant/org";
import { sharedRead } from "./call";
import { checkArgumentNames, checkId, checkSummaryInclude } from "./checks";
import { outputForm, type InputArgs } from "./outputForm";
import type { OrgArgs } from "./rangeArgs";
import type { InstanceOrgInfo } from "./results";

/** Arguments of {@link getInstanceOrg}. */
export interface GetInstanceOrgArgs extends OrgArgs {
  /** The fields of the org's `summary` the server should compute (none by default). */
  summaryInclude?: SummaryField[];
}

/** Arguments of {@link getInstanceOrgOutput}, as Inputs. */
export type GetInstanceOrgOutputArgs = InputArgs<GetInstanceOrgArgs>;

const FN = "getInstanceOrg";
const NAMES = ["instanceId", "orgId", "summaryInclude"];

/**
 * Reads one org of an instance (`instanceOrg.get`).
 *
 * @param args - `instanceId`, `orgId`, and the `summaryInclude` fields to compute
 * @param opts - connection overrides; by default stack config, then the environment
 * @returns the org as the API returned it, without the hypermedia fields `_type`/`_links`
 * @throws LosantArgumentError before any request, naming the argument and the rule it breaks
 *   (an ID that is not 24 hexadecimal characters, an unknown summary field)
 * @throws LosantConfigError when no token is configured or the URL is unsafe
 * @throws LosantApiError when the API call fails: 404 when the org does not exist, and on
 *   401/403 it names the scopes needed
 */
export async function getInstanceOrg(
  args: GetInstanceOrgArgs,
  opts?: LosantConnectionOptions,
): Promise<InstanceOrgInfo> {
  checkArgumentNames(FN, args, NAMES);
  const instanceId = checkId(FN, "instanceId", args.instanceId);
  const orgId = checkId(FN, "orgId", args.orgId);
  const summaryInclude = checkSummaryInclude(FN, args.summaryInclude);
  const org = await sharedRead(
    opts,
    ["instanceOrg.get", instanceId, orgId, summaryInclude],
    (client) => client.getOrg(instanceId, orgId, { summaryInclude }),
  );
  return withoutHypermedia(org);
}

/**
 * The Output form of {@link getInstanceOrg}: takes Inputs, returns an Output. While any
 * argument is unknown (during preview) it sends nothing and the result is unknown.
 *
 * @param args - as for {@link getInstanceOrg}, each value may be an Input
 * @param opts - connection overrides
 * @returns an Output of the org; the errors of {@link getInstanceOrg} fail the Output
 */
export function getInstanceOrgOutput(
  args: GetInstanceOrgOutputArgs,
  opts?: LosantConnectionOptions,
): pulumi.Output<InstanceOrgInfo> {
  return outputForm(args, (plain: GetInstanceOrgArgs) => getInstanceOrg(plain, opts));
}
