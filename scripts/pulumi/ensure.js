#!/usr/bin/env node
// @ts-check
"use strict";
/**
 * Finds or builds the Pulumi CLI this project's engine tests and demo need.
 *
 * Order: a `pulumi` on PATH at least MIN_PULUMI_VERSION; else a per-version user-level cache;
 * else a build from the Go module proxy into that cache (minutes, once per machine). The
 * result always has one `root` whose `bin/` holds `pulumi`, the dynamic provider launcher
 * `pulumi-resource-pulumi-nodejs` and, when it could be had, `pulumi-language-nodejs` (the one
 * beside a `pulumi` from PATH, else built from an older sdk release on request): pass it to the
 * Automation API as `PulumiCommand.get({ root })`.
 *
 * This is the public entry; the pieces live beside it, one concern a module (README.md's
 * file table says which holds what).
 *
 * Plain CommonJS with Node built-ins only: it runs before `npm run build`.
 * Usage as a script: `node scripts/pulumi/ensure.js [--json] [--require-language-plugin]`; the
 * script also provides the language host.
 */

const fs = require("node:fs");
const path = require("node:path");
const { PULUMI_VERSION, MIN_PULUMI_VERSION, MIN_GO_VERSION, PREFIX } = require("./constants.js");
const { cacheBaseDir, readCache, cachedResult, linkPathInstall } = require("./cache.js");
const { findPulumiOnPath, compareVersions } = require("./locate.js");
const { withLock } = require("./lock.js");
const { buildIntoCache } = require("./build.js");
const { addLanguageHost } = require("./languageHost.js");
const { cleanUpOnInterrupt } = require("./interrupt.js");

/**
 * @typedef {object} EnsurePulumiOptions
 * @property {(line: string) => void} [log] Receives progress lines (default: stderr).
 * @property {boolean} [languageHost] Provide `pulumi-language-nodejs` too (needed only by a
 *   plain `pulumi preview`/`up` in a project directory): build it when missing, under the
 *   build lock; a failed build is reported in `languagePluginError`, not thrown.
 * @property {boolean} [requireLanguagePlugin] Like `languageHost`, but fail unless the host is
 *   available afterwards.
 */

/**
 * @typedef {import("./cache.js").CliLocation & { seconds: number }} EnsurePulumiResult Where
 * the CLI is (see CliLocation) and the time this call took, in seconds.
 */

/**
 * Makes sure a usable Pulumi CLI is at hand (see the file comment) and says where it is.
 * @param {EnsurePulumiOptions} [options]
 * @returns {Promise<EnsurePulumiResult>}
 * @throws {Error} (rejects) when there is neither a usable `pulumi` nor a Go to build one
 *   (the message names both fixes); when a build step fails (the step, go's command and its
 *   last stderr lines); or, with `requireLanguagePlugin`, when the language plugin cannot be
 *   had (with the reason)
 */
