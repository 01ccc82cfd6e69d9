// @ts-check
"use strict";
/**
 * The cache's folders and what they hold. `<cache>/pulumi-v<version>/` is a built CLI with
 * its manifest `pulumi-losant.json`; `<cache>/from-path-<hash>/` gives a `pulumi` found on
 * PATH a root of its own (symlinks plus the launcher), since the Automation API wants one
 * root whose `bin/` holds the CLI and the plugins.
 */

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const crypto = require("node:crypto");
const { PULUMI_VERSION } = require("./constants.js");
const { installLauncher } = require("./launcher.js");
const { isExecutableFile, findOnPath } = require("./locate.js");
const { LANGUAGE_HOST } = require("./goMod.js");

/** The manifest a build writes into its root: versions, replaces, commit, plugin status. */
const MANIFEST = "pulumi-losant.json";

/**
 * The directory holding the per-version caches:
 * `${PULUMI_LOSANT_CACHE || XDG_CACHE_HOME || ~/.cache}/pulumi-losant`.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string}
 */
function cacheBaseDir(env = process.env) {
  const base = env.PULUMI_LOSANT_CACHE || env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(path.resolve(base), "pulumi-losant");
}

/**
 * @typedef {object} CacheManifest
 * @property {string} version
 * @property {boolean} languagePlugin Whether `bin/pulumi-language-nodejs` is there now (the
 *   folder is checked, not the file's word).
 * @property {string} [languagePluginError]
 * @property {string} [languagePluginVersion] The sdk release the host was built from.
 * @property {string} [pkgCommit] The commit of the pkg tag the CLI was built from.
 * @property {string[]} [replaces] The replace lines the build used.
 */

/**
 * @typedef {object} CliLocation Where a usable CLI is, and whether its language host is.
 * @property {string} root Pass as `PulumiCommand.get({ root })`; holds `bin/`.
 * @property {string} binDir `<root>/bin`: `pulumi`, the launcher, maybe the language host.
 * @property {string} pulumiPath `<root>/bin/pulumi` (a symlink when it came from PATH).
 * @property {string} version The CLI's version without a leading `v`, e.g. `3.248.0`.
 * @property {"path" | "cache" | "built"} source Where the CLI came from on this call.
 * @property {boolean} languagePlugin Whether `<binDir>/pulumi-language-nodejs` exists.
 * @property {string} [languagePluginPath] `<binDir>/pulumi-language-nodejs`, when it exists.
 * @property {string} [languagePluginError] Why the language host is missing, if it is.
 */

/**
 * Reads a cached CLI in `root`: usable when `bin/pulumi` is executable.
 * @param {string} root e.g. `<cache>/pulumi-v3.248.0`
 * @returns {CacheManifest | undefined} the manifest (a missing or unreadable one counts as
 *   empty), or undefined when there is no usable CLI; never throws
 */
function readCache(root) {
  const bin = path.join(root, "bin");
  if (!isExecutableFile(path.join(bin, "pulumi"))) return undefined;
  /** @type {Partial<CacheManifest>} */
  let manifest = {};
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(root, MANIFEST), "utf8"));
  } catch {
    // a hand-made cache without a manifest: trust the directory's version
  }
  // Built here or placed by hand: an executable host in bin/ counts as cached.
  const languagePlugin = isExecutableFile(path.join(bin, LANGUAGE_HOST));
  return {
    ...manifest,
    version: manifest.version || PULUMI_VERSION,
    languagePlugin,
    languagePluginError: languagePlugin
      ? undefined
      : manifest.languagePluginError || `${LANGUAGE_HOST} is not in the cache`,
  };
}

/**
 * Writes `manifest` as `<root>/pulumi-losant.json`, through a temp file and a rename so a
 * reader never sees half of it.
 * @param {string} root
 * @param {object} manifest
 * @returns {void}
 * @throws {Error} from `fs` when `root` cannot be written
 */
function writeManifest(root, manifest) {
  const file = path.join(root, MANIFEST);
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/**
 * The result for the CLI cached in `root`, with the launcher (re)installed beside it.
 * @param {string} root
 * @param {CacheManifest} manifest What {@link readCache} returned for `root`.
 * @param {"cache" | "built"} source
 * @returns {CliLocation}
 * @throws {Error} from `fs` when the launcher cannot be installed
 */
function cachedResult(root, manifest, source) {
  const binDir = path.join(root, "bin");
  installLauncher(binDir);
  return {
    root,
    binDir,
    pulumiPath: path.join(binDir, "pulumi"),
    version: manifest.version,
    source,
    languagePlugin: manifest.languagePlugin,
    languagePluginPath: manifest.languagePlugin ? path.join(binDir, LANGUAGE_HOST) : undefined,
    languagePluginError: manifest.languagePlugin ? undefined : manifest.languagePluginError,
  };
}

/**
 * Gives a `pulumi` from PATH a root of its own in the cache, `from-path-<hash of its real
 * path>/bin`, with symlinks to it and to the `pulumi-language-nodejs` beside it (or on PATH)
 * if there is one, and the launcher. Without one there, a host built into that bin dir earlier
 * (a regular file, not a link) is kept.
 * @param {string} base The cache folder (see {@link cacheBaseDir}).
 * @param {{ path: string, real: string, version: string }} found From findPulumiOnPath.
 * @returns {CliLocation} with source "path"
 * @throws {Error} from `fs` when the root cannot be written
 */
function linkPathInstall(base, found) {
  const hash = crypto.createHash("sha256").update(found.real).digest("hex").slice(0, 12);
  const root = path.join(base, `from-path-${hash}`);
  const binDir = path.join(root, "bin");
  fs.mkdirSync(binDir, { recursive: true });
  ensureSymlink(path.join(binDir, "pulumi"), found.real);

  const language = [
    path.join(path.dirname(found.real), LANGUAGE_HOST),
    path.join(path.dirname(found.path), LANGUAGE_HOST),
    findOnPath(LANGUAGE_HOST, process.env.PATH),
  ].find((p) => p && isExecutableFile(p));
  const languageLink = path.join(binDir, LANGUAGE_HOST);
  const built = !language && isBuiltFile(languageLink);
  if (language) ensureSymlink(languageLink, fs.realpathSync(language));
  else if (!built) fs.rmSync(languageLink, { force: true });

  installLauncher(binDir);
  return {
    root,
    binDir,
    pulumiPath: path.join(binDir, "pulumi"),
    version: found.version,
    source: "path",
    languagePlugin: !!language || built,
    languagePluginPath: language || built ? languageLink : undefined,
    languagePluginError:
      language || built
        ? undefined
        : `${LANGUAGE_HOST} was found neither beside ${found.real} nor on PATH`,
  };
}

/**
 * Whether `file` is an executable regular file itself, not a symlink to one.
 * @param {string} file
 * @returns {boolean} never throws
 */
function isBuiltFile(file) {
  try {
    return !fs.lstatSync(file).isSymbolicLink() && isExecutableFile(file);
  } catch {
    return false;
  }
}

/**
 * Makes `link` a symlink to `target`, replacing whatever is there in one rename.
 * @param {string} link
 * @param {string} target
 * @returns {void}
 * @throws {Error} from `fs` when the folder cannot be written
 */
function ensureSymlink(link, target) {
  try {
    if (fs.readlinkSync(link) === target) return;
  } catch {
    // missing or not a symlink: (re)create below
  }
  const tmp = `${link}.tmp-${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  fs.symlinkSync(target, tmp);
  fs.renameSync(tmp, link);
}

module.exports = { cacheBaseDir, readCache, writeManifest, cachedResult, linkPathInstall };
