/**
 * In-memory instances, organizations, users and members. Every lookup that misses throws
 * the 404 the API answers, so handlers read as the happy path.
 */
import { randomBytes } from "node:crypto";

import { ApiError, INSTANCE_NOT_FOUND_MESSAGE, ORG_NOT_FOUND_MESSAGE } from "./errors";
import {
  DEFAULT_INSTANCE_LIMITS,
  instanceMaxLimits,
  type InstanceRecord,
  type Limits,
  type MemberPatchBody,
  type MemberPostBody,
  type MemberRecord,
  type OrgPatchBody,
  type OrgPostBody,
  type OrgRecord,
  type UserRecord,
} from "./model";
import { Memberships, type MemberRecords, type MemberRules } from "./members";
import { createOrgRecord, patchOrgRecord, type StoreRules } from "./orgs";
import type { AddUserOptions } from "./users";

/** A new random ID in Losant's format: 24 lowercase hexadecimal characters. */
export function newId(): string {
  return randomBytes(12).toString("hex");
}

/** A membership and the user it refers to. */
export interface MemberWithUser {
  member: MemberRecord;
  user: UserRecord;
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

/** Everything the store keeps, as the state file holds it. */
export interface StoreRecords extends Partial<MemberRecords> {
  instances: InstanceRecord[];
  orgs: OrgRecord[];
}

/** The parts of a profile the store follows. */
export type StoreProfile = StoreRules & MemberRules;

/** The `documented` answers, for a store built without a profile. */
const DOCUMENTED_RULES: StoreProfile = {
  patchLimits: "merge",
  normalization: "off",
  memberEmailUnknown: "invite",
  memberAddExisting: "refuse",
  lastAdminRemoval: "refused",
};

/** Keeps instances, their orgs and users, and the orgs' members. */
export class Store {
  private readonly instances = new Map<string, InstanceRecord>();
  private readonly orgs = new Map<string, OrgRecord>();
  private readonly memberships: Memberships;

  /**
   * @param now - the clock used for creation and update times.
   * @param records - what to start with (for example from a state file); an instance
   * without users (a state saved before users existed) gets the seeded ones.
   * @param profile - how PATCH treats limits, whether stored values are normalized, and how
   * memberships change.
   */
  constructor(
    private readonly now: () => number,
    records: StoreRecords = { instances: [], orgs: [] },
    private readonly profile: StoreProfile = DOCUMENTED_RULES,
  ) {
    this.memberships = new Memberships(newId, profile, {
      users: records.users ?? [],
      members: records.members ?? [],
    });
    for (const instance of records.instances) {
      this.instances.set(instance.id, instance);
      if (!this.memberships.hasUsers(instance.id)) this.memberships.seed(instance.id);
    }
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
    this.memberships.seed(id);
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
    const id = newId();
    // Members first: a refused member refuses the whole create, before the org exists.
    this.memberships.addAll(instanceId, id, body.members ?? []);
    const org = createOrgRecord(instance, id, body, this.now(), this.profile);
    this.orgs.set(org.id, { ...org, ...this.memberships.counts(org.id) });
    return this.org(instanceId, id);
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
    this.memberships.removeOrg(orgId);
  }

  /**
   * Adds a user with an account to an instance.
   * @throws ApiError 404 when the instance does not exist.
   * @throws Error when a user of the instance already has the email.
   */
  addUser(instanceId: string, options: AddUserOptions): UserRecord {
    this.instance(instanceId);
    return this.memberships.addUser(instanceId, options);
  }

  /**
   * The users of an instance.
   * @throws ApiError 404 when the instance does not exist.
   */
  users(instanceId: string): UserRecord[] {
    this.instance(instanceId);
    return this.memberships.usersOf(instanceId);
  }

  /**
   * The members of an org, each with its user.
   * @throws ApiError 404 when the instance or org does not exist.
   */
  members(instanceId: string, orgId: string): MemberWithUser[] {
    this.org(instanceId, orgId);
    return this.memberships.list(orgId).map((member) => this.withUser(member));
  }

  /**
   * One member of an org, with its user.
   * @throws ApiError 404 when the instance, org or member does not exist.
   */
  member(instanceId: string, orgId: string, userId: string): MemberWithUser {
    this.org(instanceId, orgId);
    return this.withUser(this.memberships.get(orgId, userId));
  }

  /** The user IDs of an org's members (none for an unknown org). */
  memberIds(orgId: string): string[] {
    return this.memberships.list(orgId).map((member) => member.userId);
  }

  /**
   * Adds a member from a validated POST body, following the profile.
   * @throws ApiError 404 when the instance or org does not exist; 400 as `Memberships.add`.
   */
  addMember(instanceId: string, orgId: string, body: MemberPostBody): MemberWithUser {
    this.org(instanceId, orgId);
    const member = this.memberships.add(instanceId, orgId, body);
    this.recount(orgId);
    return this.withUser(member);
  }

  /**
   * Applies a validated PATCH body to a member.
   * @throws ApiError 404 when the instance, org or member does not exist; 400 when it
   * demotes the last admin under `lastAdminRemoval: "refused"`.
   */
  patchMember(
    instanceId: string,
    orgId: string,
    userId: string,
    body: MemberPatchBody,
  ): MemberWithUser {
    this.org(instanceId, orgId);
    return this.withUser(this.memberships.patch(orgId, userId, body));
  }

  /**
   * Removes a member.
   * @throws ApiError 404 when the instance, org or member does not exist; 400 for the last
   * admin under `lastAdminRemoval: "refused"`.
   */
  deleteMember(instanceId: string, orgId: string, userId: string): void {
    this.org(instanceId, orgId);
    this.memberships.remove(orgId, userId);
    this.recount(orgId);
  }

  /** Copies of every instance, org, user and member, for the state file. */
  toRecords(): Required<StoreRecords> {
    return {
      ...structuredClone({
        instances: [...this.instances.values()],
        orgs: [...this.orgs.values()],
      }),
      ...this.memberships.toRecords(),
    };
  }

  private withUser(member: MemberRecord): MemberWithUser {
    return {
      member: structuredClone(member),
      user: structuredClone(this.memberships.userOf(member)),
    };
  }

  /** Keeps the org's summary counts in step with its members. */
  private recount(orgId: string): void {
    const org = this.orgs.get(orgId);
    if (org) this.orgs.set(orgId, { ...org, ...this.memberships.counts(orgId) });
  }
}
