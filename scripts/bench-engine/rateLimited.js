// @ts-check
"use strict";
/**
 * N org creates under a token-bucket rate limit (the simulator answers 429 with `Retry-After`
 * beyond it): `pulumi up` of N InstanceOrgs, `pulumi refresh`, then `pulumi destroy`, first
 * with no limit (what the engine and provider need on their own) and then under
 * `rateLimit: { requestsPerSecond, burst }`, on one simulator.
 *
 * The floor is N / rate: no client can create N orgs faster. The engine may be slower than the
 * rate on its own, so the limited run is also compared with max(floor, unlimited run). The
 * create span (first request to the N-th org created) is sampled from the simulator's request
 * log every SAMPLE_MS.
 */

/* global setInterval, clearInterval */
const { performance } = require("node:perf_hooks");
const { pulumi } = require("./cli.js");
const { table } = require("./report.js");

const STACK = "orgs-rate-limited";
const SAMPLE_MS = 25;

/**
 * @typedef {object} TimedOutcome
 * @property {number} seconds
 * @property {string | undefined} error The first line of the failure, if the command failed.
 */

/**
 * @typedef {object} Pass One `up`, `refresh` and `destroy` of the N orgs.
 * @property {TimedOutcome} up
 * @property {number} createSpanSeconds First request to the N-th successful POST.
 * @property {number} created Orgs the simulator holds after `up`.
 * @property {Record<number, number>} statuses Answers during `up`, by status (429 = throttled).
 * @property {TimedOutcome} refresh
 * @property {Record<string, number>} refreshRoutes Answers during `refresh` that were not
 *   429, by route (the list, or one org's GET).
 * @property {Record<number, number>} refreshStatuses Answers during `refresh`, by status.
 * @property {TimedOutcome} destroy
 * @property {Record<number, number>} destroyStatuses Answers during `destroy`, by status.
 * @property {number} left Orgs the simulator still holds after `destroy`.
 */

/**
 * @typedef {object} RateLimitedResult
 * @property {number} n
 * @property {number} rate
 * @property {number} burst
 * @property {Pass} unlimited
 * @property {Pass} limited
 */

/**
 * @typedef {object} SimulatorHandle What this run uses of a simulator.
 * @property {string} url
 * @property {string} instanceId
 * @property {{ admin: string }} tokens
 * @property {{ entries: readonly { method: string, status: number, route: string | null }[], reset(): void }} requests
 * @property {(instanceId: string) => unknown[]} orgs
 * @property {(limit: { requestsPerSecond: number, burst: number } | undefined) => void} setRateLimit
 * @property {() => Promise<void>} close
 */

/**
 * The first error the engine printed for a resource (rather than its closing "update failed"),
 * cut to one short line.
 * @param {unknown} err What a failed `pulumi` command rejected with.
 * @returns {string}
 */
function firstCause(err) {
  const lines = (err instanceof Error ? err.message : String(err)).split("\n");
  const cause =
    lines.find((line) => /error:/i.test(line) && !/update failed/.test(line)) ??
    lines.find((line) => /error/i.test(line)) ??
    lines[0];
  const text = cause.trim();
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/**
 * Runs `command` and times it whatever its outcome.
 * @param {() => Promise<unknown>} command
 * @returns {Promise<TimedOutcome>}
 */
async function timedOutcome(command) {
  const started = performance.now();
  try {
    await command();
    return { seconds: (performance.now() - started) / 1000, error: undefined };
  } catch (err) {
    return { seconds: (performance.now() - started) / 1000, error: firstCause(err) };
  }
}

/**
 * Watches the simulator's request log: when the first request arrived and when the N-th
 * successful POST was answered.
 * @param {SimulatorHandle} sim
 * @param {number} n
 * @returns {{ stop(): number }} `stop()` ends the sampling and returns the span in seconds
 */
function watchCreates(sim, n) {
  /** @type {number | undefined} */
  let first;
  /** @type {number | undefined} */
  let last;
  const timer = setInterval(() => {
    const entries = sim.requests.entries;
    if (first === undefined && entries.length > 0) first = performance.now();
    if (last === undefined) {
      const created = entries.filter((e) => e.method === "POST" && e.status < 300).length;
      if (created >= n) last = performance.now();
    }
  }, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      const end = last ?? performance.now();
      return first === undefined ? 0 : (end - first) / 1000;
    },
  };
}

