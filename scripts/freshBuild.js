// @ts-check
"use strict";
/**
 * Whether `dist/` is older than its sources, and the build that brings it up to date, so
 * `npm start` never runs a stale build after a source edit. The inputs are the files the build's
 * own tsconfig compiles (as TypeScript reads it) plus the tsconfig files themselves.
 */

const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const ts = require("typescript");

/** The tsconfig `npm run build` compiles. */
const BUILD_CONFIG = "tsconfig.build.json";
/**
 * The default program's compiled entry (Pulumi.yaml's `main:`), which `npm start` runs; every
 * build writes it, so its time is the build's.
 */
const PROGRAM_ENTRY = path.join("dist", "program", "entry.js");

/**
 * The files a build compiles: those of `config` (its `include`, `exclude` and `extends` as
 * TypeScript resolves them) and every tsconfig in its `extends` chain.
 * @param {string} root The project folder.
 * @param {string} [config] Relative to `root`.
 * @returns {string[]} absolute paths
 * @throws {Error} when the tsconfig cannot be read or parsed (TypeScript's message)
 */
function buildInputs(root, config = BUILD_CONFIG) {
  const configPath = path.join(root, config);
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error(`${configPath}: not a tsconfig TypeScript can read`);
  const configs = [configPath];
  for (let file = configPath; ;) {
    const { config: raw } = ts.readConfigFile(file, ts.sys.readFile);
    if (!raw || typeof raw.extends !== "string") break;
    file = path.resolve(path.dirname(file), raw.extends);
    configs.push(file);
  }
  return [...parsed.fileNames, ...configs];
}

/**
 * Why the build in `root` is stale, if it is: its stamp file is missing, or an input was
 * modified after it.
 * @param {string} root The project folder.
 * @param {{ config?: string, stamp?: string }} [options] Relative to `root`; default
 *   `tsconfig.build.json` and `dist/program/entry.js`.
 * @returns {string | undefined} the reason, naming the file; undefined when up to date
 * @throws {Error} as {@link buildInputs} does
 */
function buildStaleness(root, options = {}) {
  const stamp = path.join(root, options.stamp ?? PROGRAM_ENTRY);
  let built;
  try {
    built = fs.statSync(stamp).mtimeMs;
  } catch {
    return `${path.relative(root, stamp)} is missing`;
  }
  for (const file of buildInputs(root, options.config)) {
    let modified;
    try {
      modified = fs.statSync(file).mtimeMs;
    } catch {
      continue; // removed since TypeScript listed it
    }
    if (modified > built) return `${path.relative(root, file)} changed after the last build`;
  }
  return undefined;
}

/**
 * Runs `npm run build` in `root` when the build is stale (see {@link buildStaleness}).
 * @param {string} root The project folder.
 * @param {(line: string) => void} log Told why it builds, when it does.
 * @returns {boolean} whether it built
 * @throws {Error} when the build fails (its output went to this process's stdout/stderr)
 */
function ensureFreshBuild(root, log) {
  const reason = buildStaleness(root);
  if (reason === undefined) return false;
  log(`Building the project (npm run build): ${reason}...`);
  const result = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed (its errors are above)");
  // tsc leaves an output it did not need to change as it was: date the stamp to this build.
  const now = new Date();
  fs.utimesSync(path.join(root, PROGRAM_ENTRY), now, now);
  return true;
}

module.exports = { PROGRAM_ENTRY, buildInputs, buildStaleness, ensureFreshBuild };

// `node scripts/freshBuild.js`: what `npm test` and `npm run test:quick` start with, so a run
// right after a build (CI's publish check, a second run) does not compile the same sources again.
if (require.main === module) {
  try {
    if (
      !ensureFreshBuild(path.resolve(__dirname, ".."), (line) => process.stdout.write(`${line}\n`))
    ) {
      process.stdout.write("The build is up to date (dist/ is newer than every source).\n");
    }
  } catch (err) {
    process.stderr.write(`${/** @type {Error} */ (err).message}\n`);
    process.exitCode = 1;
  }
}
