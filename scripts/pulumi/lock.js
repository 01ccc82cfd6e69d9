// @ts-check
"use strict";
/* global setTimeout */
/**
 * The build lock: one build per cache and version at a time, so a second process (another
 * jest worker, say) waits for the first and then uses its result instead of building again.
 * The lock is a file created with `wx` holding the owner's pid and host; a lock whose process
 * is gone is broken.
 */

const fs = require("node:fs");
const os = require("node:os");
const crypto = require("node:crypto");
const { HEARTBEAT_MS, PREFIX } = require("./constants.js");
const { pending } = require("./interrupt.js");

/**
 * @param {number} ms
 * @returns {Promise<void>}
 */
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Whether the lock at `lockPath` belongs to a process that is gone (or is old garbage).
 * @param {string} lockPath
 * @returns {{ stale: boolean, gone?: boolean, info?: { pid: number, host: string } }}
 */
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
    // being written right now, or garbage: only an old one is stale
    return { stale: ageMs > 30000, info: undefined };
  }
  // Another host's pid cannot be checked from here: trust the lock for three hours.
  if (info.host !== os.hostname()) return { stale: ageMs > 3 * 3600 * 1000, info };
  try {
    process.kill(info.pid, 0);
    return { stale: false, info };
  } catch (err) {
    return { stale: /** @type {NodeJS.ErrnoException} */ (err).code === "ESRCH", info };
  }
}

/**
 * Runs `fn` holding an exclusive lock file; waits for (or breaks a dead) holder. While
 * waiting it logs who holds the lock, at once and then every 15 s. The lock is removed when
 * `fn` settles, and by the CLI's interrupt handler.
 * @template T
 * @param {string} lockPath e.g. `<cache>/pulumi-v3.248.0.lock`
 * @param {(line: string) => void} log
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>} what `fn` returns
 * @throws {Error} what `fn` throws, or an `fs` error other than EEXIST creating the lock
 */
async function withLock(lockPath, log, fn) {
  const waitStarted = Date.now();
  let lastNote = 0;
  const body = JSON.stringify({ pid: process.pid, host: os.hostname(), started: new Date() });
  for (;;) {
    try {
      fs.writeFileSync(lockPath, body, { flag: "wx" });
      break;
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code !== "EEXIST") throw err;
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

module.exports = { withLock };
