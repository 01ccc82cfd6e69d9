/**
 * In-memory instances and organizations. Every lookup that misses throws the 404 the API
 * answers, so handlers read as the happy path.
 */
import { randomBytes } from "node:crypto";

import { ApiError, INSTANCE_NOT_FOUND_MESSAGE, ORG_NOT_FOUND_MESSAGE } from "./errors";
import {
  DEFAULT_INSTANCE_LIMITS,
  instanceMaxLimits,
  type InstanceRecord,
  type Limits,
  type OrgPatchBody,
  type OrgPostBody,
  type OrgRecord,
} from "./model";
import { createOrgRecord, patchOrgRecord } from "./orgs";
import type { SimulatorProfile } from "./profiles";

/** A new random ID in Losant's format: 24 lowercase hexadecimal characters. */
export function newId(): string {
  return randomBytes(12).toString("hex");
}

/** Options for adding an instance. */
export interface AddInstanceOptions {
  /** The instance ID; a random one by default. */
  id?: string;
  /** Display name; "Simulated instance" by default. */
  name?: string;
  /** Overrides of {@link DEFAULT_INSTANCE_LIMITS} for orgs created in this instance. */
  defaultLimits?: Partial<Limits>;
  /**
   * The instance's own limits (the most an org may have), merged over ten times its default
   * limits; enforced only under the `normalization: "on"` profile.
   */
  maxLimits?: Partial<Limits>;
}

/** Keeps instances and their orgs. */
export class Store {
  private readonly instances = new Map<string, InstanceRecord>();
  private readonly orgs = new Map<string, OrgRecord>();

  /**
   * @param now - the clock used for creation and update times.
   * @param records - instances and orgs to start with (for example from a state file).
   * @param profile - how PATCH treats limits and whether stored values are normalized.
   */
  constructor(
    private readonly now: () => number,
    records: { instances: readonly InstanceRecord[]; orgs: readonly OrgRecord[] } = {
      instances: [],
      orgs: [],
    },
    private readonly profile: Pick<SimulatorProfile, "patchLimits" | "normalization"> = {
      patchLimits: "merge",
      normalization: "off",
    },
  ) {
    for (const instance of records.instances) this.instances.set(instance.id, instance);
    for (const org of records.orgs) this.orgs.set(org.id, org);
  }

  /** Adds an instance and returns its ID. */
  addInstance(options: AddInstanceOptions = {}): string {
    const id = options.id ?? newId();
    const instance: InstanceRecord = {
      id,
      name: options.name ?? "Simulated instance",
      creationDate: new Date(this.now()).toISOString(),
      defaultLimits: { ...DEFAULT_INSTANCE_LIMITS, ...options.defaultLimits },
    };
    if (options.maxLimits) {
      instance.maxLimits = { ...instanceMaxLimits(instance), ...options.maxLimits };
    }
    this.instances.set(id, instance);
    return id;
  }

  /**
   * @throws ApiError 404 when the instance does not exist.
   */
  instance(instanceId: string): InstanceRecord {
    const instance = this.instances.get(instanceId);
    if (!instance) throw new ApiError(404, INSTANCE_NOT_FOUND_MESSAGE);
    return instance;
  }

  /**
   * @throws ApiError 404 when the instance or the org (in that instance) does not exist.
   */
  org(instanceId: string, orgId: string): OrgRecord {
    this.instance(instanceId);
    const org = this.orgs.get(orgId);
    if (!org || org.instanceId !== instanceId) throw new ApiError(404, ORG_NOT_FOUND_MESSAGE);
    return org;
  }

  /**
   * The orgs of one instance (of all instances when `instanceId` is undefined).
   * @throws ApiError 404 when the given instance does not exist.
   */
  listOrgs(instanceId?: string): OrgRecord[] {
    if (instanceId !== undefined) this.instance(instanceId);
    return [...this.orgs.values()].filter(
      (org) => instanceId === undefined || org.instanceId === instanceId,
    );
  }

  /**
   * Creates an org from a validated POST body.
   * @throws ApiError 404 when the instance does not exist.
   */
  createOrg(instanceId: string, body: OrgPostBody): OrgRecord {
    const instance = this.instance(instanceId);
    const org = createOrgRecord(instance, newId(), body, this.now(), this.profile);
    this.orgs.set(org.id, org);
    return org;
  }

  /**
   * Applies a validated PATCH body.
   * @throws ApiError 404 when the instance or org does not exist.
   */
  patchOrg(instanceId: string, orgId: string, body: OrgPatchBody): OrgRecord {
    const current = this.org(instanceId, orgId);
    const instance = this.instance(instanceId);
    const org = patchOrgRecord(instance, current, body, this.now(), this.profile);
    this.orgs.set(org.id, org);
    return org;
  }

  /**
   * Deletes an org.
   * @throws ApiError 404 when the instance or org does not exist.
   */
  deleteOrg(instanceId: string, orgId: string): void {
    this.org(instanceId, orgId);
    this.orgs.delete(orgId);
  }

  /** Copies of every instance and org, for the state file. */
  toRecords(): { instances: InstanceRecord[]; orgs: OrgRecord[] } {
    return structuredClone({
      instances: [...this.instances.values()],
      orgs: [...this.orgs.values()],
    });
  }
}
