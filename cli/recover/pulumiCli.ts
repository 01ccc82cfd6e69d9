/**
 * The Pulumi CLI as recovery uses it: the `pulumi` on PATH, run in the project folder on the
 * selected stack, exactly as the user would type the commands.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { RecoverError } from "./errors";
import type { UntypedDeployment } from "./deployment";
import type { HistoryEntry } from "./history";

/** The stack operations recovery needs; tests may pass another implementation. */
export interface StackAccess {
  /** `pulumi stack export`: the state, secrets left encrypted. */
  exportStack(): Promise<UntypedDeployment>;
  /** `pulumi stack import`: replaces the state with `deployment`. */
  importStack(deployment: UntypedDeployment): Promise<void>;
  /** The stack's config values by full key (`losant:apiUrl`), secrets decrypted. */
  config(): Promise<Record<string, string>>;
  /** `pulumi stack history --json`: the operations the backend recorded. */
  history(): Promise<HistoryEntry[]>;
}

/** Where and how to run `pulumi`. */
export interface PulumiCliOptions {
  /** The project folder (default: the current directory). */
  cwd?: string;
  /** The environment (default: this process's), which carries the backend and passphrase. */
  env?: NodeJS.ProcessEnv;
  /** The CLI to run (default: `pulumi` from PATH). */
  command?: string;
}

/** {@link StackAccess} through the `pulumi` command. */
export class PulumiCli implements StackAccess {
  private readonly cwd: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly command: string;

  constructor(options: PulumiCliOptions = {}) {
    this.cwd = options.cwd ?? process.cwd();
    this.env = options.env ?? process.env;
    this.command = options.command ?? "pulumi";
  }

  async exportStack(): Promise<UntypedDeployment> {
    return JSON.parse(await this.run(["stack", "export"])) as UntypedDeployment;
  }

  async importStack(deployment: UntypedDeployment): Promise<void> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-losant-recover-"));
    const file = path.join(dir, "deployment.json");
    try {
      fs.writeFileSync(file, JSON.stringify(deployment));
      await this.run(["stack", "import", "--file", file]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  async config(): Promise<Record<string, string>> {
    // --show-secrets: the token goes from the CLI into this process only; it is never printed.
    const text = await this.run(["config", "--json", "--show-secrets"]);
    const entries = JSON.parse(text) as Record<string, { value?: unknown }>;
    return Object.fromEntries(
      Object.entries(entries)
        .filter(([, entry]) => typeof entry.value === "string")
        .map(([key, entry]) => [key, entry.value as string]),
    );
  }

  async history(): Promise<HistoryEntry[]> {
    return (JSON.parse(await this.run(["stack", "history", "--json"])) ?? []) as HistoryEntry[];
  }

  private run(args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        this.command,
        [...args, "--non-interactive"],
        { cwd: this.cwd, env: this.env, maxBuffer: 256 * 1024 * 1024 },
        (error, stdout, stderr) => {
          if (error === null) return resolve(stdout);
          reject(new RecoverError(failure(args, this.cwd, String(stderr).trim() || error.message)));
        },
      );
    });
  }
}

/** What a failed `pulumi` command means for the user, and what to do about it. */
function failure(args: readonly string[], cwd: string, detail: string): string {
  const command = `\`pulumi ${args.join(" ")}\` failed in ${cwd}: ${detail}`;
  if (/currently locked/.test(detail)) {
    return (
      `${command}\nThe stack is still locked by the run that was killed. If no other pulumi ` +
      "command is running on this stack, run `pulumi cancel --yes`, then `pulumi-losant recover` " +
      "again. Nothing was changed."
    );
  }
  return (
    `${command}\nRun it in the project folder with the stack selected ` +
    "(`pulumi stack select <name>`), with the backend and passphrase the stack needs."
  );
}
