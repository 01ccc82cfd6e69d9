import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { CONFIG_KEYS, resolveConnection, type LosantConnection } from "../../provider/losant";
import { ImportError } from "./errors";

/** Runs the `pulumi` CLI with `args` in `cwd` and resolves to its stdout. Injected in tests. */
export type PulumiRunner = (args: readonly string[], cwd: string) => Promise<string>;

/** The real `pulumi` on PATH. */
export const runPulumi: PulumiRunner = async (args, cwd) =>
  (await promisify(execFile)("pulumi", [...args], { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout;

/** Where the import runs: its environment and folder, and how it reaches the Pulumi CLI. */
export interface ImportContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  pulumi: PulumiRunner;
}

/** The connection and instance the import reads, settled from flags, environment and stack. */
export interface ImportTarget {
  connection: LosantConnection;
  instanceId: string;
}

/**
 * Settles the connection: `LOSANT_API_TOKEN` / `LOSANT_API_URL` when set, else, in a Pulumi
 * project folder, the stack's `losant:apiToken` / `losant:apiUrl` (read with
 * `pulumi config --json --show-secrets`, of `stack` or the selected one). The instance is
 * `--instance-id`, else `LOSANT_INSTANCE_ID`, else the stack's `losant-orgs:instanceId`.
 * The stack is read only when the environment leaves something unset.
 *
 * @throws ImportError when no instance ID is found, or the stack's config cannot be read
 * @throws LosantConfigError when no token is found or the URL is unsafe
 */
export async function settleTarget(
  context: ImportContext,
  instanceFlag: string | undefined,
  stack: string | undefined,
): Promise<ImportTarget> {
  const fromEnv = {
    token: context.env[CONFIG_KEYS.tokenEnv],
    url: context.env[CONFIG_KEYS.urlEnv],
    instanceId: instanceFlag ?? context.env.LOSANT_INSTANCE_ID,
  };
  const complete = fromEnv.token && fromEnv.url && fromEnv.instanceId;
  const config = complete ? {} : await stackConfig(context, stack);
  const connection = resolveConnection({
    token: fromEnv.token || config[CONFIG_KEYS.token],
    url: fromEnv.url || config[CONFIG_KEYS.url],
  });
  const instanceId = fromEnv.instanceId || config["losant-orgs:instanceId"];
  if (!instanceId) {
    throw new ImportError(
      "no instance ID: pass --instance-id ID (or set LOSANT_INSTANCE_ID, or " +
        "losant-orgs:instanceId in the stack's config)",
      2,
    );
  }
  return { connection, instanceId };
}

/** The stack's config values as strings, or nothing outside a Pulumi project folder. */
async function stackConfig(
  context: ImportContext,
  stack: string | undefined,
): Promise<Record<string, string | undefined>> {
  if (!fs.existsSync(path.join(context.cwd, "Pulumi.yaml"))) return {};
  const args = ["config", "--json", "--show-secrets", ...(stack ? ["--stack", stack] : [])];
  let text: string;
  try {
    text = await context.pulumi(args, context.cwd);
  } catch (err) {
    throw new ImportError(
      `could not read the stack's config with \`pulumi ${args.join(" ")}\` ` +
        `(${err instanceof Error ? err.message.split("\n")[0] : String(err)}); set ` +
        `${CONFIG_KEYS.tokenEnv} and ${CONFIG_KEYS.urlEnv} instead, or select a stack`,
    );
  }
  const values = JSON.parse(text) as Record<string, { value?: unknown }>;
  return Object.fromEntries(
    Object.entries(values).map(([key, entry]) => [
      key,
      typeof entry?.value === "string" ? entry.value : undefined,
    ]),
  );
}

/**
 * The stack whose file `--format yaml` writes: `--stack`, else the selected one.
 *
 * @throws ImportError when no stack is given or selected
 */
export async function stackName(context: ImportContext, flag: string | undefined): Promise<string> {
  if (flag) return flag;
  try {
    const name = (await context.pulumi(["stack", "--show-name"], context.cwd)).trim();
    if (name !== "") return name;
  } catch {
    // Reported below, with what to do.
  }
  throw new ImportError(
    "no stack selected: pass --stack NAME (or --out FILE), or run `pulumi stack select` first",
    2,
  );
}