async function ensurePulumi(options = {}) {
  const started = Date.now();
  const log = options.log || ((line) => process.stderr.write(`${line}\n`));
  const requireLanguagePlugin = !!options.requireLanguagePlugin;
  const languageHost = requireLanguagePlugin || !!options.languageHost;
  const env = process.env;
  const base = cacheBaseDir(env);
  fs.mkdirSync(base, { recursive: true });

  /** @type {import("./locate.js").FoundPulumi | undefined} */
  let tooOld;
  if (!isTrue(env.PULUMI_LOSANT_SKIP_PATH)) {
    const found = await findPulumiOnPath(env.PATH, base);
    if (found && compareVersions(found.version, MIN_PULUMI_VERSION) >= 0) {
      let result = linkPathInstall(base, found);
      if (languageHost && !result.languagePlugin) {
        await withLock(`${result.root}.lock`, log, async () => {
          const linked = linkPathInstall(base, found);
          if (!linked.languagePlugin) {
            await addLanguageHost(
              linked.root,
              { version: found.version, languagePlugin: false },
              log,
            );
          }
        });
        result = linkPathInstall(base, found);
      }
      return finish(result, started, requireLanguagePlugin);
    }
    if (found) {
      tooOld = found;
      log(
        `${PREFIX} ignoring ${found.path} (v${found.version}): older than the v${MIN_PULUMI_VERSION} this project needs`,
      );
    }
  }

  const root = path.join(base, `pulumi-v${PULUMI_VERSION}`);
  let manifest = readCache(root);
  /** @type {"cache" | "built"} */
  let source = "cache";
  if (!manifest || (languageHost && !manifest.languagePlugin)) {
    await withLock(`${root}.lock`, log, async () => {
      // Read again under the lock: the process we waited for may have built it meanwhile.
      manifest = readCache(root);
      if (!manifest) {
        manifest = await buildIntoCache(base, root, log, tooOld);
        source = "built";
      }
      if (languageHost && !manifest.languagePlugin) {
        manifest = await addLanguageHost(root, manifest, log);
      }
    });
  }
  if (!manifest) throw new Error(`no Pulumi CLI in ${root} after the build`);
  const result = cachedResult(root, manifest, source);
  if (source === "cache") log(`${PREFIX} using cached Pulumi CLI v${manifest.version} in ${root}`);
  return finish(result, started, requireLanguagePlugin);
}

/**
 * Finds a usable Pulumi CLI without building one: a `pulumi` on PATH at least
 * MIN_PULUMI_VERSION (unless `PULUMI_LOSANT_SKIP_PATH`), else the per-version cache. Never
 * calls go and never waits for a build in progress, so a test can decide at once whether the
 * engine is at hand. Installs the dynamic provider launcher beside the CLI it finds.
 * @returns {Promise<EnsurePulumiResult | undefined>} as {@link ensurePulumi} returns it
 *   (`source` is "path" or "cache"), or undefined when neither has one
 * @throws {Error} (rejects) only from the file system (the cache's launcher or links cannot
 *   be written)
 */
async function findPulumi() {
  const started = Date.now();
  const base = cacheBaseDir(process.env);
  if (!isTrue(process.env.PULUMI_LOSANT_SKIP_PATH)) {
    const found = await findPulumiOnPath(process.env.PATH, base);
    if (found && compareVersions(found.version, MIN_PULUMI_VERSION) >= 0) {
      return finish(linkPathInstall(base, found), started, false);
    }
  }
  const root = path.join(base, `pulumi-v${PULUMI_VERSION}`);
  const manifest = readCache(root);
  if (!manifest) return undefined;
  return finish(cachedResult(root, manifest, "cache"), started, false);
}

/**
 * The `pulumi-language-nodejs` a plain `pulumi preview` in a project folder would use: the one
 * beside the CLI that {@link findPulumi} finds. Never builds (see `npm run pulumi:ensure`).
 * @returns {Promise<string | undefined>} its path in the CLI's bin dir (put that dir first on
 *   PATH, see {@link pulumiEnv}), or undefined when there is no CLI or no host beside it
 * @throws {Error} (rejects) only from the file system, as findPulumi does
 */
async function findLanguageHost() {
  const found = await findPulumi();
  return found && found.languagePluginPath;
}

/**
 * An environment for spawning `pulumi` directly: the result's bin dir first on PATH (so the
 * CLI finds the launcher and the language plugin), node's own folder on PATH, and the update
 * check off unless the caller says otherwise.
 * @param {{ binDir: string }} result What {@link ensurePulumi} returned.
 * @param {Record<string, string | undefined>} [extra] Variables to add or override.
 * @returns {Record<string, string>} never throws
 */
