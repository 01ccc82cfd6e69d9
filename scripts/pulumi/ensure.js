#!/usr/bin/env node
"use strict";
/* global setTimeout, clearTimeout, setInterval, clearInterval */
/**
 * Finds or builds the Pulumi CLI this project's engine tests and demo need.
 *
 * Order: a `pulumi` on PATH at least MIN_PULUMI_VERSION; else a per-version user-level cache;
 * else a build from the Go module proxy into that cache (minutes, once per machine). The
 * result always has one `root` whose `bin/` holds `pulumi`, the dynamic provider launcher
 * `pulumi-resource-pulumi-nodejs` and, when it could be had, `pulumi-language-nodejs`: pass it
 * to the Automation API as `PulumiCommand.get({ root })`.
 *
 * Plain CommonJS with Node built-ins only: it runs before `npm run build`.
 * Usage as a script: `node scripts/pulumi/ensure.js [--json] [--require-language-plugin]`.
 */

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const crypto = require("node:crypto");
const { spawn } = require("node:child_process");

/** The Pulumi CLI version built into the cache (matches the `@pulumi/pulumi` devDependency). */
const PULUMI_VERSION = "3.248.0";
/** The oldest CLI accepted from PATH: inline Automation API refresh/destroy need 3.181. */
const MIN_PULUMI_VERSION = "3.181.0";
/** The oldest Go accepted for the build (older ones switch toolchains through the proxy). */
const MIN_GO_VERSION = "1.24";

const PKG_MODULE = "github.com/pulumi/pulumi/pkg/v3";
const SDK_MODULE = "github.com/pulumi/pulumi/sdk/v3";
const CLI_PACKAGE = "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi";
const LANGUAGE_MODULE = "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3";
const VERSION_VAR = "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version";
const LAUNCHER_FILES = ["pulumi-resource-pulumi-nodejs", "dynamic-provider-launcher.js"];
const MANIFEST = "pulumi-losant.json";
const HEARTBEAT_MS = 15000;
const PREFIX = "[pulumi:ensure]";

/** Paths to remove and children to stop if the script is interrupted (see main()). */
const pending = { paths: new Set(), children: new Set() };

/**
 * @typedef {object} EnsurePulumiOptions
 * @property {(line: string) => void} [log] Receives progress lines (default: stderr).
 * @property {boolean} [requireLanguagePlugin] Fail unless `pulumi-language-nodejs` is
 *   available too (needed only by a plain `pulumi preview`/`up` in a project directory).
 */

/**
 * @typedef {object} EnsurePulumiResult
 * @property {string} root Pass as `PulumiCommand.get({ root })`; holds `bin/`.
 * @property {string} binDir `<root>/bin`: `pulumi`, the launcher, maybe the language plugin.
 * @property {string} pulumiPath `<root>/bin/pulumi` (a symlink when it came from PATH).
 * @property {string} version The CLI's version without a leading `v`, e.g. `3.248.0`.
 * @property {"path" | "cache" | "built"} source Where the CLI came from on this call.
 * @property {boolean} languagePlugin Whether `<binDir>/pulumi-language-nodejs` exists.
 * @property {string} [languagePluginError] Why the language plugin is missing, if it is.
 * @property {number} seconds Time this call took.
 */

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
 * Makes sure a usable Pulumi CLI is at hand (see the file comment) and says where it is.
 * @param {EnsurePulumiOptions} [options]
 * @returns {Promise<EnsurePulumiResult>}
 */
