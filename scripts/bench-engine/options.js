// @ts-check
"use strict";
/** The benchmark's command line: `npm run bench:engine -- [--n 200] [--runs 2] ...`. */

const { parseArgs } = require("node:util");

/**
 * @typedef {object} BenchOptions
 * @property {number} n Resources per stack.
 * @property {number} runs Runs per kind, alternating orgs and no-op.
 * @property {number} refreshPairs Pairs of refreshes, run for run, on the last run's stacks.
 * @property {("orgs" | "noop" | "plugin")[]} order The kinds in the order each run takes them.
 * @property {boolean} compare Run the orgs / no-op comparison.
 * @property {boolean} rateLimited Run the creates under a token bucket.
 * @property {number} rateLimitedN Orgs created under the token bucket.
 * @property {number} rate Requests per second the bucket refills.
 * @property {number} burst The bucket's size.
 * @property {boolean} keep Keep the temp folder (project, backend, logs) for inspection.
 */

const USAGE = `Usage: npm run bench:engine -- [options]
  --n N              resources per stack (default 200)
  --runs R           runs per kind, alternating orgs and no-op (default 2, at least 1)
  --refresh-pairs K  pairs of refreshes (orgs, no-op) on the last run's stacks (default 6, 0: none)
  --noop-first       each run takes the no-op stack first (the baseline is in hand sooner)
  --only compare     only the orgs / no-op comparison
  --only rate-limit  only the creates under the token bucket
  --rate-n N         orgs created under the token bucket (default 200)
  --rate R           its requests per second (default 10)
  --burst B          its burst (default: R)
  --keep             keep the temp folder (project, file backend)`;

/**
 * A positive integer option, or the default when absent.
 * @param {string | undefined} text
 * @param {string} name
 * @param {number} fallback
 * @returns {number}
 */
function positiveInteger(text, name, fallback) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${name} must be a positive integer, not ${JSON.stringify(text)}\n${USAGE}`);
  }
  return value;
}

/**
 * A non-negative integer option, or the default when absent.
 * @param {string | undefined} text
 * @param {string} name
 * @param {number} fallback
 * @returns {number}
 */
function countOption(text, name, fallback) {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(
      `--${name} must be a non-negative integer, not ${JSON.stringify(text)}\n${USAGE}`,
    );
  }
  return value;
}

/**
 * Parses the command line.
 * @param {string[]} argv The arguments after the script's path.
 * @returns {BenchOptions}
 * @throws {Error} on an unknown option or a value that is not a positive integer (or, for
 *   `--refresh-pairs`, a non-negative one); the message
 *   names the option and carries the usage
 */
function parseOptions(argv) {
  /** @type {ReturnType<typeof parseArgs>["values"]} */
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        n: { type: "string" },
        runs: { type: "string" },
        "refresh-pairs": { type: "string" },
        only: { type: "string" },
        "rate-n": { type: "string" },
        rate: { type: "string" },
        burst: { type: "string" },
        "noop-first": { type: "boolean" },
        keep: { type: "boolean" },
      },
    }));
  } catch (err) {
    throw new Error(`${/** @type {Error} */ (err).message}\n${USAGE}`);
  }
  const only = /** @type {string | undefined} */ (values.only);
  if (only !== undefined && only !== "compare" && only !== "rate-limit") {
    throw new Error(
      `--only must be "compare" or "rate-limit", not ${JSON.stringify(only)}\n${USAGE}`,
    );
  }
  const str = (/** @type {string} */ key) => /** @type {string | undefined} */ (values[key]);
  const rate = positiveInteger(str("rate"), "rate", 10);
  return {
    n: positiveInteger(str("n"), "n", 200),
    runs: positiveInteger(str("runs"), "runs", 2),
    refreshPairs: countOption(str("refresh-pairs"), "refresh-pairs", 6),
    order: values["noop-first"] === true ? ["noop", "orgs", "plugin"] : ["orgs", "noop", "plugin"],
    compare: only !== "rate-limit",
    rateLimited: only !== "compare",
    rateLimitedN: positiveInteger(str("rate-n"), "rate-n", 200),
    rate,
    burst: positiveInteger(str("burst"), "burst", rate),
    keep: values.keep === true,
  };
}

module.exports = { parseOptions };
