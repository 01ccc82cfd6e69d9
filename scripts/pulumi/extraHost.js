// @ts-check
"use strict";
/**
 * What the YAML and Go language hosts (yamlHost.js, goHost.js) share: finding a host beside the
 * CLI or on PATH, and building one with Go into a staging folder that is renamed into the CLI's
 * bin dir, so the host is there whole or not at all.
 */
const fs = require("node:fs");
const path = require("node:path");
const { PREFIX } = require("./constants.js");
const { findGo } = require("./locate.js");
const { goContext, goWorkDir } = require("./goStep.js");
const { pending, removePending } = require("./interrupt.js");

/**
 * The executable `name` in `binDir`, or on PATH, or undefined.
 * @param {string} name e.g. `pulumi-language-yaml`
 * @param {string} binDir The CLI's bin dir.
 * @returns {string | undefined}
 */
function findHost(name, binDir) {
  const dirs = [binDir, ...(process.env.PATH || "").split(path.delimiter)].filter(Boolean);
  for (const dir of dirs) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/**
 * The host `name`: found, or built by `build` and renamed into `binDir`.
 * @param {string} name
 * @param {string} binDir The CLI's bin dir, first on PATH when tests run pulumi.
 * @param {(line: string) => void} log
 * @param {(ctx: import("./goStep.js").GoContext, work: string, outFile: string) => Promise<void>} build
 *   Writes the host to `outFile`, using `work` as its scratch folder.
 * @returns {Promise<string>} the host's path
 * @throws {Error} when there is no usable go, or the build fails (its step, command and stderr)
 */
async function ensureHost(name, binDir, log, build) {
  const found = findHost(name, binDir);
  if (found) return found;
  const go = await findGo();
  if (!go.go) throw new Error(`Go is needed to build ${name} (none found)`);
  const started = Date.now();
  const work = goWorkDir();
  const staging = path.join(binDir, `.staging-${name}-${process.pid}`);
  pending.paths.add(staging);
  try {
    fs.mkdirSync(staging, { recursive: true });
    log(`${PREFIX} building ${name} with ${go.version} (once; cached after)`);
    const built = path.join(staging, name);
    await build(goContext(go.go, log), work, built);
    const target = path.join(binDir, name);
    fs.renameSync(built, target);
    log(`${PREFIX} built ${name} in ${Math.round((Date.now() - started) / 1000)} s: ${target}`);
    return target;
  } finally {
    removePending([work, staging]);
  }
}

/**
 * The script of a host module: provides the CLI, then the host, and prints its path.
 * @param {string} name
 * @param {(binDir: string, log: (line: string) => void) => Promise<string>} ensure
 */
function runHostScript(name, ensure) {
  const { ensurePulumi } = require("./ensure.js");
  ensurePulumi({ languageHost: true })
    .then((cli) => ensure(cli.binDir, (line) => process.stderr.write(`${line}\n`)))
    .then(
      (host) => process.stdout.write(`${name}: ${host}\n`),
      (err) => {
        process.stderr.write(`${PREFIX} ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 1;
      },
    );
}

module.exports = { findHost, ensureHost, runHostScript };