async function ensurePulumi(options = {}) {
  const started = Date.now();
  const log = options.log || ((line) => process.stderr.write(`${line}\n`));
  const requireLanguagePlugin = !!options.requireLanguagePlugin;
  const env = process.env;
  const base = cacheBaseDir(env);
  fs.mkdirSync(base, { recursive: true });

  let tooOld;
  if (!isTrue(env.PULUMI_LOSANT_SKIP_PATH)) {
    const found = await findPulumiOnPath(env.PATH, base);
    if (found && compareVersions(found.version, MIN_PULUMI_VERSION) >= 0) {
      const result = linkPathInstall(base, found);
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
  let source = "cache";
  if (!manifest || (requireLanguagePlugin && !manifest.languagePlugin)) {
    await withLock(path.join(base, `pulumi-v${PULUMI_VERSION}.lock`), log, async () => {
      manifest = readCache(root);
      if (!manifest) {
        manifest = await buildIntoCache(base, root, log, tooOld);
        source = "built";
      } else if (requireLanguagePlugin && !manifest.languagePlugin) {
        manifest = await addLanguagePlugin(root, manifest, log);
      }
    });
  }
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

/** The result for the CLI cached in `root`, with the launcher (re)installed beside it. */
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
    languagePluginError: manifest.languagePlugin ? undefined : manifest.languagePluginError,
  };
}

/**
 * An environment for spawning `pulumi` directly: the result's bin dir first on PATH (so the
 * CLI finds the launcher and the language plugin), node's own folder on PATH, and the update
 * check off unless the caller says otherwise.
 * @param {{ binDir: string }} result What {@link ensurePulumi} returned.
 * @param {Record<string, string | undefined>} [extra] Variables to add or override.
 * @returns {Record<string, string>}
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

// ---------------------------------------------------------------------------------------------
// PATH

function isTrue(value) {
  return !!value && !["0", "false", "no", ""].includes(String(value).toLowerCase());
}

function isExecutableFile(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findOnPath(name, pathVar) {
  for (const dir of (pathVar || "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function isInside(child, parent) {
  const rel = path.relative(parent, child);
  return !!rel && !rel.startsWith("..") && !path.isAbsolute(rel);
}

/** The first `pulumi` on PATH that is not one of this cache's own, with its version. */
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

/** Runs `<pulumi> version`; returns `3.248.0` or undefined when it does not answer. */
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

/** Gives a `pulumi` from PATH a root of its own in the cache, with symlinks and the launcher. */
function linkPathInstall(base, found) {
  const hash = crypto.createHash("sha256").update(found.real).digest("hex").slice(0, 12);
  const root = path.join(base, `from-path-${hash}`);
  const binDir = path.join(root, "bin");
  fs.mkdirSync(binDir, { recursive: true });
  ensureSymlink(path.join(binDir, "pulumi"), found.real);

  const language = [
    path.join(path.dirname(found.real), "pulumi-language-nodejs"),
    path.join(path.dirname(found.path), "pulumi-language-nodejs"),
    findOnPath("pulumi-language-nodejs", process.env.PATH),
  ].find((p) => p && isExecutableFile(p));
  const languageLink = path.join(binDir, "pulumi-language-nodejs");
  if (language) ensureSymlink(languageLink, fs.realpathSync(language));
  else fs.rmSync(languageLink, { force: true });

  installLauncher(binDir);
  return {
    root,
    binDir,
    pulumiPath: path.join(binDir, "pulumi"),
    version: found.version,
    source: "path",
    languagePlugin: !!language,
    languagePluginError: language
      ? undefined
      : `pulumi-language-nodejs was found neither beside ${found.real} nor on PATH`,
  };
}

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

// ---------------------------------------------------------------------------------------------
// Cache

function readCache(root) {
  const bin = path.join(root, "bin");
  if (!isExecutableFile(path.join(bin, "pulumi"))) return undefined;
  let manifest = {};
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(root, MANIFEST), "utf8"));
  } catch {
    // a hand-made cache without a manifest: trust the directory's version
  }
  const languagePlugin = isExecutableFile(path.join(bin, "pulumi-language-nodejs"));
  return {
    ...manifest,
    version: manifest.version || PULUMI_VERSION,
    languagePlugin,
    languagePluginError: languagePlugin
      ? undefined
      : manifest.languagePluginError || "pulumi-language-nodejs is not in the cache",
  };
}

