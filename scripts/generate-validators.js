#!/usr/bin/env node
// @ts-check
// Generates simulator/validators.generated.ts: the simulator's request and response
// validators, compiled by ajv from the official schemas in schemas/ ahead of time (ajv's
// standalone code). Compiling them at run time took about a second of CPU per simulator
// process, and the test suite starts one per test file. Run: npm run generate:validators
// With --check it exits 1 when the checked-in file is stale (used by the test suite).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { default: Ajv, _ } = require("ajv");
const { default: addFormats } = require("ajv-formats");
const { default: standaloneCode } = require("ajv/dist/standalone");

const root = path.resolve(__dirname, "..");
const out = path.join(root, "simulator", "validators.generated.ts");

/** Validator name -> schema file in schemas/. */
const SCHEMAS = {
  instanceOrg: "instanceOrg.json",
  instanceOrgPost: "instanceOrgPost.json",
  instanceOrgPatch: "instanceOrgPatch.json",
  instanceOrgs: "instanceOrgs.json",
  instanceOrgMember: "instanceOrgMember.json",
  instanceOrgMemberPost: "instanceOrgMemberPost.json",
  instanceOrgMemberPatch: "instanceOrgMemberPatch.json",
  instanceOrgMembers: "instanceOrgMembers.json",
  org: "org.json",
  advancedInstanceOrgQuery: "advancedInstanceOrgQuery.json",
  deviceCounts: "deviceCounts.json",
  notebookMinuteCounts: "notebookMinuteCounts.json",
  payloadCountsBreakdown: "payloadCountsBreakdown.json",
  success: "success.json",
  error: "error.json",
};

function generate() {
  const ajv = new Ajv({
    allErrors: true,
    // The official query schema writes `type` as a list (["string", "number", ...]).
    allowUnionTypes: true,
    // The generated code requires the formats it uses from ajv-formats at load time.
    code: { source: true, esm: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
  });
  addFormats(ajv);
  for (const [name, file] of Object.entries(SCHEMAS)) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(root, "schemas", file), "utf8")), name);
  }
  const exports = Object.fromEntries(Object.keys(SCHEMAS).map((name) => [name, name]));
  return [
    "// GENERATED FILE: do not edit. Generated from schemas/*.json by `npm run generate:validators`",
    "// (scripts/generate-validators.js): ajv's standalone code of one validator per schema.",
    "// @ts-nocheck",
    "/* eslint-disable */",
    standaloneCode(ajv, exports).replace(/^"use strict";/, ""),
    "",
  ].join("\n");
}

const text = generate();
if (process.argv.includes("--check")) {
  const current = fs.existsSync(out) ? fs.readFileSync(out, "utf8") : "";
  if (current !== text) {
    process.stderr.write(`${path.relative(root, out)} is stale: run npm run generate:validators\n`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(out, text);
  process.stdout.write(`wrote ${path.relative(root, out)} (${text.length} characters)\n`);
}
