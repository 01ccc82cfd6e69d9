/**
 * A stack whose operations can be stopped the hard way, as a cancelled CI job stops them: the
 * operation's whole process group (the program, the Pulumi CLI, the provider plugins) is sent
 * SIGKILL, so nothing gets to clean up. Besides the operations of {@link EngineStack}, it runs
 * plain `pulumi` commands and `pulumi-losant recover` in the stack's project folder, with the
 * stack selected, as a user would after such a job.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Simulator } from "../../simulator";
import {
  cliRoot,
  EngineStack,
  useEngineStack,
  type EngineStackOptions,
  type ProgramSpec,
} from "./engine";
import type { ProgramDir } from "./programDir";

const ROOT = path.resolve(__dirname, "../..");
const DRIVER = path.join(__dirname, "driver.js");
const RECOVER = path.join(ROOT, "dist/cli/main.js");

/** What a finished command printed. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** An operation running in a process group of its own. */
export interface RunningOperation {
  /** SIGKILL to every process of the operation at once. */
  kill(): void;
  /** Settles when the driver process has gone, however it ended. */
  ended: Promise<CommandResult>;
}

/** A stack with hard stops, plain CLI commands and recovery; see the file's comment. */
export class HardStopStack extends EngineStack {
  constructor(private readonly settings: EngineStackOptions) {
    super(settings);
  }

  /** The environment of every command: the CLI first on PATH, the stack's backend and passphrase. */
  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      PATH: `${path.join(this.settings.cliRoot, "bin")}${path.delimiter}${process.env.PATH}`,
      PULUMI_BACKEND_URL: `file://${this.settings.backendDir}`,
      PULUMI_CONFIG_PASSPHRASE: this.settings.passphrase,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      ...extra,
    };
  }

  /** Starts `up` or `destroy` of `spec` in a new process group, to be killed with {@link RunningOperation.kill}. */
  start(
    op: "up" | "destroy",
    spec: ProgramSpec,
    env: Record<string, string> = {},
  ): RunningOperation {
    const { workDir, program, stackName } = this.settings;
    const request = {
      cliRoot: this.settings.cliRoot,
      workDir,
      sdk: program.sdk,
      stackName,
      projectName: `e2e-${stackName}`,
      envVars: { ...this.env(env) },
      program: spec,
      operation: { op },
    };
    const child = spawn(process.execPath, [DRIVER], {
      cwd: workDir,
      env: this.env(env),
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
    });
    child.stdin.end(JSON.stringify(request));
    return {
      kill: () => {
        process.kill(-child.pid!, "SIGKILL");
        // The engine starts each plugin in a process group of its own, so the group kill
        // misses the provider plugins; a lost runner takes them down too.
        killProcessesIn(workDir);
        // That took down the stack's own driver process too (its folder is the stack's):
        // forget it now, before its exit is seen, so the next operation starts a new one.
        this.restartProcess();
      },
      ended: collect(child),
    };
  }

  /** A plain `pulumi` command in the project folder, on the selected stack. */
  pulumi(args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
    return this.command("pulumi", args, env);
  }

  /** `pulumi-losant recover` in the project folder (the compiled bin, `npm run build` first). */
  recover(env: Record<string, string> = {}): Promise<CommandResult> {
    return this.command(process.execPath, [RECOVER, "recover"], env);
  }

  private command(
    file: string,
    args: string[],
    env: Record<string, string>,
  ): Promise<CommandResult> {
    const child = spawn(file, args, { cwd: this.settings.workDir, env: this.env(env) });
    child.stdin.end();
    return collect(child);
  }
}

function collect(child: ReturnType<typeof spawn>): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk) => (stdout += chunk));
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Polls `condition` every 50 ms until it holds; fails after `timeoutMs`. */
export async function waitUntil(
  what: string,
  condition: () => boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Registers jest hooks giving one configured {@link HardStopStack} for the enclosing block
 * (see `useEngineStack`); `root` is the CLI's root (by default the one the suite found).
 */
export function useHardStopStack(
  sim: () => Simulator,
  program: () => ProgramDir,
  root: () => string = () => cliRoot!,
): () => HardStopStack {
  return useEngineStack(
    sim,
    program,
    (options) => new HardStopStack({ ...options, cliRoot: root() }),
  );
}

/**
 * SIGKILLs every process whose working directory is `dir` or below it: the plugins the
 * engine started for a stack there. Linux only (`/proc`); elsewhere it does nothing.
 */
function killProcessesIn(dir: string): void {
  if (!fs.existsSync("/proc")) return;
  for (const entry of fs.readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let cwd: string;
    try {
      cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      continue; // gone already, or not ours to read
    }
    if (cwd !== dir && !cwd.startsWith(`${dir}${path.sep}`)) continue;
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone between the read and the kill
    }
  }
}
