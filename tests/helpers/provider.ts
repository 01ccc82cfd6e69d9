/**
 * A provider wired to a simulator the way the engine wires it: `configure` with the stack's
 * `losant:apiToken` and `losant:apiUrl`.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import {
  createInstanceOrgProvider,
  type InstanceOrgInputs,
  type InstanceOrgOutputs,
} from "../../provider";
import type { Simulator } from "../../simulator";

/** A provider whose every method is present (the type marks them optional). */
export type Provider = Required<dynamic.ResourceProvider<InstanceOrgInputs, InstanceOrgOutputs>>;

/**
 * Creates a provider and configures it against `sim` with `token` (the admin token by
 * default), as the dynamic provider host would from stack config.
 */
export async function configuredProvider(
  sim: Simulator,
  token: string = sim.tokens.admin,
): Promise<Provider> {
  const provider = createInstanceOrgProvider() as Provider;
  await configure(provider, { "losant:apiToken": token, "losant:apiUrl": sim.url });
  return provider;
}

/** Runs `configure` with the given stack config values. */
export async function configure(
  provider: Provider,
  values: Record<string, string | undefined>,
): Promise<void> {
  await provider.configure({
    config: { get: (key: string) => values[key], require: (key: string) => values[key] ?? "" },
  });
}
