/** What the provider's integration tests share: inputs for a new org, and the requests seen. */
import type { InstanceOrgInputs } from "../../../provider";
import type { Simulator } from "../../../simulator";

/** Inputs of a new org in the simulator's instance, under a fresh name, with `extra` over. */
export function orgInputs(
  sim: Simulator,
  extra: Partial<InstanceOrgInputs> = {},
): InstanceOrgInputs {
  return {
    instanceId: sim.instanceId,
    name: `org-${Math.random().toString(36).slice(2, 8)}`,
    ...extra,
  };
}

/** The simulator's request log as "METHOD route" lines, in order. */
export function callsSeen(sim: Simulator): string[] {
  return sim.requests.entries.map((entry) => entry.route ?? `${entry.method} ${entry.path}`);
}
