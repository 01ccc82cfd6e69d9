/**
 * The dynamic provider of InstanceOrg, as a module whose exports are its steps. The SDK hands
 * this module's exports object to `pulumi.dynamic.Resource`; from an installed package,
 * Pulumi's closure serializer then writes `require("pulumi-losant/dist/provider/
 * instanceOrgProvider.js")` into the state instead of the provider's code, a few hundred bytes
 * per org. Keep this module's path and its exports stable: every state refers to them.
 *
 * `check` and `diff` are local and send no request; create, read, update and delete send one
 * request each (adopting sends a GET and, when something differs, a PATCH). Nothing here holds
 * settings or live handles: the connection is read at run time (see `connection.ts`).
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { changedFields, liveManagedValues, patchBody } from "./compare";
import { connectedClient, setConnectionSettings, settingsFromConfig } from "./connection";
import { PartialCreateError } from "./errors";
import type { InstanceOrgInputs, InstanceOrgOutputs } from "./inputs";
import { isNotFound, type LosantApiError } from "./losant/errors";
import { WRITABLE_FIELDS, normalizeSummaryInclude } from "./losant/org";
import type { InstanceOrg, InstanceOrgPost } from "./losant/types.generated";
import { toOutputs, withoutUndefined } from "./outputs";
import { isUnknown } from "./unknown";
import { validateInputs, type CheckFailure } from "./validation";

/** Reads `losant:apiToken` and `losant:apiUrl` from the stack's config for this process. */
export async function configure(req: dynamic.ConfigureRequest): Promise<void> {
  setConnectionSettings(settingsFromConfig(req.config));
}

/** Validates the inputs against the official schemas; no request. */
export async function check(
  _olds: InstanceOrgInputs,
  news: InstanceOrgInputs,
): Promise<dynamic.CheckResult<InstanceOrgInputs>> {
  const failures = validateInputs(news as unknown as Record<string, unknown>);
  return { inputs: news, failures: failures.map(forEngine) };
}

/**
 * Compares the declared fields with the stored outputs, normalized; no request. A change of
 * `instanceId`, or an `orgId` naming another org, replaces.
 */
export async function diff(
  id: string,
  olds: InstanceOrgOutputs,
  news: InstanceOrgInputs,
): Promise<dynamic.DiffResult> {
  const replaces: string[] = [];
  if (isUnknown(news.instanceId) || news.instanceId !== olds.instanceId)
    replaces.push("instanceId");
  if (news.orgId !== undefined && news.orgId !== id) replaces.push("orgId");
  const changed = changedFields(news, olds);
  const summaryChanged = !sameList(
    normalizeSummaryInclude(news.summaryInclude),
    normalizeSummaryInclude(olds.summaryInclude),
  );
  return {
    changes: replaces.length > 0 || changed.length > 0 || summaryChanged,
    replaces,
    deleteBeforeReplace: false,
  };
}

/**
 * Creates the org with one POST, or adopts the one `orgId` names.
 *
 * @throws PartialCreateError when an adopted org exists but its PATCH failed
 * @throws LosantApiError when the API refuses or fails
 */
export async function create(
  inputs: InstanceOrgInputs,
): Promise<dynamic.CreateResult<InstanceOrgOutputs>> {
  if (inputs.orgId !== undefined) return adopt(inputs, inputs.orgId);
  const created = await connectedClient().createOrg(
    inputs.instanceId,
    createBody(inputs),
    summaryOptions(inputs),
  );
  return { id: requireId(created), outs: toOutputs(created, inputs) };
}

/**
 * Reads the org: its live values of the managed properties become the inputs, so drift shows
 * in the next preview. An org that is gone yields an empty ID, which drops it from the state.
 */
