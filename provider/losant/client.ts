import { createOrgRequest } from "./createOrg";
import {
  addMemberRequest,
  memberPath,
  membersPath,
  patchMemberRequest,
  type ListMembersQuery,
} from "./members";
import { listAllOrgs, type ListAllOrgsQuery } from "./listAll";
import {
  resolveClientOptions,
  type LosantClientOptions,
  type ResolvedClientOptions,
} from "./options";
import { orgPath, orgsPath, summaryQuery } from "./paths";
import type { ListOrgsQuery, PayloadQuery, RangeQuery, SummaryOptions } from "./queries";
import { sendRequest, type ApiRequest } from "./request";
import type {
  DeviceCounts,
  InstanceOrg,
  InstanceOrgMember,
  InstanceOrgMemberPatch,
  InstanceOrgMemberPost,
  InstanceOrgMembers,
  InstanceOrgPatch,
  InstanceOrgPost,
  InstanceOrgs,
  NotebookMinuteCounts,
  PayloadCountsBreakdown,
  Success,
} from "./types.generated";

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
    const listPage = (query: ListOrgsQuery) => this.listOrgs(instanceId, query);
    return this.send(createOrgRequest(instanceId, body, options, listPage));
  }

  /**
   * `instanceOrgs.get`: one page of the org list; `query.query` is sent as URL-encoded JSON.
   * @throws LosantApiError
   */
  listOrgs(instanceId: string, query: ListOrgsQuery = {}): Promise<InstanceOrgs> {
    const { summaryInclude, query: advanced, ...rest } = query;
    return this.send({
      action: "instanceOrgs.get",
      method: "GET",
      path: orgsPath(instanceId),
      query: {
        ...rest,
        ...summaryQuery(summaryInclude),
        query: advanced === undefined ? undefined : JSON.stringify(advanced),
      },
    });
  }

  /**
   * `instanceOrgs.get` across all pages: every org the query selects, each once, oldest first.
   * @throws LosantApiError
   */
  listAllOrgs(instanceId: string, query: ListAllOrgsQuery = {}): Promise<InstanceOrg[]> {
    return listAllOrgs((page) => this.listOrgs(instanceId, page), query);
  }

  /** `instanceOrgMembers.get`: the org's members (one list, no pages). @throws LosantApiError */
  listMembers(
    instanceId: string,
    orgId: string,
    query: ListMembersQuery = {},
  ): Promise<InstanceOrgMembers> {
    return this.send({
      action: "instanceOrgMembers.get",
      method: "GET",
      path: membersPath(instanceId, orgId),
      query: { ...query },
    });
  }

  /**
   * `instanceOrgMembers.post`: adds a member by `userId` or by `email`, never twice. When the
   * outcome of the POST is unknown, it looks the member up before sending again.
   *
   * @throws LosantApiError (400 when the API refuses the member)
   */
  addMember(
    instanceId: string,
    orgId: string,
    body: InstanceOrgMemberPost,
  ): Promise<InstanceOrgMember> {
    const list = (query: ListMembersQuery) => this.listMembers(instanceId, orgId, query);
    return this.send(addMemberRequest(instanceId, orgId, body, list));
  }

  /** `instanceOrgMember.get`: one member. @throws LosantApiError (404 when not a member) */
  getMember(instanceId: string, orgId: string, userId: string): Promise<InstanceOrgMember> {
    return this.send({
      action: "instanceOrgMember.get",
      method: "GET",
      path: memberPath(instanceId, orgId, userId),
    });
  }

  /** `instanceOrgMember.patch`: changes the member's roles. @throws LosantApiError */
  patchMember(
    instanceId: string,
    orgId: string,
    userId: string,
    body: InstanceOrgMemberPatch,
  ): Promise<InstanceOrgMember> {
    return this.send(patchMemberRequest(instanceId, orgId, userId, body));
  }

  /** `instanceOrgMember.delete`. @throws LosantApiError (404 when not a member) */
  removeMember(instanceId: string, orgId: string, userId: string): Promise<Success> {
    return this.send({
      action: "instanceOrgMember.delete",
      method: "DELETE",
      path: memberPath(instanceId, orgId, userId),
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
    action: ApiRequest<T>["action"],
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

  /** One call through the shared retry and timeout machinery. */
  private send<T>(request: ApiRequest<T>): Promise<T> {
    return sendRequest<T>(this.options, request);
  }
}
