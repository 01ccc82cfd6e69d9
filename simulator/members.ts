/**
 * Users and org memberships, with the profile's answers to what the documentation leaves
 * open: an email no user has, a user added twice, the last admin removed. Every refusal is
 * thrown before anything changes, so a refused request leaves no trace.
 */
import {
  ALREADY_MEMBER_MESSAGE,
  ApiError,
  LAST_ADMIN_MESSAGE,
  MEMBER_NOT_FOUND_MESSAGE,
  UNKNOWN_EMAIL_MESSAGE,
  USER_NOT_FOUND_MESSAGE,
} from "./errors";
import type {
  MemberPatchBody,
  MemberPostBody,
  MemberRecord,
  MemberRoles,
  UserRecord,
} from "./model";
import type { SimulatorProfile } from "./profiles";
import { userRecord, sameEmail, seedUsers, type AddUserOptions } from "./users";

/** The parts of a profile that decide how memberships change. */
export type MemberRules = Pick<
  SimulatorProfile,
  "memberEmailUnknown" | "memberAddExisting" | "lastAdminRemoval" | "normalization"
>;

/** Users and memberships as saved in the state file. */
export interface MemberRecords {
  users: UserRecord[];
  members: MemberRecord[];
}

/** What an add needs to know beyond its body. */
export interface AddContext {
  /** Collects the IDs of users the add created, for a caller's rollback. */
  created?: string[];
  /** Whether this sets an org's first members (the org POST), where no admin is removed. */
  initial?: boolean;
}

/** How many members an org has, as its summary counts them. */
export interface MemberCounts {
  /** Members whose user has an account. */
  memberCount: number;
  /** Members invited by email who have not signed up yet. */
  pendingInviteCount: number;
}

/** Keeps the users of every instance and the members of every org. */
export class Memberships {
  private readonly users = new Map<string, UserRecord>();
  /** Org ID -> user ID -> membership, in the order members were added. */
  private readonly members = new Map<string, Map<string, MemberRecord>>();

  /**
   * @param newId - where new user IDs come from.
   * @param rules - the profile's answers for adds and removals.
   * @param records - users and memberships to start with (for example from a state file).
   */
  constructor(
    private readonly newId: () => string,
    private readonly rules: MemberRules,
    records: MemberRecords = { users: [], members: [] },
  ) {
    for (const user of records.users) this.users.set(user.id, user);
    for (const member of records.members) this.orgMembers(member.orgId).set(member.userId, member);
  }

  /** Adds the seeded users of an instance (kept as they are when already there). */
  seed(instanceId: string): void {
    for (const user of seedUsers(instanceId)) {
      if (!this.users.has(user.id)) this.users.set(user.id, user);
    }
  }

  /** Whether the instance has any user (a state saved before users existed has none). */
  hasUsers(instanceId: string): boolean {
    return this.usersOf(instanceId).length > 0;
  }

  /**
   * Adds a user with an account.
   * @throws Error when a user of the instance already has this email.
   */
  addUser(instanceId: string, options: AddUserOptions): UserRecord {
    if (this.userByEmail(instanceId, options.email)) {
      throw new Error(`A user with the email ${options.email} already exists`);
    }
    const user = userRecord(this.newId(), instanceId, options);
    this.users.set(user.id, user);
    return user;
  }

  /** The users of an instance, in the order they were added. */
  usersOf(instanceId: string): UserRecord[] {
    return [...this.users.values()].filter((user) => user.instanceId === instanceId);
  }

  /** The user behind a membership (memberships only ever name existing users). */
  userOf(member: MemberRecord): UserRecord {
    return this.users.get(member.userId) as UserRecord;
  }

  /** The members of an org, in the order they were added. */
  list(orgId: string): MemberRecord[] {
    return [...(this.members.get(orgId)?.values() ?? [])];
  }

  /** @throws ApiError 404 when the user is not a member of the org. */
  get(orgId: string, userId: string): MemberRecord {
    const member = this.members.get(orgId)?.get(userId);
    if (!member) throw new ApiError(404, MEMBER_NOT_FOUND_MESSAGE);
    return member;
  }

  /**
   * Adds a member by user ID or email, following the profile for an unknown email and for a
   * user who is already a member.
   * @returns the membership as it now stands.
   * @throws ApiError 400 for an unknown user ID, an unknown email under `refuse`, an existing
   * member under `refuse`, or an update that would demote the last admin under `refused`.
   */
  add(
    instanceId: string,
    orgId: string,
    body: MemberPostBody,
    context: AddContext = {},
  ): MemberRecord {
    const user = this.userFor(instanceId, body, context.created ?? []);
    const existing = this.members.get(orgId)?.get(user.id);
    if (existing) return this.addExisting(existing, body, context.initial ?? false);
    const member: MemberRecord = {
      orgId,
      userId: user.id,
      role: body.role,
      applicationRoles: structuredClone(body.applicationRoles ?? []),
      dashboardRoles: structuredClone(body.dashboardRoles ?? []),
    };
    this.orgMembers(orgId).set(user.id, member);
    return member;
  }

