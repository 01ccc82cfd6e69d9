/** The path of an instance's org collection, below the API's base URL. */
export function orgsPath(instanceId: string): string {
  return `/instances/${encodeURIComponent(instanceId)}/orgs`;
}

/** The path of one org, below the API's base URL. */
export function orgPath(instanceId: string, orgId: string): string {
  return `${orgsPath(instanceId)}/${encodeURIComponent(orgId)}`;
}

/** `summaryInclude` as the query wants it: comma-separated, absent when empty. */
export function summaryQuery(fields: readonly string[] | undefined): { summaryInclude?: string } {
  return fields === undefined || fields.length === 0 ? {} : { summaryInclude: fields.join(",") };
}