/**
 * The simulator's answers since its log was last reset, by status.
 * @param {SimulatorHandle} sim
 * @returns {Record<number, number>}
 */
function answersByStatus(sim) {
  /** @type {Record<number, number>} */
  const statuses = {};
  for (const { status } of sim.requests.entries) statuses[status] = (statuses[status] ?? 0) + 1;
  return statuses;
}

/**
 * The simulator's answers since its log was last reset that were not 429, by route.
 * @param {SimulatorHandle} sim
 * @returns {Record<string, number>}
 */
function answersByRoute(sim) {
  /** @type {Record<string, number>} */
  const routes = {};
  for (const { route, status } of sim.requests.entries) {
    if (status !== 429) routes[route ?? "no route"] = (routes[route ?? "no route"] ?? 0) + 1;
  }
  return routes;
}

/**
 * One `up`, `refresh` and `destroy` of the stack's orgs, with what the simulator saw.
 * @param {SimulatorHandle} sim
 * @param {(args: string[]) => Promise<unknown>} run Runs a `pulumi` command on the stack.
 * @param {number} n
 * @param {string} label For the progress lines.
 * @param {(line: string) => void} log
 * @returns {Promise<Pass>}
 */
async function lifecycle(sim, run, n, label, log) {
  sim.requests.reset();
  const watch = watchCreates(sim, n);
  const up = await timedOutcome(() => run(["up", "--yes", "--skip-preview"]));
  const createSpanSeconds = watch.stop();
  const statuses = answersByStatus(sim);
  const created = sim.orgs(sim.instanceId).length;
  log(`  ${label} up: ${up.seconds.toFixed(1)} s, ${created} orgs, ${up.error ?? "ok"}`);
  sim.requests.reset();
  const refresh = await timedOutcome(() => run(["refresh", "--yes", "--skip-preview"]));
  const refreshRoutes = answersByRoute(sim);
  const refreshStatuses = answersByStatus(sim);
  log(`  ${label} refresh: ${refresh.seconds.toFixed(1)} s, ${refresh.error ?? "ok"}`);
  sim.requests.reset();
  const destroy = await timedOutcome(() => run(["destroy", "--yes", "--skip-preview"]));
  const destroyStatuses = answersByStatus(sim);
  const left = sim.orgs(sim.instanceId).length;
  log(`  ${label} destroy: ${destroy.seconds.toFixed(1)} s, ${left} orgs left`);
  return {
    up,
    createSpanSeconds,
    created,
    statuses,
    refresh,
    refreshRoutes,
    refreshStatuses,
    destroy,
    destroyStatuses,
    left,
  };
}

/**
 * Creates and destroys `options.rateLimitedN` orgs without a limit, then under the limit.
 * @param {object} context
 * @param {import("./cli.js").PulumiCli} context.cli
 * @param {import("./project.js").BenchProject} context.project
 * @param {(options: object) => Promise<SimulatorHandle>} context.startSimulator
 * @param {(project: import("./project.js").BenchProject, sim: SimulatorHandle) => Record<string, string>} context.stackEnv
 * @param {import("./options.js").BenchOptions} context.options
 * @param {(line: string) => void} context.log
 * @returns {Promise<RateLimitedResult>}
 * @throws {Error} (rejects) when the stack cannot be created or removed, or the simulator
 *   refuses the limit (RangeError); a failing `up` or `destroy` is part of the result instead
 */
