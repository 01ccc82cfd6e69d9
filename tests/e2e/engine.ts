/**
 * The real Pulumi engine for the end-to-end suite: finds the CLI without building it, gates
 * the suite on it, and drives stacks of inline programs against a simulator.
 *
 * ```ts
 * describeEngine("InstanceOrg on the engine", () => {
 *   const sim = useSimulator();
 *   const program = useSourceTreeProgram();
 *   const stack = useEngineStack(sim, program);
 *   it("creates an org", async () => {
 *     await stack().up({ orgs: { a: { instanceId: sim().instanceId, name: "a" } } });
 *   });
 * });
 * ```
 *
 * A stack's operations run in one child process of its own (driver.js says why), each with the
 * environment this process has when it is called, on the stack's own file backend; the
 * engine's whole output is kept in {@link EngineStack.log}.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { InstanceOrgArgs } from "../../sdk";
import type { Simulator } from "../../simulator";
import { type ProgramDir, temporaryDir } from "./programDir";

const ROOT = path.resolve(__dirname, "../..");
const ENSURE = path.join(ROOT, "scripts/pulumi/ensure.js");
const DRIVER = path.join(__dirname, "driver.js");

/** Per-test timeout for a test running one or two engine operations (a few seconds each). */
export const ENGINE_TIMEOUT = 90_000;

/** Set to `1` (CI does) to make a missing CLI fail the suite instead of skipping it. */
export const REQUIRED_ENV = "LOSANT_E2E_REQUIRED";

/** The Pulumi CLI at hand, as `findPulumi()` of scripts/pulumi/ensure.js reports it. */
export interface FoundCli {
  /** `<root>/bin/pulumi` is the CLI. */
  root: string;
  /** The CLI, the dynamic provider launcher and, if at hand, the language host. */
  binDir: string;
  pulumiPath: string;
  /** `pulumi-language-nodejs` in `binDir`, which a plain `pulumi preview` needs. */
  languagePluginPath?: string;
  /** This process's environment with `binDir` first on PATH, as `pulumiEnv()` makes it. */
  env: Record<string, string>;
}

/**
 * The Pulumi CLI at hand (PATH or cache, never built here), or undefined. Looked up once,
 * synchronously, when the file loads: jest decides what to skip while it collects tests,
 * before any hook could await `findPulumi()`, so a child process answers for it.
 */
export const cli: FoundCli | undefined = findCli();
/** The root of {@link cli}, or undefined. */
export const cliRoot: string | undefined = cli?.root;

function findCli(): FoundCli | undefined {
  const script =
    `const ensure = require(${JSON.stringify(ENSURE)});` +
    "ensure.findPulumi().then((found) => process.stdout.write(JSON.stringify(" +
    "found ? { ...found, env: ensure.pulumiEnv(found) } : null)))";
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`findPulumi() failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) ?? undefined;
}

/**
 * `describe` when nothing is `missing`. Otherwise it prints one loud line and skips the block,
 * or, when {@link REQUIRED_ENV} is `1`, fails with a test that says what to run.
 * @param missing - what the block needs and is not at hand, e.g. "no Pulumi CLI", or undefined
 */
export function describeUnlessMissing(
  missing: string | undefined,
  title: string,
  body: () => void,
): void {
  if (missing === undefined) {
    describe(title, body);
  } else if (process.env[REQUIRED_ENV] === "1") {
    describe(title, () => {
      it("has what it runs on", () => {
        throw new Error(`${REQUIRED_ENV}=1 and ${missing}: run \`npm run pulumi:ensure\` first`);
      });
    });
  } else {
    process.stderr.write(`E2E SKIPPED: ${missing}; run npm run pulumi:ensure (${title})\n`);
    describe.skip(title, body);
  }
}

/** `describe` when a Pulumi CLI is at hand; see {@link describeUnlessMissing}. */
export function describeEngine(title: string, body: () => void): void {
  const missing =
    cliRoot === undefined ? "no Pulumi CLI was found on PATH or in the cache" : undefined;
  describeUnlessMissing(missing, title, body);
}

/** A Pulumi program as data: the orgs it declares, and the org whose device counts it reads. */
export interface ProgramSpec {
  /** InstanceOrg resources by resource name; each is exported as `{ orgId, name }`. */
  orgs: Record<string, InstanceOrgArgs>;
  /** Exports `getDeviceCountsOutput` of this org (by resource name) as `deviceCounts`. */
  deviceCountsOf?: string;
  /** The `ignoreChanges` resource option of some orgs, by resource name. */
  ignoreChanges?: Record<string, string[]>;
}

