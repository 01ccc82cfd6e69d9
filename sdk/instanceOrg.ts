import * as pulumi from "@pulumi/pulumi";
import * as instanceOrgProvider from "../provider/instanceOrgProvider";
import { OUTPUT_PROPERTIES, type InstanceOrgOutputs } from "../provider/inputs";
import type { SummaryField as OrgSummaryField } from "../provider/losant/org";
import type { InstanceOrgPatch, InstanceOrgPost } from "../provider/losant/types.generated";
import { pauseStackCapture, withCallerStack } from "./stackCapture";

/** A value, or a Pulumi Input of it, all the way down through objects and lists. */
export type DeepInput<T> = T extends readonly (infer U)[]
  ? pulumi.Input<pulumi.Input<DeepInput<U>>[]>
  : T extends object
    ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>
    : pulumi.Input<T>;

/** The per-resource limits of an org (`dataTTL` >= 86400, `systemInterval` 5..3600). */
export type OrgLimits = NonNullable<InstanceOrgPatch["limits"]>;
/** One tag; keys match `^[0-9a-zA-Z_-]{1,255}$` and are unique within an org. */
export type OrgTag = NonNullable<InstanceOrgPatch["tags"]>[number];
/** The banner shown across the org's pages. */
export type OrgBanner = NonNullable<InstanceOrgPatch["banner"]>;
/**
 * A member added when the org is created.
 *
 * @deprecated with {@link InstanceOrgArgs.members}: use `InstanceOrgMember`.
 */
export type OrgMember = NonNullable<InstanceOrgPost["members"]>[number];
/** A field of the org's `summary` that `summaryInclude` can ask for. */
export type SummaryField = OrgSummaryField;

/**
 * The arguments of an {@link InstanceOrg}. Each org field is optional: a field left out is
 * not managed, so it keeps whatever value the server has and is never diffed.
 */
export type InstanceOrgArgs = { [K in keyof InstanceOrgPatch]?: DeepInput<InstanceOrgPatch[K]> } & {
  /** The ID of the Losant instance that owns the org. Changing it replaces the org. */
  instanceId: pulumi.Input<string>;
  /**
   * Adopt this existing org instead of creating one: the first `pulumi up` reads it and
   * changes only the declared fields that differ. Changing it replaces the resource. When it
   * is set, `name` may be left out.
   */
  orgId?: pulumi.Input<string>;
  /**
   * Members added when the org is created. Ignored afterwards, and not allowed with `orgId`.
   *
   * @deprecated Declare each membership as an `InstanceOrgMember` resource instead: it
   * is created, changed and removed with the program, and drift shows. docs/members.md says
   * how to move without losing a membership.
   */
  members?: DeepInput<OrgMember[]>;
  /** The summary fields the server computes into the `summary` output. */
  summaryInclude?: pulumi.Input<pulumi.Input<SummaryField>[]>;
};

/** The outputs of an {@link InstanceOrg}, one Output per property. */
export type InstanceOrgOutputProperties = {
  readonly [K in Exclude<keyof InstanceOrgOutputs, "id">]-?: pulumi.Output<InstanceOrgOutputs[K]>;
};

// Declaration merging gives the class one typed Output per property of the outputs type,
// which is generated from the official schema, instead of a hand-kept list of fields.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface InstanceOrg extends InstanceOrgOutputProperties {}

/**
 * An organization of a Losant Enterprise instance, managed through the instance API.
 *
 * Creates the org (or adopts an existing one through `orgId`), changes the declared fields in
 * place, and deletes it when the resource goes away. Inputs are validated against the official
 * schemas at preview. The token comes from `losant:apiToken` or `LOSANT_API_TOKEN` at run
 * time and is never stored in the state.
 *
 * Type token: `pulumi-nodejs:dynamic/losant:InstanceOrg`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class InstanceOrg extends pulumi.dynamic.Resource {
  /**
   * @param name - the Pulumi resource name (not the org's name)
   * @param args - the org's settings; see {@link InstanceOrgArgs}
   * @param opts - resource options (`protect`, `retainOnDelete`, `dependsOn`, ...)
   */
  constructor(name: string, args: InstanceOrgArgs, opts?: pulumi.CustomResourceOptions) {
    // Every output is declared (undefined) so previews show it as unknown, not missing.
    const props: Record<string, unknown> = Object.fromEntries(
      OUTPUT_PROPERTIES.map((key) => [key, undefined]),
    );
    // See stackCapture.ts: the SDK would format a stack trace for every output promise.
    const resumeStackCapture = pauseStackCapture();
    try {
      super(instanceOrgProvider, name, { ...props, ...args }, opts, "losant", "InstanceOrg");
    } catch (err) {
      resumeStackCapture();
      throw withCallerStack(err, new.target);
    } finally {
      resumeStackCapture();
    }
  }
}
