// @ts-check
"use strict";
/**
 * Finding executables: a `pulumi` on PATH (not one of this cache's own) with its version, and
 * a `go` new enough to build one. Also the version comparison both use.
 */

const fs = require("node:fs");
const path = require("node:path");
const { MIN_GO_VERSION } = require("./constants.js");
const { run } = require("./run.js");

/**
 * Whether `file` is a regular file this process may execute (symlinks are followed).
 * @param {string} file
 * @returns {boolean} never throws
 */
function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The first executable `name` in the folders of `pathVar`, like a shell's lookup.
 * @param {string} name
 * @param {string | undefined} pathVar A PATH value.
 * @returns {string | undefined} its path (not resolved through symlinks), or undefined;
 *   never throws
 */
function findOnPath(name, pathVar) {
  for (const dir of (pathVar || "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Whether `child` is strictly inside the folder `parent` (both as given, not resolved).
 * @param {string} child
 * @param {string} parent
 * @returns {boolean}
 */
function isInside(child, parent) {
  const rel = path.relative(parent, child);
  return !!rel && !rel.startsWith("..") && !path.isAbsolute(rel);
}

/**
 * Compares dotted versions by their first three numbers (missing ones count as 0).
 * @param {string} a e.g. `3.248.0`
 * @param {string} b
 * @returns {-1 | 0 | 1} negative when `a` is older
 * @throws {TypeError} when either is not a string
 */
function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) < (pb[i] || 0) ? -1 : 1;
  }
  return 0;
}

/**
 * @typedef {object} FoundPulumi
 * @property {string} path Where PATH has it.
 * @property {string} real That path with symlinks resolved.
 * @property {string} version e.g. `3.200.0`
 */

/**
 * The first `pulumi` on PATH that is not one of this cache's own, with its version. One that
 * lives in the cache, or resolves into it (say a bin dir the printed `export PATH=` line put on
 * PATH), is skipped: the cache is looked at on its own, after PATH. One that does not answer
 * `pulumi version` is skipped too. Whether the version is new enough is the caller's call.
 * @param {string | undefined} pathVar A PATH value.
 * @param {string} base The cache folder (see cacheBaseDir).
 * @returns {Promise<FoundPulumi | undefined>}
 * @throws {Error} only from `fs` (a candidate removed while it is being looked at)
 */
async function findPulumiOnPath(pathVar, base) {
  const realBase = fs.existsSync(base) ? fs.realpathSync(base) : base;
  for (const dir of (pathVar || "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, "pulumi");
    if (!isExecutableFile(candidate)) continue;
    const real = fs.realpathSync(candidate);
    if (isInside(real, realBase) || isInside(candidate, base)) continue;
    const version = await pulumiVersion(real);
    if (!version) continue;
    return { path: candidate, real, version };
  }
  return undefined;
}

/**
 * Runs `<pulumi> version` (update check off, killed after 60 s).
 * @param {string} file The pulumi binary.
 * @returns {Promise<string | undefined>} `3.248.0`, or undefined when it does not answer;
 *   never rejects
 */
async function pulumiVersion(file) {
  try {
    const { code, stdout } = await run(file, ["version"], {
      env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
      timeoutMs: 60000,
    });
    if (code !== 0) return undefined;
    const m = /v?(\d+\.\d+\.\d+)/.exec(stdout);
    return m ? m[1] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds `go` (PULUMI_LOSANT_GO, else PATH and /usr/local/go/bin) at MIN_GO_VERSION or newer.
 * @returns {Promise<{ go?: string, version?: string, seen?: string[] }>} `go` and its
 *   `version` (e.g. `go1.26.8`) when one is usable, else `seen`: the too-old ones found, for
 *   the error message; never rejects
 */
async function findGo() {
  /** @type {string[]} */
  const candidates = process.env.PULUMI_LOSANT_GO
    ? [process.env.PULUMI_LOSANT_GO]
    : [findOnPath("go", process.env.PATH) || "", "/usr/local/go/bin/go"].filter(Boolean);
  const seen = [];
  for (const go of candidates) {
    if (!isExecutableFile(go)) continue;
    const { code, stdout } = await run(go, ["env", "GOVERSION"], { timeoutMs: 60000 }).catch(
      () => ({ code: 1, stdout: "" }),
    );
    const version = stdout.trim();
    const m = /^go(\d+)\.(\d+)/.exec(version);
    if (code !== 0 || !m) continue;
    if (compareVersions(`${m[1]}.${m[2]}.0`, `${MIN_GO_VERSION}.0`) < 0) {
      seen.push(`${go} is ${version}`);
      continue;
    }
    return { go, version };
  }
  return { seen };
}

module.exports = {
  isExecutableFile,
  findOnPath,
  compareVersions,
  findPulumiOnPath,
  pulumiVersion,
  findGo,
};
