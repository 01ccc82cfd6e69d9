// @ts-check
"use strict";
/**
 * `npm run bench:import -- [--n 1000] [--keep]`: `pulumi-losant import` at scale, on the path a
 * user takes. An instance of the simulator holds N existing orgs (some sharing a name); in a
 * plain TypeScript Pulumi project with the package installed from its `npm pack` tarball, the
 * package's bin writes `orgs.ts`, the program is `import "./orgs";`, and the plain `pulumi` CLI
 * previews, adopts (`up`) and previews again with `--expect-no-changes`. Prints the wall time
 * and the requests of each step; the adoption must send no POST and no PATCH.
 */

const { execFile } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const { parseArgs, promisify } = require("node:util");
const { findCli, pulumi } = require("./cli.js");
const { createProject } = require("./project.js");
const { table } = require("./report.js");

const exec = promisify(execFile);
const PASSPHRASE = "bench-import";
const STACK = "imported";

/** @param {string} line */
function log(line) {
  process.stderr.write(`[bench:import ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/**
 * Requests the simulator answered since its log was last reset, as `METHOD count` pairs.
 * @param {import("../../simulator").Simulator} sim
 * @returns {Record<string, number>}
 */
function requestsByMethod(sim) {
  /** @type {Record<string, number>} */
  const counts = {};
  for (const entry of sim.requests.entries) counts[entry.method] = (counts[entry.method] ?? 0) + 1;
  return counts;
}

/**
 * Seeds `n` orgs over the API, as they would exist before anyone managed them: every tenth one
 * shares its name with the one before, since Losant allows that and the import must still give
 * each a resource name of its own.
 * @param {import("../../simulator").Simulator} sim
 * @param {number} n
 */
async function seedOrgs(sim, n) {
  for (let i = 0; i < n; i++) {
    const name = `Customer ${i % 10 === 9 ? i - 1 : i}`;
    const response = await globalThis.fetch(`${sim.url}/instances/${sim.instanceId}/orgs`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${sim.tokens.admin}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({
        name,
        description: `existing org ${i}`,
        limits: { device: 100 + i },
        tags: [{ key: "customer", value: String(i) }],
      }),
    });
    if (!response.ok)
      throw new Error(`seeding org ${i}: ${response.status} ${await response.text()}`);
  }
}

/**
 * Turns the benchmark's JavaScript project into a TypeScript one whose program is the
 * generated module, as docs/importing-and-adopting.md walks through it.
 * @param {string} dir
 */
async function makeTypeScriptProject(dir) {
  fs.rmSync(path.join(dir, "index.js"));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  delete manifest.main;
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, "index.ts"), 'import "./orgs";\n');
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: "ES2022",
        module: "commonjs",
        moduleResolution: "node",
        esModuleInterop: true,
        skipLibCheck: true,
      },
      files: ["index.ts"],
    }),
  );
  const typescript = require("typescript/package.json").version;
  await exec(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", `typescript@${typescript}`],
    { cwd: dir },
  );
}

/** @param {string[]} argv */
async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { n: { type: "string", default: "1000" }, keep: { type: "boolean", default: false } },
  });
  const n = Number(values.n);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--n must be a positive integer, not ${values.n}`);
  const cli = await findCli(log);
  log("packing the package and installing it into a plain Pulumi project");
  const project = await createProject();
  await makeTypeScriptProject(project.dir);
  const { startSimulator } = require(
    require.resolve("pulumi-losant/simulator", { paths: [project.dir] }),
  );
  const sim = await startSimulator({ validateResponses: false });
  const env = {
    PULUMI_BACKEND_URL: `file://${project.backendDir}`,
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_HOME: path.join(project.tmp, "pulumi-home"),
    LOSANT_API_TOKEN: sim.tokens.admin,
    LOSANT_API_URL: sim.url,
  };
  /** @type {string[][]} */
  const rows = [];
  /**
   * @param {string} step
   * @param {() => Promise<unknown>} action
   */
  const measure = async (step, action) => {
    sim.requests.reset();
    const started = performance.now();
    await action();
    const seconds = (performance.now() - started) / 1000;
    const requests = requestsByMethod(sim);
    rows.push([
      step,
      seconds.toFixed(1),
      Object.entries(requests)
        .map(([method, count]) => `${method} ${count}`)
        .join(", ") || "0",
    ]);
    log(`${step}: ${seconds.toFixed(1)} s, ${JSON.stringify(requests)}`);
    return requests;
  };
  try {
    log(`seeding ${n} orgs`);
    await seedOrgs(sim, n);
    await pulumi(cli, ["stack", "init", STACK, "--non-interactive"], project.dir, env);
    const bin = path.join(project.dir, "node_modules/.bin/pulumi-losant");
    await measure("pulumi-losant import --format ts", () =>
      exec(bin, ["import", "--instance-id", sim.instanceId, "--format", "ts", "--out", "orgs.ts"], {
        cwd: project.dir,
        env: { ...process.env, ...env },
      }),
    );
    await measure("pulumi preview", () =>
      pulumi(cli, ["preview", "--non-interactive"], project.dir, env),
    );
    const up = await measure("pulumi up", () =>
      pulumi(cli, ["up", "--yes", "--skip-preview", "--non-interactive"], project.dir, env),
    );
    await measure("pulumi preview --expect-no-changes", () =>
      pulumi(cli, ["preview", "--expect-no-changes", "--non-interactive"], project.dir, env),
    );
    const orgsAfter = sim.orgs().length;
    process.stdout.write(
      `${table(["step", "seconds", "requests"], rows)}\n\n` +
        `${n} orgs existed; after up the instance holds ${orgsAfter}; the adoption sent ` +
        `${up.POST ?? 0} POST and ${up.PATCH ?? 0} PATCH.\n`,
    );
    if ((up.POST ?? 0) !== 0 || (up.PATCH ?? 0) !== 0 || orgsAfter !== n) process.exitCode = 1;
  } finally {
    await sim.close();
    if (values.keep) log(`kept ${project.tmp}`);
    else fs.rmSync(project.tmp, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((err) => {
  log(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
