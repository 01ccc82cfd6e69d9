#!/usr/bin/env node
// Benchmarks that print numbers (never asserted in tests: these machines are shared and
// noisy). Run with `npm run bench`. Uses the compiled build against the simulator on loopback.
//
//   check+diff   local work per org at preview: no request may be sent
//   provider     one create / read / update / delete through the provider, per org
//   retries      PATCHes under a 20% injected 503 rate: attempts and time per success
//   serialized   size of the provider text Pulumi stores with every InstanceOrg
//   rate limit   200 creates through the provider under a token bucket (10 requests/s), at
//                the engine's default concurrency and above it: time against the floor, errors
//                and 429s
// @ts-check
"use strict";
const { performance } = require("node:perf_hooks");

// The package's own entry points (Node resolves a package's name from inside it); the files
// are this repository's build, so the provider is still captured by value, as from a source tree.
const { createInstanceOrgProvider } = require("pulumi-losant/dist/provider/index.js");
const { startSimulator } = require("pulumi-losant/simulator");

/**
 * @param {number[]} samples Milliseconds.
 * @returns {string}
 */
function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  /** @param {number} q */
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = samples.reduce((s, v) => s + v, 0) / samples.length;
  return `mean ${mean.toFixed(3)} ms  p50 ${pick(0.5).toFixed(3)}  p95 ${pick(0.95).toFixed(3)}  n=${samples.length}`;
}

/**
 * @template T
 * @param {() => Promise<T>} fn
 * @returns {Promise<[number, T]>} milliseconds taken, and what `fn` gave
 */
async function timed(fn) {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

/**
 * @template T
 * @param {T | undefined} value
 * @param {string} what Named in the error.
 * @returns {T}
 * @throws {Error} when `value` is undefined
 */
function defined(value, what) {
  if (value === undefined) throw new Error(`the provider returned no ${what}`);
  return value;
}

/**
 * 200 creates through the provider, `concurrency` at a time as the engine runs steps, against
 * a fresh simulator whose token bucket refills `rate` requests/s and holds `burst`. Each create
 * makes a client of its own, as each engine step does; they share the process's rate gate.
 * @param {{ rate: number, burst: number, concurrency: number }} scenario
 * @returns {Promise<string>} one line: time / floor, errors, 429s
 */
async function rateLimitedCreates({ rate, burst, concurrency }) {
  const count = 200;
  const sim = await startSimulator({
    validateResponses: false,
    rateLimit: { requestsPerSecond: rate, burst },
  });
  try {
    const provider = /** @type {Required<ReturnType<typeof createInstanceOrgProvider>>} */ (
      createInstanceOrgProvider()
    );
    /** @type {Record<string, string>} */
    const settings = { "losant:apiToken": sim.tokens.admin, "losant:apiUrl": sim.url };
    /** @param {string} key */
    const setting = (key) => settings[key];
    await provider.configure({ config: { get: setting, require: setting } });
    let next = 0;
    let errors = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        await provider
          .create({ instanceId: sim.instanceId, name: `rate-${i}` })
          .catch(() => errors++);
      }
    };
    const [ms] = await timed(() => Promise.all(Array.from({ length: concurrency }, worker)));
    const floor = (count / rate) * 1000;
    const throttled = sim.requests.count({ status: 429 });
    return (
      `rate limit ${rate}/s burst ${String(burst).padEnd(3)} x${String(concurrency).padEnd(3)}` +
      `${(ms / 1000).toFixed(1)} s = ${(ms / floor).toFixed(2)}x the floor (${count}/${rate}/s), ` +
      `${errors} errors, ${throttled} answers 429`
    );
  } finally {
    await sim.close();
  }
}

