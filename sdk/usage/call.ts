import { settleConnection, type LosantConnectionOptions } from "../config";
import type { LosantClient } from "../../provider/losant/client";
import { shareInFlight } from "./inflight";

/**
 * Sends one read through a client for the settled connection, sharing it with identical
 * calls in flight. Each caller gets its own copy of the answer, so one caller changing its
 * result cannot change another's.
 *
 * @param options - connection overrides; the rest comes from stack config and environment
 * @param request - the action and its normalized arguments: equal for identical calls
 * @param send - the client call
 * @throws LosantConfigError when the connection cannot be settled (no token, unsafe URL)
 * @throws LosantApiError when the API call fails
 */
export async function sharedRead<T>(
  options: LosantConnectionOptions | undefined,
  request: readonly unknown[],
  send: (client: LosantClient) => Promise<T>,
): Promise<T> {
  const { client, key } = settleConnection(options);
  const answer = await shareInFlight(`${key}|${JSON.stringify(request)}`, () => send(client));
  return structuredClone(answer);
}
