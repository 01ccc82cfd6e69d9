/**
 * The plain `pulumi` binary in a project folder, as a user or a CI job runs it: the CLI starts
 * `pulumi-language-nodejs`, which runs the program through `@pulumi/pulumi`'s Node runtime
 * from the folder's own `node_modules` (the engine suite runs inline programs instead).
 *
 * ```ts
 * describePlainCli("examples/basic", () => {
 *   const project = usePlainProject(() => copyExample("basic"), () => ({ ... }));
 *   it("previews", async () => { await project().pulumi(["preview"]); });
 * });
 * ```
 */
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { cli, describeUnlessMissing } from "./engine";
import { seededInstall } from "./installSeeds";
import { temporaryDir } from "./programDir";

const ROOT = path.resolve(__dirname, "../..");
const exec = promisify(execFile);

/** Per-test timeout: one pulumi command runs the program, type-checking it with ts-node. */
export const PLAIN_CLI_TIMEOUT = 300_000;

/** The `@pulumi/pulumi` this repository develops against; the CLI is built at the same one. */
export const PULUMI_SDK = `@pulumi/pulumi@${
  JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/@pulumi/pulumi/package.json"), "utf8"))
    .version
}`;

/** What the suite needs and is not at hand, if anything. */
const missing =
  cli === undefined
    ? "no Pulumi CLI was found on PATH or in the cache"
    : cli.languagePluginPath === undefined
      ? `no pulumi-language-nodejs beside the Pulumi CLI in ${cli.binDir}`
      : undefined;

/** `describe` when the CLI and its language host are at hand; see describeUnlessMissing. */
export function describePlainCli(title: string, body: () => void): void {
  describeUnlessMissing(missing, title, body);
}

