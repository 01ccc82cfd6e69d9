// @ts-check
"use strict";
/**
 * Refresh, run for run: K refreshes of each kind on the same two deployed stacks, in pairs,
 * the pair's order alternating (orgs first, then no-op first). Refresh is the one step where an
 * org does real work and the no-op none, and the one a shared machine's noise swings most, so
 * the best of 2 runs alone can flatter it; the ratio of each pair, and their median, show
 * what a user meets run for run.
 */

const { table } = require("./report.js");

/**
 * @typedef {object} RefreshPair
 * @property {number} orgsSeconds
 * @property {number} noopSeconds
 * @property {number} orgsRequests
 * @property {import("./stackRun.js").Kind} first The kind that ran first in this pair.
 */

/**
 * The middle value (the mean of the two middle values for an even count).
 * @param {number[]} values At least one.
 * @returns {number}
 */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs `pairs` pairs of refreshes on the two open stacks.
 * @param {import("./stackRun.js").StackRunContext} context
 * @param {Record<import("./stackRun.js").Kind, import("./stackRun.js").OpenStack>} stacks
 *   Both deployed.
 * @param {number} pairs
 * @param {(line: string) => void} log
 * @returns {Promise<RefreshPair[]>}
 * @throws {Error} (rejects) when a `pulumi refresh` fails
 */
async function refreshPairs(context, stacks, pairs, log) {
  /** @type {RefreshPair[]} */
  const results = [];
  for (let i = 0; i < pairs; i++) {
    /** @type {import("./stackRun.js").Kind[]} */
    const order = i % 2 === 0 ? ["orgs", "noop"] : ["noop", "orgs"];
    /** @type {Partial<Record<import("./stackRun.js").Kind, { seconds: number, requests: number }>>} */
    const got = {};
    for (const kind of order) {
      context.sim.requests.reset();
      const { seconds } = await stacks[kind].run(["refresh", "--yes", "--skip-preview"]);
      got[kind] = { seconds, requests: context.sim.requests.entries.length };
    }
    const orgs = /** @type {{ seconds: number, requests: number }} */ (got.orgs);
    const noop = /** @type {{ seconds: number, requests: number }} */ (got.noop);
    log(
      `  refresh pair ${i + 1}/${pairs}: orgs ${orgs.seconds.toFixed(2)} s (${orgs.requests} requests), no-op ${noop.seconds.toFixed(2)} s`,
    );
    results.push({
      orgsSeconds: orgs.seconds,
      noopSeconds: noop.seconds,
      orgsRequests: orgs.requests,
      first: order[0],
    });
  }
  return results;
}

/**
 * The pairs as a markdown table, with the median ratio and its range, and the fastest refresh
 * of each kind: noise on a shared machine only ever adds time, so the fastest of many runs is
 * the steadiest estimate of what each kind needs (the best of 2 runs, taken further).
 * @param {RefreshPair[]} pairs At least one.
 * @param {number} n Resources per stack.
 * @returns {string}
 */
function refreshPairsReport(pairs, n) {
  const ratios = pairs.map((p) => p.orgsSeconds / p.noopSeconds);
  const fastestNoop = Math.min(...pairs.map((p) => p.noopSeconds));
  const fastestOrgs = Math.min(...pairs.map((p) => p.orgsSeconds));
  const rows = pairs.map((p, i) => [
    String(i + 1),
    p.first === "orgs" ? "orgs" : "no-op",
    p.noopSeconds.toFixed(2),
    p.orgsSeconds.toFixed(2),
    `${ratios[i].toFixed(2)}x`,
    String(p.orgsRequests),
  ]);
  return [
    `Refresh, run for run: N = ${n}, ${pairs.length} pairs on the same two stacks, the order alternating:`,
    "",
    table(["pair", "first", "no-op (s)", "orgs (s)", "ratio", "org requests"], rows),
    "",
    `Median ratio ${median(ratios).toFixed(2)}x (${Math.min(...ratios).toFixed(2)}x to ${Math.max(...ratios).toFixed(2)}x); ` +
      `median times: no-op ${median(pairs.map((p) => p.noopSeconds)).toFixed(2)} s, orgs ${median(pairs.map((p) => p.orgsSeconds)).toFixed(2)} s.`,
    `Fastest of the ${pairs.length} of each kind: no-op ${fastestNoop.toFixed(2)} s, orgs ${fastestOrgs.toFixed(2)} s (${(fastestOrgs / fastestNoop).toFixed(2)}x).`,
  ].join("\n");
}

module.exports = { refreshPairs, refreshPairsReport, median };
