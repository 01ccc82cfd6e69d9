#!/usr/bin/env node
// @ts-check
"use strict";
/**
 * `npm run bench:engine`: the cost of InstanceOrgs on the Pulumi engine, measured as a user
 * meets it and against the engine's own floor. Prints numbers; nothing here is asserted.
 *
 * The package is packed and installed into a plain Pulumi project; the simulator runs in this
 * process; the plain `pulumi` CLI (child processes, file backend) runs up, an unchanged
 * preview, refresh and destroy on a stack of N InstanceOrgs and on the same stack of N no-op
 * dynamic resources, alternating (orgs, no-op, orgs, no-op, ...), best run of each reported.
 * In the last run both stacks stay deployed for K pairs of refreshes, run for run (see
 * refreshPairs.js), before they are destroyed. Then N orgs are created under a token-bucket
 * rate limit (see rateLimited.js).
 *
 * Progress goes to stderr, the report to stdout.
 */

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { findCli } = require("./cli.js");
const { parseOptions } = require("./options.js");
const { createProject } = require("./project.js");
const { comparisonReport } = require("./report.js");
const { closeStack, openStack, runStack, runStep } = require("./stackRun.js");
const { refreshPairs, refreshPairsReport } = require("./refreshPairs.js");
const { rateLimitedRun, rateLimitedReport } = require("./rateLimited.js");

const PASSPHRASE = "bench-engine";

/** @param {string} line */
function log(line) {
  process.stderr.write(`[bench:engine ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/**
 * The simulator module of the installed package, as a user of `pulumi-losant/simulator` gets it.
 * @param {string} projectDir
 * @returns {typeof import("../../simulator")}
 */
function installedSimulator(projectDir) {
  return require(require.resolve("pulumi-losant/simulator", { paths: [projectDir] }));
}

/**
 * The environment of every `pulumi` command against `sim`: file backend, passphrase, the
 * token and URL the provider reads at run time, the instance the program declares orgs in.
 * @param {import("./project.js").BenchProject} project
 * @param {{ url: string, instanceId: string, tokens: { admin: string } }} sim
 * @returns {Record<string, string>}
 */
function stackEnv(project, sim) {
  return {
    PULUMI_BACKEND_URL: `file://${project.backendDir}`,
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    // A home of its own: no plugins, workspaces or credentials of the user's are involved.
    PULUMI_HOME: path.join(project.tmp, "pulumi-home"),
    LOSANT_API_TOKEN: sim.tokens.admin,
    LOSANT_API_URL: sim.url,
    BENCH_INSTANCE_ID: sim.instanceId,
  };
}

/** The machine the numbers come from, printed with them. */
function machine() {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model ?? "unknown"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} at the end`;
}

/** @param {string[]} argv */
async function main(argv) {
  const options = parseOptions(argv);
  const cli = await findCli(log);
  log(`pulumi ${cli.version} at ${cli.pulumiPath}, language host ${cli.languageHost}`);
  log("packing the package and installing it into a plain Pulumi project");
  const project = await createProject();
  log(`project ${project.dir} (tarball ${(project.tarballBytes / 1024).toFixed(0)} KiB)`);
  const { startSimulator } = installedSimulator(project.dir);
  /** @type {string[]} */
  const report = [];
  try {
    if (options.compare) {
      const sim = await startSimulator({ validateResponses: false });
      try {
        const context = { cli, project, sim, env: stackEnv(project, sim), count: options.n };
        /** @type {import("./stackRun.js").StackRunResult[]} */
        const results = [];
        /** @type {import("./refreshPairs.js").RefreshPair[]} */
        let pairs = [];
        for (let run = 1; run <= options.runs; run++) {
          if (run < options.runs || options.refreshPairs === 0) {
            for (const kind of options.order) {
              log(`run ${run}/${options.runs}: ${options.n} ${kind}`);
              results.push(await runStack(context, kind, `${kind}-${run}`, log));
            }
            continue;
          }
          // The last run keeps both stacks deployed through the refresh pairs.
          /** @type {Partial<Record<import("./stackRun.js").Kind, import("./stackRun.js").OpenStack>>} */
          const open = {};
          for (const kind of options.order) {
            log(`run ${run}/${options.runs}: ${options.n} ${kind}`);
            const stack = await openStack(context, kind, `${kind}-${run}`);
            for (const step of /** @type {const} */ (["up", "preview", "refresh"])) {
              await runStep(context, stack, step, log);
            }
            open[kind] = stack;
          }
          const both =
            /** @type {Record<import("./stackRun.js").Kind, import("./stackRun.js").OpenStack>} */ (
              open
            );
          log(`${options.refreshPairs} refresh pairs on the run's two stacks`);
          pairs = await refreshPairs(context, both, options.refreshPairs, log);
          for (const kind of options.order) {
            await runStep(context, both[kind], "destroy", log);
            results.push(await closeStack(both[kind]));
          }
        }
        report.push(comparisonReport(results));
        if (pairs.length > 0) report.push(refreshPairsReport(pairs, options.n));
      } finally {
        await sim.close();
      }
    }
    if (options.rateLimited) {
      log(
        `${options.rateLimitedN} creates under ${options.rate} requests/s (burst ${options.burst})`,
      );
      const result = await rateLimitedRun({ cli, project, startSimulator, stackEnv, options, log });
      report.push(rateLimitedReport(result));
    }
  } finally {
    if (options.keep) log(`kept ${project.tmp}`);
    else fs.rmSync(project.tmp, { recursive: true, force: true });
  }
  report.push(`Machine: ${machine()}; pulumi ${cli.version}.`);
  process.stdout.write(`${report.join("\n\n")}\n`);
}

main(process.argv.slice(2)).catch((err) => {
  log(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
