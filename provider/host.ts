/**
 * What this process knows of Pulumi's dynamic provider host when it is one: the host runs
 * `@pulumi/pulumi/cmd/dynamic-provider` with the engine's address as its first argument.
 */

import { AsyncLocalStorage } from "node:async_hooks";
import { processLocal } from "./processLocal";

let pluginEngine: string | undefined;

// Process-local, made on first use: a live object must never be serialized with a provider.
const URN_KEY = "resourceUrn";
function resourceUrn(): AsyncLocalStorage<string> {
  return processLocal(URN_KEY, () => new AsyncLocalStorage<string>());
}

/**
 * Runs `step` on behalf of the resource `urn`: the notes and warnings it sends are shown on
 * that resource. The plugin knows each request's URN; the dynamic provider host passes none.
 */
export function onBehalfOf<T>(urn: string, step: () => T): T {
  return resourceUrn().run(urn, step);
}

/** The URN of the resource the current step runs for, or "" (shown under the stack). */
export function currentUrn(): string {
  return resourceUrn().getStore() ?? "";
}

/**
 * Records the engine's address when this process is the `losant` provider plugin, so the
 * steps' notes and warnings reach the engine as they do from the dynamic provider host.
 */
export function setPluginEngineAddress(address: string): void {
  pluginEngine = address;
}

/**
 * The engine's address when this process is Pulumi's dynamic provider host or the `losant`
 * plugin, else undefined.
 */
export function hostEngineAddress(argv: readonly string[] = process.argv): string | undefined {
  if (pluginEngine !== undefined) return pluginEngine;
  const [, entry, address] = argv;
  if (!/[\\/]cmd[\\/]dynamic-provider([\\/]|$)/.test(entry ?? "")) return undefined;
  return /^[\w.[\]:-]+:\d+$/.test(address ?? "") ? address : undefined;
}