  /**
   * Adds the `members` of an org POST, all or none: on a refusal, every membership and user
   * this call added is taken back before the error is thrown. The last-admin rule does not
   * apply while the org's first members are being set: nothing is removed from anyone.
   * @throws ApiError 400 as {@link add}, but never for the last admin.
   */
  addAll(instanceId: string, orgId: string, bodies: readonly MemberPostBody[]): void {
    const created: string[] = [];
    try {
      for (const body of bodies) this.add(instanceId, orgId, body, { created, initial: true });
    } catch (error) {
      this.removeOrg(orgId);
      for (const id of created) this.users.delete(id);
      throw error;
    }
  }

  /**
   * Changes a member's roles: `role` when given, application and dashboard roles replaced
   * when given.
   * @param initial - true while an org POST sets its first members: the last-admin rule
   * does not apply then.
   * @throws ApiError 404 for a user who is not a member; 400 when it demotes the last admin
   * under `lastAdminRemoval: "refused"`.
   */
  patch(orgId: string, userId: string, body: MemberPatchBody, initial = false): MemberRecord {
    const member = this.get(orgId, userId);
    const demotes = body.role !== undefined && body.role !== "admin";
    if (demotes && !initial) this.checkNotLastAdmin(member);
    const changed: MemberRecord = { ...member, ...structuredClone(definedRoles(body)) };
    this.orgMembers(orgId).set(userId, changed);
    return changed;
  }

  /**
   * Removes a member.
   * @throws ApiError 404 for a user who is not a member; 400 for the last admin under
   * `lastAdminRemoval: "refused"`.
   */
  remove(orgId: string, userId: string): void {
    this.checkNotLastAdmin(this.get(orgId, userId));
    this.members.get(orgId)?.delete(userId);
  }

  /** Forgets every membership of an org (the org is gone). */
  removeOrg(orgId: string): void {
    this.members.delete(orgId);
  }

  /** The org's member and pending-invite counts. */
  counts(orgId: string): MemberCounts {
    const pending = this.list(orgId).filter((member) => this.userOf(member).pending).length;
    return { memberCount: this.list(orgId).length - pending, pendingInviteCount: pending };
  }

  /** Copies of every user and membership, for the state file. */
  toRecords(): MemberRecords {
    return structuredClone({
      users: [...this.users.values()],
      members: [...this.members.values()].flatMap((org) => [...org.values()]),
    });
  }

  private orgMembers(orgId: string): Map<string, MemberRecord> {
    let members = this.members.get(orgId);
    if (!members) {
      members = new Map();
      this.members.set(orgId, members);
    }
    return members;
  }

  private userByEmail(instanceId: string, email: string): UserRecord | undefined {
    return this.usersOf(instanceId).find((user) => sameEmail(user.email, email));
  }

  private userFor(instanceId: string, body: MemberPostBody, created: string[]): UserRecord {
    if ("userId" in body) {
      const user = this.users.get(body.userId);
      if (!user || user.instanceId !== instanceId) {
        throw new ApiError(400, USER_NOT_FOUND_MESSAGE(body.userId));
      }
      return user;
    }
    const user = this.userByEmail(instanceId, body.email) ?? this.newUser(instanceId, body.email);
    if (!this.users.has(user.id)) {
      this.users.set(user.id, user);
      created.push(user.id);
    }
    return user;
  }

  /**
   * The user an add by an unknown email makes: an account named after the email's local
   * part (`createUser`), or a pending invitation without a name (`invite`).
   * @throws ApiError 400 under `memberEmailUnknown: "refuse"`.
   */
  private newUser(instanceId: string, sentEmail: string): UserRecord {
    const rule = this.rules.memberEmailUnknown;
    if (rule === "refuse") throw new ApiError(400, UNKNOWN_EMAIL_MESSAGE(sentEmail));
    const email = this.rules.normalization === "on" ? sentEmail.toLowerCase() : sentEmail;
    if (rule === "invite")
      return { ...userRecord(this.newId(), instanceId, { email }), pending: true };
    const [firstName] = email.split("@");
    return userRecord(this.newId(), instanceId, { email, firstName, lastName: "" });
  }

  private addExisting(
    existing: MemberRecord,
    body: MemberPostBody,
    initial: boolean,
  ): MemberRecord {
    switch (this.rules.memberAddExisting) {
      case "refuse":
        throw new ApiError(400, ALREADY_MEMBER_MESSAGE(existing.userId));
      case "returnExisting":
        return existing;
      case "update":
        return this.patch(existing.orgId, existing.userId, body, initial);
    }
  }

  private checkNotLastAdmin(member: MemberRecord): void {
    if (this.rules.lastAdminRemoval === "allowed" || member.role !== "admin") return;
    const admins = this.list(member.orgId).filter((m) => m.role === "admin");
    if (admins.length === 1) throw new ApiError(400, LAST_ADMIN_MESSAGE(member.userId));
  }
}

/** The roles a body sets, without the keys it leaves out. */
function definedRoles(body: MemberRoles): MemberRoles {
  const roles: MemberRoles = {};
  if (body.role !== undefined) roles.role = body.role;
  if (body.applicationRoles !== undefined) roles.applicationRoles = body.applicationRoles;
  if (body.dashboardRoles !== undefined) roles.dashboardRoles = body.dashboardRoles;
  return roles;
}
