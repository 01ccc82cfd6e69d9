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
const path = require("node:path");
const { goStep } = require("./goStep.js");
const { findHost, ensureHost, runHostScript } = require("./extraHost.js");

const YAML_HOST = "pulumi-language-yaml";
const YAML_VERSION = "1.25.0";
const YAML_PACKAGE = `github.com/pulumi/pulumi-yaml/cmd/${YAML_HOST}@v${YAML_VERSION}`;

/**
 * The YAML host in `binDir`, or on PATH, or undefined.
 * @param {string} binDir The CLI's bin dir.
 * @returns {string | undefined}
 */
function findYamlHost(binDir) {
  return findHost(YAML_HOST, binDir);
}

/**
 * Provides the YAML host in `binDir` (see the file comment).
 * @param {string} binDir
 * @param {(line: string) => void} log
 * @returns {Promise<string>} the host's path
 * @throws {Error} when there is no usable go, or `go install` fails
 */
function ensureYamlHost(binDir, log) {
  return ensureHost(YAML_HOST, binDir, log, async (ctx, work, outFile) => {
    // `go install` writes into GOBIN under the package's own name, which is the host's.
    ctx.env.GOBIN = path.dirname(outFile);
    await goStep(ctx, `${YAML_HOST}: go install`, ["install", YAML_PACKAGE], work);
  });
}

module.exports = { YAML_HOST, YAML_VERSION, findYamlHost, ensureYamlHost };

if (require.main === module) runHostScript(YAML_HOST, ensureYamlHost);
