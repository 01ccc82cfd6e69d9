/**
 * What the `losant` plugin's plain-CLI suites (YAML, TypeScript SDK, Go) share: the project
 * file that finds the plugin in the package the project installed, and the checks every
 * language must pass the same way.
 */
import fs from "node:fs";
import path from "node:path";
import type { Simulator } from "../../simulator";
import { writesSeen } from "./api";
import { PLAIN_CLI_TIMEOUT, projectEnv, type PlainProject } from "./plainCli";

/** `Pulumi.yaml` of a project of `runtime` that finds the plugin in `node_modules/.bin`. */
export function pluginProjectFile(name: string, runtime: string): string {
  return (
    `name: ${name}\nruntime: ${runtime}\n` +
    "plugins:\n  providers:\n    - name: losant\n      path: ./node_modules/.bin\n"
  );
}

/** The `plugins` entry of {@link pluginProjectFile}, for a project file written as data. */
export const PLUGIN_PROVIDERS = { providers: [{ name: "losant", path: "./node_modules/.bin" }] };

/**
 * The environment of a plugin suite's project: a file backend and PULUMI_HOME of its own in
 * `tmp`, `passphrase`, the simulator's URL and admin token as a CI job passes them, and `extra`.
 */
export function pluginProjectEnv(
  tmp: string,
  sim: Simulator,
  passphrase: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const backend = path.join(tmp, "backend");
  fs.mkdirSync(backend);
  return projectEnv(backend, path.join(tmp, "pulumi-home"), {
    PULUMI_CONFIG_PASSPHRASE: passphrase,
    LOSANT_API_URL: sim.url,
    LOSANT_API_TOKEN: sim.tokens.admin,
    ...extra,
  });
}

/** How a suite reaches its project and simulators, once they are set up. */
export interface PluginSuite {
  project(): PlainProject;
  /** The simulators the program writes to; none may see a write in these checks. */
  sims(): Simulator[];
  /** The stack's arguments, e.g. `["--stack", "dev"]`. */
  stack: string[];
}

/**
 * Registers the no-change checks: `preview --expect-no-changes`, and the same after a
 * refresh, each sending no write.
 */
export function itShowsNoChange(suite: PluginSuite): void {
  it(
    "preview --expect-no-changes passes, with and without --refresh, and sends no write",
    async () => {
      await suite.project().pulumi(["preview", ...suite.stack, "--expect-no-changes"]);
      await suite.project().pulumi(["preview", ...suite.stack, "--refresh", "--expect-no-changes"]);
      for (const sim of suite.sims()) expect(writesSeen(sim)).toEqual([]);
    },
    PLAIN_CLI_TIMEOUT,
  );
}

/**
 * Registers the invalid-input check: with the program `breakIt` writes, preview fails naming
 * `property`, before any write; `restore` puts the valid program back.
 */
export function itRejectsInvalidInput(
  suite: PluginSuite,
  property: string,
  breakIt: () => void,
  restore: () => void,
): void {
  it(
    "an invalid input fails at preview with its property path, before any write",
    async () => {
      breakIt();
      try {
        const result = await suite.project().pulumiMayFail(["preview", ...suite.stack]);
        expect(result.code).not.toBe(0);
        expect(result.stdout + result.stderr).toContain(property);
      } finally {
        restore();
      }
      for (const sim of suite.sims()) expect(writesSeen(sim)).toEqual([]);
    },
    PLAIN_CLI_TIMEOUT,
  );
}