async function rateLimitedRun({ cli, project, startSimulator, stackEnv, options, log }) {
  const n = options.rateLimitedN;
  const limit = { requestsPerSecond: options.rate, burst: options.burst };
  const sim = await startSimulator({ validateResponses: false });
  try {
    const env = { ...stackEnv(project, sim), BENCH_KIND: "orgs", BENCH_COUNT: String(n) };
    const run = (/** @type {string[]} */ args) =>
      pulumi(cli, [...args, "--stack", STACK, "--non-interactive"], project.dir, env);
    await pulumi(cli, ["stack", "init", STACK, "--non-interactive"], project.dir, env);
    const unlimited = await lifecycle(sim, run, n, "no limit", log);
    sim.setRateLimit(limit);
    const limited = await lifecycle(sim, run, n, "rate-limited", log);
    if (!limited.destroy.error) await run(["stack", "rm", "--yes"]);
    return { n, rate: options.rate, burst: options.burst, unlimited, limited };
  } finally {
    await sim.close();
  }
}

/**
 * The rate-limited run as a markdown table.
 * @param {RateLimitedResult} r
 * @returns {string}
 */
function rateLimitedReport(r) {
  const floor = r.n / r.rate;
  const x = (/** @type {number} */ seconds, /** @type {number} */ bound) =>
    `${(seconds / bound).toFixed(2)}x`;
  const row = (
    /** @type {string} */ label,
    /** @type {number} */ seconds,
    /** @type {number} */ unlimitedSeconds,
    /** @type {string} */ outcome,
  ) => [
    label,
    unlimitedSeconds.toFixed(1),
    seconds.toFixed(1),
    x(seconds, floor),
    x(seconds, Math.max(floor, unlimitedSeconds)),
    outcome,
  ];
  const { unlimited, limited } = r;
  const outcome = (/** @type {TimedOutcome} */ step, /** @type {string} */ done) =>
    step.error ? `${done}; failed: ${step.error}` : `${done}, 0 errors`;
  const answers = (/** @type {Record<number, number>} */ statuses) =>
    `${Object.entries(statuses)
      .map(([status, count]) => `${status}: ${count}`)
      .join(", ")} (${statuses[429] ?? 0} throttled with 429)`;
  return [
    `${r.n} creates under ${r.rate} requests/s (burst ${r.burst}); floor N / rate = ${floor.toFixed(1)} s:`,
    "",
    table(
      ["measure", "no limit (s)", "limited (s)", "vs floor", "vs max(floor, no limit)", "outcome"],
      [
        row(
          "first request to last create",
          limited.createSpanSeconds,
          unlimited.createSpanSeconds,
          limited.created < r.n ? "not all created: until `up` ended" : "",
        ),
        row(
          "`pulumi up` (engine included)",
          limited.up.seconds,
          unlimited.up.seconds,
          outcome(limited.up, `${limited.created} of ${r.n} orgs created`),
        ),
        row(
          "`pulumi refresh`",
          limited.refresh.seconds,
          unlimited.refresh.seconds,
          outcome(limited.refresh, `${requestsOf(limited.refreshRoutes)} requests answered`),
        ),
        row(
          "`pulumi destroy`",
          limited.destroy.seconds,
          unlimited.destroy.seconds,
          outcome(limited.destroy, `${limited.left} orgs left`),
        ),
      ],
    ),
    "",
    `Answers under the limit: during up ${answers(limited.statuses)}; during refresh ${answers(limited.refreshStatuses)}; during destroy ${answers(limited.destroyStatuses)}.`,
    `Requests of the refresh, 429s left out: ${routeList(limited.refreshRoutes)}.`,
  ].join("\n");
}

/**
 * @param {Record<string, number>} routes
 * @returns {number}
 */
function requestsOf(routes) {
  return Object.values(routes).reduce((sum, count) => sum + count, 0);
}

/**
 * @param {Record<string, number>} routes
 * @returns {string}
 */
function routeList(routes) {
  return Object.entries(routes)
    .map(([route, count]) => `${count} \`${route}\``)
    .join(", ");
}

module.exports = { rateLimitedRun, rateLimitedReport };
