/**
 * The plugin's resources: each type token served by the very step modules the dynamic
 * resources use (one home for each step), plus what only a real provider needs: a read with
 * no stored state, as `pulumi import` sends it.
 */
import * as instanceOrgProvider from "../provider/instanceOrgProvider";
import * as instanceOrgMemberProvider from "../provider/instanceOrgMemberProvider";
import type { InstanceOrgInputs, InstanceOrgOutputs } from "../provider/inputs";
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
): Promise<{ id: string; props?: InstanceOrgOutputs; inputs?: InstanceOrgInputs }> {
  const [first, second] = importId.split("/");
  const instanceId = second === undefined ? pluginSettings().instanceId : first;
  const orgId = second ?? first;
  if (instanceId === undefined || !isLosantId(instanceId) || !isLosantId(orgId)) {
    throw new LosantConfigError(
      "losant:instanceId",
      `Cannot import "${importId}": give <instanceId>/<orgId>, or set the provider's instanceId ` +
        `(pulumi config set losant:instanceId <id>) and give the org ID alone.`,
    );
  }
  const declared = ["name", "description"];
  const found = await instanceOrgProvider.read(orgId, {
    instanceId,
    managedProperties: declared,
  } as unknown as InstanceOrgOutputs);
  if (!found.id) return { id: "" };
  const props = found.props as InstanceOrgOutputs;
  const inputs: InstanceOrgInputs = { instanceId, name: props.name };
  if (props.description) inputs.description = props.description;
  props.managedProperties = Object.keys(inputs).filter((key) => key !== "instanceId");
  return { id: orgId, props, inputs };
}
