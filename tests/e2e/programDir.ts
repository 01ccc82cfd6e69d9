/**
 * The forms in which a Pulumi program gets the SDK: this repository's compiled source tree
 * (`dist/`), the package installed from an `npm pack` tarball into a program folder of its
 * own, and an older release installed there and then upgraded to this repository's build.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { seededInstall } from "./installSeeds";

const ROOT = path.resolve(__dirname, "../..");
const PACKAGE = "pulumi-losant";
/** The `@pulumi/pulumi` this repository develops against; the CLI is built at the same one. */
const PULUMI_SDK = `@pulumi/pulumi@${readJson(path.join(ROOT, "node_modules/@pulumi/pulumi/package.json")).version}`;
/** The module of the package whose exports are the provider's steps. */
const PROVIDER_FILE = "dist/provider/instanceOrgProvider.js";
/** This repository's TypeScript compiler, which builds an older release too. */
const TSC = path.join(ROOT, "node_modules/typescript/bin/tsc");

const exec = promisify(execFile);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cacheBaseDir } = require("../../scripts/pulumi/cache.js") as {
  cacheBaseDir(): string;
};

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

/** A program folder with the package installed from a tarball. */
export interface InstalledPackage {
  /** The program folder, `pulumi-losant` and `@pulumi/pulumi` installed in its node_modules. */
  program(): ProgramDir;
}

/** A program folder with an older release installed, and the way to upgrade it. */
export interface UpgradablePackage extends InstalledPackage {
  /** Installs the tarball of this repository's build over the older release. */
  upgrade(): Promise<void>;
}

async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await exec("npm", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** `npm pack` of `dir` into `destination`; returns the tarball's path. */
async function pack(dir: string, destination: string): Promise<string> {
  // --ignore-scripts: `prepack` would rebuild dist/ under others' feet; the suite needs a build.
  const out = await npm(
    ["pack", dir, "--ignore-scripts", "--json", "--pack-destination", destination],
    ROOT,
  );
  return path.join(destination, (JSON.parse(out) as Array<{ filename: string }>)[0].filename);
}

async function install(programDir: string, specs: string[]): Promise<void> {
  // The user's npm cache serves what this repository installed already.
  await seededInstall(programDir, specs, async () => {
    await npm(
      ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", ...specs],
      programDir,
    );
  });
}

/** A new program folder in `tmp` with `tarball` and `@pulumi/pulumi` installed. */
async function programWith(tmp: string, tarball: string): Promise<ProgramDir> {
  const workDir = path.join(tmp, "program");
  fs.mkdirSync(workDir);
  fs.writeFileSync(
    path.join(workDir, "package.json"),
    JSON.stringify({ name: "e2e-program", version: "1.0.0", private: true }),
  );
  await install(workDir, [tarball, PULUMI_SDK]);
  return { workDir, sdk: PACKAGE };
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
    program = await programWith(tmp, await pack(ROOT, tmp));
  }, 300_000);
  removedAfterAll(() => tmp);
  return {
    program: () => {
      if (!program) throw new Error("useInstalledPackage: not ready (use it in a test)");
      return program;
    },
  };
}

/**
 * The tarball of the release built at `commit` of this repository: its files from git, built
 * with this repository's compiler and dependencies (a release's own lockfile is the same or
 * the build would differ), packed as `npm pack` does. Kept in the user's cache, by commit and
 * compiler version (the two things the build depends on), so a run builds it once per machine.
 */
async function releaseTarball(commit: string, tmp: string): Promise<string> {
  const tsVersion = readJson(path.join(ROOT, "node_modules/typescript/package.json")).version;
  const cached = path.join(cacheBaseDir(), "releases", `${commit}-typescript-${tsVersion}.tgz`);
  // By commit: the upgrade packs this build into the same folder, named by version.
  const tarball = path.join(tmp, `pulumi-losant-${commit}.tgz`);
  if (fs.existsSync(cached)) {
    fs.copyFileSync(cached, tarball);
    return tarball;
  }
  fs.renameSync(await buildRelease(commit, tmp), tarball);
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  // Written under a temporary name, then renamed: a parallel run never reads half a file.
  const partial = `${cached}.${process.pid}.partial`;
  fs.copyFileSync(tarball, partial);
  fs.renameSync(partial, cached);
  return tarball;
}

/** Builds and packs the release at `commit` in `tmp`; returns the tarball's path. */
async function buildRelease(commit: string, tmp: string): Promise<string> {
  const source = path.join(tmp, `release-${commit}`);
  fs.mkdirSync(source);
  await exec("sh", ["-c", `git -C "${ROOT}" archive ${commit} | tar -x -C "${source}"`]);
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(source, "node_modules"), "dir");
  await exec(process.execPath, [TSC, "-p", "tsconfig.build.json"], {
    cwd: source,
    maxBuffer: 16 * 1024 * 1024,
  });
  return pack(source, tmp);
}

/**
 * A program folder with the release built at `commit` installed (as a user of that release
 * has it), which {@link UpgradablePackage.upgrade} replaces with this repository's build.
 */
export function useUpgradeFrom(commit: string): UpgradablePackage {
  let tmp: string | undefined;
  let program: ProgramDir | undefined;
  beforeAll(async () => {
    tmp = temporaryDir(undefined, "pulumi-losant-e2e-upgrade-");
    program = await programWith(tmp, await releaseTarball(commit, tmp));
  }, 600_000);
  removedAfterAll(() => tmp);

  const ready = (): { tmp: string; program: ProgramDir } => {
    if (!tmp || !program) throw new Error("useUpgradeFrom: not ready (use it in a test)");
    return { tmp, program };
  };
  return {
    program: () => ready().program,
    async upgrade() {
      const { tmp, program } = ready();
      const tarball = await pack(ROOT, tmp);
      await install(program.workDir, [tarball]);
      const installed = path.join(program.workDir, "node_modules", PACKAGE, PROVIDER_FILE);
      if (
        fs.readFileSync(installed, "utf8") !==
        fs.readFileSync(path.join(ROOT, PROVIDER_FILE), "utf8")
      ) {
        throw new Error(`npm did not install ${tarball} over the release in ${program.workDir}`);
      }
    },
  };
}
