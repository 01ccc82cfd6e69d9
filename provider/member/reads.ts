/**
 * Member reads the engine asks for together (a refresh reads every member at once) share one
 * list request per org: the member list has no pages, so one request answers every member of
 * the org. A lone read is a GET.
 */
import { connectedClient } from "../connection";
import type { LosantClient } from "../losant/client";
import { LosantApiError, isLosantApiError } from "../losant/errors";
import { findMember, memberPath } from "../losant/members";
import type { InstanceOrgMember } from "../losant/types.generated";
import { processLocal } from "../processLocal";

/** One member to read. */
export interface MemberRead {
  instanceId: string;
  orgId: string;
  userId: string;
}

interface Pending {
  read: MemberRead;
  resolve(member: InstanceOrgMember): void;
  reject(err: unknown): void;
}

/**
 * Reads members, batched per org: reads that arrive while the org's previous request is in
 * flight, or in the same turn of the event loop, go out together as one list request. A read
 * of a user the list does not hold fails as a GET would, with a 404 {@link LosantApiError}.
 * A token that may read members one by one but not list them (403 on the list) gets a GET each.
 */
export class MemberReadBatcher {
  private readonly queues = new Map<string, Pending[]>();
  private readonly busy = new Set<string>();

  /** @param client - the client to send with, asked for at each send */
  constructor(private readonly client: () => LosantClient) {}

  /**
   * Reads one member.
   *
   * @throws LosantApiError (404 when the user is not a member of the org), and whatever the
   *   client factory throws
   */
  read(read: MemberRead): Promise<InstanceOrgMember> {
    return new Promise((resolve, reject) => {
      const key = `${read.instanceId}/${read.orgId}`;
      const queue = this.queues.get(key) ?? [];
      queue.push({ read, resolve, reject });
      this.queues.set(key, queue);
      if (this.busy.has(key)) return;
      this.busy.add(key);
      setImmediate(() => void this.flush(key));
    });
  }

  private async flush(key: string): Promise<void> {
    const batch = this.queues.get(key) ?? [];
    this.queues.delete(key);
    try {
      await this.send(batch);
    } catch (err) {
      for (const pending of batch) pending.reject(err);
    }
    if (this.queues.has(key)) setImmediate(() => void this.flush(key));
    else this.busy.delete(key);
  }

  private async send(batch: Pending[]): Promise<void> {
    const client = this.client();
    const { instanceId, orgId } = batch[0].read;
    if (batch.length > 1) {
      try {
        const list = await client.listMembers(instanceId, orgId);
        for (const pending of batch) {
          const member = findMember(list, { userId: pending.read.userId });
          if (member !== undefined) pending.resolve(member);
          else pending.reject(notAMember(pending.read));
        }
        return;
      } catch (err) {
        if (!isLosantApiError(err) || err.status !== 403) throw err;
      }
    }
    await Promise.all(
      batch.map(({ read, resolve, reject }) =>
        client.getMember(read.instanceId, read.orgId, read.userId).then(resolve, reject),
      ),
    );
  }
}

/** What a GET of a user the org's list does not hold would have answered. */
function notAMember(read: MemberRead): LosantApiError {
  return new LosantApiError({
    status: 404,
    type: "NotFound",
    apiMessage: `user ${read.userId} is not in the member list of org ${read.orgId}`,
    action: "instanceOrgMember.get",
    method: "GET",
    path: memberPath(read.instanceId, read.orgId, read.userId),
    attempts: 1,
    outcomeUnknown: false,
  });
}

/**
 * The process's member reads, batched, sent through the configured client (see
 * `connection.ts`); process-local, so no queue is ever serialized with the provider.
 */
export function memberReads(): MemberReadBatcher {
  return processLocal("memberReads", () => new MemberReadBatcher(connectedClient));
}
