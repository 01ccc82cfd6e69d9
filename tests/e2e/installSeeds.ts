/**
 * Installs that several suites of one run repeat (the same dependencies, the same tarball)
 * start from a copy of the first one's `node_modules`. The install command itself still runs
 * in every project folder, as its README says; with the tree already in place npm only checks
 * it: about 3 s of CPU instead of 8.
 *
 * The seeds are keyed by what decides the tree: the folder's declared dependencies and the
 * install's specs, a tarball by the hash of its bytes. A different build packs a different
 * tarball and so never meets an older seed. They live in the folder jest's global setup names
 * (tests/globalSetup.js) and go with the run; a suite run without that setup installs from
 * nothing.
 */
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);

/** The variable through which jest's global setup hands the run's seed folder to its workers. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { VARIABLE: SEEDS_VARIABLE } = require("../globalSetup.js") as { VARIABLE: string };

/**
 * Runs `install` in `dir`, first copying in the `node_modules` an earlier install of the same
 * dependencies and specs left in this run, and leaving its own for later ones when there was
 * none.
 * @param dir - the project folder, its package.json as before the install
 * @param specs - what the install adds, as given to `npm install` (a `.tgz` relative to `dir`
 *   or absolute)
 * @param install - runs the install in `dir`
 * @throws whatever `install` throws; a failing copy rejects too
 */
export async function seededInstall(
  dir: string,
  specs: string[],
  install: () => Promise<void>,
): Promise<void> {
  const root = process.env[SEEDS_VARIABLE];
  // An install over a tree already there (an upgrade) is not what a seed stands for.
  if (!root || !fs.existsSync(root) || fs.existsSync(path.join(dir, "node_modules"))) {
    return install();
  }
  const seed = path.join(root, seedKey(dir, specs));
  const seeded = fs.existsSync(seed);
  if (seeded) await copyTree(path.join(seed, "node_modules"), path.join(dir, "node_modules"));
  await install();
  if (seeded) return;
  // Copied under a name of its own, then renamed: a parallel suite never reads half a tree.
  const partial = `${seed}.${process.pid}.partial`;
  fs.mkdirSync(partial);
  await copyTree(path.join(dir, "node_modules"), path.join(partial, "node_modules"));
  try {
    fs.renameSync(partial, seed);
  } catch {
    // Another suite left the same seed first.
    fs.rmSync(partial, { recursive: true, force: true });
  }
}

/** What decides the installed tree, hashed. */
function seedKey(dir: string, specs: string[]): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const resolved = specs.map((spec) => {
    const file = path.resolve(dir, spec);
    return spec.endsWith(".tgz") && fs.existsSync(file)
      ? `tarball:${createHash("sha256").update(fs.readFileSync(file)).digest("hex")}`
      : spec;
  });
  return createHash("sha256")
    .update(JSON.stringify([manifest.dependencies, manifest.devDependencies, resolved]))
    .digest("hex")
    .slice(0, 32);
}

/** `cp -a`: links and modes kept, several times faster than fs.cp on 10,000 small files. */
async function copyTree(from: string, to: string): Promise<void> {
  await exec("cp", ["-a", from, to]);
}
