/**
 * Response bodies: the public org object with its summary, and the hypermedia fields
 * (`_type`, `_links`) the real API adds. Hypermedia is kept apart so response validation
 * can strip it: the official schemas forbid additional properties.
 */
import instanceOrgSchema from "../schemas/instanceOrg.json";
import orgSchema from "../schemas/org.json";
import type { MemberRecord, OrgRecord, UserRecord } from "./model";
import { omit } from "./objects";
import { orgSummary, type OrgSummary, type SummaryField } from "./summary";

/** A hypermedia link. */
export interface Link {
  href: string;
}

/** The hypermedia fields of a response. */
export interface Hypermedia {
  _type: "instanceOrg" | "instanceOrgs" | "org" | "instanceOrgMember" | "instanceOrgMembers";
  _links: Record<string, Link>;
}

/** An org as the API answers it. */
export type OrgResponse = Omit<OrgRecord, "memberCount" | "pendingInviteCount"> & {
  orgId: string;
  summary: OrgSummary;
} & Hypermedia;

/** Path of the org collection of an instance. */
export function orgsPath(instanceId: string): string {
  return `/instances/${instanceId}/orgs`;
}

/** The org's public representation, with its summary restricted to `fields`. */
export function orgResponse(
  org: OrgRecord,
  fields: readonly SummaryField[],
  nowMs: number,
): OrgResponse {
  const visible = omit(org, ["id", "memberCount", "pendingInviteCount"]);
  return {
    id: org.id,
    orgId: org.id,
    ...structuredClone(visible),
    summary: orgSummary(org, fields, nowMs),
    _type: "instanceOrg",
    _links: {
      self: { href: `${orgsPath(org.instanceId)}/${org.id}` },
      instance: { href: `/instances/${org.instanceId}` },
      instanceOrgs: { href: orgsPath(org.instanceId) },
    },
  };
}

/** Fields of `instanceOrg` that the documented create answer (`schemas/org.json`) lacks. */
export const FIELDS_MISSING_FROM_ORG_SHAPE: readonly string[] = Object.keys(
  instanceOrgSchema.properties,
).filter((key) => !(key in orgSchema.properties));

/** A create answer in the documented `org` shape (profile `createAnswer: "org"`). */
export function documentedCreateAnswer(answer: OrgResponse): unknown {
  const kept = Object.entries(answer).filter(
    ([key]) => !FIELDS_MISSING_FROM_ORG_SHAPE.includes(key),
  );
  return { ...Object.fromEntries(kept), _type: "org" };
}

/** The list hypermedia of an instance's org collection. */
export function listHypermedia(instanceId: string): Hypermedia {
  return {
    _type: "instanceOrgs",
    _links: {
      self: { href: orgsPath(instanceId) },
      instance: { href: `/instances/${instanceId}` },
    },
  };
}

/**
 * The body without hypermedia, at the top level and in list `items`, for validation
 * against the official schemas.
 */
export function withoutHypermedia(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const rest = omit(body as Record<string, unknown>, ["_type", "_links"]);
  if (Array.isArray(rest.items)) rest.items = rest.items.map(withoutHypermedia);
  return rest;
}

/**
 * A member as the API answers it (`schemas/instanceOrgMember.json`): the user's fields and
 * the role. Application and dashboard roles are stored but not answered, as the schema
 * (which allows no other property) documents.
 */
export interface MemberResponse extends Hypermedia {
  instanceId: string;
  orgId: string;
  userId: string;
  email: string;
  firstName?: string;
  lastName?: string;
  role: MemberRecord["role"];
  avatarUrl?: string;
  twoFactorAuthEnabled: boolean;
  ssoLinked: boolean;
}

/** Path of the member collection of an org. */
export function membersPath(instanceId: string, orgId: string): string {
  return `${orgsPath(instanceId)}/${orgId}/members`;
}

/** The member's public representation. */
export function memberResponse(member: MemberRecord, user: UserRecord): MemberResponse {
  const path = membersPath(user.instanceId, member.orgId);
  return {
    instanceId: user.instanceId,
    orgId: member.orgId,
    userId: user.id,
    email: user.email,
    ...(user.firstName === undefined ? {} : { firstName: user.firstName }),
    ...(user.lastName === undefined ? {} : { lastName: user.lastName }),
    role: member.role,
    ...(user.avatarUrl === undefined ? {} : { avatarUrl: user.avatarUrl }),
    twoFactorAuthEnabled: user.twoFactorAuthEnabled,
    ssoLinked: user.ssoLinked,
    _type: "instanceOrgMember",
    _links: {
      self: { href: `${path}/${user.id}` },
      instanceOrgMembers: { href: path },
      instanceOrg: { href: `${orgsPath(user.instanceId)}/${member.orgId}` },
    },
  };
}

/** The list hypermedia of an org's member collection. */
export function memberListHypermedia(instanceId: string, orgId: string): Hypermedia {
  return {
    _type: "instanceOrgMembers",
    _links: {
      self: { href: membersPath(instanceId, orgId) },
      instanceOrg: { href: `${orgsPath(instanceId)}/${orgId}` },
    },
  };
}
