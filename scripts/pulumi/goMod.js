// @ts-check
"use strict";
/**
 * The Go side's names and go.mod text: the pulumi module paths, and the `replace` lines read
 * from pulumi's own go.mod files and written into the throwaway modules the build runs in.
 */

const { PULUMI_VERSION, MIN_GO_VERSION } = require("./constants.js");

const PKG_MODULE = "github.com/pulumi/pulumi/pkg/v3";
const SDK_MODULE = "github.com/pulumi/pulumi/sdk/v3";
const CLI_PACKAGE = "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi";
/** The language host's file name, as the CLI looks for it on PATH. */
const LANGUAGE_HOST = "pulumi-language-nodejs";
/**
 * The last sdk release holding the language host as a package: later ones moved it into a
 * module of its own, which the Go module proxy refuses at every version.
 */
const LANGUAGE_HOST_SDK_VERSION = "3.68.0";
const LANGUAGE_HOST_PACKAGE = `${SDK_MODULE}/nodejs/cmd/${LANGUAGE_HOST}`;
/** Set with `-ldflags -X` so the CLI reports the release: the Automation API checks it. */
const VERSION_VAR = "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version";

/**
 * @typedef {object} Replace One `replace` directive.
 * @property {string} path
 * @property {string} [version]
 * @property {string} newPath A module path, or a local folder (`../sdk`).
 * @property {string} [newVersion]
 */

/**
 * Parses the `replace` directives of a go.mod file (single-line and block form); `//`
 * comments are ignored.
 * @param {string} goModText
 * @returns {Replace[]} in block-then-single-line order; never throws
 */
function parseReplaces(goModText) {
  /** @type {Replace[]} */
  const out = [];
  const text = goModText.replace(/\/\/[^\n]*/g, "");
  /** @param {string} spec */
  const add = (spec) => {
    const m = /^(\S+)(?:\s+(\S+))?\s*=>\s*(\S+)(?:\s+(\S+))?\s*$/.exec(spec.trim());
    if (m) out.push({ path: m[1], version: m[2], newPath: m[3], newVersion: m[4] });
  };
  const blocks = /^replace\s*\(([\s\S]*?)^\)/gm;
  let b;
  while ((b = blocks.exec(text))) for (const line of b[1].split("\n")) if (line.trim()) add(line);
  for (const m of text.matchAll(/^replace\s+([^(\n][^\n]*)$/gm)) add(m[1]);
  return out;
}

/**
 * The replaces a throwaway module can carry over: those that point to another module. A local
 * one (`../sdk`) only works inside the pulumi repository; for the pulumi modules it stands for
 * "the same commit", so it becomes a pin to the release (`sdk/v3 => sdk/v3 v<version>`); any
 * other local one is dropped.
 * @param {Replace[]} replaces
 * @returns {Replace[]} never throws
 */
function remoteReplaces(replaces) {
  const out = [];
  for (const r of replaces) {
    if (!r.newPath.startsWith("./") && !r.newPath.startsWith("../")) out.push(r);
    else if (r.path === PKG_MODULE || r.path === SDK_MODULE) {
      out.push({ path: r.path, newPath: r.path, newVersion: `v${PULUMI_VERSION}` });
    }
  }
  return out;
}

/**
 * One replace as a go.mod line: `replace a [v] => b [v]`.
 * @param {Replace} r
 * @returns {string}
 */
function replaceLine(r) {
  const left = r.version ? `${r.path} ${r.version}` : r.path;
  const right = r.newVersion ? `${r.newPath} ${r.newVersion}` : r.newPath;
  return `replace ${left} => ${right}`;
}

/**
 * The go.mod of a throwaway module: its name, `go MIN_GO_VERSION`, the requires and the
 * replaces.
 * @param {string} moduleName
 * @param {Replace[]} replaces
 * @param {string[]} [requires] `module@version` specs, e.g. `github.com/pulumi/pulumi/sdk/v3@v3.68.0`
 * @returns {string}
 */
function goModFile(moduleName, replaces, requires = []) {
  const requireLines = requires.map((spec) => `require ${spec.replace("@", " ")}`);
  return [
    `module ${moduleName}`,
    "",
    `go ${MIN_GO_VERSION}`,
    "",
    ...requireLines,
    ...(requireLines.length ? [""] : []),
    ...replaces.map(replaceLine),
    "",
  ].join("\n");
}

module.exports = {
  PKG_MODULE,
  SDK_MODULE,
  CLI_PACKAGE,
  LANGUAGE_HOST,
  LANGUAGE_HOST_SDK_VERSION,
  LANGUAGE_HOST_PACKAGE,
  VERSION_VAR,
  parseReplaces,
  remoteReplaces,
  replaceLine,
  goModFile,
};