/** Resources per change kind (`create`, `same`, `update`, `replace`, `delete`, ...). */
export type ChangeCounts = Record<string, number>;

/** One resource of the exported state. */
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** The `deployment` of `stack.exportStack()` (secrets decrypted, as the Automation API asks). */
export interface Deployment {
  resources?: StateResource[];
  [key: string]: unknown;
}

type Operation =
  | { op: "config"; values: Record<string, { value: string; secret?: boolean }> }
  | { op: "preview" | "up" | "refresh" | "destroy" | "export" };

/**
 * What driver.js prints: the operation's result, or the error it raised, and the log; `fatal`
 * when the operation could not be run at all.
 */
interface DriverOutcome {
  fatal?: string;
  result?: {
    changeSummary?: ChangeCounts;
    resourceChanges?: ChangeCounts;
    outputs?: Record<string, unknown>;
    deployment?: Deployment;
  };
  log: string;
  error?: string;
}

/**
 * One `driver.js --serve` process: requests go in on its stdin, a line each; outcomes come back
 * on its fd 3, a line each, in order. Started on the first request; started anew if it has gone
 * (a hard stop's kill takes down every process in the stack's folder).
 */
class DriverProcess {
  private current: { child: ChildProcess; pending: Waiting[] } | undefined;

  constructor(private readonly cwd: string) {}

  /** Sends `request`; resolves with its outcome. */
  send(request: object): Promise<DriverOutcome> {
    const { child, pending } = this.current ?? this.start();
    return new Promise((resolve, reject) => {
      pending.push({ resolve, reject });
      child.stdin!.write(`${JSON.stringify(request)}\n`);
    });
  }

  /** Ends the process; a request still pending is rejected. */
  stop(): void {
    this.current?.child.kill("SIGKILL");
    this.current = undefined;
  }

  private start(): { child: ChildProcess; pending: Waiting[] } {
    const child = spawn(process.execPath, [DRIVER, "--serve"], {
      cwd: this.cwd,
      stdio: ["pipe", "ignore", "pipe", "pipe"],
    });
    const started = { child, pending: [] as Waiting[] };
    this.current = started;
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    // A write to a process that has just died fails with EPIPE; its exit rejects the request.
    child.stdin!.on("error", () => undefined);
    let buffered = "";
    child.stdio[3]!.on("data", (chunk) => {
      buffered += chunk;
      let end: number;
      while ((end = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        started.pending.shift()?.resolve(JSON.parse(line) as DriverOutcome);
      }
    });
    child.on("exit", (code, signal) => {
      if (this.current === started) this.current = undefined;
      const error = new Error(`driver.js exited (${signal ?? code}):\n${stderr}`);
      for (const waiting of started.pending.splice(0)) waiting.reject(error);
    });
    return started;
  }
}

/** A request waiting for its outcome. */
interface Waiting {
  resolve: (outcome: DriverOutcome) => void;
  reject: (error: Error) => void;
}

/** Where a stack lives; see {@link useEngineStack}. */
export interface EngineStackOptions {
  /** The Pulumi CLI's root (`<root>/bin/pulumi`). */
  cliRoot: string;
  program: ProgramDir;
  /** The workspace's folder: `Pulumi.yaml` goes here; inside `program.workDir`. */
  workDir: string;
  /** The file backend's folder. */
  backendDir: string;
  passphrase: string;
  stackName: string;
}

/** A stack of an inline program on a file backend of its own, configured for a simulator. */
export class EngineStack {
  private output = "";
  private driver: DriverProcess | undefined;

  constructor(private readonly options: EngineStackOptions) {}

  /** Everything the engine printed (stdout and stderr) over every operation so far. */
  get log(): string {
    return this.output;
  }

  /** Sets `losant:apiUrl` and, as a secret, `losant:apiToken` (creates the stack). */
  async configure(apiUrl: string, apiToken: string): Promise<void> {
    const values = {
      "losant:apiUrl": { value: apiUrl },
      "losant:apiToken": { value: apiToken, secret: true },
    };
    await this.run({ orgs: {} }, { op: "config", values });
  }

  /** `pulumi preview`: the plan's counts per change kind. */
  async preview(spec: ProgramSpec): Promise<ChangeCounts> {
    return (await this.run(spec, { op: "preview" })).changeSummary!;
  }

  /** `pulumi preview` or `up` that must fail: the error the Automation API raised. */
  async failure(op: "preview" | "up", spec: ProgramSpec): Promise<string> {
    const outcome = await this.drive(spec, { op });
    if (outcome.error === undefined) throw new Error(`${op} succeeded; a failure was expected`);
    return outcome.error;
  }

