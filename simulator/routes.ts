/**
 * The route table: one entry per action, with its scopes, body and response schemas and
 * handler. The server runs every request through the same steps using this table, so there
 * is a single dispatch path.
 */
import * as handlers from "./handlers";
import type { PathParams, Prepare } from "./handlers";
import type { SimulatorProfile } from "./profiles";
import type { Action } from "./scopes";
import type { SchemaName } from "./validation";

/** One endpoint. */
export interface Route {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path template with `:name` parameters. */
  template: string;
  action: Action;
  /** Schema the JSON body must satisfy; routes without one ignore the body. */
  bodySchema?:
    "instanceOrgPost" | "instanceOrgPatch" | "instanceOrgMemberPost" | "instanceOrgMemberPatch";
  /** Schema of the 200 answer (checked without hypermedia), which may depend on the profile. */
  responseSchema: SchemaName | ((profile: SimulatorProfile) => SchemaName);
  prepare: Prepare;
  /** Whether a success changes state (and so is saved to the state file). */
  mutates: boolean;
}

const ORG = "/instances/:instanceId/orgs/:orgId";
const ORGS = "/instances/:instanceId/orgs";
const MEMBERS = `${ORG}/members`;
const MEMBER = `${MEMBERS}/:userId`;

/** Every endpoint of `shared/losant-api/README.md`, org members included. */
export const ROUTES: readonly Route[] = [
  route("GET", ORG, "instanceOrg.get", "instanceOrg", handlers.getOrg),
  route("PATCH", ORG, "instanceOrg.patch", "instanceOrg", handlers.patchOrg, "instanceOrgPatch"),
  route("DELETE", ORG, "instanceOrg.delete", "success", handlers.deleteOrg),
  route(
    "GET",
    `${ORG}/deviceCounts`,
    "instanceOrg.deviceCounts",
    "deviceCounts",
    handlers.getDeviceCounts,
  ),
  route(
    "GET",
    `${ORG}/notebookMinuteCounts`,
    "instanceOrg.notebookMinuteCounts",
    "notebookMinuteCounts",
    handlers.getNotebookMinuteCounts,
  ),
  route(
    "GET",
    `${ORG}/payloadCountsBreakdown`,
    "instanceOrg.payloadCountsBreakdown",
    "payloadCountsBreakdown",
    handlers.getPayloadCountsBreakdown,
  ),
  route(
    "POST",
    ORGS,
    "instanceOrgs.post",
    (profile) => (profile.createAnswer === "org" ? "org" : "instanceOrg"),
    handlers.createOrg,
    "instanceOrgPost",
  ),
  route("GET", ORGS, "instanceOrgs.get", "instanceOrgs", handlers.listOrgs),
  route("GET", MEMBERS, "instanceOrgMembers.get", "instanceOrgMembers", handlers.listMembers),
  route(
    "POST",
    MEMBERS,
    "instanceOrgMembers.post",
    "instanceOrgMember",
    handlers.addMember,
    "instanceOrgMemberPost",
  ),
  route("GET", MEMBER, "instanceOrgMember.get", "instanceOrgMember", handlers.getMember),
  route(
    "PATCH",
    MEMBER,
    "instanceOrgMember.patch",
    "instanceOrgMember",
    handlers.patchMember,
    "instanceOrgMemberPatch",
  ),
  route("DELETE", MEMBER, "instanceOrgMember.delete", "success", handlers.deleteMember),
];

function route(
  method: Route["method"],
  template: string,
  action: Action,
  responseSchema: Route["responseSchema"],
  prepare: Prepare,
  bodySchema?: Route["bodySchema"],
): Route {
  return {
    method,
    template,
    action,
    responseSchema,
    prepare,
    bodySchema,
    mutates: method !== "GET",
  };
}

/** The label of a route in the request log, such as `POST /instances/:instanceId/orgs`. */
export function routeLabel(route: Route): string {
  return `${route.method} ${route.template}`;
}

/** A matched route with the raw path parameters. */
export interface RouteMatch {
  route: Route;
  params: PathParams;
}

const compiled = ROUTES.map((r) => ({
  route: r,
  pattern: new RegExp(`^${r.template.replace(/:(\w+)/g, "(?<$1>[^/]+)")}$`),
}));

// A malformed escape stays as sent; the ID check then refuses it like any other bad ID.
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Finds the route for a method and path (query excluded).
 * @returns the match, or `undefined` when no route has this method and path.
 */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  for (const { route: r, pattern } of compiled) {
    if (r.method !== method) continue;
    const groups = pattern.exec(path)?.groups;
    if (!groups) continue;
    const params: PathParams = { instanceId: decodeSegment(groups.instanceId) };
    if (groups.orgId !== undefined) params.orgId = decodeSegment(groups.orgId);
    if (groups.userId !== undefined) params.userId = decodeSegment(groups.userId);
    return { route: r, params };
  }
  return undefined;
}
