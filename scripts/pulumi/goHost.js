#!/usr/bin/env node
// @ts-check
"use strict";
/**
 * `pulumi-language-go`, the language host of Pulumi Go programs, beside the CLI that
 * `ensure.js` provides: the one already there or on PATH, else built once with Go and kept in
 * the CLI's bin dir. Its own module is not served here; up to v3.62.0 the host was the package
 * `go/pulumi-language-go` of `github.com/pulumi/pulumi/sdk/v3`, which is. That sdk's go.mod
 * carries a `replace`, which `go install` refuses, so a throwaway module requires the sdk with
 * the same replace and imports the package from a `tools.go` (as languageHost.js does for the
 * Node.js host). The host only builds and starts the program; the program's own go.mod picks
 * the Go SDK it runs on.
 *
 * Usage: `npm run pulumi:go` (after `npm run pulumi:ensure`).
 */
const fs = require("node:fs");
const path = require("node:path");
const { SDK_MODULE, VERSION_VAR, parseReplaces, goModFile } = require("./goMod.js");
const { goStep, modDownload } = require("./goStep.js");
const { findHost, ensureHost, runHostScript } = require("./extraHost.js");

const GO_HOST = "pulumi-language-go";
const GO_HOST_SDK_VERSION = "3.62.0";
const GO_HOST_PACKAGE = `${SDK_MODULE}/go/${GO_HOST}`;

/**
 * The Go host in `binDir`, or on PATH, or undefined.
 * @param {string} binDir The CLI's bin dir.
 * @returns {string | undefined}
 */
function findGoHost(binDir) {
  return findHost(GO_HOST, binDir);
}

/**
 * Provides the Go host in `binDir` (see the file comment).
 * @param {string} binDir
 * @param {(line: string) => void} log
 * @returns {Promise<string>} the host's path
 * @throws {Error} when there is no usable go, or a go step fails
 */
function ensureGoHost(binDir, log) {
  return ensureHost(GO_HOST, binDir, log, async (ctx, work, outFile) => {
    const spec = `${SDK_MODULE}@v${GO_HOST_SDK_VERSION}`;
    const name = "pulumi-losant.local/build-language-go";
    fs.writeFileSync(path.join(work, "go.mod"), goModFile(name, []));
    const sdk = await modDownload(ctx, `${GO_HOST} 1/3: fetch ${spec}`, spec, work);
    const replaces = parseReplaces(fs.readFileSync(sdk.GoMod, "utf8"));
    fs.writeFileSync(path.join(work, "go.mod"), goModFile(name, replaces, [spec]));
    fs.writeFileSync(
      path.join(work, "tools.go"),
      `//go:build tools\n\npackage tools\n\nimport _ "${GO_HOST_PACKAGE}"\n`,
    );
    await goStep(ctx, `${GO_HOST} 2/3: resolve dependencies (go mod tidy)`, ["mod", "tidy"], work);
    const ldflags = `-X ${VERSION_VAR}=v${GO_HOST_SDK_VERSION}`;
    await goStep(
      ctx,
      `${GO_HOST} 3/3: compile (go build)`,
      ["build", "-ldflags", ldflags, "-o", outFile, GO_HOST_PACKAGE],
      work,
    );
  });
}

module.exports = { GO_HOST, findGoHost, ensureGoHost };

if (require.main === module) runHostScript(GO_HOST, ensureGoHost);
