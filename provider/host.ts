/**
 * What this process knows of Pulumi's dynamic provider host when it is one: the host runs
 * `@pulumi/pulumi/cmd/dynamic-provider` with the engine's address as its first argument.
 */

/** The engine's address when this process is Pulumi's dynamic provider host, else undefined. */
export function hostEngineAddress(argv: readonly string[] = process.argv): string | undefined {
  const [, entry, address] = argv;
  if (!/[\\/]cmd[\\/]dynamic-provider([\\/]|$)/.test(entry ?? "")) return undefined;
  return /^[\w.[\]:-]+:\d+$/.test(address ?? "") ? address : undefined;
}
