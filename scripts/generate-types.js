#!/usr/bin/env node
// @ts-check
// Generates provider/losant/types.generated.ts from the official schemas in schemas/,
// so the API's shape is written down in one place. Run: npm run generate:types
// With --check it exits 1 when the checked-in file is stale (used by the test suite).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { compile } = require("json-schema-to-typescript");

const root = path.resolve(__dirname, "..");
const out = path.join(root, "provider", "losant", "types.generated.ts");

/** Schema file -> exported type name. */
const types = {
  "instanceOrg.json": "InstanceOrg",
  "instanceOrgPost.json": "InstanceOrgPost",
  "instanceOrgPatch.json": "InstanceOrgPatch",
  "instanceOrgs.json": "InstanceOrgs",
  "deviceCounts.json": "DeviceCounts",
  "notebookMinuteCounts.json": "NotebookMinuteCounts",
  "payloadCountsBreakdown.json": "PayloadCountsBreakdown",
  "payloadStats.json": "PayloadStats",
  "instanceOrgMember.json": "InstanceOrgMember",
  "instanceOrgMemberPost.json": "InstanceOrgMemberPost",
  "instanceOrgMemberPatch.json": "InstanceOrgMemberPatch",
  "instanceOrgMembers.json": "InstanceOrgMembers",
  "error.json": "LosantErrorBody",
  "success.json": "Success",
};

/**
 * Removes every `title` from a schema, in place, so the generated types take their names from
 * the table above rather than from the schema titles.
 * @param {unknown} node
 */
function stripTitles(node) {
  if (Array.isArray(node)) node.forEach(stripTitles);
  else if (node && typeof node === "object") {
    delete (/** @type {{ title?: unknown }} */ (node).title);
    Object.values(node).forEach(stripTitles);
  }
}

async function generate() {
  const parts = [
    "// GENERATED FILE: do not edit. Generated from schemas/*.json by `npm run generate:types`",
    "// (scripts/generate-types.js).",
    "",
  ];
  for (const [file, name] of Object.entries(types)) {
    const schema = JSON.parse(fs.readFileSync(path.join(root, "schemas", file), "utf8"));
    // Titles would name (and repeat) nested types; the table above is the one naming.
    stripTitles(schema);
    const ts = await compile(schema, name, {
      bannerComment: `/** Generated from schemas/${file}. */`,
      additionalProperties: false,
      strictIndexSignatures: true,
      unknownAny: true,
      // Tuples for every length up to maxItems help nobody; plain arrays.
      maxItems: -1,
      format: true,
      style: { printWidth: 100 },
    });
    parts.push(ts.trim(), "");
  }
  return parts.join("\n");
}

generate().then(
  (text) => {
    if (process.argv.includes("--check")) {
      const current = fs.existsSync(out) ? fs.readFileSync(out, "utf8") : "";
      if (current !== text) {
        console.error(`${path.relative(root, out)} is stale: run npm run generate:types`);
        process.exit(1);
      }
      return;
    }
    fs.writeFileSync(out, text);
    console.log(`wrote ${path.relative(root, out)}`);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
