"use strict";
/**
 * The optional `pulumi-language-nodejs` build. Inline Automation API programs do not need it;
 * a plain `pulumi preview` in a project folder does. Its module has no tags, and the module
 * proxy these machines reach refuses it (see the README), so a failure here is recorded as
 * `languagePluginError` rather than failing the build.
 */

const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const { PULUMI_VERSION, MIN_GO_VERSION, PREFIX } = require("./constants.js");
const {
  PKG_MODULE,
  SDK_MODULE,
  LANGUAGE_MODULE,
  VERSION_VAR,
  parseReplaces,
  remoteReplaces,
  goModFile,
} = require("./goMod.js");
const { goContext, goWorkDir, goStep, modDownload } = require("./goStep.js");
const { readCache, writeManifest } = require("./cache.js");
const { findGo } = require("./locate.js");
const { pending, removePending } = require("./interrupt.js");

/**
 * Tries to build pulumi-language-nodejs into `outBin`. Its module has no tags, so it is asked
 * for at the commit of the pkg tag, which the proxy turns into a pseudo-version. Its go.mod's
 * own replaces are added to the pkg's (the pkg's win where both name a module).
 * @param {import("./goStep.js").GoContext} ctx
 * @param {string} work A temp folder (from goWorkDir) for its throwaway module.
 * @param {string | undefined} commit The commit of the `pkg/v<version>` tag.
 * @param {import("./goMod.js").Replace[]} pkgReplaces From the pkg's go.mod.
 * @param {string} outBin Where the binary goes.
 * @returns {Promise<{ ok: boolean, version?: string, error?: string }>} never rejects on a go
 *   failure: `error` says what went wrong (naming the module and commit)
 * @throws {Error} from `fs` when `work` cannot be written
 */
async function buildLanguagePlugin(ctx, work, commit, pkgReplaces, outBin) {
  if (!commit) {
    return { ok: false, error: `the proxy gave no commit for ${PKG_MODULE}@v${PULUMI_VERSION}` };
  }
  const dir = path.join(work, `language-${crypto.randomBytes(4).toString("hex")}`);
  fs.mkdirSync(dir);
  const modName = "pulumi-losant.local/build-language-nodejs";
  fs.writeFileSync(path.join(dir, "go.mod"), goModFile(modName, pkgReplaces));
  try {
    const info = await modDownload(
      ctx,
      `step 4/4: fetch ${LANGUAGE_MODULE}@${commit.slice(0, 12)} (optional)`,
      `${LANGUAGE_MODULE}@${commit}`,
      dir,
    );
    const own = remoteReplaces(parseReplaces(fs.readFileSync(info.GoMod, "utf8")));
    const merged = [...pkgReplaces];
    for (const r of own) if (!merged.some((m) => m.path === r.path)) merged.push(r);
    fs.writeFileSync(path.join(dir, "go.mod"), goModFile(modName, merged));
    await goStep(
      ctx,
      "step 4/4: resolve pulumi-language-nodejs dependencies (go get)",
      [
        "get",
        `${LANGUAGE_MODULE}@${info.Version}`,
        `${PKG_MODULE}@v${PULUMI_VERSION}`,
        `${SDK_MODULE}@v${PULUMI_VERSION}`,
      ],
      dir,
    );
    await goStep(
      ctx,
      "step 4/4: compile pulumi-language-nodejs (go build)",
      [
        "build",
        "-v",
        "-ldflags",
        `-X ${VERSION_VAR}=v${PULUMI_VERSION}`,
        "-o",
        path.join(outBin, "pulumi-language-nodejs"),
        LANGUAGE_MODULE,
      ],
      dir,
    );
    return { ok: true, version: info.Version };
  } catch (err) {
    const message = String(err.message || err).trim();
    const error = message.startsWith(LANGUAGE_MODULE)
      ? message
      : `${LANGUAGE_MODULE}@${commit}: ${message}`;
    ctx.log(`${PREFIX}   pulumi-language-nodejs not built (optional): ${error}`);
    fs.rmSync(path.join(outBin, "pulumi-language-nodejs"), { force: true });
    return { ok: false, error };
  }
}

/**
 * Retries the language plugin for an existing cache (only when a caller requires it), and
 * records the outcome in its manifest. The pkg's commit and replaces come from the manifest;
 * a cache without them (hand-made) fetches the pkg again to learn them.
 * @param {string} root The cached CLI's root; the caller holds the build lock.
 * @param {import("./cache.js").CacheManifest} manifest What readCache returned for `root`.
 * @param {(line: string) => void} log
 * @returns {Promise<import("./cache.js").CacheManifest>} the cache as read afterwards; with
 *   no usable go, `manifest` with `languagePluginError` saying Go is needed
 * @throws {Error} when fetching the pkg fails (see modDownload), or from `fs`
 */
async function addLanguagePlugin(root, manifest, log) {
  const found = await findGo();
  if (!found.go) {
    return {
      ...manifest,
      languagePluginError: `Go ${MIN_GO_VERSION}+ is needed to build pulumi-language-nodejs`,
    };
  }
  const work = goWorkDir();
  const tmpBin = path.join(root, `.language-${process.pid}`);
  pending.paths.add(tmpBin);
  const ctx = goContext(found.go, log);
  try {
    fs.mkdirSync(tmpBin, { recursive: true });
    let commit = manifest.pkgCommit;
    let replaces = (manifest.replaces || []).map((l) => parseReplaces(l)[0]).filter(Boolean);
    if (!commit) {
      const dir = path.join(work, "pkg");
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, "go.mod"), goModFile("pulumi-losant.local/pkg", []));
      const pkg = await modDownload(
        ctx,
        `fetch ${PKG_MODULE}@v${PULUMI_VERSION}`,
        `${PKG_MODULE}@v${PULUMI_VERSION}`,
        dir,
      );
      commit = pkg.Origin && pkg.Origin.Hash;
      replaces = remoteReplaces(parseReplaces(fs.readFileSync(pkg.GoMod, "utf8")));
    }
    const language = await buildLanguagePlugin(ctx, work, commit, replaces, tmpBin);
    if (language.ok) {
      fs.renameSync(
        path.join(tmpBin, "pulumi-language-nodejs"),
        path.join(root, "bin", "pulumi-language-nodejs"),
      );
    }
    writeManifest(root, {
      ...manifest,
      languagePlugin: language.ok,
      languagePluginVersion: language.version,
      languagePluginError: language.error,
    });
    return readCache(root);
  } finally {
    removePending([work, tmpBin]);
  }
}

module.exports = { buildLanguagePlugin, addLanguagePlugin };
