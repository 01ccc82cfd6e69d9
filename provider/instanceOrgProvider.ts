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
import { isDeepStrictEqual } from "node:util";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { liveManagedValues, missingProperties, patchBody } from "./compare";
import {
  connectedClient,
  orgReads,
  setConnectionSettings,
  settingsFromConfig,
  writingTo,
} from "./connection";
import { informUser, warnUser } from "./engineLog";
import { reportingOnce } from "./hostEcho";
import { PartialCreateError } from "./errors";
import type { InstanceOrgInputs, InstanceOrgOutputs } from "./inputs";
import { isNotFound, type LosantApiError } from "./losant/errors";
import { CHEAPEST_SUMMARY_FIELD, WRITABLE_FIELDS, normalizeSummaryInclude } from "./losant/org";
import type { InstanceOrg, InstanceOrgPatch, InstanceOrgPost } from "./losant/types.generated";
import { normalizationWarning, storedPairs, unexplainedMismatches } from "./normalization";
import { adoptionNote, repointWarning } from "./planNotes";
import { answeredFields, toOutputs, withoutUndefined } from "./outputs";
import { isUnknown } from "./unknown";
import { forEngine, validateInputs } from "./validation";

/** Reads `losant:apiToken` and `losant:apiUrl` from the stack's config for this process. */
export async function configure(req: dynamic.ConfigureRequest): Promise<void> {
  setConnectionSettings(settingsFromConfig(req.config));
}

/**
 * Validates the inputs against the official schemas; no request. A new resource with `orgId`
 * adopts an org, which the plan shows as a create: a note says that nothing will be created.
 */
export async function check(
  olds: InstanceOrgInputs,
  news: InstanceOrgInputs,
): Promise<dynamic.CheckResult<InstanceOrgInputs>> {
  const failures = validateInputs(news as unknown as Record<string, unknown>);
  const isNew = Object.keys(olds ?? {}).length === 0;
  if (isNew && failures.length === 0 && typeof news.orgId === "string" && !isUnknown(news.orgId))
    await informUser(adoptionNote(news.orgId, news.instanceId, news.name));
  return { inputs: news, failures: failures.map(forEngine) };
}

/**
 * Compares the declared fields with the stored outputs, normalized; no request. A declared
 * value the server stored differently at the last write is no change while both stay the same
 * (see `normalization.ts`). A change of `instanceId`, or an `orgId` naming another org,
 * replaces.
 */
