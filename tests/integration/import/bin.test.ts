// The `pulumi-losant` bin as a user runs it (the built dist/cli/main.js in a process of its
// own): `import` exits 0 with its report, and an error is one line on stderr naming what to
// fix, with exit code 1 (2 for a wrong command line), never a stack trace or the token.
// @profile-independent: the bin's exit codes and messages do not depend on the profile; runs under the default profile only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runNode } from "../../helpers/process";
import { useSimulator } from "../../helpers/simulator";

const sim = useSimulator();
const BIN = path.resolve(__dirname, "../../../dist/cli/main.js");
let cwd: string;

beforeEach(() => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-losant-bin-"));
});

afterEach(() => fs.rmSync(cwd, { recursive: true, force: true }));

/** Runs the bin; resolves to its exit code and output whatever the code. */
async function bin(args: string[]) {
  const env = { LOSANT_API_URL: sim().url, LOSANT_API_TOKEN: sim().tokens.admin };
  return runNode([BIN, ...args], { cwd, env }).catch((err: Error) => {
    const code = Number(/exited with (\d+)/.exec(err.message)?.[1]);
    return { code, stdout: "", stderr: err.message.slice(err.message.indexOf("\n") + 1) };
  });
}

it("writes a TypeScript module and says what to do next", async () => {
  const { code, stdout } = await bin(["import", "--instance-id", sim().instanceId]);
  expect(code).toBe(0);
  expect(stdout).toContain("to orgs.ts.");
  expect(stdout).toContain('add `import "./orgs";` to your program');
  expect(stdout).toContain("pulumi preview --expect-no-changes");
  expect(fs.existsSync(path.join(cwd, "orgs.ts"))).toBe(true);
});

it("exits 1 with one line naming an unknown instance, without the token", async () => {
  const missing = "0123456789abcdef01234567";
  const { code, stderr } = await bin(["import", "--instance-id", missing, "--stack", "dev"]);
  expect(code).toBe(1);
  expect(stderr.trim().split("\n")).toEqual([
    expect.stringMatching(`^pulumi-losant import: instance ${missing} was not found at`),
  ]);
  expect(stderr).not.toContain(sim().tokens.admin);
});

it("exits 2 for an unknown command", async () => {
  const { code, stderr } = await bin(["frobnicate"]);
  expect(code).toBe(2);
  expect(stderr).toContain('unknown command "frobnicate"');
});
