// After the last suite: the run's install seeds go (see tests/globalSetup.js).
"use strict";
const fs = require("node:fs");
const { VARIABLE } = require("./globalSetup.js");

module.exports = async function globalTeardown() {
  const dir = process.env[VARIABLE];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
};
