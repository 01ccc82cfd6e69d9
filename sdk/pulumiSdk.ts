import type * as pulumi from "@pulumi/pulumi";

/**
 * `@pulumi/pulumi`, loaded on first use. The `losant` provider plugin imports the usage
 * functions for their Promise forms and never calls what needs the Pulumi runtime; loading
 * it eagerly (it loads the TypeScript compiler, among others) was three quarters of the
 * plugin's start, which the engine pays on every operation: about 0.6 s of CPU.
 *
 * @returns the `@pulumi/pulumi` module the caller's program resolves
 * @throws Error (MODULE_NOT_FOUND) when `@pulumi/pulumi`, a peer dependency, is not installed
 */
export function pulumiSdk(): typeof pulumi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("@pulumi/pulumi") as typeof pulumi;
}
