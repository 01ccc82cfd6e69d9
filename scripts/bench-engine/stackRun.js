// @ts-check
"use strict";
/**
 * One run of the benchmark's lifecycle on one stack: up, an unchanged preview, refresh and
 * destroy, each a plain `pulumi` command, with the requests the simulator saw during it and
 * the state's size after `up`.
 */

const { pulumi } = require("./cli.js");
const { measureState } = require("./state.js");

/** The steps in the order they run; the report keeps it. */
const STEPS = /** @type {const} */ (["up", "preview", "refresh", "destroy"]);

/** @typedef {(typeof STEPS)[number]} Step */
/** @typedef {"orgs" | "noop" | "plugin"} Kind */

/**
 * The arguments of each step. Previews are left out of up, refresh and destroy so each time
 * is one engine operation; the preview must find nothing to change.
 * @type {Record<Step, string[]>}
 */
const STEP_ARGS = {
  up: ["up", "--yes", "--skip-preview"],
  preview: ["preview", "--expect-no-changes"],
  refresh: ["refresh", "--yes", "--skip-preview"],
  destroy: ["destroy", "--yes", "--skip-preview"],
};

/**
 * @typedef {object} StepResult
 * @property {number} seconds
 * @property {number} requests Every request the simulator answered during the step.
 * @property {Record<string, number>} byMethod The same, by HTTP method; a list of orgs counts
 *   as `list`, not `GET`.
 * @property {number} simulatorCpuSeconds CPU time of this process during the step: the
 *   simulator answering (it runs here), which a real instance would spend on its own servers.
 */

/**
 * @typedef {object} StackRunResult
 * @property {Kind} kind
 * @property {Record<Step, StepResult>} steps
 * @property {import("./state.js").StateSize} state Measured after `up`.
 */

/**
 * @typedef {object} StackRunContext
 * @property {import("./cli.js").PulumiCli} cli
 * @property {import("./project.js").BenchProject} project
 * @property {{ requests: { entries: readonly { method: string, route: string | null }[], reset(): void } }} sim
 * @property {Record<string, string>} env Backend, passphrase, token, URL, instance.
 * @property {number} count Resources in the stack.
 */

/** The simulator's route of the org list, which batched reads use. */
const LIST_ROUTE = "GET /instances/:instanceId/orgs";

/**
 * Requests the simulator saw since its log was last reset, by method (`list` for the list).
 * @param {StackRunContext["sim"]} sim
 * @returns {Record<string, number>}
 */
function requestsByMethod(sim) {
  /** @type {Record<string, number>} */
  const counts = {};
  for (const { method, route } of sim.requests.entries) {
    const key = route === LIST_ROUTE ? "list" : method;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * @typedef {object} OpenStack A stack of the benchmark's, created and not yet removed.
 * @property {Kind} kind
 * @property {string} name
 * @property {(args: string[]) => ReturnType<typeof pulumi>} run Runs a `pulumi` command on it.
 * @property {Partial<Record<Step, StepResult>>} steps The steps run so far.
 * @property {import("./state.js").StateSize} [state] Measured after `up`.
 */

/**
 * Creates stack `name` of `kind` resources; nothing is deployed yet.
 * @param {StackRunContext} context
 * @param {Kind} kind
 * @param {string} name Stack name, unique within the run.
 * @returns {Promise<OpenStack>}
 * @throws {Error} (rejects) when `pulumi stack init` fails
 */
async function openStack(context, kind, name) {
  const { cli, project } = context;
  const env = { ...context.env, BENCH_KIND: kind, BENCH_COUNT: String(context.count) };
  const run = (/** @type {string[]} */ args) =>
    pulumi(cli, [...args, "--stack", name, "--non-interactive"], project.dir, env);
  await pulumi(cli, ["stack", "init", name, "--non-interactive"], project.dir, env);
  return { kind, name, run, steps: {} };
}

/**
 * Runs one step on the stack and records its time and requests (and after `up`, the state).
 * @param {StackRunContext} context
 * @param {OpenStack} stack
 * @param {Step} step
 * @param {(line: string) => void} log
 * @returns {Promise<StepResult>}
 * @throws {Error} (rejects) when the `pulumi` command fails (see `pulumi` in cli.js); the
 *   stack is then left in the backend for inspection
 */
async function runStep(context, stack, step, log) {
  const { sim, project } = context;
  sim.requests.reset();
  const cpuBefore = process.cpuUsage();
  const { seconds } = await stack.run(STEP_ARGS[step]);
  const cpu = process.cpuUsage(cpuBefore);
  const simulatorCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const byMethod = requestsByMethod(sim);
  const requests = Object.values(byMethod).reduce((a, b) => a + b, 0);
  const result = { seconds, requests, byMethod, simulatorCpuSeconds };
  stack.steps[step] = result;
  log(`  ${stack.kind} ${step}: ${seconds.toFixed(1)} s, ${requests} requests`);
  if (step === "up") {
    const exported = await stack.run(["stack", "export"]);
    stack.state = measureState(exported.stdout, project.backendDir, stack.name);
  }
  return result;
}

/**
 * Removes the stack (its resources must be destroyed) and returns what its steps measured.
 * @param {OpenStack} stack
 * @returns {Promise<StackRunResult>}
 */
async function closeStack(stack) {
  await stack.run(["stack", "rm", "--yes"]);
  return {
    kind: stack.kind,
    steps: /** @type {Record<Step, StepResult>} */ (stack.steps),
    state: /** @type {import("./state.js").StateSize} */ (stack.state),
  };
}

/**
 * Creates stack `name`, runs the four steps on `kind` resources, and removes the stack.
 * @param {StackRunContext} context
 * @param {Kind} kind
 * @param {string} name Stack name, unique within the run.
 * @param {(line: string) => void} log
 * @returns {Promise<StackRunResult>}
 * @throws {Error} (rejects) when a `pulumi` command fails (see `pulumi` in cli.js); the
 *   stack is then left in the backend for inspection
 */
async function runStack(context, kind, name, log) {
  const stack = await openStack(context, kind, name);
  for (const step of STEPS) await runStep(context, stack, step, log);
  return closeStack(stack);
}

module.exports = { runStack, openStack, runStep, closeStack, STEPS };
