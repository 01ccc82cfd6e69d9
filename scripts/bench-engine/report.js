// @ts-check
"use strict";
/**
 * The benchmark's numbers as markdown tables, ready to paste into docs/benchmarks.md: best time of
 * each step per kind, the ratio orgs / no-op, the org requests per step, the simulator's CPU time
 * during the orgs' steps, and the state sizes.
 */

const { STEPS } = require("./stackRun.js");

/**
 * @param {string[]} header
 * @param {string[][]} rows
 * @returns {string}
 */
function table(header, rows) {
  const line = (/** @type {string[]} */ cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/**
 * The distinct values, in order of first appearance, joined by "/" (one value when every run
 * agreed).
 * @param {number[]} values
 * @returns {string}
 */
function distinct(values) {
  return [...new Set(values)].join("/");
}

/** @param {number} bytes */
function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/**
 * The comparison of the alternating runs.
 * @param {import("./stackRun.js").StackRunResult[]} results Every run of both kinds.
 * @returns {string}
 */
function comparisonReport(results) {
  const of = (/** @type {import("./stackRun.js").Kind} */ kind) =>
    results.filter((r) => r.kind === kind);
  const orgs = of("orgs");
  const noop = of("noop");
  const plugin = of("plugin");
  const best = (
    /** @type {typeof results} */ runs,
    /** @type {import("./stackRun.js").Step} */ step,
  ) => Math.min(...runs.map((r) => r.steps[step].seconds));
  const stepRows = STEPS.map((step) => {
    const o = best(orgs, step);
    const n = best(noop, step);
    const methods = distinct(orgs.map((r) => r.steps[step].requests));
    const byMethod = Object.entries(orgs[0].steps[step].byMethod)
      .map(([m, c]) => `${m} ${c}`)
      .join(", ");
    const p = plugin.length > 0 ? best(plugin, step) : NaN;
    return [
      step,
      n.toFixed(1),
      o.toFixed(1),
      `${(o / n).toFixed(2)}x`,
      plugin.length > 0 ? p.toFixed(1) : "-",
      plugin.length > 0 ? `${(p / n).toFixed(2)}x / ${(p / o).toFixed(2)}x` : "-",
      byMethod ? `${methods} (${byMethod})` : methods,
      distinct(noop.map((r) => r.steps[step].requests)),
      Math.min(...orgs.map((r) => r.steps[step].simulatorCpuSeconds)).toFixed(1),
    ];
  });
  const stateRow = (/** @type {typeof results} */ runs, /** @type {string} */ label) => {
    const s = runs[0].state;
    return [
      label,
      kib(s.bytesPerResource),
      kib(s.providerBytesPerResource) + (s.providerInOutputs ? " (x2: inputs and outputs)" : ""),
      `${(s.checkpointBytes / 2 ** 20).toFixed(2)} MiB`,
    ];
  };
  return [
    `N = ${orgs[0].state.resources}, best of ${orgs.length} run(s) per kind, the kinds alternating:`,
    "",
    table(
      [
        "step",
        "no-op (s)",
        "orgs (s)",
        "ratio",
        "plugin (s)",
        "plugin / no-op, / orgs",
        "org requests",
        "no-op requests",
        "simulator CPU during orgs (s)",
      ],
      stepRows,
    ),
    "",
    "The simulator answers in this process, on the same cores as the engine: a real instance",
    "would spend its CPU time on its own servers.",
    "",
    table(
      ["stack", "state per resource", "`__provider` per resource", "checkpoint after up"],
      [
        stateRow(orgs, "orgs"),
        stateRow(noop, "no-op"),
        ...(plugin.length > 0 ? [stateRow(plugin, "plugin")] : []),
      ],
    ),
  ].join("\n");
}

module.exports = { comparisonReport, table };