function writeManifest(root, manifest) {
  const file = path.join(root, MANIFEST);
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/** Copies the launcher and its script into `binDir` when they differ (atomic per file). */
function installLauncher(binDir) {
  fs.mkdirSync(binDir, { recursive: true });
  for (const name of LAUNCHER_FILES) {
    const src = path.join(__dirname, name);
    const content = fs.readFileSync(src);
    const dest = path.join(binDir, name);
    const mode = name.endsWith(".js") ? 0o644 : 0o755;
    try {
      const st = fs.lstatSync(dest);
      if (st.isFile() && (st.mode & 0o777) === mode && fs.readFileSync(dest).equals(content)) {
        continue;
      }
    } catch {
      // missing: write it
    }
    const tmp = `${dest}.tmp-${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
    fs.writeFileSync(tmp, content, { mode });
    fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, dest);
  }
}

function finish(result, started, requireLanguagePlugin) {
  const out = { ...result, seconds: Math.round((Date.now() - started) / 100) / 10 };
  if (out.languagePluginError === undefined) delete out.languagePluginError;
  if (requireLanguagePlugin && !out.languagePlugin) {
    throw new Error(
      `pulumi-language-nodejs is required but not available: ${out.languagePluginError}`,
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lock

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function lockIsStale(lockPath) {
  let st;
  try {
    st = fs.statSync(lockPath);
  } catch {
    return { stale: false, gone: true };
  }
  const ageMs = Date.now() - st.mtimeMs;
  let info;
  try {
    info = JSON.parse(fs.readFileSync(lockPath, "utf8"));
  } catch {
    return { stale: ageMs > 30000, info: undefined };
  }
  if (info.host !== os.hostname()) return { stale: ageMs > 3 * 3600 * 1000, info };
  try {
    process.kill(info.pid, 0);
    return { stale: false, info };
  } catch (err) {
    return { stale: err.code === "ESRCH", info };
  }
}

/** Runs `fn` holding an exclusive lock file; waits for (or breaks a dead) holder. */
async function withLock(lockPath, log, fn) {
  const waitStarted = Date.now();
  let lastNote = 0;
  const body = JSON.stringify({ pid: process.pid, host: os.hostname(), started: new Date() });
  for (;;) {
    try {
      fs.writeFileSync(lockPath, body, { flag: "wx" });
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
    }
    const { stale, info } = lockIsStale(lockPath);
    if (stale) {
      // Move it aside, then make sure what was moved is the dead holder's lock.
      const aside = `${lockPath}.stale-${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
      try {
        const before = fs.readFileSync(lockPath, "utf8");
        fs.renameSync(lockPath, aside);
        if (fs.readFileSync(aside, "utf8") !== before) {
          try {
            fs.linkSync(aside, lockPath);
          } catch {
            // someone else holds a newer lock already: fine
          }
        } else {
          log(`${PREFIX} removed a stale lock ${lockPath}`);
        }
        fs.rmSync(aside, { force: true });
      } catch {
        // raced with another waiter: loop
      }
      continue;
    }
    const waited = Date.now() - waitStarted;
    if (waited - lastNote >= HEARTBEAT_MS || lastNote === 0) {
      lastNote = waited || 1;
      const who = info ? `process ${info.pid}` : "another process";
      log(
        `${PREFIX} waiting for ${who} to finish building Pulumi (${Math.round(waited / 1000)} s)`,
      );
    }
    await sleep(500);
  }
  pending.paths.add(lockPath);
  try {
    return await fn();
  } finally {
    fs.rmSync(lockPath, { force: true });
    pending.paths.delete(lockPath);
  }
}

// ---------------------------------------------------------------------------------------------
// Build

/**
 * Runs a command, collecting stdout and the last lines of stderr. With `heartbeat`, logs the
 * elapsed time every 15 s; `onLine` sees each stderr line.
 */
function run(cmd, args, { cwd, env, timeoutMs, onLine, heartbeat } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    pending.children.add(child);
    let stdout = "";
    const tail = [];
    let partial = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => {
      const lines = (partial + d).split("\n");
      partial = lines.pop();
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 60) tail.shift();
        if (onLine) onLine(line);
      }
    });
    const timer = heartbeat
      ? setInterval(() => heartbeat(Math.round((Date.now() - started) / 1000)), HEARTBEAT_MS)
      : undefined;
    const killer = timeoutMs ? setTimeout(() => child.kill("SIGKILL"), timeoutMs) : undefined;
    child.on("error", (err) => {
      pending.children.delete(child);
      if (timer) clearInterval(timer);
      if (killer) clearTimeout(killer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      pending.children.delete(child);
      if (timer) clearInterval(timer);
      if (killer) clearTimeout(killer);
      if (partial) tail.push(partial);
      resolve({ code: code === null ? 1 : code, signal, stdout, stderr: tail.join("\n") });
    });
  });
}

