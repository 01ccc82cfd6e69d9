#!/usr/bin/env node
// @ts-check
// Writes plugin/schema.json, the `losant` package schema, from the built plugin (npm run build
// first): the schema Pulumi's code generators make the SDKs from. Run: npm run generate:schema
// With --check it exits 1 when the checked-in file is stale.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const out = path.join(root, "plugin", "schema.json");

/** The schema as the plugin's GetSchema answers it, as the file holds it. */
function schemaText() {
  const { buildSchema } = require(path.join(root, "dist", "plugin", "schema.js"));
  return `${JSON.stringify(buildSchema(), null, 2)}\n`;
}

if (require.main === module) {
  const text = schemaText();
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(out) ? fs.readFileSync(out, "utf8") : "";
    if (current !== text) {
      process.stderr.write("plugin/schema.json is stale: run npm run generate:schema\n");
      process.exit(1);
    }
  } else {
    fs.writeFileSync(out, text);
    process.stdout.write(`wrote ${path.relative(root, out)}\n`);
  }
}

module.exports = { schemaText };
