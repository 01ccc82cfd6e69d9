#!/usr/bin/env node
// The main job: runs the default program (program/, Pulumi.yaml) with `pulumi up` on a local
// backend, against the embedded Losant API simulator unless told otherwise.
//
//   npm start                          simulator + stack "demo" (state in .pulumi-state/)
//   npm start -- --preview             only preview
//   npm start -- --destroy             destroy the demo orgs
//   npm start -- --real --stack prod   the same program against losant:apiUrl / LOSANT_API_URL
// @ts-check
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { ensurePulumi } = require("./pulumi/ensure.js");
const { PROGRAM_ENTRY, ensureFreshBuild } = require("./freshBuild.js");

const ROOT = path.resolve(__dirname, "..");
// Where the simulator and the local backend keep their state; tests point it elsewhere.
const STATE_DIR = process.env.LOSANT_DEMO_STATE_DIR ?? path.join(ROOT, ".pulumi-state");
// The demo stack's secrets are encrypted with this passphrase; Pulumi.demo.yaml holds its salt.
const DEMO_PASSPHRASE = "losant-demo";

/**
 * @typedef {object} StartArgs
 * @property {boolean} real
 * @property {boolean} preview
 * @property {boolean} destroy
 * @property {boolean} [help]
 * @property {string} stack
 */

/**
 * @param {string[]} argv The arguments after the script's name.
 * @returns {StartArgs}
 * @throws {Error} naming an unknown option, or `--real` without `--stack`
 */
function parseArgs(argv) {
  /** @type {Omit<StartArgs, "stack"> & { stack?: string }} */
  const args = { real: false, preview: false, destroy: false, stack: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--real") args.real = true;
    else if (arg === "--preview") args.preview = true;
    else if (arg === "--destroy") args.destroy = true;
    else if (arg === "--stack") args.stack = argv[++i];
    else if (arg === "--help" || arg === "-h") args.help = true;
    else throw new Error(`unknown option ${arg} (try --help)`);
  }
  const stack = args.stack ?? (args.real ? undefined : "demo");
  if (stack === undefined)
    throw new Error("--real needs --stack <name>: the stack of your real instance");
  return { ...args, stack };
}

/** @param {string} [line] */
function say(line = "") {
  process.stdout.write(`${line}\n`);
}

async function startSimulator() {
  // The package's own entry point (Node resolves a package's name from inside it).
  const { startSimulator } = require("pulumi-losant/simulator");
  // A state file, so a second `npm start` finds the orgs of the first and shows no changes.
  const sim = await startSimulator({ stateFile: path.join(STATE_DIR, "simulator.json") });
  say(`Losant API simulator listening on ${sim.url} (instance ${sim.instanceId})`);
  process.env.LOSANT_API_URL = sim.url;
  process.env.LOSANT_API_TOKEN = sim.tokens.admin;
  process.env.LOSANT_INSTANCE_ID = sim.instanceId;
  return sim;
}

/**
 * @param {import("./pulumi/ensure.js").EnsurePulumiResult} cli
 * @param {string} stackName
 * @param {boolean} real
 */
async function openStack(cli, stackName, real) {
  const { LocalWorkspace, PulumiCommand } = require("@pulumi/pulumi/automation");
  const backend = process.env.PULUMI_BACKEND_URL ?? `file://${path.join(STATE_DIR, "backend")}`;
  if (backend.startsWith("file://"))
    fs.mkdirSync(backend.slice("file://".length), { recursive: true });
  const passphrase = real ? process.env.PULUMI_CONFIG_PASSPHRASE : DEMO_PASSPHRASE;
  if (passphrase === undefined && process.env.PULUMI_CONFIG_PASSPHRASE_FILE === undefined) {
    throw new Error("Set PULUMI_CONFIG_PASSPHRASE (or _FILE) for the secrets of your stack");
  }
  // The inline program runs in this process; the engine and the provider it starts get the
  // same environment, so the token travels in memory only, never through a file.
  return LocalWorkspace.createOrSelectStack(
    {
      stackName,
      projectName: "losant-orgs",
      // The module Pulumi.yaml's `main:` names, so `pulumi up` here runs the same program.
      program: () => require(path.join(ROOT, PROGRAM_ENTRY))(),
    },
    {
      workDir: ROOT,
      pulumiCommand: await PulumiCommand.get({ root: cli.root }),
      envVars: {
        PULUMI_BACKEND_URL: backend,
        ...(passphrase === undefined ? {} : { PULUMI_CONFIG_PASSPHRASE: passphrase }),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PATH: `${cli.binDir}${path.delimiter}${process.env.PATH}`,
      },
    },
  );
}

/** @param {import("@pulumi/pulumi/automation").OutputMap} outputs */
function printOutputs(outputs) {
  const summary = outputs.summary?.value;
  if (typeof summary === "string") {
    say();
    say(summary);
  }
  const orgs = outputs.orgs?.value ?? {};
  for (const [resource, org] of Object.entries(orgs))
    say(`  ${resource}: org ${org.id} "${org.name}"`);
}

/** @param {boolean} real */
function printNextSteps(real) {
  if (real) return;
  say();
  say(
    "Run it again: nothing changes. Edit the orgs in Pulumi.demo.yaml and run it again to see an update.",
  );
  say("To run the same program against your Losant instance:");
  say("  pulumi config set --secret losant:apiToken <token>   (or export LOSANT_API_TOKEN)");
  say("  export LOSANT_API_URL=https://api.losant.com           (or your Enterprise API URL)");
  say("  export LOSANT_INSTANCE_ID=<instance id> PULUMI_CONFIG_PASSPHRASE=<passphrase>");
  say("  npm start -- --real --stack <name>                      (orgs from Pulumi.<name>.yaml)");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    say(
      fs
        .readFileSync(__filename, "utf8")
        .split("\n")
        .slice(3, 8)
        .join("\n")
        .replace(/^\/\/ ?/gm, ""),
    );
    return;
  }
  ensureFreshBuild(ROOT, say);
  fs.mkdirSync(STATE_DIR, { recursive: true });
  const sim = args.real ? undefined : await startSimulator();
  try {
    const cli = await ensurePulumi({ log: (line) => say(`[pulumi cli] ${line}`) });
    say(`Pulumi CLI ${cli.version} (${cli.source}) at ${cli.pulumiPath}`);
    const stack = await openStack(cli, args.stack, args.real);
    /** @param {string} text */
    const onOutput = (text) => process.stdout.write(text);
    // The engine's errors (an invalid setting, an API failure) go to its stderr.
    /** @param {string} text */
    const onError = (text) => process.stderr.write(text);
    if (args.destroy) {
      await stack.destroy({ onOutput, onError, color: "auto" });
    } else if (args.preview) {
      await stack.preview({ onOutput, onError, color: "auto", diff: true });
    } else {
      const result = await stack.up({ onOutput, onError, color: "auto" });
      printOutputs(result.outputs);
    }
    printNextSteps(args.real);
  } finally {
    await sim?.close();
  }
}

main().catch((err) => {
  // An engine failure was already shown as the engine printed it; its wrapper only repeats it.
  const { CommandError } = require("@pulumi/pulumi/automation");
  const engineFailed = err instanceof CommandError;
  const message = engineFailed
    ? "pulumi failed: see the error above."
    : (err?.message ?? String(err));
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
});