export async function read(
  id: string,
  state?: InstanceOrgOutputs,
): Promise<dynamic.ReadResult<InstanceOrgOutputs>> {
  // The engine always passes the stored outputs; without them there is no instance to ask.
  if (state === undefined)
    throw new Error(`Cannot read org ${id}: no stored state names its instanceId`);
  let org: InstanceOrg;
  try {
    org = await connectedClient().getOrg(state.instanceId, id, summaryOptions(state));
  } catch (err) {
    if (isNotFound(err)) return { id: "" };
    throw err;
  }
  const managed = state.managedProperties ?? [];
  const outs = toOutputs(org, { ...state, managedProperties: managed });
  const inputs = withoutUndefined({
    instanceId: state.instanceId,
    ...liveManagedValues(managed, org),
    summaryInclude: state.summaryInclude,
  }) as unknown as InstanceOrgOutputs;
  return { id, props: outs, inputs };
}

/** Sends one PATCH with the changed fields (a GET when only `summaryInclude` changed). */
export async function update(
  id: string,
  olds: InstanceOrgOutputs,
  news: InstanceOrgInputs,
): Promise<dynamic.UpdateResult<InstanceOrgOutputs>> {
  const client = connectedClient();
  const body = patchBody(news, olds);
  const org =
    Object.keys(body).length === 0
      ? await client.getOrg(news.instanceId, id, summaryOptions(news))
      : await client.patchOrg(news.instanceId, id, body, summaryOptions(news));
  return { outs: toOutputs(org, news) };
}

/** Deletes the org; one already gone counts as deleted. */
async function deleteOrg(id: string, props: InstanceOrgOutputs): Promise<void> {
  try {
    await connectedClient().deleteOrg(props.instanceId, id);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}
export { deleteOrg as delete };

async function adopt(
  inputs: InstanceOrgInputs,
  orgId: string,
): Promise<dynamic.CreateResult<InstanceOrgOutputs>> {
  const client = connectedClient();
  let existing: InstanceOrg;
  try {
    existing = await client.getOrg(inputs.instanceId, orgId, summaryOptions(inputs));
  } catch (err) {
    throw isNotFound(err) ? adoptNotFound(err as LosantApiError, inputs) : err;
  }
  const body = patchBody(inputs, existing);
  if (Object.keys(body).length === 0) return { id: orgId, outs: toOutputs(existing, inputs) };
  try {
    const patched = await client.patchOrg(inputs.instanceId, orgId, body, summaryOptions(inputs));
    return { id: orgId, outs: toOutputs(patched, inputs) };
  } catch (err) {
    throw new PartialCreateError(orgId, { ...toOutputs(existing, inputs) }, err as Error);
  }
}

/** The summary fields to ask the API for, in their one normalized form. */
function summaryOptions(source: { summaryInclude?: string[] }): { summaryInclude: string[] } {
  return { summaryInclude: normalizeSummaryInclude(source.summaryInclude) };
}

/**
 * The engine looks a failure's property up as a top-level input to print its value, so it
 * gets the top-level key; the reason keeps the full path (`limits.dataTTL must be >= 86400`).
 */
function forEngine(failure: CheckFailure): CheckFailure {
  return { property: failure.property.split(/[.[]/, 1)[0], reason: failure.reason };
}

function createBody(inputs: InstanceOrgInputs): InstanceOrgPost {
  const body: Record<string, unknown> = {};
  for (const field of WRITABLE_FIELDS) {
    if (inputs[field] !== undefined) body[field] = inputs[field];
  }
  if (inputs.members !== undefined) body.members = inputs.members;
  return body as unknown as InstanceOrgPost;
}

function requireId(org: InstanceOrg): string {
  const id = org.id ?? org.orgId;
  if (id === undefined) throw new Error("The Losant API created an org but returned no id");
  return id;
}

function adoptNotFound(err: LosantApiError, inputs: InstanceOrgInputs): Error {
  return new Error(
    `Cannot adopt org ${inputs.orgId}: it does not exist in instance ${inputs.instanceId} ` +
      `(${err.status} ${err.type}). Check the orgId input, or remove it to create a new org.`,
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
