// @ts-check
"use strict";
/**
 * Running go for the build: the environment every go call gets, the temp folder the
 * throwaway modules live in, one step with progress, and `go mod download -json`.
 */

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { PREFIX } = require("./constants.js");
const { pending } = require("./interrupt.js");
const { run } = require("./run.js");

/**
 * @typedef {object} GoContext
 * @property {string} go The go binary.
 * @property {(line: string) => void} log
 * @property {NodeJS.ProcessEnv} env
 */

/**
 * What every go step runs with: the caller's environment (GOPROXY, GOFLAGS, ...) unchanged
 * but for `GOWORK=off`, so a go.work above the temp folder cannot pull the throwaway module
 * into a workspace, and `GO111MODULE=on`, so a caller's `off` cannot turn module mode off.
 * @param {string} go The go binary (from findGo).
 * @param {(line: string) => void} log
 * @returns {GoContext} never throws
 */
function goContext(go, log) {
  return { go, log, env: { ...process.env, GOWORK: "off", GO111MODULE: "on" } };
}

/**
 * A new folder in the temp dir for throwaway modules, registered in `pending` so an
 * interrupt removes it; the caller removes it with removePending when done.
 * @returns {string}
 * @throws {Error} from `fs` when the temp dir cannot be written
 */
function goWorkDir() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-losant-build-"));
  pending.paths.add(work);
  return work;
}

/**
 * Runs one go step with progress: step name first, then every 15 s the elapsed seconds and
 * how many modules were downloaded / packages compiled so far.
 * @param {GoContext} ctx
 * @param {string} label e.g. `step 2/4: resolve dependencies (go get)`
 * @param {string[]} args go's arguments.
 * @param {string} cwd
 * @returns {Promise<import("./run.js").RunResult>} when go exits 0
 * @throws {Error} when go exits otherwise: the label, seconds, command, exit code and go's
 *   last stderr lines, with `stderr` and `stdout` attached; or when go cannot be spawned
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
    throw Object.assign(
      new Error(
        `${label} failed after ${seconds} s: go ${args.join(" ")} (exit ${res.code})\n${res.stderr.trim()}`,
      ),
      { stderr: res.stderr, stdout: res.stdout },
    );
  }
  ctx.log(`${PREFIX}   ${label}: done in ${seconds} s`);
  return res;
}

/**
 * `go mod download -json mod@version` in `cwd`; throws with the proxy's own words.
 * @param {GoContext} ctx
 * @param {string} label
 * @param {string} spec `module@version`
 * @param {string} cwd A module folder (its go.mod's replaces apply).
 * @returns {Promise<{ Version: string, GoMod: string, Origin?: { Hash?: string } }>} go's
 *   JSON answer: the resolved version, the downloaded go.mod file, the commit
 * @throws {Error} with the JSON's `Error` (the proxy's answer, e.g. 403 Forbidden) when go
 *   gives one, else as {@link goStep} throws
 */
async function modDownload(ctx, label, spec, cwd) {
  let res;
  try {
    res = await goStep(ctx, label, ["mod", "download", "-json", spec], cwd);
  } catch (err) {
    let info;
    try {
      info = JSON.parse(/** @type {{ stdout?: string }} */ (err).stdout || "");
    } catch {
      // no JSON: keep go's stderr
    }
    if (info && info.Error) throw new Error(info.Error);
    throw err;
  }
  return JSON.parse(res.stdout);
}

module.exports = { goContext, goWorkDir, goStep, modDownload };
