// @ts-check
"use strict";
/* global setTimeout, clearTimeout, setInterval, clearInterval */
/**
 * Spawning a command and collecting what it says, with an optional heartbeat for the steps
 * that take minutes (go build). Every child is registered in `pending` while it runs, so an
 * interrupted script can stop it.
 */

const { spawn } = require("node:child_process");
const { HEARTBEAT_MS } = require("./constants.js");
const { pending } = require("./interrupt.js");

/**
 * @typedef {object} RunOptions
 * @property {string} [cwd]
 * @property {NodeJS.ProcessEnv} [env]
 * @property {number} [timeoutMs] SIGKILL the child after this long.
 * @property {(line: string) => void} [onLine] Sees each stderr line as it arrives.
 * @property {(seconds: number) => void} [heartbeat] Called every HEARTBEAT_MS (15 s) with
 *   the elapsed seconds.
 */

/**
 * @typedef {object} RunResult
 * @property {number} code The exit code (1 when the child was killed by a signal).
 * @property {NodeJS.Signals | null} signal
 * @property {string} stdout All of it.
 * @property {string} stderr Its last lines (60, plus an unterminated last one): enough for
 *   an error message, bounded for a `go build -v` that lists every package.
 */

/**
 * Runs a command, collecting stdout and the last lines of stderr. With `heartbeat`, logs the
 * elapsed time every 15 s; `onLine` sees each stderr line.
 * @param {string} cmd
 * @param {string[]} args
 * @param {RunOptions} [options]
 * @returns {Promise<RunResult>} resolves whatever the exit code
 * @throws {Error} (rejects) when the command cannot be spawned, e.g. ENOENT
 */
function run(cmd, args, { cwd, env, timeoutMs, onLine, heartbeat } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    pending.children.add(child);
    let stdout = "";
    /** @type {string[]} */
    const tail = [];
    let partial = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => {
      const lines = (partial + d).split("\n");
      partial = lines.pop() || "";
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

module.exports = { run };
