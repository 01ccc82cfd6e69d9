/**
 * The Losant API client: typed calls, one error type, retries and timeouts. It imports
 * nothing of Pulumi so it can run anywhere.
 */
export * from "./client";
export type * from "./queries";
export type { ListAllOrgsQuery } from "./listAll";
export type { ListMembersQuery } from "./members";
export * from "./config";
export * from "./errors";
export type {
  FetchInit,
  FetchLike,
  FetchResponse,
  LosantClientOptions,
  RetryOptions,
} from "./options";
export type { RateGate } from "./rateGate";
export { ACTION_SCOPES, type LosantAction } from "./scopes";
export type * from "./types.generated";
