#!/usr/bin/env node
// @ts-check
"use strict";
/**
 * `pulumi-language-yaml`, the language host of Pulumi YAML programs, beside the CLI that
 * `ensure.js` provides: the one already there or on PATH, else built once with Go from
 * `github.com/pulumi/pulumi-yaml@v1.25.0` (package `cmd/pulumi-language-yaml`; its go.mod has
 * no `replace`, so `go install` takes it as it is) and kept in the CLI's bin dir.
 *
 * Usage: `npm run pulumi:yaml` (after `npm run pulumi:ensure`).
 */
const fs = require("node:fs");
const path = require("node:path");
const { PREFIX } = require("./constants.js");
const { findGo } = require("./locate.js");
const { goContext, goStep, goWorkDir } = require("./goStep.js");
const { pending, removePending } = require("./interrupt.js");

const YAML_HOST = "pulumi-language-yaml";
const YAML_MODULE = "github.com/pulumi/pulumi-yaml";
const YAML_VERSION = "1.25.0";
const YAML_PACKAGE = `${YAML_MODULE}/cmd/${YAML_HOST}`;

/**
 * The YAML host in `binDir`, or on PATH, or undefined.
 * @param {string} binDir The CLI's bin dir.
 * @returns {string | undefined}
 */
function findYamlHost(binDir) {
  const dirs = [binDir, ...(process.env.PATH || "").split(path.delimiter)].filter(Boolean);
  for (const dir of dirs) {
    const file = path.join(dir, YAML_HOST);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

/**
 * Provides the YAML host in `binDir`: found, or built with Go into a staging folder and renamed
 * into place, so it is whole or absent.
 * @param {string} binDir The CLI's bin dir, first on PATH when tests run pulumi.
 * @param {(line: string) => void} log
 * @returns {Promise<string>} the host's path
 * @throws {Error} when there is no usable go, or a go step fails (its command and stderr)
 */
async function ensureYamlHost(binDir, log) {
  const found = findYamlHost(binDir);
  if (found) return found;
  const go = await findGo();
  if (!go.go) throw new Error(`Go is needed to build ${YAML_HOST} (none found)`);
  const started = Date.now();
  const work = goWorkDir();
  const staging = path.join(binDir, `.staging-yaml-${process.pid}`);
  pending.paths.add(staging);
  try {
    fs.mkdirSync(staging, { recursive: true });
    const ctx = goContext(go.go, log);
    ctx.env.GOBIN = staging;
    log(`${PREFIX} building ${YAML_HOST} v${YAML_VERSION} with ${go.version} (once; cached after)`);
    await goStep(
      ctx,
      `${YAML_HOST}: go install`,
      ["install", `${YAML_PACKAGE}@v${YAML_VERSION}`],
      work,
    );
    const target = path.join(binDir, YAML_HOST);
    fs.renameSync(path.join(staging, YAML_HOST), target);
    log(
      `${PREFIX} built ${YAML_HOST} in ${Math.round((Date.now() - started) / 1000)} s: ${target}`,
    );
    return target;
  } finally {
    removePending([work, staging]);
  }
}

module.exports = { YAML_HOST, YAML_VERSION, findYamlHost, ensureYamlHost };

if (require.main === module) {
  const { ensurePulumi } = require("./ensure.js");
  ensurePulumi({ languageHost: true })
    .then((cli) => ensureYamlHost(cli.binDir, (line) => process.stderr.write(`${line}\n`)))
    .then(
      (host) => process.stdout.write(`${YAML_HOST}: ${host}\n`),
      (err) => {
        process.stderr.write(`${PREFIX} ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 1;
      },
    );
}
