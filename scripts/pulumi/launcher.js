// @ts-check
"use strict";
/**
 * Installing the dynamic provider launcher (`pulumi-resource-pulumi-nodejs` and the
 * `dynamic-provider-launcher.js` it runs, both kept beside this file) into a CLI's bin dir,
 * where the engine looks for it on PATH.
 */

const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");

/** The launcher's files, copied from this folder into every bin dir. */
const LAUNCHER_FILES = ["pulumi-resource-pulumi-nodejs", "dynamic-provider-launcher.js"];

/**
 * Copies the launcher and its script into `binDir` when they differ (atomic per file), so a
 * changed launcher in the repository reaches an existing cache on the next call, and two
 * processes installing at once never leave a half-written file.
 * @param {string} binDir Created when missing.
 * @returns {void}
 * @throws {Error} from `fs` when `binDir` cannot be written
 */
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

module.exports = { installLauncher };