/** What a finished command printed. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to its end with `input` on stdin; never rejects on an exit code (the caller
 * asserts it).
 * @throws Error (rejects) when the command cannot be started
 */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; input?: string },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const { cwd, env, input } = options;
    const child = spawn(command, args, { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
    child.stdin.end(input ?? "");
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** A Pulumi project folder with a file backend, a passphrase and an environment of its own. */
export class PlainProject {
  private output = "";

  /**
   * @param dir - the folder holding `Pulumi.yaml`
   * @param env - the whole environment of every command: the CLI's bin dir first on PATH,
   *   the backend, the passphrase, the Losant settings
   */
  constructor(
    readonly dir: string,
    readonly env: Record<string, string>,
  ) {}

  /** Everything every command printed so far, for a failure's message. */
  get log(): string {
    return this.output;
  }

  /**
   * Runs `pulumi <args> --non-interactive` in the folder, with `input` on stdin (how a secret
   * is passed to `pulumi config set --secret <key>` without putting it on a command line) and
   * `env` added to the project's environment for this command only.
   * @throws Error carrying the command's output when it exits non-zero
   */
  async pulumi(
    args: string[],
    input?: string,
    env: Record<string, string> = {},
  ): Promise<CommandResult> {
    const result = await this.pulumiMayFail(args, input, env);
    if (result.code !== 0) {
      throw new Error(
        `pulumi ${args.join(" ")} exited ${result.code}:\n${result.stdout}\n${result.stderr}`,
      );
    }
    return result;
  }

  /**
   * Runs `pulumi <args> --non-interactive` in the folder, whatever its exit code; `env` adds
   * to the project's environment for this command only.
   */
  async pulumiMayFail(
    args: string[],
    input?: string,
    env: Record<string, string> = {},
  ): Promise<CommandResult> {
    const shown = Object.entries(env).map(([key, value]) => `${key}=${value} `);
    return this.record(`${shown.join("")}pulumi ${args.join(" ")}`, () =>
      runCommand(cli!.pulumiPath, [...args, "--non-interactive"], {
        cwd: this.dir,
        env: { ...this.env, ...env },
        input,
      }),
    );
  }

  /** Runs a bash script in the folder, as a CI step's `run:` does (`bash -e`). */
  async bash(script: string, env: Record<string, string> = {}): Promise<CommandResult> {
    return this.record(script, () =>
      runCommand("bash", ["-e", "-c", script], { cwd: this.dir, env: { ...this.env, ...env } }),
    );
  }

  /** Every file of the file backend (state, backups, history), as one text. */
  backendText(): string {
    const dir = this.env.PULUMI_BACKEND_URL.slice("file://".length);
    return (fs.readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[])
      .map((file) => path.join(dir, file))
      .filter((file) => fs.statSync(file).isFile())
      .map((file) => fs.readFileSync(file, "utf8"))
      .join("\n");
  }

  private async record(what: string, run: () => Promise<CommandResult>): Promise<CommandResult> {
    const result = await run();
    this.output += `$ ${what}\n${result.stdout}${result.stderr}(exit ${result.code})\n`;
    return result;
  }
}

/** The environment of a project: the CLI's, without any Losant or Pulumi backend settings. */
export function projectEnv(
  backendDir: string,
  pulumiHome: string,
  extra: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(cli!.env)) {
    // A developer's own token, backend or stack must not leak into the suite.
    if (/^(LOSANT_|PULUMI_(BACKEND_URL|CONFIG_PASSPHRASE|ACCESS_TOKEN|STACK))/.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    // `pulumi login` records the backend in PULUMI_HOME: keep that out of the user's ~/.pulumi.
    PULUMI_HOME: pulumiHome,
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    ...extra,
  };
}

async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await exec("npm", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/**
 * `npm pack` of this repository into `destination` (`npm run build` first: `--ignore-scripts`
 * keeps `prepack` from rebuilding dist/ under other tests' feet).
 * @returns the tarball's path, e.g. `<destination>/pulumi-losant-0.1.0.tgz`
 */
export async function packRepository(destination: string): Promise<string> {
  const out = await npm(
    ["pack", ROOT, "--ignore-scripts", "--json", "--pack-destination", destination],
    ROOT,
  );
  return path.join(destination, (JSON.parse(out) as Array<{ filename: string }>)[0].filename);
}

/**
 * Copies `examples/<name>` into `parent` and installs the package there from `tarball` the way
 * the examples' README says (`npm install ./pulumi-losant-<version>.tgz`, the tarball copied in),
 * with `@pulumi/pulumi` at the version the CLI was built at. The user's npm cache serves what
 * this repository installed already, and an earlier install of the same in this run seeds the
 * tree (installSeeds.ts).
 * @returns the copy's folder
 */
export async function installExample(
  name: string,
  parent: string,
  tarball: string,
): Promise<string> {
  const dir = path.join(parent, name);
  fs.cpSync(path.join(ROOT, "examples", name), dir, {
    recursive: true,
    filter: (source) => path.basename(source) !== "node_modules",
  });
  fs.copyFileSync(tarball, path.join(dir, path.basename(tarball)));
  const specs = [`./${path.basename(tarball)}`, PULUMI_SDK];
  await seededInstall(dir, specs, async () => {
    await npm(["install", "--no-audit", "--no-fund", "--prefer-offline", ...specs], dir);
  });
  return dir;
}

/**
 * `examples/<name>` installed from a fresh tarball in `parent`, as a project on stack `dev`
 * with its own file backend, the simulator's URL and admin token in its environment, and its
 * `instanceId` config set to the simulator's instance.
 */
export async function installedExampleStack(
  name: string,
  parent: string,
  sim: { url: string; instanceId: string; tokens: { admin: string } },
): Promise<PlainProject> {
  const dir = await installExample(name, parent, await packRepository(parent));
  const backend = path.join(parent, "backend");
  fs.mkdirSync(backend);
  const project = new PlainProject(
    dir,
    projectEnv(backend, path.join(parent, "pulumi-home"), {
      PULUMI_CONFIG_PASSPHRASE: name,
      LOSANT_API_URL: sim.url,
      LOSANT_API_TOKEN: sim.tokens.admin,
    }),
  );
  await project.pulumi(["stack", "init", "dev"]);
  await project.pulumi(["config", "set", "instanceId", sim.instanceId]);
  return project;
}

/** A new temp folder, removed after the enclosing block. */
export function useTemporaryDir(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(() => {
    dir = temporaryDir(undefined, prefix);
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error("useTemporaryDir: not ready (use it in a test)");
    return dir;
  };
}

/**
 * The shell steps of a GitHub Actions workflow file, by step name, in order: each `run:` with
 * its text (a `|` block or one line). Enough for the workflows in examples/, which use only
 * those two forms.
 */
export function workflowRunSteps(file: string): Array<{ name: string; run: string }> {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const steps: Array<{ name: string; run: string }> = [];
  let name = "";
  for (let i = 0; i < lines.length; i++) {
    const nameMatch = /^\s*- name: (.+)$/.exec(lines[i]);
    if (nameMatch) name = nameMatch[1].trim();
    if (/^\s*- uses: /.test(lines[i])) name = "";
    const runMatch = /^(\s*)run: (.*)$/.exec(lines[i]);
    if (!runMatch) continue;
    if (runMatch[2].trim() !== "|") {
      steps.push({ name, run: runMatch[2].trim() });
      continue;
    }
    const body: string[] = [];
    const indent = runMatch[1].length;
    while (i + 1 < lines.length && (lines[i + 1].trim() === "" || leading(lines[i + 1]) > indent)) {
      body.push(lines[++i]);
    }
    const strip = Math.min(...body.filter((l) => l.trim()).map(leading));
    steps.push({
      name,
      run: body
        .map((l) => l.slice(strip))
        .join("\n")
        .trim(),
    });
  }
  return steps;
}

function leading(line: string): number {
  return line.length - line.trimStart().length;
}
