/**
 * The plugin's functions (invokes): each token served by the usage function the TypeScript SDK
 * exports (one home for each), with the provider's connection; plus `getInstanceOrgs`, the
 * list the dynamic form lacks, picking orgs as `pulumi-losant import` does.
 */
import { selectOrgs, parseTag } from "../cli/import/select";
import { connectedClient } from "../provider/connection";
import { LosantArgumentError } from "../sdk/usage/argumentError";
import { checkArgumentNames, checkId } from "../sdk/usage/checks";
import type { LosantConnectionOptions } from "../sdk/config";
import { getDeviceCounts } from "../sdk/usage/getDeviceCounts";
import { getInstanceOrg } from "../sdk/usage/getInstanceOrg";
import { getInstanceOrgMembers } from "../sdk/usage/getInstanceOrgMembers";
import { getNotebookMinuteCounts } from "../sdk/usage/getNotebookMinuteCounts";
import { getPayloadCountsBreakdown } from "../sdk/usage/getPayloadCountsBreakdown";
import { pluginSettings } from "./config";
import { FUNCTION_TOKENS } from "./tokens";

type Invoke = (args: Record<string, unknown>, opts: LosantConnectionOptions) => Promise<unknown>;

/** Arguments of `getInstanceOrgs`. */
interface GetInstanceOrgsArgs {
  instanceId: string;
  names?: string[];
  globs?: string[];
  tags?: string[];
}

const LIST_ARGUMENTS = ["instanceId", "names", "globs", "tags"] as const;

function stringList(fn: string, name: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new LosantArgumentError(fn, name, "must be a list of strings");
  }
  return value as string[];
}

/**
 * Lists the instance's orgs and picks those the names, globs and tags select.
 *
 * @throws LosantArgumentError naming the argument that breaks a rule, before any request
 */
async function getInstanceOrgs(args: Record<string, unknown>): Promise<unknown> {
  const fn = "getInstanceOrgs";
  checkArgumentNames(fn, args, LIST_ARGUMENTS);
  const typed = args as unknown as GetInstanceOrgsArgs;
  const instanceId = checkId(fn, "instanceId", typed.instanceId);
  const selection = {
    names: stringList(fn, "names", typed.names),
    globs: stringList(fn, "globs", typed.globs),
    tags: stringList(fn, "tags", typed.tags).map(parseTag),
  };
  const orgs = selectOrgs(await connectedClient().listAllOrgs(instanceId), selection);
  return { instanceId, ids: orgs.map((org) => org.id), orgs };
}

/** The implementation of each function token. */
export const FUNCTIONS: Record<string, Invoke> = {
  [FUNCTION_TOKENS.getInstanceOrg]: (args, opts) => getInstanceOrg(args as never, opts),
  [FUNCTION_TOKENS.getInstanceOrgs]: (args) => getInstanceOrgs(args),
  [FUNCTION_TOKENS.getInstanceOrgMembers]: (args, opts) =>
    getInstanceOrgMembers(args as never, opts),
  [FUNCTION_TOKENS.getDeviceCounts]: (args, opts) => getDeviceCounts(args as never, opts),
  [FUNCTION_TOKENS.getNotebookMinuteCounts]: (args, opts) =>
    getNotebookMinuteCounts(args as never, opts),
  [FUNCTION_TOKENS.getPayloadCountsBreakdown]: (args, opts) =>
    getPayloadCountsBreakdown(args as never, opts),
};

/**
 * Calls the function `token` with the provider's connection; the result as plain JSON (dates
 * as ISO strings), the way the engine carries it.
 *
 * @throws Error naming the token when the plugin has no such function; the function's own
 *   errors (LosantArgumentError, LosantConfigError, LosantApiError) otherwise
 */
export async function invoke(token: string, args: Record<string, unknown>): Promise<unknown> {
  const fn = FUNCTIONS[token];
  if (fn === undefined) {
    throw new Error(
      `The losant provider has no function ${token}; it has ${Object.keys(FUNCTIONS).join(", ")}`,
    );
  }
  const { apiToken, apiUrl, timeoutMs } = pluginSettings();
  const result = await fn(args, { apiToken, apiUrl, timeoutMs });
  return JSON.parse(JSON.stringify(result));
}
