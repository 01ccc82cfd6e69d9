import type * as dynamic from "@pulumi/pulumi/dynamic";
import { changedFields, managedProperties, patchBody, liveManagedValues } from "./compare";
import { connectedClient, setConnectionSettings, settingsFromConfig } from "./connection";
import { PartialCreateError } from "./errors";
import { WRITABLE_FIELDS, type InstanceOrgInputs, type InstanceOrgOutputs } from "./inputs";
import { LosantApiError, isNotFound } from "./losant/errors";
import { normalizeSummaryInclude, withoutHypermedia } from "./losant/org";
import type { InstanceOrg, InstanceOrgPost } from "./losant/types.generated";
import { isUnknown } from "./unknown";
import { validateInputs, type CheckFailure } from "./validation";

/**
 * Creates the dynamic provider of InstanceOrg. `check` and `diff` are local and send no
 * request; create, read, update and delete send one request each (adopting sends a GET and,
 * when something differs, a PATCH).
 *
 * The object is serialized into the state by Pulumi: it holds no settings and no live
 * handles, and reads its connection at run time (see `connection.ts`).
 */
export function createInstanceOrgProvider(): dynamic.ResourceProvider<
  InstanceOrgInputs,
  InstanceOrgOutputs
> {
  return {
    async configure(req: dynamic.ConfigureRequest): Promise<void> {
      setConnectionSettings(settingsFromConfig(req.config));
    },

    async check(
      _olds: InstanceOrgInputs,
      news: InstanceOrgInputs,
    ): Promise<dynamic.CheckResult<InstanceOrgInputs>> {
      const failures = validateInputs(news as unknown as Record<string, unknown>);
      return { inputs: news, failures: failures.map(forEngine) };
    },

    async diff(
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
    },

    async create(inputs: InstanceOrgInputs): Promise<dynamic.CreateResult<InstanceOrgOutputs>> {
      const client = connectedClient();
      const summary = { summaryInclude: inputs.summaryInclude };
      if (inputs.orgId !== undefined) {
        let existing: InstanceOrg;
        try {
          existing = await client.getOrg(inputs.instanceId, inputs.orgId, summary);
        } catch (err) {
          throw isNotFound(err) ? adoptNotFound(err as LosantApiError, inputs) : err;
        }
        const body = patchBody(inputs, existing);
        if (Object.keys(body).length === 0)
          return { id: inputs.orgId, outs: toOutputs(existing, inputs) };
        try {
          const patched = await client.patchOrg(inputs.instanceId, inputs.orgId, body, summary);
          return { id: inputs.orgId, outs: toOutputs(patched, inputs) };
        } catch (err) {
          throw new PartialCreateError(
            inputs.orgId,
            { ...toOutputs(existing, inputs) },
            err as Error,
          );
        }
      }
      const created = await client.createOrg(inputs.instanceId, createBody(inputs), summary);
      return { id: requireId(created), outs: toOutputs(created, inputs) };
    },

    async read(
      id: string,
      state?: InstanceOrgOutputs,
    ): Promise<dynamic.ReadResult<InstanceOrgOutputs>> {
      // The engine always passes the stored outputs; without them there is no instance to ask.
      if (state === undefined)
        throw new Error(`Cannot read org ${id}: no stored state names its instanceId`);
      const props = state;
      let org: InstanceOrg;
      try {
        org = await connectedClient().getOrg(props.instanceId, id, {
          summaryInclude: props.summaryInclude,
        });
      } catch (err) {
        // Gone: an empty ID tells the engine to drop it from the state.
        if (isNotFound(err)) return { id: "" };
        throw err;
      }
      const managed = props.managedProperties ?? [];
      const outs = withoutUndefined({ ...toOutputs(org, props), managedProperties: managed });
      const inputs = withoutUndefined({
        instanceId: props.instanceId,
        ...liveManagedValues(managed, org),
        summaryInclude: props.summaryInclude,
      }) as unknown as InstanceOrgOutputs;
      return { id, props: outs as InstanceOrgOutputs, inputs };
    },

    async update(
      id: string,
      olds: InstanceOrgOutputs,
      news: InstanceOrgInputs,
    ): Promise<dynamic.UpdateResult<InstanceOrgOutputs>> {
      const client = connectedClient();
      const body = patchBody(news, olds);
      const summary = { summaryInclude: news.summaryInclude };
      // Only summaryInclude changed: nothing to write, but the outputs must be fetched again.
      const org =
        Object.keys(body).length === 0
          ? await client.getOrg(news.instanceId, id, summary)
          : await client.patchOrg(news.instanceId, id, body, summary);
      return { outs: toOutputs(org, news) };
    },

    async delete(id: string, props: InstanceOrgOutputs): Promise<void> {
      try {
        await connectedClient().deleteOrg(props.instanceId, id);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    },
  };
}

/** The one provider object the SDK uses: Pulumi caches its serialized text per object. */
export const instanceOrgProvider = createInstanceOrgProvider();

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

/**
 * The outputs: the org as the server returned it without its hypermedia, plus what this
 * resource needs to remember. `id` is left out: it is the resource's ID, and `orgId` carries it.
 */
function toOutputs(
  org: InstanceOrg,
  inputs: Partial<InstanceOrgInputs> & { managedProperties?: string[] },
): InstanceOrgOutputs {
  const { id, ...fields } = withoutHypermedia(org);
  return withoutUndefined({
    ...fields,
    orgId: fields.orgId ?? id,
    instanceId: fields.instanceId ?? inputs.instanceId,
    summaryInclude:
      inputs.summaryInclude === undefined
        ? undefined
        : normalizeSummaryInclude(inputs.summaryInclude),
    managedProperties: inputs.managedProperties ?? managedProperties(inputs),
  }) as InstanceOrgOutputs;
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

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((item, i) => item === right[i]);
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