export async function diff(
  id: string,
  olds: InstanceOrgOutputs,
  news: InstanceOrgInputs,
): Promise<dynamic.DiffResult> {
  const replaces: string[] = [];
  if (isUnknown(news.instanceId) || news.instanceId !== olds.instanceId)
    replaces.push("instanceId");
  if (news.orgId !== undefined && news.orgId !== id) {
    replaces.push("orgId");
    await warnUser(repointWarning(id, olds.name, news.orgId));
  }
  const changed = unexplainedMismatches(news, olds, olds.normalized);
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
 * Creates the org with one POST, or adopts the one `orgId` names. When the POST's answer lacks
 * a declared property (the documented create answer has no `tags`, for one), one GET fetches
 * the org, so the outputs hold everything the program declares.
 *
 * @throws PartialCreateError when the org exists but a later step failed (the follow-up GET,
 *   or an adopted org's PATCH)
 * @throws LosantApiError when the API refuses or fails
 */
export async function create(
  inputs: InstanceOrgInputs,
): Promise<dynamic.CreateResult<InstanceOrgOutputs>> {
  return writingTo(inputs.instanceId, () => createOrAdopt(inputs));
}

async function createOrAdopt(
  inputs: InstanceOrgInputs,
): Promise<dynamic.CreateResult<InstanceOrgOutputs>> {
  if (inputs.orgId !== undefined) return adopt(inputs, inputs.orgId);
  const client = connectedClient();
  const created = await client.createOrg(
    inputs.instanceId,
    createBody(inputs),
    summaryOptions(inputs),
  );
  const id = requireId(created);
  if (missingProperties(inputs, created).length === 0)
    return { id, outs: await afterWrite(id, created, inputs) };
  let org: InstanceOrg;
  try {
    org = await client.getOrg(inputs.instanceId, id, summaryOptions(inputs));
  } catch (err) {
    throw new PartialCreateError(id, { ...toOutputs(created, inputs) }, err as Error);
  }
  return { id, outs: await afterWrite(id, org, inputs) };
}

/**
 * Reads the org into the outputs, so drift shows in the next preview. When a managed property
 * moved since the state was written, its live values also become the inputs (the engine's
 * `ignoreChanges` then keeps the live value, not the one declared before); when none moved,
 * the read returns no inputs and the engine keeps those it holds. An org that is gone yields
 * an empty ID, which drops it from the state. Reads the engine asks for together share one
 * list request (`losant/readBatch.ts`); a lone read, or one the list cannot answer, is a GET.
 */
async function readOrg(
  id: string,
  state?: InstanceOrgOutputs,
): Promise<dynamic.ReadResult<InstanceOrgOutputs>> {
  // The engine always passes the stored outputs; without them there is no instance to ask.
  if (state === undefined)
    throw new Error(`Cannot read org ${id}: no stored state names its instanceId`);
  let org: InstanceOrg;
  try {
    org = await orgReads().read({
      instanceId: state.instanceId,
      orgId: id,
      name: state.name,
      summaryInclude: summaryOptions(state).summaryInclude,
      expect: answeredFields(state),
    });
  } catch (err) {
    if (isNotFound(err)) return { id: "" };
    throw err;
  }
  const managed = state.managedProperties ?? [];
  const outs = toOutputs(org, { ...state, managedProperties: managed });
  const live = liveManagedValues(managed, org);
  // Inputs handed back cost the engine's plugin host protobuf work on every read (0.2 to 0.3 s
  // of CPU per 1,000 reads, measured); unchanged ones tell the engine nothing it lacks.
  if (isDeepStrictEqual(live, liveManagedValues(managed, state))) return { id, props: outs };
  const inputs = withoutUndefined({
    instanceId: state.instanceId,
    ...live,
    summaryInclude: state.summaryInclude,
  }) as unknown as InstanceOrgOutputs;
  return { id, props: outs, inputs };
}
/** {@link readOrg}; its errors reach the user once (see `hostEcho.ts`). */
export const read = reportingOnce(readOrg);

/**
 * Sends one PATCH with the changed fields (a GET when only `summaryInclude` changed). A change
 * of `limits` or `banner` first GETs the live org: the PATCH carries those objects whole, the
 * live values with the declared keys applied, so undeclared keys keep their live value whether
 * the server merges or replaces the object.
 */
export async function update(
  id: string,
  olds: InstanceOrgOutputs,
  news: InstanceOrgInputs,
): Promise<dynamic.UpdateResult<InstanceOrgOutputs>> {
  return writingTo(news.instanceId, () => patch(id, olds, news));
}

async function patch(
  id: string,
  olds: InstanceOrgOutputs,
  news: InstanceOrgInputs,
): Promise<dynamic.UpdateResult<InstanceOrgOutputs>> {
  const client = connectedClient();
  const summary = summaryOptions(news);
  const fields = new Set(
    unexplainedMismatches(news, olds, olds.normalized).map((m) => m.property.split(".")[0]),
  );
  const live =
    fields.has("limits") || fields.has("banner")
      ? await client.getOrg(news.instanceId, id, summary)
      : undefined;
  const body = onlyFields(patchBody(news, live ?? olds), fields);
  const org =
    Object.keys(body).length > 0
      ? await client.patchOrg(news.instanceId, id, body, summary)
      : (live ?? (await client.getOrg(news.instanceId, id, summary)));
  return { outs: await afterWrite(id, org, news, olds) };
}

/** Deletes the org; one already gone counts as deleted. */
async function deleteOrg(id: string, props: InstanceOrgOutputs): Promise<void> {
  await writingTo(props.instanceId, async () => {
    try {
      await connectedClient().deleteOrg(props.instanceId, id);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  });
}
/** {@link deleteOrg}; its errors reach the user once (see `hostEcho.ts`). */
const deleteStep = reportingOnce(deleteOrg);
export { deleteStep as delete };

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
  if (Object.keys(body).length === 0)
    return { id: orgId, outs: await afterWrite(orgId, existing, inputs) };
  let patched: InstanceOrg;
  try {
    patched = await client.patchOrg(inputs.instanceId, orgId, body, summaryOptions(inputs));
  } catch (err) {
    throw new PartialCreateError(orgId, { ...toOutputs(existing, inputs) }, err as Error);
  }
  return { id: orgId, outs: await afterWrite(orgId, patched, inputs) };
}

/**
 * The outputs after a write, with the declared values the server stored differently
 * remembered; those not already remembered as they are are reported to the user.
 */
async function afterWrite(
  id: string,
  org: InstanceOrg,
  inputs: InstanceOrgInputs,
  olds?: InstanceOrgOutputs,
): Promise<InstanceOrgOutputs> {
  const normalized = storedPairs(inputs, org);
  const outs = toOutputs(org, { ...inputs, normalized });
  const fresh = unexplainedMismatches(inputs, org, olds?.normalized);
  if (normalized !== undefined && fresh.length > 0) {
    const news = Object.fromEntries(fresh.map((m) => [m.property, normalized[m.property]]));
    await warnUser(normalizationWarning(`"${outs.name ?? inputs.name ?? ""}" (${id})`, news));
  }
  return outs;
}

/** `body` restricted to `fields`. */
function onlyFields(body: InstanceOrgPatch, fields: ReadonlySet<string>): InstanceOrgPatch {
  return Object.fromEntries(
    Object.entries(body).filter(([field]) => fields.has(field)),
  ) as InstanceOrgPatch;
}

/**
 * The summary fields to ask the API for, in their one normalized form. When the program asks
 * for none, one cheap field is asked for all the same: an answer without `summaryInclude` may
 * carry every summary field, payload and storage counts among them, which the server computes
 * for each org read and the outputs then drop.
 */
function summaryOptions(source: { summaryInclude?: string[] }): { summaryInclude: string[] } {
  const asked = normalizeSummaryInclude(source.summaryInclude);
  return { summaryInclude: asked.length > 0 ? asked : [CHEAPEST_SUMMARY_FIELD] };
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
