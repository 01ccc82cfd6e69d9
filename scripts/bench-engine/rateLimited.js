// @ts-check
"use strict";
/**
 * N org creates under a token-bucket rate limit (the simulator answers 429 with `Retry-After`
 * beyond it): `pulumi up` of N InstanceOrgs against a simulator started with
 * `rateLimit: { requestsPerSecond, burst }`, then `pulumi destroy` under the same limit.
 *
 * The floor is N / rate: no client can create N orgs faster. Reported against it: the whole
 * `up` (engine included) and the span from the first request to the N-th org created, sampled
 * from the simulator's request log every SAMPLE_MS.
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
 * @typedef {object} RateLimitedResult
 * @property {number} n
 * @property {number} rate
 * @property {number} burst
 * @property {TimedOutcome} up
 * @property {number} createSpanSeconds First request to the N-th successful POST.
 * @property {number} created Orgs the simulator holds after `up`.
 * @property {Record<number, number>} statuses Answers during `up`, by status (429 = throttled).
 * @property {TimedOutcome} destroy
 * @property {number} left Orgs the simulator still holds after `destroy`.
 */

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
    const message = err instanceof Error ? err.message : String(err);
    const errorLine = message.split("\n").find((line) => /error/i.test(line)) ?? message;
    return { seconds: (performance.now() - started) / 1000, error: errorLine.trim() };
  }
}

/**
 * Watches the simulator's request log: when the first request arrived and when the N-th
 * successful POST was answered.
 * @param {{ requests: { entries: readonly { method: string, status: number }[] } }} sim
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
 * Creates and then destroys `options.rateLimitedN` orgs on a rate-limited simulator.
 * @param {object} context
 * @param {import("./cli.js").PulumiCli} context.cli
 * @param {import("./project.js").BenchProject} context.project
 * @param {(options: object) => Promise<any>} context.startSimulator
 * @param {(project: import("./project.js").BenchProject, sim: any) => Record<string, string>} context.stackEnv
 * @param {import("./options.js").BenchOptions} context.options
 * @param {(line: string) => void} context.log
 * @returns {Promise<RateLimitedResult>}
 * @throws {Error} (rejects) when the stack cannot be created or removed; a failing `up` or
 *   `destroy` is part of the result instead
 */
async function rateLimitedRun({ cli, project, startSimulator, stackEnv, options, log }) {
  const n = options.rateLimitedN;
  const sim = await startSimulator({
    validateResponses: false,
    rateLimit: { requestsPerSecond: options.rate, burst: options.burst },
  });
  try {
    const env = { ...stackEnv(project, sim), BENCH_KIND: "orgs", BENCH_COUNT: String(n) };
    const run = (/** @type {string[]} */ args) =>
      pulumi(cli, [...args, "--stack", STACK, "--non-interactive"], project.dir, env);
    await pulumi(cli, ["stack", "init", STACK, "--non-interactive"], project.dir, env);
    sim.requests.reset();
    const watch = watchCreates(sim, n);
    const up = await timedOutcome(() => run(["up", "--yes", "--skip-preview"]));
    const createSpanSeconds = watch.stop();
    /** @type {Record<number, number>} */
    const statuses = {};
    for (const { status } of sim.requests.entries) statuses[status] = (statuses[status] ?? 0) + 1;
    const created = sim.orgs(sim.instanceId).length;
    log(`  rate-limited up: ${up.seconds.toFixed(1)} s, ${created} orgs, ${up.error ?? "ok"}`);
    const destroy = await timedOutcome(() => run(["destroy", "--yes", "--skip-preview"]));
    const left = sim.orgs(sim.instanceId).length;
    log(`  rate-limited destroy: ${destroy.seconds.toFixed(1)} s, ${left} orgs left`);
    if (!destroy.error) await run(["stack", "rm", "--yes"]);
    return {
      n,
      rate: options.rate,
      burst: options.burst,
      up,
      createSpanSeconds,
      created,
      statuses,
      destroy,
      left,
    };
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
  const x = (/** @type {number} */ seconds) => `${(seconds / floor).toFixed(2)}x`;
  const throttled = r.statuses[429] ?? 0;
  const answers = Object.entries(r.statuses)
    .map(([status, count]) => `${status}: ${count}`)
    .join(", ");
  return [
    `${r.n} creates under ${r.rate} requests/s (burst ${r.burst}); floor N / rate = ${floor.toFixed(1)} s:`,
    "",
    table(
      ["measure", "seconds", "vs floor", "outcome"],
      [
        [
          "first request to last create",
          r.createSpanSeconds.toFixed(1),
          x(r.createSpanSeconds),
          `${r.created} of ${r.n} orgs created`,
        ],
        [
          "`pulumi up` (engine included)",
          r.up.seconds.toFixed(1),
          x(r.up.seconds),
          r.up.error ? `failed: ${r.up.error}` : "0 errors",
        ],
        [
          "`pulumi destroy` under the same limit",
          r.destroy.seconds.toFixed(1),
          x(r.destroy.seconds),
          r.destroy.error ? `failed: ${r.destroy.error}` : `${r.left} orgs left`,
        ],
      ],
    ),
    "",
    `Answers during up: ${answers} (${throttled} throttled with 429).`,
  ].join("\n");
}

module.exports = { rateLimitedRun, rateLimitedReport };
