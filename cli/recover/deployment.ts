/**
 * The parts of an exported Pulumi deployment (`pulumi stack export`) that recovery reads and
 * changes: the resources, and the operations a killed run left pending. Pure functions on data.
 */

/** The type token of the InstanceOrg dynamic resource. */
export const INSTANCE_ORG_TYPE = "pulumi-nodejs:dynamic/losant:InstanceOrg";

/** One resource of the state, as `pulumi stack export` writes it. */
export interface StateResource {
  urn: string;
  type: string;
  custom?: boolean;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  [key: string]: unknown;
}

/** An operation the engine started and never saw finish. */
export interface PendingOperation {
  resource: StateResource;
  type: "creating" | "updating" | "deleting" | "reading" | "importing" | string;
  [key: string]: unknown;
}

/** The `deployment` of an exported stack. */
export interface Deployment {
  resources?: StateResource[];
  pending_operations?: PendingOperation[];
  [key: string]: unknown;
}

/** What `pulumi stack export` prints. */
export interface UntypedDeployment {
  version: number;
  deployment: Deployment;
}

/** A create of an InstanceOrg that a killed run left pending: what it was asked to create. */
export interface PendingCreate {
  urn: string;
  /** The inputs the engine passed to the create, `__provider` included. */
  inputs: Record<string, unknown>;
  instanceId: string;
  /** The org's name; undefined for an adopting create (`orgId` set). */
  name?: string;
  /** Set when the create adopts an existing org instead of POSTing a new one. */
  orgId?: string;
}

/** The pending creates of InstanceOrg resources, in the order the engine recorded them. */
export function pendingCreates(deployment: Deployment): PendingCreate[] {
  return (deployment.pending_operations ?? [])
    .filter((op) => op.type === "creating" && op.resource.type === INSTANCE_ORG_TYPE)
    .map(({ resource }) => {
      const inputs = resource.inputs ?? {};
      return {
        urn: resource.urn,
        inputs,
        instanceId: String(inputs.instanceId),
        name: typeof inputs.name === "string" ? inputs.name : undefined,
        orgId: typeof inputs.orgId === "string" ? inputs.orgId : undefined,
      };
    });
}

/** The IDs of the orgs the stack manages now. */
export function managedOrgIds(deployment: Deployment): Set<string> {
  return new Set(
    (deployment.resources ?? [])
      .filter((resource) => resource.type === INSTANCE_ORG_TYPE && resource.id)
      .map((resource) => resource.id as string),
  );
}

/** A pending create settled: the org it made (`id` and outputs), or none (`id` undefined). */
export interface SettledCreate {
  urn: string;
  /** The org the create made, brought into the state; undefined drops the pending create. */
  adopted?: { id: string; outputs: Record<string, unknown> };
}

/**
 * The deployment with the given pending creates settled: each one removed from the pending
 * operations and, when it made an org, that org added as a resource as a finished create
 * would have recorded it (the create's inputs; the org's outputs with the serialized
 * provider, which refresh, update and delete run). Other pending operations stay.
 *
 * @throws Error when a settled URN has no pending create in the deployment
 */
export function settle(deployment: Deployment, settled: readonly SettledCreate[]): Deployment {
  const pending = [...(deployment.pending_operations ?? [])];
  const resources = [...(deployment.resources ?? [])];
  for (const { urn, adopted } of settled) {
    const index = pending.findIndex((op) => op.type === "creating" && op.resource.urn === urn);
    if (index < 0) throw new Error(`No pending create of ${urn} in the deployment`);
    const [{ resource }] = pending.splice(index, 1);
    if (adopted === undefined) continue;
    const provider = resource.inputs?.__provider;
    resources.push({
      ...resource,
      custom: true,
      id: adopted.id,
      outputs: { ...adopted.outputs, __provider: provider },
    });
  }
  return { ...deployment, resources, pending_operations: pending };
}
