/**
 * The two forms in which a Pulumi program gets the SDK: this repository's compiled source tree
 * (`dist/`), and the package installed from an `npm pack` tarball into a program folder of its
 * own, which can then be upgraded to a rebuilt tarball.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const ROOT = path.resolve(__dirname, "../..");
const PACKAGE = "pulumi-losant";
/** The `@pulumi/pulumi` this repository develops against; the CLI is built at the same one. */
const PULUMI_SDK = `@pulumi/pulumi@${readJson(path.join(ROOT, "node_modules/@pulumi/pulumi/package.json")).version}`;
/** The module of the package that defines the provider object. */
const PROVIDER_FILE = "dist/provider/instanceOrgProvider.js";
/** The line the rebuilt package adds to the provider, so its serialized text differs. */
export const UPGRADE_MARK = "// rebuilt by the e2e upgrade test";

const exec = promisify(execFile);

/** A folder a Pulumi program runs in. */
export interface ProgramDir {
  /** `@pulumi/pulumi` and the SDK resolve from here; stacks get working folders inside it. */
  workDir: string;
  /** What the program requires to get the SDK, resolved from `workDir`. */
  sdk: string;
}

/** A new empty folder in `parent` (the system's temp folder by default). */
export function temporaryDir(parent: string | undefined, prefix: string): string {
  return fs.mkdtempSync(path.join(parent ?? os.tmpdir(), prefix));
}

function readJson(file: string): { version: string; [key: string]: unknown } {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** Registers `afterAll` removing the folder `dir()` gives, if any. */
function removedAfterAll(dir: () => string | undefined): void {
  afterAll(() => {
    const folder = dir();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });
}

/**
 * The source tree: the program requires `dist/sdk` of this repository (`npm run build` first)
 * and runs in a temp folder whose `node_modules` links to this repository's, so LocalWorkspace
 * writes its `Pulumi.yaml` there and not into the repository.
 */
export function useSourceTreeProgram(): () => ProgramDir {
  let program: ProgramDir | undefined;
  beforeAll(() => {
    const sdk = path.join(ROOT, "dist/sdk");
    if (!fs.existsSync(path.join(sdk, "index.js"))) {
      throw new Error(`${sdk}/index.js is missing: run \`npm run build\` first`);
    }
    const workDir = temporaryDir(undefined, "pulumi-losant-e2e-source-");
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(workDir, "node_modules"), "dir");
    program = { workDir, sdk };
  });
  removedAfterAll(() => program?.workDir);
  return () => {
    if (!program) throw new Error("useSourceTreeProgram: not ready (use it in a test)");
    return program;
  };
}

/** The package installed from a tarball, and the way to upgrade it. */
export interface InstalledPackage {
  /** The program folder, `pulumi-losant` and `@pulumi/pulumi` installed in its node_modules. */
  program(): ProgramDir;
  /**
   * Installs a rebuilt tarball over the installed one: the same package with a new version
   * and {@link UPGRADE_MARK} in the provider, so the provider's serialized text differs.
   */
  upgrade(): Promise<void>;
}

async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await exec("npm", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** `npm pack` of `dir` into `destination`; returns the tarball's path. */
async function pack(dir: string, destination: string): Promise<string> {
  // --ignore-scripts: `prepare` would rebuild dist/ under others' feet; the suite needs a build.
  const out = await npm(
    ["pack", dir, "--ignore-scripts", "--json", "--pack-destination", destination],
    ROOT,
  );
  return path.join(destination, (JSON.parse(out) as Array<{ filename: string }>)[0].filename);
}

async function install(programDir: string, specs: string[]): Promise<void> {
  // The user's npm cache serves what this repository installed already.
  await npm(
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", ...specs],
    programDir,
  );
}

/**
 * A program folder with the package installed from an `npm pack` tarball of this repository
 * (`npm run build` first), next to `@pulumi/pulumi` at the version this repository uses: one
 * install for the file, in `beforeAll`.
 */
export function useInstalledPackage(): InstalledPackage {
  let tmp: string | undefined;
  let program: ProgramDir | undefined;
  beforeAll(async () => {
    tmp = temporaryDir(undefined, "pulumi-losant-e2e-package-");
    const tarball = await pack(ROOT, tmp);
    const workDir = path.join(tmp, "program");
    fs.mkdirSync(workDir);
    fs.writeFileSync(
      path.join(workDir, "package.json"),
      JSON.stringify({ name: "e2e-program", version: "1.0.0", private: true }),
    );
    await install(workDir, [tarball, PULUMI_SDK]);
    program = { workDir, sdk: PACKAGE };
  }, 300_000);
  removedAfterAll(() => tmp);

  const ready = (): { tmp: string; program: ProgramDir } => {
    if (!tmp || !program) throw new Error("useInstalledPackage: not ready (use it in a test)");
    return { tmp, program };
  };
  return {
    program: () => ready().program,
    async upgrade() {
      const { tmp, program } = ready();
      const unpacked = path.join(tmp, "rebuilt");
      const installed = path.join(program.workDir, "node_modules", PACKAGE);
      fs.cpSync(installed, unpacked, { recursive: true });
      const manifest = readJson(path.join(unpacked, "package.json"));
      manifest.version = `${manifest.version}-e2e.upgrade`;
      fs.writeFileSync(path.join(unpacked, "package.json"), JSON.stringify(manifest, null, 2));
      markProvider(path.join(unpacked, PROVIDER_FILE));
      const tarball = await pack(unpacked, tmp);
      await install(program.workDir, [tarball]);
      const provider = fs.readFileSync(path.join(installed, PROVIDER_FILE), "utf8");
      if (
        readJson(path.join(installed, "package.json")).version !== manifest.version ||
        !provider.includes(UPGRADE_MARK)
      ) {
        throw new Error(`npm did not install ${tarball} over ${installed}`);
      }
    },
  };
}

/** Adds {@link UPGRADE_MARK} to the body of the provider's `configure`, which is serialized. */
function markProvider(file: string): void {
  const anchor = /async configure\([^)]*\) \{\n/;
  const text = fs.readFileSync(file, "utf8");
  if (!anchor.test(text)) throw new Error(`${file}: no \`async configure(...) {\` to mark`);
  fs.writeFileSync(
    file,
    text.replace(anchor, (line) => `${line}            ${UPGRADE_MARK}\n`),
  );
}