  /** `pulumi up`: the counts per change kind and the stack outputs. */
  async up(
    spec: ProgramSpec,
  ): Promise<{ resourceChanges: ChangeCounts; outputs: Record<string, unknown> }> {
    const result = await this.run(spec, { op: "up" });
    return { resourceChanges: result.resourceChanges!, outputs: result.outputs! };
  }

  /** `pulumi refresh` (the program runs too, as inline refresh does since CLI 3.181). */
  async refresh(spec: ProgramSpec): Promise<ChangeCounts> {
    return (await this.run(spec, { op: "refresh" })).resourceChanges!;
  }

  /** `pulumi destroy`. */
  async destroy(spec: ProgramSpec): Promise<ChangeCounts> {
    return (await this.run(spec, { op: "destroy" })).resourceChanges!;
  }

  /** `stack.exportStack()`: the deployment, its secrets decrypted. */
  async exportStack(): Promise<Deployment> {
    return (await this.run({ orgs: {} }, { op: "export" })).deployment!;
  }

  /** The InstanceOrg resource named `name` in the exported state, or undefined. */
  async org(name: string): Promise<StateResource | undefined> {
    const deployment = await this.exportStack();
    return deployment.resources?.find(
      (resource) =>
        resource.type.endsWith("losant:InstanceOrg") && resource.urn.endsWith(`::${name}`),
    );
  }

  /** Every file the file backend holds (state, backups, history), as one text. */
  backendText(): string {
    const dir = this.options.backendDir;
    return (fs.readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[])
      .map((file) => path.join(dir, file))
      .filter((file) => fs.statSync(file).isFile())
      .map((file) => fs.readFileSync(file, "utf8"))
      .join("\n");
  }

  /**
   * Ends the stack's driver process, so the next operation runs in a new one that loads the
   * modules installed then, as a user's next program run does after an `npm install`.
   */
  restartProcess(): void {
    this.driver?.stop();
  }

  /** Ends the stack's driver process and deletes the workspace and the backend folders. */
  remove(): void {
    this.driver?.stop();
    for (const dir of [this.options.workDir, this.options.backendDir]) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  private async run(
    spec: ProgramSpec,
    operation: Operation,
  ): Promise<NonNullable<DriverOutcome["result"]>> {
    const outcome = await this.drive(spec, operation);
    if (outcome.error !== undefined) throw new Error(`${operation.op} failed: ${outcome.error}`);
    return outcome.result!;
  }

  private async drive(spec: ProgramSpec, operation: Operation): Promise<DriverOutcome> {
    const { cliRoot, program, workDir, backendDir, passphrase, stackName } = this.options;
    const request = {
      cliRoot,
      workDir,
      sdk: program.sdk,
      stackName,
      projectName: `e2e-${stackName}`,
      envVars: {
        PULUMI_BACKEND_URL: `file://${backendDir}`,
        PULUMI_CONFIG_PASSPHRASE: passphrase,
        PULUMI_SKIP_UPDATE_CHECK: "true",
      },
      program: spec,
      operation,
    };
    this.driver ??= new DriverProcess(workDir);
    const outcome = await this.driver.send({ ...request, env: { ...process.env } });
    if (outcome.fatal !== undefined) throw new Error(`driver.js: ${outcome.fatal}`);
    this.output += outcome.log;
    return outcome;
  }
}

/**
 * Registers jest hooks giving one configured stack for the enclosing block: a fresh file
 * backend and passphrase, a working directory inside the program's folder, `losant:apiUrl`
 * and `losant:apiToken` (secret, the admin token) of the simulator. All of it is removed
 * afterwards. `make` builds the stack from its options (a subclass, another CLI root).
 */
export function useEngineStack<T extends EngineStack = EngineStack>(
  sim: () => Simulator,
  program: () => ProgramDir,
  make: (options: EngineStackOptions) => T = (options) => new EngineStack(options) as T,
): () => T {
  let stack: T | undefined;
  beforeAll(async () => {
    stack = make({
      cliRoot: cliRoot!,
      program: program(),
      workDir: temporaryDir(program().workDir, "stack-"),
      backendDir: temporaryDir(undefined, "pulumi-losant-e2e-backend-"),
      passphrase: randomBytes(16).toString("hex"),
      stackName: `s${randomBytes(4).toString("hex")}`,
    });
    await stack.configure(sim().url, sim().tokens.admin);
  }, ENGINE_TIMEOUT);
  afterAll(() => {
    stack?.remove();
    stack = undefined;
  });
  return () => {
    if (!stack) throw new Error("useEngineStack: no stack yet (use it in a test)");
    return stack;
  };
}
