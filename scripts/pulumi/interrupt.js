// @ts-check
"use strict";
/**
 * What an interrupted run must undo: the half-built folders, the build lock and the go
 * children still running. The modules that create them register them here while they exist;
 * the CLI's signal handler (see ensure.js main) removes and stops whatever is left.
 */

const fs = require("node:fs");
const { PREFIX } = require("./constants.js");

/** Paths to remove and children to stop if the script is interrupted. */
const pending = { paths: new Set(), children: new Set() };

/**
 * Removes `paths` (recursively, ignoring missing ones) and forgets them in `pending`: the
 * normal end of a build step's scratch folders.
 * @param {string[]} paths
 * @returns {void}
 * @throws {Error} when a path exists and cannot be removed (as `fs.rmSync` does)
 */
function removePending(paths) {
  for (const p of paths) {
    fs.rmSync(p, { recursive: true, force: true });
    pending.paths.delete(p);
  }
}

/**
 * On SIGINT (exit 130) or SIGTERM (exit 143), once: kills the pending children, removes the
 * pending paths, says nothing was cached and exits. Only the CLI installs this; a library
 * caller keeps its own signal handling.
 * @returns {void}
 */
function cleanUpOnInterrupt() {
  // Interrupted (Ctrl-C, a CI timeout): stop go, drop the half-built files and the lock.
  /** @type {Array<[NodeJS.Signals, number]>} */
  const signals = [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ];
  for (const [sig, code] of signals) {
    process.once(sig, () => {
      for (const child of pending.children) child.kill("SIGKILL");
      for (const p of pending.paths) fs.rmSync(p, { recursive: true, force: true });
      process.stderr.write(`${PREFIX} interrupted: nothing was cached\n`);
      process.exit(code);
    });
  }
}

module.exports = { pending, removePending, cleanUpOnInterrupt };
