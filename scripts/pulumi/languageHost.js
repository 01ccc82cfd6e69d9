// @ts-check
"use strict";
/**
 * `pulumi-language-nodejs`, the language host a plain `pulumi preview`/`up` in a project folder
 * starts (inline Automation API programs do not need it). A `pulumi` from PATH brings its own;
 * for the cached CLI it is built here. Its own module is refused by the Go module proxy at
 * every version, but up to v3.68.0 the host was a package of `github.com/pulumi/pulumi/sdk/v3`,
 * which the proxy serves. `go install <package>@v3.68.0` refuses it because that sdk's go.mod
 * carries a `replace`, so a throwaway module requires the sdk with the same replace, imports
 * the package from a `tools.go`, and `go mod tidy` then `go build` it.
 *
 * The host is an older release than the CLI: it only starts the Node runtime
 * (`@pulumi/pulumi/cmd/run`), which comes from the program's own `node_modules`.
 */

const fs = require("node:fs");
const path = require("node:path");
const { MIN_GO_VERSION, PREFIX } = require("./constants.js");
const {
  SDK_MODULE,
  VERSION_VAR,
  LANGUAGE_HOST_SDK_VERSION,
  LANGUAGE_HOST_PACKAGE,
  LANGUAGE_HOST,
  parseReplaces,
  remoteReplaces,
  goModFile,
} = require("./goMod.js");
const { goContext, goWorkDir, goStep, modDownload } = require("./goStep.js");
const { readCache, writeManifest } = require("./cache.js");
const { findGo } = require("./locate.js");
const { pending, removePending } = require("./interrupt.js");

const SDK_SPEC = `${SDK_MODULE}@v${LANGUAGE_HOST_SDK_VERSION}`;

/**
 * Builds the language host into `outFile` (see the file comment), logging each step.
 * @param {import("./goStep.js").GoContext} ctx
 * @param {string} work A temp folder (from goWorkDir) for the throwaway module.
 * @param {string} outFile Where the binary goes; the caller renames it into place.
 * @returns {Promise<{ version: string }>} the sdk release it was built from, e.g. `3.68.0`
 * @throws {Error} a go step's error (the step, go's command and its last stderr lines), or
 *   the proxy's answer when the sdk cannot be fetched
 */
async function buildLanguageHost(ctx, work, outFile) {
  const dir = path.join(work, "language-host");
  fs.mkdirSync(dir);
  const modName = "pulumi-losant.local/build-language-nodejs";
  fs.writeFileSync(path.join(dir, "go.mod"), goModFile(modName, []));
  const sdk = await modDownload(ctx, `language host 1/3: fetch ${SDK_SPEC}`, SDK_SPEC, dir);
  const replaces = remoteReplaces(parseReplaces(fs.readFileSync(sdk.GoMod, "utf8")));
  fs.writeFileSync(path.join(dir, "go.mod"), goModFile(modName, replaces, [SDK_SPEC]));
  fs.writeFileSync(
    path.join(dir, "tools.go"),
    `//go:build tools\n\npackage tools\n\nimport _ "${LANGUAGE_HOST_PACKAGE}"\n`,
  );
  await goStep(ctx, "language host 2/3: resolve dependencies (go mod tidy)", ["mod", "tidy"], dir);
  await goStep(
    ctx,
    `language host 3/3: compile ${LANGUAGE_HOST} (go build)`,
    [
      "build",
      "-v",
      "-ldflags",
      `-X ${VERSION_VAR}=v${LANGUAGE_HOST_SDK_VERSION}`,
      "-o",
      outFile,
      LANGUAGE_HOST_PACKAGE,
    ],
    dir,
  );
  return { version: LANGUAGE_HOST_SDK_VERSION };
}

/**
 * Provides the language host in `<root>/bin` of a cached or PATH-linked CLI: built into a
 * staging folder inside `root`, then renamed into `bin/` so it is either whole or absent. The
 * outcome is recorded in `<root>/pulumi-losant.json`.
 * @param {string} root The CLI's root; the caller holds the build lock and found no host.
 * @param {import("./cache.js").CacheManifest} manifest What readCache returned for `root`
 *   (or `{ version }` for a root that holds no manifest).
 * @param {(line: string) => void} log
 * @returns {Promise<import("./cache.js").CacheManifest>} the manifest as read afterwards;
 *   when there is no usable go or the build fails, `languagePluginError` says why (never
 *   rejects on a go failure)
 * @throws {Error} from `fs` when `root` cannot be written
 */
async function addLanguageHost(root, manifest, log) {
  const found = await findGo();
  if (!found.go) {
    return {
      ...manifest,
      languagePluginError: `Go ${MIN_GO_VERSION}+ is needed to build ${LANGUAGE_HOST} (none found)`,
    };
  }
  const started = Date.now();
  const work = goWorkDir();
  const staging = path.join(root, `.staging-language-${process.pid}`);
  pending.paths.add(staging);
  const ctx = goContext(found.go, log);
  log(
    `${PREFIX} building ${LANGUAGE_HOST} from ${SDK_SPEC} with ${found.version} ` +
      "(an older release than the CLI, for this project's own checks; cached afterwards)",
  );
  let outcome;
  try {
    fs.mkdirSync(staging, { recursive: true });
    const built = path.join(staging, LANGUAGE_HOST);
    const { version } = await buildLanguageHost(ctx, work, built);
    fs.mkdirSync(path.join(root, "bin"), { recursive: true });
    fs.renameSync(built, path.join(root, "bin", LANGUAGE_HOST));
    const seconds = Math.round((Date.now() - started) / 1000);
    log(`${PREFIX} built ${LANGUAGE_HOST} v${version} in ${seconds} s into ${root}/bin`);
    outcome = { languagePluginVersion: version, languagePluginSeconds: seconds };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const error = `${LANGUAGE_HOST} from ${SDK_SPEC}: ${message.trim()}`;
    log(`${PREFIX} ${LANGUAGE_HOST} not built: ${error}`);
    outcome = { languagePluginError: error };
  } finally {
    removePending([work, staging]);
  }
  // JSON leaves out the undefined error of a successful build.
  const recorded = { ...manifest, languagePluginError: undefined, ...outcome };
  writeManifest(root, { ...recorded, languagePlugin: !outcome.languagePluginError });
  return readCache(root) || { ...manifest, ...outcome };
}

module.exports = { buildLanguageHost, addLanguageHost };
