/** Runs Node scripts in fresh processes, the way the engine runs a provider: no shared state. */
import { spawn } from "node:child_process";

/** What a finished process printed. */
export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <args>` in `cwd` with `input` on stdin and `env` added to this process's
 * environment.
 *
 * @throws Error carrying stderr when the process exits with a non-zero code
 */
export function runNode(
  args: string[],
  options: { cwd: string; input?: string; env?: Record<string, string> },
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve({ code, stdout, stderr });
      else reject(new Error(`node ${args.join(" ")} exited with ${code}:\n${stderr}`));
    });
    child.stdin.end(options.input ?? "");
  });
}
