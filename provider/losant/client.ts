import { createOrgOnce } from "./createOrg";
import {
  resolveClientOptions,
  type LosantClientOptions,
  type ResolvedClientOptions,
} from "./options";
import { orgPath, orgsPath, summaryQuery } from "./paths";
import { sendRequest, type ApiRequest } from "./request";
import type {
  DeviceCounts,
  InstanceOrg,
  InstanceOrgPatch,
  InstanceOrgPost,
  InstanceOrgs,
  NotebookMinuteCounts,
  PayloadCountsBreakdown,
  Success,
} from "./types.generated";

/** `summaryInclude`: which fields of the org's `summary` the server should compute. */
export interface SummaryOptions {
  summaryInclude?: readonly string[];
}

/** A time range in ms since the epoch; an absent `end` means now. */
export interface RangeQuery {
  start?: number;
  end?: number;
}

/** Query of the payload breakdown; `resolution` is 86400000 (day) or 3600000 (hour). */
export interface PayloadQuery extends RangeQuery {
  resolution?: 86400000 | 3600000;
  asBytes?: boolean;
  includeNonBillable?: boolean;
}

/** Query of the org list. `filter` is a glob on `filterField`. */
export interface ListOrgsQuery extends SummaryOptions {
  sortField?: "name" | "id" | "creationDate" | "lastUpdated";
  sortDirection?: "asc" | "desc";
  page?: number;
  perPage?: number;
  filterField?: "name";
  filter?: string;
}

/**
 * Typed calls for the instance organization endpoints of the Losant API. Every method sends
 * real HTTP through the configured `fetch`, retries what is safe to retry, and throws
 * {@link LosantApiError} on failure. It holds no Pulumi types: it is usable on its own.
 */
export class LosantClient {
  private readonly options: ResolvedClientOptions;

  /** @param options - token, base URL, and optional transport, timeout and retry settings */
  constructor(options: LosantClientOptions) {
    this.options = resolveClientOptions(options);
  }

  /** `instanceOrg.get`: one org. @throws LosantApiError (404 when it does not exist) */
  getOrg(instanceId: string, orgId: string, options: SummaryOptions = {}): Promise<InstanceOrg> {
    return this.send({
      action: "instanceOrg.get",
      method: "GET",
      path: orgPath(instanceId, orgId),
      query: summaryQuery(options.summaryInclude),
    });
  }

  /** `instanceOrg.patch`: changes the given fields; the answer is the whole org. @throws LosantApiError */
  patchOrg(
    instanceId: string,
    orgId: string,
    body: InstanceOrgPatch,
    options: SummaryOptions = {},
  ): Promise<InstanceOrg> {
    return this.send({
      action: "instanceOrg.patch",
      method: "PATCH",
      path: orgPath(instanceId, orgId),
      query: summaryQuery(options.summaryInclude),
      body,
    });
  }

  /** `instanceOrg.delete`. @throws LosantApiError (404 when it is already gone) */
  deleteOrg(instanceId: string, orgId: string): Promise<Success> {
    return this.send({
      action: "instanceOrg.delete",
      method: "DELETE",
      path: orgPath(instanceId, orgId),
    });
  }

  /**
   * `instanceOrgs.post`: creates an org, never twice. When the outcome of the POST is unknown
   * (timeout, dropped connection, 5xx), it looks the org up by name before sending again.
   *
   * @throws LosantApiError, including type `CreateOutcomeUnknown` when several orgs could be
   *   the one just created
   */
  createOrg(
    instanceId: string,
    body: InstanceOrgPost,
    options: SummaryOptions = {},
  ): Promise<InstanceOrg> {
    return createOrgOnce(this, this.options, instanceId, body, options);
  }

  /** `instanceOrgs.get`: one page of the org list. @throws LosantApiError */
  listOrgs(instanceId: string, query: ListOrgsQuery = {}): Promise<InstanceOrgs> {
    const { summaryInclude, ...rest } = query;
    return this.send({
      action: "instanceOrgs.get",
      method: "GET",
      path: orgsPath(instanceId),
      query: { ...rest, ...summaryQuery(summaryInclude) },
    });
  }

  /** `instanceOrg.deviceCounts`: device counts per day. @throws LosantApiError */
  deviceCounts(instanceId: string, orgId: string, range: RangeQuery = {}): Promise<DeviceCounts> {
    return this.usage("instanceOrg.deviceCounts", "deviceCounts", instanceId, orgId, range);
  }

  /** `instanceOrg.notebookMinuteCounts`: notebook minutes per day. @throws LosantApiError */
  notebookMinuteCounts(
    instanceId: string,
    orgId: string,
    range: RangeQuery = {},
  ): Promise<NotebookMinuteCounts> {
    const action = "instanceOrg.notebookMinuteCounts";
    return this.usage(action, "notebookMinuteCounts", instanceId, orgId, range);
  }

  /** `instanceOrg.payloadCountsBreakdown`: payloads per day or hour. @throws LosantApiError */
  payloadCountsBreakdown(
    instanceId: string,
    orgId: string,
    query: PayloadQuery = {},
  ): Promise<PayloadCountsBreakdown> {
    const action = "instanceOrg.payloadCountsBreakdown";
    return this.usage(action, "payloadCountsBreakdown", instanceId, orgId, query);
  }

  private usage<T>(
    action: ApiRequest["action"],
    leaf: string,
    instanceId: string,
    orgId: string,
    query: RangeQuery | PayloadQuery,
  ): Promise<T> {
    return this.send({
      action,
      method: "GET",
      path: `${orgPath(instanceId, orgId)}/${leaf}`,
      query: { ...query },
    });
  }

  /** @internal one call through the shared retry and timeout machinery */
  send<T>(request: ApiRequest): Promise<T> {
    return sendRequest<T>(this.options, request);
  }
}
