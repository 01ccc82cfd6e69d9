// Before any suite: a folder for the run's install seeds (tests/e2e/installSeeds.ts), named
// to the workers through the environment they inherit. Seed folders a killed run left behind
// (their jest process gone) are removed here, since its teardown never ran.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const VARIABLE = "PULUMI_LOSANT_TEST_INSTALL_SEEDS";
const PREFIX = "pulumi-losant-install-seeds-";

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

module.exports = async function globalSetup() {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const pid = Number(name.startsWith(PREFIX) ? name.slice(PREFIX.length).split("-")[0] : NaN);
    if (Number.isInteger(pid) && !alive(pid)) {
      fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  }
  process.env[VARIABLE] = fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
};
module.exports.VARIABLE = VARIABLE;
