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
 * A distribution-free confidence interval for the median of `values`, from their order
 * statistics: the median of the underlying distribution lies below the k-th smallest value
 * with probability P(Binomial(n, 1/2) < k), and above the k-th largest with the same
 * probability. The widest-k interval whose two tails together stay within 1 - `level` is
 * returned, with its exact coverage; none exists below 6 values at 95%.
 * @param {number[]} values
 * @param {number} [level] Coverage wanted, 0.95 unless given.
 * @returns {{ low: number, high: number, coverage: number } | undefined}
 */
function medianInterval(values, level = 0.95) {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  // P(B = j) in log space, so a long run of pairs does not underflow 2^-n to 0.
  let logTerm = n * Math.log(0.5);
  let tail = 0;
  let k = 0;
  for (let j = 0; j < n / 2; j++) {
    const term = Math.exp(logTerm);
    if (2 * (tail + term) > 1 - level) break;
    tail += term;
    k = j + 1;
    logTerm += Math.log((n - j) / (j + 1));
  }
  if (k === 0) return undefined;
  return { low: sorted[k - 1], high: sorted[n - k], coverage: 1 - 2 * tail };
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
  const interval = medianInterval(ratios);
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
    interval === undefined
      ? `Too few pairs for a 95% confidence interval of the median ratio (6 at least).`
      : `95% confidence interval of the median ratio: ${interval.low.toFixed(2)}x to ${interval.high.toFixed(2)}x ` +
        `(order statistics, exact coverage ${(interval.coverage * 100).toFixed(1)}%).`,
    `Fastest of the ${pairs.length} of each kind: no-op ${fastestNoop.toFixed(2)} s, orgs ${fastestOrgs.toFixed(2)} s (${(fastestOrgs / fastestNoop).toFixed(2)}x).`,
  ].join("\n");
}

module.exports = { refreshPairs, refreshPairsReport, median, medianInterval };
