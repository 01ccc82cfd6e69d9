import { LosantApiError } from "./errors";
import { orgsPath, summaryQuery } from "./paths";
import type { AdvancedOrgQuery, ListOrgsQuery, SummaryOptions } from "./queries";
import type { ApiRequest } from "./request";
import type { InstanceOrg, InstanceOrgPost, InstanceOrgs } from "./types.generated";

/**
 * How far the server's clock may be behind ours when we match an org's `creationDate`
 * against the moment we sent the POST.
 */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Orgs of one exact name created within minutes: one page of this size in practice. */
const LOOKUP_PAGE_SIZE = 100;

/** One page of the instance's org list: all a create needs of the client besides sending. */
export type ListOrgsPage = (query: ListOrgsQuery) => Promise<InstanceOrgs>;

/**
 * The POST of a new org that is never applied twice. An attempt whose outcome is unknown is
 * settled by a lookup by name: one match created since the attempt is the org; none means the
 * POST never landed, and the retry loop sends it again; several are reported, since guessing
 * could adopt someone else's org.
 *
 * @param listOrgs - reads one page of the instance's org list (the lookup)
 */
export function createOrgRequest(
  instanceId: string,
  body: InstanceOrgPost,
  summary: SummaryOptions,
  listOrgs: ListOrgsPage,
): ApiRequest<InstanceOrg> {
  return {
    action: "instanceOrgs.post",
    method: "POST",
    path: orgsPath(instanceId),
    query: summaryQuery(summary.summaryInclude),
    body,
    settle: async (error, sentAt) => {
      const candidates = await findCreatedSince(
        listOrgs,
        body.name,
        sentAt - CLOCK_SKEW_MS,
        summary,
      ).catch((lookupError: unknown) => {
        throw unchecked(error, body.name, lookupError);
      });
      if (candidates.length > 1) throw ambiguous(error, candidates);
      return candidates[0];
    },
  };
}

/**
 * The orgs named exactly `name` created at or after `since`, newest first. The exact match is
 * the list's `query` (a glob `filter` could not match a name holding `*`, `?` or `[`). A server
 * may store the name trimmed, so the trimmed name matches too (see {@link storedNames}); the
 * comparisons here still hold if a server ignored it. The date is compared here rather than in
 * the query, whose date semantics the documentation does not settle; newest first, the pages
 * stop at the first org older than `since`, or at a second match, which is already ambiguous.
 */
async function findCreatedSince(
  listOrgs: ListOrgsPage,
  name: string,
  since: number,
  summary: SummaryOptions,
): Promise<InstanceOrg[]> {
  const found: InstanceOrg[] = [];
  for (let page = 0; ; page++) {
    const result = await listOrgs({
      query: exactNameQuery(name),
      sortField: "creationDate",
      sortDirection: "desc",
      page,
      perPage: LOOKUP_PAGE_SIZE,
      summaryInclude: summary.summaryInclude,
    });
    const items = (result.items ?? []) as InstanceOrg[];
    const recent = items.filter((org) => createdAt(org) >= since);
    found.push(...recent.filter((org) => storedNames(name).includes(org.name ?? "")));
    const olderReached = recent.length < items.length;
    if (items.length < LOOKUP_PAGE_SIZE || olderReached || found.length > 1) return found;
  }
}

/**
 * The names under which a server may have stored `name`: as sent, or trimmed (the Losant
 * documentation does not say whether it trims; a lookup missing the trimmed form would create
 * the org a second time).
 */
export function storedNames(name: string): string[] {
  return name.trim() === name ? [name] : [name, name.trim()];
}

/** The list query matching exactly the names under which `name` may be stored. */
export function exactNameQuery(name: string): AdvancedOrgQuery {
  const [only, ...more] = storedNames(name).map((stored) => ({ name: { $eq: stored } }));
  return more.length === 0 ? only : { $or: [only, ...more] };
}

function createdAt(org: InstanceOrg): number {
  return Date.parse(org.creationDate ?? "");
}

/**
 * The POST's fate is unknown and the lookup that would tell failed too: the org may exist
 * now, and Pulumi will not know it. Say so, so the next run does not create a second one.
 */
function unchecked(cause: LosantApiError, name: string, lookupError: unknown): LosantApiError {
  const reason = lookupError instanceof Error ? lookupError.message : String(lookupError);
  return new LosantApiError({
    status: undefined,
    type: "CreateOutcomeUnknown",
    apiMessage:
      `the create request for "${name}" got no clear answer (${cause.type}), and looking the org ` +
      `up failed too (${reason}). An org named "${name}" may exist now: look for it before ` +
      `running again, and adopt it with the orgId input if it does.`,
    action: "instanceOrgs.post",
    method: "POST",
    path: cause.path,
    attempts: cause.attempts,
    outcomeUnknown: true,
  });
}

function ambiguous(cause: LosantApiError, candidates: InstanceOrg[]): LosantApiError {
  const ids = candidates.map((org) => org.id).join(", ");
  return new LosantApiError({
    status: undefined,
    type: "CreateOutcomeUnknown",
    apiMessage:
      `the create request for "${candidates[0].name}" got no clear answer (${cause.type}), and ` +
      `${candidates.length} orgs of that name were created since: ${ids}. Adopt the right one ` +
      `with the orgId input, or delete the extra ones.`,
    action: "instanceOrgs.post",
    method: "POST",
    path: cause.path,
    attempts: cause.attempts,
    outcomeUnknown: true,
  });
}
