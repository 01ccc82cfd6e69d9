/**
 * The plugin's resources: each type token served by the very step modules the dynamic
 * resources use (one home for each step), plus what only a real provider needs: a read with
 * no stored state, as `pulumi import` sends it.
 */
import * as instanceOrgProvider from "../provider/instanceOrgProvider";
import * as instanceOrgMemberProvider from "../provider/instanceOrgMemberProvider";
import type { InstanceOrgInputs, InstanceOrgOutputs } from "../provider/inputs";
import {
  memberResourceId,
  type InstanceOrgMemberInputs,
  type InstanceOrgMemberOutputs,
} from "../provider/member/model";
import { LosantConfigError } from "../provider/losant/errors";
import { isLosantId } from "../provider/losant/org";
import { pluginSettings } from "./config";
import { RESOURCE_TOKENS } from "./tokens";

/** The steps of one resource type, in the dynamic provider's shape. */
export interface Steps {
  check(
    olds: never,
    news: never,
  ): Promise<{ inputs?: unknown; failures?: Array<{ property: string; reason: string }> }>;
  diff(
    id: string,
    olds: never,
    news: never,
  ): Promise<{ changes?: boolean; replaces?: string[]; deleteBeforeReplace?: boolean }>;
  create(inputs: never): Promise<{ id: string; outs?: unknown }>;
  read(id: string, props?: never): Promise<{ id?: string; props?: unknown; inputs?: unknown }>;
  update(id: string, olds: never, news: never): Promise<{ outs?: unknown }>;
  delete(id: string, props: never): Promise<void>;
}

/** The steps of each resource type token. */
export const RESOURCES: Record<string, Steps> = {
  [RESOURCE_TOKENS.InstanceOrg]: instanceOrgProvider as unknown as Steps,
  [RESOURCE_TOKENS.InstanceOrgMember]: instanceOrgMemberProvider as unknown as Steps,
};

/** The resource type a URN names (`urn:pulumi:stack::project::[parent$]type::name`). */
export function typeOfUrn(urn: string): string {
  const parts = urn.split("::");
  return (parts[2] ?? "").split("$").pop() ?? "";
}

/** What a read with no stored state returns: the resource, and the inputs that declare it. */
export interface Imported<Outputs, Inputs> {
  id: string;
  props?: Outputs;
  inputs?: Inputs;
}

/**
 * The instance and the IDs an import ID names: `<instanceId>/<ids...>`, or the IDs alone in
 * the instance the provider's `instanceId` names.
 *
 * @throws LosantConfigError saying both forms when it names no instance, or an ID is not one
 */
function importIds(importId: string, count: number, form: string): [string, ...string[]] {
  const parts = importId.split("/");
  const ids = parts.length === count + 1 ? parts : [pluginSettings().instanceId ?? "", ...parts];
  if (ids.length !== count + 1 || !ids.every(isLosantId)) {
    throw new LosantConfigError(
      "losant:instanceId",
      `Cannot import "${importId}": give <instanceId>/${form}, or set the provider's ` +
        `instanceId (pulumi config set losant:instanceId <id>) and give ${form}.`,
    );
  }
  return ids as [string, ...string[]];
}

/**
 * Reads an org that has no stored state yet, as `pulumi import losant:index:InstanceOrg <name>
 * <id>` asks: the ID is `<instanceId>/<orgId>`, or an org ID of the instance the provider's
 * `instanceId` names. Returns the org as a resource that declares its `name` (and its
 * `description` when it has one), so the code Pulumi generates needs nothing more and the next
 * preview shows no change.
 *
 * @throws LosantConfigError when the ID names no instance and the provider has no `instanceId`
 */
export async function importOrg(
  importId: string,
): Promise<Imported<InstanceOrgOutputs, InstanceOrgInputs>> {
  const [instanceId, orgId] = importIds(importId, 1, "<orgId>");
  const found = await instanceOrgProvider.read(orgId, {
    instanceId,
    managedProperties: ["name", "description"],
  } as unknown as InstanceOrgOutputs);
  if (!found.id) return { id: "" };
  const props = found.props as InstanceOrgOutputs;
  const inputs: InstanceOrgInputs = { instanceId, name: props.name };
  if (props.description) inputs.description = props.description;
  props.managedProperties = Object.keys(inputs).filter((key) => key !== "instanceId");
  return { id: orgId, props, inputs };
}

/**
 * Reads a membership that has no stored state yet, as `pulumi import
 * losant:index:InstanceOrgMember <name> <id>` asks: the ID is `<instanceId>/<orgId>/<userId>`,
 * or `<orgId>/<userId>` in the provider's `instanceId`. Declares the user by ID and the role
 * the member has.
 *
 * @throws LosantConfigError when the ID names no instance and the provider has no `instanceId`
 */
export async function importMember(
  importId: string,
): Promise<Imported<InstanceOrgMemberOutputs, InstanceOrgMemberInputs>> {
  const [instanceId, orgId, userId] = importIds(importId, 2, "<orgId>/<userId>");
  const found = await instanceOrgMemberProvider.read(memberResourceId(orgId, userId), {
    instanceId,
    orgId,
    userId,
  } as InstanceOrgMemberOutputs);
  if (!found.id) return { id: "" };
  const props = found.props as InstanceOrgMemberOutputs;
  return {
    id: memberResourceId(orgId, userId),
    props,
    inputs: { instanceId, orgId, userId, role: props.role! },
  };
}

/** How each resource type reads what has no stored state yet. */
export const IMPORTS: Record<string, (importId: string) => Promise<Imported<unknown, unknown>>> = {
  [RESOURCE_TOKENS.InstanceOrg]: importOrg,
  [RESOURCE_TOKENS.InstanceOrgMember]: importMember,
};
