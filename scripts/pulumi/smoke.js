#!/usr/bin/env node
// @ts-check
"use strict";
/**
 * Engine smoke check for the CLI that ensure.js provides: an inline Automation API program
 * with one `pulumi.dynamic.Resource` (an in-memory provider, no network) goes through
 * preview, up, a second preview (must show no change), refresh and destroy, on a local file
 * backend in a temp folder. Proves the CLI, the Automation API and the dynamic provider
 * launcher work together.
 *
 * `@pulumi/pulumi` is taken from the current directory (run it from a project that has it
 * installed). The workspace's workDir is a temp folder whose `node_modules` links to that
 * project's, so nothing is written into the project.
 *
 * Usage: node scripts/pulumi/smoke.js   (exit code 0 when every step passed)
 */

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { ensurePulumi } = require("./ensure.js");

/**
 * Runs the smoke check.
 * @param {{ cwd?: string, log?: (line: string) => void }} [options]
 * @returns {Promise<Record<string, number>>} Milliseconds per step.
 */
async function smoke(options = {}) {
  const cwd = options.cwd || process.cwd();
  const log = options.log || ((line) => process.stdout.write(`${line}\n`));
  const pulumiEntry = require.resolve("@pulumi/pulumi", { paths: [cwd] });
  const pulumi = require(pulumiEntry);
  const { LocalWorkspace, PulumiCommand } = require(
    require.resolve("@pulumi/pulumi/automation", { paths: [cwd] }),
  );
  // .../node_modules/@pulumi/pulumi/index.js -> .../node_modules
  const nodeModules = path.resolve(path.dirname(pulumiEntry), "..", "..");

  const ensured = await ensurePulumi({ log });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-losant-smoke-"));
  const workDir = path.join(tmp, "work");
  const stateDir = path.join(tmp, "state");
  fs.mkdirSync(workDir);
  fs.mkdirSync(stateDir);
  fs.symlinkSync(nodeModules, path.join(workDir, "node_modules"), "dir");

  /** @typedef {{ name: string, stamp?: string }} Thing */
  /** @type {import("@pulumi/pulumi").dynamic.ResourceProvider} */
  const provider = {
    /** @param {Thing} inputs */
    async create(inputs) {
      return { id: `smoke-${inputs.name}`, outs: { ...inputs, stamp: "created" } };
    },
    /** @param {string} _id @param {Thing} olds @param {Thing} news */
    async diff(_id, olds, news) {
      return { changes: olds.name !== news.name };
    },
    /** @param {string} _id @param {Thing} _olds @param {Thing} news */
    async update(_id, _olds, news) {
      return { outs: { ...news, stamp: "updated" } };
    },
    /** @param {string} id @param {Thing} props */
    async read(id, props) {
      return { id, props };
    },
    async delete() {},
  };
  const program = async () => {
    const res = new pulumi.dynamic.Resource(
      provider,
      "smoke",
      { name: "one", stamp: undefined },
      {},
      "smoke",
      "Thing",
    );
    return { id: res.id };
  };

  /** @type {Record<string, number>} */
  const times = {};
  /**
   * @template T
   * @param {string} name
   * @param {() => Promise<T>} fn
   * @returns {Promise<T>}
   */
  const step = async (name, fn) => {
    const t = Date.now();
    const out = await fn();
    times[name] = Date.now() - t;
    return out;
  };
  try {
    const pulumiCommand = await PulumiCommand.get({ root: ensured.root });
    const stack = await step("createOrSelectStack", () =>
      LocalWorkspace.createOrSelectStack(
        { stackName: "smoke", projectName: "pulumi-losant-smoke", program },
        {
          pulumiCommand,
          workDir,
          envVars: {
            PULUMI_BACKEND_URL: `file://${stateDir}`,
            PULUMI_CONFIG_PASSPHRASE: "smoke",
            PULUMI_SKIP_UPDATE_CHECK: "true",
          },
        },
      ),
    );
    /** @param {string} what @param {unknown} actual @param {unknown} wanted */
    const expect = (what, actual, wanted) => {
      const a = JSON.stringify(actual);
      if (a !== JSON.stringify(wanted))
        throw new Error(`${what}: got ${a}, want ${JSON.stringify(wanted)}`);
      log(`ok ${what}: ${a}`);
    };
    const pv = await step("preview", () => stack.preview());
    expect("preview", pv.changeSummary, { create: 2 });
    const up = await step("up", () => stack.up());
    expect("up", up.summary.resourceChanges, { create: 2 });
    expect("output id", up.outputs.id.value, "smoke-one");
    const pv2 = await step("preview again", () => stack.preview());
    expect("preview again", pv2.changeSummary, { same: 2 });
    const rf = await step("refresh", () => stack.refresh());
    expect("refresh", rf.summary.resourceChanges, { same: 2 });
    const d = await step("destroy", () => stack.destroy());
    expect("destroy", d.summary.resourceChanges, { delete: 2 });
    await stack.workspace.removeStack("smoke");
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return times;
}

module.exports = { smoke };

if (require.main === module) {
  const started = Date.now();
  smoke().then(
    (times) => {
      const steps = Object.entries(times).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`);
      process.stdout.write(
        `smoke passed in ${((Date.now() - started) / 1000).toFixed(1)} s (${steps.join(", ")})\n`,
      );
    },
    (err) => {
      process.stderr.write(`smoke FAILED: ${err && err.stack ? err.stack : err}\n`);
      process.exitCode = 1;
    },
  );
}
