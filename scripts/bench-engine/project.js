// @ts-check
"use strict";
/**
 * The plain Pulumi project the engine benchmark runs in: a temp folder holding `Pulumi.yaml`,
 * the program (`stackProgram.js` as `index.js`), and `pulumi-losant` installed from an
 * `npm pack` tarball of this repository next to the `@pulumi/pulumi` it develops against,
 * which is how a user meets the package.
 */

const { execFile } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { promisify } = require("node:util");

const exec = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
/** The project's name in `Pulumi.yaml`; the stacks of the file backend live under it. */
const PROJECT_NAME = "bench-engine";

/**
 * @typedef {object} BenchProject
 * @property {string} tmp The temp folder holding everything below; remove it when done.
 * @property {string} dir The project folder (`Pulumi.yaml`, `index.js`, `node_modules/`).
 * @property {string} backendDir The file backend's folder (`PULUMI_BACKEND_URL=file://...`).
 * @property {string} tarball The packed package.
 * @property {number} tarballBytes Its size.
 */

/**
 * Runs npm in `cwd` and returns its stdout.
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<string>}
 */
async function npm(args, cwd) {
  const { stdout } = await exec("npm", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/**
 * Packs this repository (its `dist/` must be built) and installs the tarball into a new plain
 * Pulumi project in the system's temp folder.
 * @returns {Promise<BenchProject>}
 * @throws {Error} (rejects) when `dist/` is missing, or `npm pack` or `npm install` fails
 *   (npm's message, which names the package or the network problem)
 */
async function createProject() {
  if (!fs.existsSync(path.join(ROOT, "dist/sdk/index.js"))) {
    throw new Error(`${ROOT}/dist/sdk/index.js is missing: run \`npm run build\` first`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-losant-bench-engine-"));
  // --ignore-scripts: `prepack` would rebuild dist/; `npm run bench:engine` builds it first.
  const packed = await npm(
    ["pack", ROOT, "--ignore-scripts", "--json", "--pack-destination", tmp],
    ROOT,
  );
  const tarball = path.join(tmp, JSON.parse(packed)[0].filename);
  const dir = path.join(tmp, "project");
  const backendDir = path.join(tmp, "backend");
  fs.mkdirSync(dir);
  fs.mkdirSync(backendDir);
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: PROJECT_NAME, version: "1.0.0", private: true, main: "index.js" }),
  );
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    `name: ${PROJECT_NAME}\nruntime: nodejs\ndescription: pulumi-losant engine benchmark\n` +
      "plugins:\n  providers:\n    - name: losant\n      path: ./node_modules/.bin\n",
  );
  fs.copyFileSync(path.join(__dirname, "stackProgram.js"), path.join(dir, "index.js"));
  const sdkVersion = JSON.parse(
    fs.readFileSync(path.join(ROOT, "node_modules/@pulumi/pulumi/package.json"), "utf8"),
  ).version;
  // The user's npm cache serves what this repository installed already.
  await npm(
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      "--ignore-scripts",
      tarball,
      `@pulumi/pulumi@${sdkVersion}`,
    ],
    dir,
  );
  return { tmp, dir, backendDir, tarball, tarballBytes: fs.statSync(tarball).size };
}

module.exports = { createProject, PROJECT_NAME };
