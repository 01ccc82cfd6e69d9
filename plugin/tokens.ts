/** The `losant` package's name and the type tokens of its resources and functions. */

/** The package (and plugin) name: `pulumi-resource-losant`, `losant:index:*`. */
export const PACKAGE = "losant";

/** Resource type tokens, by resource name. */
export const RESOURCE_TOKENS = {
  InstanceOrg: `${PACKAGE}:index:InstanceOrg`,
  InstanceOrgMember: `${PACKAGE}:index:InstanceOrgMember`,
} as const;

/** Function tokens, by function name. */
export const FUNCTION_TOKENS = {
  getInstanceOrg: `${PACKAGE}:index:getInstanceOrg`,
  getInstanceOrgs: `${PACKAGE}:index:getInstanceOrgs`,
  getInstanceOrgMembers: `${PACKAGE}:index:getInstanceOrgMembers`,
  getDeviceCounts: `${PACKAGE}:index:getDeviceCounts`,
  getNotebookMinuteCounts: `${PACKAGE}:index:getNotebookMinuteCounts`,
  getPayloadCountsBreakdown: `${PACKAGE}:index:getPayloadCountsBreakdown`,
} as const;
