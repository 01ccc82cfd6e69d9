#!/usr/bin/env node
// @ts-check
// Writes the losant plugin's SDKs (TypeScript, Go, Python) into plugin/sdks/ from
// plugin/schema.json with Pulumi's own code generators (scripts/sdkgen, a small Go program on
// github.com/pulumi/pulumi/pkg/v3/codegen, built once with Go and cached).
// Run: npm run generate:sdks. With --check it exits 1 when plugin/sdks/ is stale.
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const schema = path.join(root, "plugin", "schema.json");
const out = path.join(root, "plugin", "sdks");
const LANGUAGES = ["nodejs", "go", "python"];

/**
 * Builds the generator (go's build cache makes a rebuild quick) and returns its path.
 * @returns {string}
 * @throws {Error} when go is missing or the build fails
 */
function buildGenerator() {
  const dir = path.join(os.homedir(), ".cache", "pulumi-losant");
  fs.mkdirSync(dir, { recursive: true });
  const binary = path.join(dir, "sdkgen");
  execFileSync("go", ["build", "-o", binary, "."], {
    cwd: path.join(root, "scripts", "sdkgen"),
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, GOWORK: "off", GOFLAGS: "-mod=mod" },
  });
  return binary;
}

/**
 * Generates every SDK into `dir` (replaced).
 * @param {string} dir
 */
function generate(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync(buildGenerator(), [schema, dir, ...LANGUAGES], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/**
 * Every file under `dir`, relative, with its text.
 * @param {string} dir
 * @returns {Map<string, string>}
 */
function tree(dir) {
  const files = new Map();
  if (!fs.existsSync(dir)) return files;
  for (const file of /** @type {string[]} */ (
    fs.readdirSync(dir, { recursive: true, encoding: "utf8" })
  )) {
    const full = path.join(dir, file);
    if (fs.statSync(full).isFile()) files.set(file, fs.readFileSync(full, "utf8"));
  }
  return files;
}

/**
 * The files that differ between the checked-in SDKs and freshly generated ones.
 * @returns {string[]}
 */
function staleFiles() {
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-losant-sdks-"));
  try {
    generate(fresh);
    const want = tree(fresh);
    const have = tree(out);
    const names = new Set([...want.keys(), ...have.keys()]);
    return [...names].filter((name) => want.get(name) !== have.get(name)).sort();
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
  }
}

if (require.main === module) {
  if (process.argv.includes("--check")) {
    const stale = staleFiles();
    if (stale.length > 0) {
      process.stderr.write(
        `plugin/sdks is stale (${stale.join(", ")}): run npm run generate:sdks\n`,
      );
      process.exit(1);
    }
  } else {
    generate(out);
    process.stdout.write(`wrote ${path.relative(root, out)}/{${LANGUAGES.join(",")}}\n`);
  }
}

module.exports = { LANGUAGES, staleFiles };
