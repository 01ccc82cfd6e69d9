/**
 * What the plan alone cannot say. The engine shows adopting an org as `+ create` and moving a
 * resource to another org as a plain replace; these messages say what will really happen.
 */
import { isUnknown } from "./unknown";

/**
 * The note for a new resource that adopts the org `orgId`: no org is created. The engine gives
 * a dynamic provider's check no resource name, so the note names the org (and its declared
 * name, if any).
 */
export function adoptionNote(orgId: string, instanceId: unknown, name?: unknown): string {
  const instance = typeof instanceId === "string" && !isUnknown(instanceId) ? instanceId : "?";
  const named = typeof name === "string" && !isUnknown(name) ? ` "${name}"` : "";
  return (
    `InstanceOrg${named} adopts the existing org ${orgId} of instance ${instance}: no org is created ` +
    `(no POST); it is read, and PATCHed only where it differs from the declared settings.`
  );
}

/**
 * The warning for `orgId` naming another org than the resource holds: the replace adopts
 * `newOrgId`, then deletes the org the resource held.
 */
export function repointWarning(oldId: string, oldName: unknown, newOrgId: unknown): string {
  const held = typeof oldName === "string" ? `org ${oldId} ("${oldName}")` : `org ${oldId}`;
  const next = typeof newOrgId === "string" && !isUnknown(newOrgId) ? newOrgId : "another org";
  return (
    `orgId changes from ${oldId} to ${next}: this replaces the resource, so Pulumi adopts ` +
    `${next} and then DELETES ${held} from Losant. To keep ${held}, first run \`pulumi up\` ` +
    `with the retainOnDelete resource option set on this resource, or remove it from the ` +
    `state (\`pulumi state delete <urn>\`), then change orgId.`
  );
}
