/**
 * The simulator's own types for instances and organizations. Written here rather than
 * imported from the client so the simulator stays an independent model of the API; the
 * limit keys come from the official schema so they cannot drift from it.
 */
import type orgSchema from "../schemas/instanceOrg.json";

/** A key of the org `limits` object, as listed in `schemas/instanceOrg.json`. */
export type LimitKey = keyof (typeof orgSchema)["properties"]["limits"]["properties"];

/** A full limits object: every limit key has a value. */
export type Limits = Record<LimitKey, number>;

/** One org tag. */
export interface Tag {
  key: string;
  value: string;
}

/** The org banner. */
export interface Banner {
  message?: string;
  level?: "info" | "warning" | "critical";
}

/** Who must use multi-factor authentication in the org. */
export type MfaMode = "notRequired" | "adminRequired" | "required";

/** An Enterprise instance with the limits new orgs start from. */
export interface InstanceRecord {
  id: string;
  name: string;
  creationDate: string;
  defaultLimits: Limits;
  /**
   * The instance's own limits, the most any org may have; absent in states saved before it
   * existed, which then use {@link instanceMaxLimits}' default.
   */
  maxLimits?: Limits;
}

/** An organization as the simulator stores it. */
export interface OrgRecord {
  id: string;
  instanceId: string;
  name: string;
  description: string;
  iconColor?: string;
  limits: Limits;
  whitelistedEmailDomains: string[];
  auditLogEnabled: boolean;
  /** `false`, or when the org was disabled (ISO date-time). */
  disabledAt: false | string;
  isReadOnly: boolean;
  tags: Tag[];
  referralId?: string;
  mfaMode: MfaMode;
  banner?: Banner;
  creationDate: string;
  lastUpdated: string;
  /** Members whose user has an account; kept in step with the members by the store. */
  memberCount: number;
  /** Members invited by email who have not signed up; kept in step like `memberCount`. */
  pendingInviteCount: number;
}

/** Fields a POST or PATCH body may carry (after schema validation). */
export interface OrgWritableFields {
  name?: string;
  description?: string;
  iconColor?: string;
  limits?: Partial<Limits>;
  whitelistedEmailDomains?: string[];
  auditLogEnabled?: boolean;
  disabledAt?: boolean | string;
  isReadOnly?: boolean;
  tags?: Tag[];
  referralId?: string;
  mfaMode?: MfaMode;
  banner?: Banner;
}

/** A validated `instanceOrgPost` body. */
export interface OrgPostBody extends OrgWritableFields {
  name: string;
  members?: MemberPostBody[];
}

/** A validated `instanceOrgPatch` body. */
export type OrgPatchBody = OrgWritableFields;

/** A member's role in an org. */
export type MemberRole = "admin" | "edit" | "collaborate" | "view" | "none";

/** A member's role on one application or dashboard of the org. */
export interface ResourceRole {
  resourceId: string;
  role: "collaborate" | "view" | "none";
}

/**
 * A user of an instance. Losant users are global; the simulator keeps them per instance,
 * which is all a client of the instance-org endpoints can observe.
 */
export interface UserRecord {
  id: string;
  instanceId: string;
  email: string;
  /** Absent for a user invited by email who has not signed up yet. */
  firstName?: string;
  lastName?: string;
  avatarUrl?: string;
  twoFactorAuthEnabled: boolean;
  ssoLinked: boolean;
  /** An invitation not accepted yet (profile `memberEmailUnknown: "invite"`). */
  pending: boolean;
}

/** A user's membership of an org. */
export interface MemberRecord {
  orgId: string;
  userId: string;
  role: MemberRole;
  /** Stored as accepted, although the member object does not answer them. */
  applicationRoles: ResourceRole[];
  dashboardRoles: ResourceRole[];
}

/** The roles a POST or PATCH of a member may set. */
export interface MemberRoles {
  role?: MemberRole;
  applicationRoles?: ResourceRole[];
  dashboardRoles?: ResourceRole[];
}

/** A validated `instanceOrgMemberPost` body (also an item of the org POST's `members`). */
export type MemberPostBody = MemberRoles & { role: MemberRole } & (
    { userId: string } | { email: string; disallowTransfer?: boolean }
  );

/** A validated `instanceOrgMemberPatch` body. */
export type MemberPatchBody = MemberRoles;

/** The limits the seeded instance (and any added instance by default) gives new orgs. */
export const DEFAULT_INSTANCE_LIMITS: Readonly<Limits> = {
  apitoken: 100,
  application: 25,
  applicationcertificate: 100,
  applicationcertificateauthority: 10,
  applicationkey: 500,
  credential: 50,
  dashboard: 50,
  datatable: 25,
  device: 1000,
  devicerecipe: 50,
  experiencedomain: 5,
  experienceendpoint: 250,
  experiencegroup: 100,
  experienceslug: 5,
  experienceuser: 1000,
  experienceversion: 10,
  experienceview: 250,
  file: 1000,
  flow: 100,
  integration: 25,
  notebook: 25,
  privatefile: 1000,
  resourcejob: 25,
  webhook: 50,
  dataTTL: 2592000,
  member: 50,
  payload: 10000000,
  storage: 10737418240,
  notebookMinutesPerRun: 60,
  notebookMinutesPerMonth: 1000,
  notebookInParallel: 2,
  experienceFlowSlots: 10,
  applicationFlowSlots: 25,
  systemInterval: 60,
};

/** How far above its default an instance lets an org's limit go, unless told otherwise. */
const DEFAULT_MAX_LIMIT_FACTOR = 10;

/**
 * The instance's own limits: its `maxLimits`, else ten times its default limits.
 * Only the `normalization: "on"` profile enforces them (by clamping).
 */
export function instanceMaxLimits(instance: InstanceRecord): Limits {
  if (instance.maxLimits) return instance.maxLimits;
  const entries = Object.entries(instance.defaultLimits).map(([key, value]) => [
    key,
    value * DEFAULT_MAX_LIMIT_FACTOR,
  ]);
  return Object.fromEntries(entries) as Limits;
}