/** Finds `go` (PULUMI_LOSANT_GO, PATH, /usr/local/go/bin) at MIN_GO_VERSION or newer. */
async function findGo() {
  const candidates = process.env.PULUMI_LOSANT_GO
    ? [process.env.PULUMI_LOSANT_GO]
    : [findOnPath("go", process.env.PATH), "/usr/local/go/bin/go"].filter(Boolean);
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

function noPulumiError(root, tooOld, goSeen) {
  const pathPart = tooOld
    ? `the pulumi on PATH (${tooOld.path}) is v${tooOld.version}, older than v${MIN_PULUMI_VERSION}`
    : "no `pulumi` is on PATH";
  const goPart =
    goSeen && goSeen.length
      ? `Go is too old to build it (${goSeen.join("; ")})`
      : process.env.PULUMI_LOSANT_GO
        ? `PULUMI_LOSANT_GO (${process.env.PULUMI_LOSANT_GO}) is not a working go to build it`
        : "no `go` is on PATH (nor in /usr/local/go/bin) to build it";
  return new Error(
    `No usable Pulumi CLI: ${pathPart}, no cached build is in ${root}, and ${goPart}.\n` +
      "Fix it either way:\n" +
      `  1. install the Pulumi CLI v${MIN_PULUMI_VERSION} or newer (https://www.pulumi.com/docs/install/) and put it on PATH; or\n` +
      `  2. install Go ${MIN_GO_VERSION} or newer (https://go.dev/dl/; or set PULUMI_LOSANT_GO to its go binary) ` +
      `and run \`npm run pulumi:ensure\`, which builds Pulumi v${PULUMI_VERSION} from the Go module proxy into that cache.`,
  );
}

/** Parses the `replace` directives of a go.mod file (single-line and block form). */
function parseReplaces(goModText) {
  const out = [];
  const text = goModText.replace(/\/\/[^\n]*/g, "");
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

function replaceLine(r) {
  const left = r.version ? `${r.path} ${r.version}` : r.path;
  const right = r.newVersion ? `${r.newPath} ${r.newVersion}` : r.newPath;
  return `replace ${left} => ${right}`;
}

function goModFile(moduleName, replaces) {
  return [
    `module ${moduleName}`,
    "",
    `go ${MIN_GO_VERSION}`,
    "",
    ...replaces.map(replaceLine),
    "",
  ].join("\n");
}

/**
 * Runs one go step with progress: step name first, then every 15 s the elapsed seconds and
 * how many modules were downloaded / packages compiled so far.
 */
async function goStep(ctx, label, args, cwd) {
  ctx.log(`${PREFIX} ${label}...`);
  const started = Date.now();
  let downloads = 0;
  let compiled = 0;
  const res = await run(ctx.go, args, {
    cwd,
    env: ctx.env,
    onLine: (line) => {
      if (line.startsWith("go: downloading ")) downloads++;
      else if (line && !line.startsWith("go: ") && !line.startsWith("#") && !/^\s/.test(line)) {
        compiled++;
      }
    },
    heartbeat: (s) => {
      const bits = [];
      if (downloads) bits.push(`${downloads} modules downloaded`);
      if (compiled && args[0] === "build") bits.push(`${compiled} packages compiled`);
      ctx.log(`${PREFIX}   ${label}: ${s} s${bits.length ? `, ${bits.join(", ")}` : ""}`);
    },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (res.code !== 0) {
    const err = new Error(
      `${label} failed after ${seconds} s: go ${args.join(" ")} (exit ${res.code})\n${res.stderr.trim()}`,
    );
    err.stderr = res.stderr;
    err.stdout = res.stdout;
    throw err;
  }
  ctx.log(`${PREFIX}   ${label}: done in ${seconds} s`);
  return res;
}

/** `go mod download -json mod@version` in `cwd`; throws with the proxy's own words. */
async function modDownload(ctx, label, spec, cwd) {
  let res;
  try {
    res = await goStep(ctx, label, ["mod", "download", "-json", spec], cwd);
  } catch (err) {
    let info;
    try {
      info = JSON.parse(err.stdout);
    } catch {
      // no JSON: keep go's stderr
    }
    if (info && info.Error) throw new Error(info.Error);
    throw err;
  }
  return JSON.parse(res.stdout);
}

async function buildIntoCache(base, root, log, tooOld) {
  const found = await findGo();
  if (!found.go) throw noPulumiError(root, tooOld, found.seen);
  const started = Date.now();
  cleanStaleStaging(base);
  const staging = path.join(
    base,
    `.staging-pulumi-v${PULUMI_VERSION}-${process.pid}-${crypto.randomBytes(4).toString("hex")}`,
  );
  const stagingBin = path.join(staging, "bin");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-losant-build-"));
  pending.paths.add(work);
  pending.paths.add(staging);
  const ctx = { go: found.go, log, env: { ...process.env, GOWORK: "off", GO111MODULE: "on" } };
  log(
    `${PREFIX} no Pulumi CLI on PATH or in the cache: building Pulumi v${PULUMI_VERSION} with ${found.version} ` +
      "from the Go module proxy (a cold build takes several minutes; it is cached afterwards)",
  );
  try {
    fs.mkdirSync(stagingBin, { recursive: true });
    const cliDir = path.join(work, "cli");
    fs.mkdirSync(cliDir);
    fs.writeFileSync(path.join(cliDir, "go.mod"), goModFile("pulumi-losant.local/build-cli", []));

    const pkg = await modDownload(
      ctx,
      `step 1/4: fetch ${PKG_MODULE}@v${PULUMI_VERSION}`,
      `${PKG_MODULE}@v${PULUMI_VERSION}`,
      cliDir,
    );
    const pkgReplaces = remoteReplaces(parseReplaces(fs.readFileSync(pkg.GoMod, "utf8")));
    fs.writeFileSync(
      path.join(cliDir, "go.mod"),
      goModFile("pulumi-losant.local/build-cli", pkgReplaces),
    );

    await goStep(
      ctx,
      "step 2/4: resolve dependencies (go get)",
      ["get", `${CLI_PACKAGE}@v${PULUMI_VERSION}`, `${SDK_MODULE}@v${PULUMI_VERSION}`],
      cliDir,
    );
    const ldflags = `-X ${VERSION_VAR}=v${PULUMI_VERSION}`;
    await goStep(
      ctx,
      "step 3/4: compile pulumi (go build)",
      ["build", "-v", "-ldflags", ldflags, "-o", path.join(stagingBin, "pulumi"), CLI_PACKAGE],
      cliDir,
    );
    const built = await pulumiVersion(path.join(stagingBin, "pulumi"));
    if (built !== PULUMI_VERSION) {
      throw new Error(`the built pulumi reports version ${built}, expected ${PULUMI_VERSION}`);
    }

    const origin = (pkg.Origin && pkg.Origin.Hash) || undefined;
    const language = await buildLanguagePlugin(ctx, work, origin, pkgReplaces, stagingBin);
    const manifest = {
      version: PULUMI_VERSION,
      builtAt: new Date().toISOString(),
      buildSeconds: Math.round((Date.now() - started) / 1000),
      goVersion: found.version,
      pkgCommit: origin,
      replaces: pkgReplaces.map(replaceLine),
      languagePlugin: language.ok,
      languagePluginVersion: language.version,
      languagePluginError: language.error,
    };
    writeManifest(staging, manifest);
    installLauncher(stagingBin);

    if (fs.existsSync(root)) {
      // Only a broken leftover can be here (we hold the lock and found no usable cache).
      const trash = `${root}.broken-${process.pid}`;
      fs.renameSync(root, trash);
      fs.rmSync(trash, { recursive: true, force: true });
    }
    fs.renameSync(staging, root);
    log(
      `${PREFIX} built Pulumi v${PULUMI_VERSION} in ${manifest.buildSeconds} s into ${root}` +
        (language.ok ? " (with pulumi-language-nodejs)" : ""),
    );
    return readCache(root);
  } finally {
    for (const p of [work, staging]) {
      fs.rmSync(p, { recursive: true, force: true });
      pending.paths.delete(p);
    }
  }
}

/**
 * Tries to build pulumi-language-nodejs into `outBin`. Its module has no tags, so it is asked
 * for at the commit of the pkg tag, which the proxy turns into a pseudo-version.
 * @returns {Promise<{ ok: boolean, version?: string, error?: string }>}
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

/** Retries the language plugin for an existing cache (only when a caller requires it). */
async function addLanguagePlugin(root, manifest, log) {
  const found = await findGo();
  if (!found.go) {
    return {
      ...manifest,
      languagePluginError: `Go ${MIN_GO_VERSION}+ is needed to build pulumi-language-nodejs`,
    };
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-losant-build-"));
  pending.paths.add(work);
  const tmpBin = path.join(root, `.language-${process.pid}`);
  pending.paths.add(tmpBin);
  const ctx = { go: found.go, log, env: { ...process.env, GOWORK: "off", GO111MODULE: "on" } };
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
    for (const p of [work, tmpBin]) {
      fs.rmSync(p, { recursive: true, force: true });
      pending.paths.delete(p);
    }
  }
}

/** Removes staging folders left by interrupted builds whose process is gone. */
function cleanStaleStaging(base) {
  for (const name of fs.readdirSync(base)) {
    const m = /^\.staging-pulumi-v[^-]+-(\d+)-/.exec(name);
    if (!m) continue;
    let alive = true;
    try {
      process.kill(Number(m[1]), 0);
    } catch (err) {
      alive = err.code !== "ESRCH";
    }
    if (!alive) fs.rmSync(path.join(base, name), { recursive: true, force: true });
  }
}

function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) < (pb[i] || 0) ? -1 : 1;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// CLI

async function main(argv) {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(
      "Usage: node scripts/pulumi/ensure.js [--json] [--require-language-plugin]\n" +
        `Finds a Pulumi CLI >= v${MIN_PULUMI_VERSION} on PATH, or builds v${PULUMI_VERSION} with Go into\n` +
        `${path.join(cacheBaseDir(), `pulumi-v${PULUMI_VERSION}`)} (see scripts/pulumi/README.md).\n`,
    );
    return 0;
  }
  const json = argv.includes("--json");
  // Interrupted (Ctrl-C, a CI timeout): stop go, drop the half-built files and the lock.
  for (const [sig, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ]) {
    process.once(sig, () => {
      for (const child of pending.children) child.kill("SIGKILL");
      for (const p of pending.paths) fs.rmSync(p, { recursive: true, force: true });
      process.stderr.write(`${PREFIX} interrupted: nothing was cached\n`);
      process.exit(code);
    });
  }
  try {
    const r = await ensurePulumi({
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
        ? `  language: ${path.join(r.binDir, "pulumi-language-nodejs")}`
        : `  language: pulumi-language-nodejs not available (inline Automation API programs do not need it): ${r.languagePluginError}`,
      `  shell:    export PATH="${r.binDir}:$PATH"`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  } catch (err) {
    const message = err && err.message ? err.message : String(err);
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
  pulumiEnv,
};

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