function pulumiEnv(result, extra = {}) {
  const merged = { ...process.env, ...extra };
  const entries = (merged.PATH || "").split(path.delimiter).filter((p) => p && p !== result.binDir);
  const nodeDir = path.dirname(process.execPath);
  if (!entries.includes(nodeDir)) entries.push(nodeDir);
  merged.PATH = [result.binDir, ...entries].join(path.delimiter);
  if (merged.PULUMI_SKIP_UPDATE_CHECK === undefined) merged.PULUMI_SKIP_UPDATE_CHECK = "true";
  /** @type {Record<string, string>} */
  const out = {};
  for (const [k, v] of Object.entries(merged)) if (v !== undefined) out[k] = String(v);
  return out;
}

/**
 * Whether an environment variable's value means yes.
 * @param {string | undefined} value
 * @returns {boolean}
 */
function isTrue(value) {
  return !!value && !["0", "false", "no", ""].includes(String(value).toLowerCase());
}

/**
 * Adds `seconds`, drops undefined optional fields, enforces requireLanguagePlugin.
 * @param {import("./cache.js").CliLocation} result
 * @param {number} started `Date.now()` when the call began.
 * @param {boolean} requireLanguagePlugin
 * @returns {EnsurePulumiResult}
 * @throws {Error} with `requireLanguagePlugin`, when the language host is missing
 */
function finish(result, started, requireLanguagePlugin) {
  const out = { ...result, seconds: Math.round((Date.now() - started) / 100) / 10 };
  if (out.languagePluginError === undefined) delete out.languagePluginError;
  if (out.languagePluginPath === undefined) delete out.languagePluginPath;
  if (requireLanguagePlugin && !out.languagePlugin) {
    throw new Error(
      `pulumi-language-nodejs is required but not available: ${out.languagePluginError}`,
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CLI

/**
 * The script: see `--help`.
 * @param {string[]} argv The arguments after the script's name.
 * @returns {Promise<number>} the exit code
 */
async function main(argv) {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(
      "Usage: node scripts/pulumi/ensure.js [--json] [--require-language-plugin]\n" +
        `Finds a Pulumi CLI >= v${MIN_PULUMI_VERSION} on PATH, or builds v${PULUMI_VERSION} with Go into\n` +
        `${path.join(cacheBaseDir(), `pulumi-v${PULUMI_VERSION}`)} (see scripts/pulumi/README.md), and\n` +
        "pulumi-language-nodejs beside it (the one beside a pulumi from PATH, else built with Go).\n" +
        "--require-language-plugin fails when that language host cannot be had.\n",
    );
    return 0;
  }
  const json = argv.includes("--json");
  cleanUpOnInterrupt();
  try {
    const r = await ensurePulumi({
      languageHost: true,
      requireLanguagePlugin: argv.includes("--require-language-plugin"),
    });
    if (json) {
      process.stdout.write(`${JSON.stringify(r)}\n`);
      return 0;
    }
    const how = { path: "from PATH", cache: "cached", built: "built from the Go module proxy" };
    const lines = [
      `Pulumi CLI v${r.version} (${how[r.source]}, ${r.seconds} s)`,
      `  root:     ${r.root}   <- PulumiCommand.get({ root })`,
      `  pulumi:   ${r.pulumiPath}`,
      `  provider: ${path.join(r.binDir, "pulumi-resource-pulumi-nodejs")}`,
      r.languagePlugin
        ? `  language: ${r.languagePluginPath}`
        : `  language: pulumi-language-nodejs not available (inline Automation API programs do not need it): ${r.languagePluginError}`,
      `  shell:    export PATH="${r.binDir}:$PATH"`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (json) process.stdout.write(`${JSON.stringify({ error: message })}\n`);
    process.stderr.write(`${PREFIX} ${message}\n`);
    return 1;
  }
}

module.exports = {
  PULUMI_VERSION,
  MIN_PULUMI_VERSION,
  MIN_GO_VERSION,
  cacheBaseDir,
  ensurePulumi,
  findPulumi,
  findLanguageHost,
  pulumiEnv,
};

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
