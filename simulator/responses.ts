/**
 * Response bodies: the public org object with its summary, and the hypermedia fields
 * (`_type`, `_links`) the real API adds. Hypermedia is kept apart so response validation
 * can strip it: the official schemas forbid additional properties.
 */
import type { OrgRecord } from "./model";
import { omit } from "./objects";
import { orgSummary, type OrgSummary, type SummaryField } from "./summary";

/** A hypermedia link. */
export interface Link {
  href: string;
}

/** The hypermedia fields of a response. */
export interface Hypermedia {
  _type: "instanceOrg" | "instanceOrgs" | "org";
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
export const FIELDS_MISSING_FROM_ORG_SHAPE = [
  "instanceId",
  "tags",
  "auditLogEnabled",
  "referralId",
  "customerId",
  "subscriptionId",
] as const;

/** A create answer in the documented `org` shape (profile `createAnswer: "org"`). */
export function documentedCreateAnswer(answer: OrgResponse): unknown {
  const missing: readonly string[] = FIELDS_MISSING_FROM_ORG_SHAPE;
  const kept = Object.entries(answer).filter(([key]) => !missing.includes(key));
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
