/**
 * `pulumi-losant recover`: settles the InstanceOrg creates a killed `pulumi up` left pending,
 * so the next `pulumi up` neither creates a second org nor leaves the first one unmanaged.
 */
import type { Config } from "@pulumi/pulumi/dynamic";
import {
  CONFIG_KEYS,
  LosantClient,
  instanceOrgProvider,
  managedProperties,
  resolveConnection,
  type InstanceOrg,
  type InstanceOrgInputs,
  type InstanceOrgOutputs,
} from "../../provider";
import {
  managedOrgIds,
  pendingCreates,
  settle,
  type PendingCreate,
  type SettledCreate,
} from "./deployment";
import { RecoverError } from "./errors";
import { lastUpdateStart } from "./history";
import { findCandidates } from "./lookup";
import type { StackAccess } from "./pulumiCli";

/** What recovery did with one pending create. */
export type Outcome =
  /** The org the create made was found and is now in the state. */
  | { urn: string; kind: "imported"; orgId: string; name: string }
  /** No org was made (or the create adopts by `orgId`, which the next run repeats safely). */
  | { urn: string; kind: "cleared"; reason: string }
  /** Several orgs could be the one: nothing was changed. */
  | { urn: string; kind: "ambiguous"; name: string; orgIds: string[] };

/**
 * Reads the stack, settles each pending create of an InstanceOrg and writes the stack back
 * (only when there was something to settle and nothing was ambiguous).
 *
 * - one unmanaged org of the create's exact name, created since the killed run can have
 *   started (see `history.ts`): brought into the state with the outputs a refresh would give it;
 * - none: the pending create is dropped, and the next `pulumi up` creates the org;
 * - several: nothing is written, and the error names the candidates.
 *
 * The connection comes from the stack's `losant:apiToken`/`losant:apiUrl`, else
 * `LOSANT_API_TOKEN`/`LOSANT_API_URL`, as for the provider.
 *
 * @returns one outcome per pending create (empty when there were none)
 * @throws RecoverError when several orgs could be one create's, or a pulumi command fails;
 *   LosantConfigError without a token; LosantApiError when the API cannot be read
 */
export async function recover(
  stack: StackAccess,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Outcome[]> {
  const exported = await stack.exportStack();
  const creates = pendingCreates(exported.deployment);
  if (creates.length === 0) return [];
  const config = await stack.config();
  const settings = { token: config[CONFIG_KEYS.token], url: config[CONFIG_KEYS.url] };
  const connection = resolveConnection(settings, env);
  const client = new LosantClient(connection);
  // The provider's own read turns a found org into the outputs a refresh would store; it gets
  // the connection settled here, whether it came from the stack or the environment.
  await instanceOrgProvider.configure!({
    config: configOf({ [CONFIG_KEYS.token]: connection.token, [CONFIG_KEYS.url]: connection.url }),
  });

  const since = lastUpdateStart(await stack.history());
  const taken = managedOrgIds(exported.deployment);
  const outcomes: Outcome[] = [];
  const settled: SettledCreate[] = [];
  for (const create of creates) {
    const { outcome, adopted } = await settleOne(client, create, since, taken);
    outcomes.push(outcome);
    if (outcome.kind === "imported") taken.add(outcome.orgId);
    if (outcome.kind !== "ambiguous") settled.push({ urn: create.urn, adopted });
  }
  const ambiguous = outcomes.filter((outcome) => outcome.kind === "ambiguous");
  if (ambiguous.length > 0) throw ambiguityError(ambiguous);
  await stack.importStack({ ...exported, deployment: settle(exported.deployment, settled) });
  return outcomes;
}

async function settleOne(
  client: LosantClient,
  create: PendingCreate,
  since: number | undefined,
  taken: ReadonlySet<string>,
): Promise<{ outcome: Outcome; adopted?: SettledCreate["adopted"] }> {
  const { urn, name } = create;
  if (create.orgId !== undefined) {
    const reason = `it adopts org ${create.orgId}, which the next run adopts again`;
    return { outcome: { urn, kind: "cleared", reason } };
  }
  if (name === undefined) {
    return { outcome: { urn, kind: "cleared", reason: "it declares no name to look for" } };
  }
  const candidates = await findCandidates(client, {
    instanceId: create.instanceId,
    name,
    createdSince: since,
    exclude: taken,
  });
  if (candidates.length > 1) {
    const orgIds = candidates.map((org) => org.id ?? "?");
    return { outcome: { urn, kind: "ambiguous", name, orgIds } };
  }
  if (candidates.length === 0) {
    const reason = `no unmanaged org named "${name}" was created since the run started`;
    return { outcome: { urn, kind: "cleared", reason } };
  }
  const org = candidates[0];
  return {
    outcome: { urn, kind: "imported", orgId: org.id!, name },
    adopted: { id: org.id!, outputs: await outputsOf(org, create) },
  };
}

/** The outputs the provider's read gives the org, as if the create had finished. */
async function outputsOf(
  org: InstanceOrg,
  create: PendingCreate,
): Promise<Record<string, unknown>> {
  const inputs = create.inputs as unknown as InstanceOrgInputs;
  const state = { ...inputs, managedProperties: managedProperties(inputs) };
  const read = await instanceOrgProvider.read!(org.id!, state as unknown as InstanceOrgOutputs);
  if (!read.props) throw new RecoverError(`Org ${org.id} vanished while it was being recovered`);
  return read.props as unknown as Record<string, unknown>;
}

/** The stack's config as a dynamic provider's `configure` receives it. */
function configOf(values: Record<string, string>): Config {
  return {
    get: (key) => values[key],
    require(key) {
      if (values[key] === undefined) throw new RecoverError(`Stack config ${key} is not set`);
      return values[key];
    },
  };
}

function ambiguityError(ambiguous: Array<Extract<Outcome, { kind: "ambiguous" }>>): RecoverError {
  const lines = ambiguous.map(
    (outcome) =>
      `- ${resourceName(outcome.urn)}: ${outcome.orgIds.length} unmanaged orgs named ` +
      `"${outcome.name}" were created since the run started: ${outcome.orgIds.join(", ")}`,
  );
  return new RecoverError(
    [
      "Nothing was changed: more than one org could be the one a killed create made.",
      ...lines,
      "Delete the extra ones in Losant and run `pulumi-losant recover` again, or set the " +
        "resource's orgId input to the one to keep and run `pulumi up`.",
    ].join("\n"),
  );
}

/** The resource's name, the last part of its URN. */
export function resourceName(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}
