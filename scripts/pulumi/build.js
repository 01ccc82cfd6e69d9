// @ts-check
"use strict";
/**
 * Building the Pulumi CLI into the cache with go: fetch the pkg module and read its replaces,
 * `go get`, `go build` with the version stamped in, then move the finished staging folder
 * into place with one rename, so a cache entry is either whole or absent. The language host
 * is added afterwards, on request (languageHost.js). Also the error for a machine that has
 * neither a usable CLI nor Go.
 */

const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const { PULUMI_VERSION, MIN_PULUMI_VERSION, MIN_GO_VERSION, PREFIX } = require("./constants.js");
const {
  PKG_MODULE,
  SDK_MODULE,
  CLI_PACKAGE,
  VERSION_VAR,
  parseReplaces,
  remoteReplaces,
  replaceLine,
  goModFile,
} = require("./goMod.js");
const { goContext, goWorkDir, goStep, modDownload } = require("./goStep.js");
const { readCache, writeManifest } = require("./cache.js");
const { installLauncher } = require("./launcher.js");
const { findGo, pulumiVersion } = require("./locate.js");
const { pending, removePending } = require("./interrupt.js");

/**
 * Builds Pulumi PULUMI_VERSION into `root` (see the file comment), logging each step.
 * @param {string} base The cache folder; the staging folder is made here so the final
 *   rename stays on one file system.
 * @param {string} root `<base>/pulumi-v<version>`; the caller holds its lock and found no
 *   usable cache there.
 * @param {(line: string) => void} log
 * @param {{ path: string, version: string }} [tooOld] A `pulumi` on PATH that was too old,
 *   for the error message.
 * @returns {Promise<import("./cache.js").CacheManifest>} the new cache as read back
 * @throws {Error} the no-CLI error (naming both fixes) when there is no usable go; a go
 *   step's error (see goStep, modDownload); or when the built CLI reports another version.
 *   Nothing is left in the cache then.
 */
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
  const work = goWorkDir();
  pending.paths.add(staging);
  const ctx = goContext(found.go, log);
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
      `step 1/3: fetch ${PKG_MODULE}@v${PULUMI_VERSION}`,
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
      "step 2/3: resolve dependencies (go get)",
      ["get", `${CLI_PACKAGE}@v${PULUMI_VERSION}`, `${SDK_MODULE}@v${PULUMI_VERSION}`],
      cliDir,
    );
    const ldflags = `-X ${VERSION_VAR}=v${PULUMI_VERSION}`;
    await goStep(
      ctx,
      "step 3/3: compile pulumi (go build)",
      ["build", "-v", "-ldflags", ldflags, "-o", path.join(stagingBin, "pulumi"), CLI_PACKAGE],
      cliDir,
    );
    const built = await pulumiVersion(path.join(stagingBin, "pulumi"));
    if (built !== PULUMI_VERSION) {
      throw new Error(`the built pulumi reports version ${built}, expected ${PULUMI_VERSION}`);
    }

    const origin = (pkg.Origin && pkg.Origin.Hash) || undefined;
    const manifest = {
      version: PULUMI_VERSION,
      builtAt: new Date().toISOString(),
      buildSeconds: Math.round((Date.now() - started) / 1000),
      goVersion: found.version,
      pkgCommit: origin,
      replaces: pkgReplaces.map(replaceLine),
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
    log(`${PREFIX} built Pulumi v${PULUMI_VERSION} in ${manifest.buildSeconds} s into ${root}`);
    const cached = readCache(root);
    if (!cached) throw new Error(`${root}/bin/pulumi is not executable after the build`);
    return cached;
  } finally {
    removePending([work, staging]);
  }
}

/**
 * Removes staging folders left by interrupted builds whose process is gone.
 * @param {string} base The cache folder.
 */
function cleanStaleStaging(base) {
  for (const name of fs.readdirSync(base)) {
    const m = /^\.staging-pulumi-v[^-]+-(\d+)-/.exec(name);
    if (!m) continue;
    let alive = true;
    try {
      process.kill(Number(m[1]), 0);
    } catch (err) {
      alive = /** @type {NodeJS.ErrnoException} */ (err).code !== "ESRCH";
    }
    if (!alive) fs.rmSync(path.join(base, name), { recursive: true, force: true });
  }
}

/**
 * The error for a machine with neither a usable `pulumi` nor a Go to build one.
 * @param {string} root The cache root that holds no CLI.
 * @param {{ path: string, version: string } | undefined} tooOld A `pulumi` on PATH, too old.
 * @param {string[] | undefined} goSeen The too-old go binaries found.
 * @returns {Error}
 */
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

module.exports = { buildIntoCache };