async function main() {
  const sim = await startSimulator({ validateResponses: false });
  // Every step is implemented; the interface declares them optional.
  const provider = /** @type {Required<ReturnType<typeof createInstanceOrgProvider>>} */ (
    createInstanceOrgProvider()
  );
  /** @type {Record<string, string>} */
  const settings = { "losant:apiToken": sim.tokens.admin, "losant:apiUrl": sim.url };
  /** @param {string} key */
  const setting = (key) => settings[key];
  await provider.configure({ config: { get: setting, require: setting } });
  /** @param {number} i */
  const declared = (i) => ({
    instanceId: sim.instanceId,
    name: `bench-${i}`,
    limits: { device: 100 + i, dataTTL: 2592000 },
    tags: [
      { key: "env", value: "bench" },
      { key: "n", value: String(i) },
    ],
    banner: { message: "hello", level: /** @type {const} */ ("info") },
  });
  const lines = [];

  // check + diff, as a preview of 1000 orgs does them.
  const first = await provider.create(declared(0));
  const outs = defined(first.outs, "outputs");
  sim.requests.reset();
  const local = [];
  for (let i = 0; i < 1000; i++) {
    const [ms] = await timed(async () => {
      await provider.check(declared(0), declared(0));
      await provider.diff(first.id, outs, declared(0));
    });
    local.push(ms);
  }
  lines.push(
    `check+diff per org      ${stats(local.slice(10))}  requests sent: ${sim.requests.count()}`,
  );

  // One CRUD cycle per org.
  /** @type {Record<string, number[]>} */
  const steps = { create: [], read: [], update: [], delete: [] };
  sim.requests.reset();
  for (let i = 1; i <= 200; i++) {
    const [c, created] = await timed(() => provider.create(declared(i)));
    const [r, read] = await timed(() => provider.read(created.id, created.outs));
    const [u, updated] = await timed(() =>
      provider.update(created.id, defined(read.props, "props"), {
        ...declared(i),
        description: "changed",
      }),
    );
    const [d] = await timed(() => provider.delete(created.id, defined(updated.outs, "outputs")));
    steps.create.push(c);
    steps.read.push(r);
    steps.update.push(u);
    steps.delete.push(d);
  }
  for (const [step, samples] of Object.entries(steps)) {
    lines.push(`provider ${step.padEnd(15)}${stats(samples)}`);
  }
  lines.push(
    `requests per CRUD cycle ${(sim.requests.count() / 200).toFixed(2)} (one per step is the target: 4.00)`,
  );

  // Retries under a 20% 503 rate.
  sim.requests.reset();
  sim.faults.add({ kind: "status", status: 503, method: "PATCH", probability: 0.2, seed: 7 });
  const retried = [];
  for (let i = 0; i < 100; i++) {
    const [ms] = await timed(() =>
      provider.update(first.id, outs, { ...declared(0), description: `r${i}` }),
    );
    retried.push(ms);
  }
  sim.faults.clear();
  const attempts = sim.requests.count({ method: "PATCH" });
  lines.push(
    `PATCH at 20% 503        ${stats(retried)}  attempts per success ${(attempts / 100).toFixed(2)}`,
  );

  // The provider text stored in the state with each resource (the source tree, captured by value).
  const { runtime } = require("@pulumi/pulumi");
  const { instanceOrgProvider } = require("pulumi-losant/dist/provider/index.js");
  const text = (await runtime.serializeFunction(() => instanceOrgProvider, { allowSecrets: true }))
    .text;
  lines.push(
    `serialized provider     ${(text.length / 1024).toFixed(1)} KiB (source tree; from the npm package it is captured as require() calls)`,
  );

  // The engine runs 4 x cores steps at once by default (8 on 2 cores).
  for (const scenario of [
    { rate: 10, burst: 10, concurrency: 8 },
    { rate: 10, burst: 10, concurrency: 32 },
    { rate: 10, burst: 1, concurrency: 8 },
  ]) {
    lines.push(await rateLimitedCreates(scenario));
  }

  const memory = process.memoryUsage();
  lines.push(
    `memory                  rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
  await sim.close();
  console.log(lines.join("\n"));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
