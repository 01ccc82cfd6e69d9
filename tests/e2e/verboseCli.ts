/**
 * The Pulumi CLI with verbose logging on, as a CI job runs it to debug a failure: a CLI root
 * whose `bin/pulumi` runs the real one with `-v=11 --logtostderr` before its arguments, and
 * whose other files (the dynamic provider launcher) are the real root's.
 */
import fs from "node:fs";
import path from "node:path";
import { cliRoot } from "./engine";
import { temporaryDir } from "./programDir";

/** The flags a CI job adds for the most verbose engine log, on stderr. */
export const VERBOSE_FLAGS = ["-v=11", "--logtostderr"];

/** Registers hooks making the verbose CLI root for the enclosing block; returns its path. */
export function useVerboseCli(): () => string {
  let root: string | undefined;
  beforeAll(() => {
    root = temporaryDir(undefined, "pulumi-losant-e2e-verbose-");
    const realBin = path.join(cliRoot!, "bin");
    const bin = path.join(root, "bin");
    fs.mkdirSync(bin);
    for (const file of fs.readdirSync(realBin)) {
      if (file !== "pulumi") fs.symlinkSync(path.join(realBin, file), path.join(bin, file));
    }
    // Global flags go before the command, so no argument after a `--` can swallow them.
    const script = `#!/bin/sh\nexec ${JSON.stringify(path.join(realBin, "pulumi"))} ${VERBOSE_FLAGS.join(" ")} "$@"\n`;
    fs.writeFileSync(path.join(bin, "pulumi"), script, { mode: 0o755 });
  });
  afterAll(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });
  return () => {
    if (!root) throw new Error("useVerboseCli: not ready (use it in a test)");
    return root;
  };
}
