/**
 * The usage functions: read an org, its members and its usage (device counts, notebook minutes, payload
 * counts) from a Pulumi program, each as `getX(args, opts?)` returning a Promise and
 * `getXOutput(args, opts?)` taking Inputs and returning an Output.
 */
export * from "./getInstanceOrg";
export * from "./getInstanceOrgMembers";
export * from "./getDeviceCounts";
export * from "./getNotebookMinuteCounts";
export * from "./getPayloadCountsBreakdown";
export type { LosantConnectionOptions } from "../config";
export { LosantArgumentError, isLosantArgumentError } from "./argumentError";
export type { OrgArgs, RangeArgs } from "./rangeArgs";
export type * from "./results";
export {
  DAY_MS,
  HOUR_MS,
  DEFAULT_WINDOW_MS,
  type Resolution,
  type ResolutionName,
  type TimeInput,
} from "./time";
export { deviceTotals, notebookTotals, payloadTotals } from "./totals";
