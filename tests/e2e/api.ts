/**
 * The simulator seen from outside Pulumi: changes made to its orgs through its HTTP API with
 * the admin token, out of band (what a person or another tool does while the stack is not
 * looking), and the writes it saw.
 */
import type { Simulator } from "../../simulator";

async function send(
  sim: Simulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ id?: string }> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${sim.tokens.admin}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status !== 200) {
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as { id?: string };
}

/** Creates an org in the simulator's seeded instance; returns its ID. */
export async function createOrg(sim: Simulator, body: Record<string, unknown>): Promise<string> {
  const org = await send(sim, "POST", `/instances/${sim.instanceId}/orgs`, body);
  return org.id!;
}

/** PATCHes an org of the simulator's seeded instance. */
export async function patchOrg(
  sim: Simulator,
  orgId: string,
  body: Record<string, unknown>,
): Promise<void> {
  await send(sim, "PATCH", `/instances/${sim.instanceId}/orgs/${orgId}`, body);
}

/** Deletes an org of the simulator's seeded instance. */
export async function deleteOrg(sim: Simulator, orgId: string): Promise<void> {
  await send(sim, "DELETE", `/instances/${sim.instanceId}/orgs/${orgId}`);
}

/** The write requests (anything but GET) the simulator saw since the test began, in order. */
export function writesSeen(sim: Simulator): string[] {
  return sim.requests.entries
    .filter((entry) => entry.method !== "GET")
    .map((entry) => entry.route ?? `${entry.method} ${entry.path}`);
}

/** The names of the orgs of every instance of the simulator, sorted. */
export function orgNames(sim: Simulator): string[] {
  return sim
    .orgs()
    .map((org) => org.name)
    .sort();
}
