/**
 * What this process knows of Pulumi's dynamic provider host when it is one: the host runs
 * `@pulumi/pulumi/cmd/dynamic-provider` with the engine's address as its first argument.
 */

let pluginEngine: string | undefined;

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
