// Runs Automation API operations on an inline Pulumi program in a process of its own.
// tests/e2e/engine.ts starts it: see `EngineStack.drive` there. Two modes:
// - one operation: the request on stdin, its outcome as one JSON line on stdout (hardStop.ts
//   starts it this way, to kill the operation's whole process group);
// - `--serve`: one request per line on stdin, each outcome as one JSON line on fd 3, for as
//   long as stdin stays open. A stack's operations then share one process, its workspace and
//   its loaded modules, as a user's Automation API program running several operations does:
//   starting Node, loading `@pulumi/pulumi` and selecting the stack once per operation was a
//   large share of the suite's CPU time. Each request carries the caller's environment, which
//   becomes this process's (and so the CLI's, the program's and the provider's) for that
//   operation, as if the process had been started for it.
//
// Why not in jest's own process, where it also runs: the inline program runs in the calling
// process, and Pulumi serializes the provider into the state from there. Under jest the text
// came out different from a plain Node program's: a module-level function named like one of
// jest's globals (a `describe` in provider/losant/errors.ts, since renamed) was not captured,
// so the stored provider would call a function the engine's provider host does not have; and
// `Error` came out as `global.global.Error`. Here the program runs in plain Node, as a user's
// program does.
//
// `@pulumi/pulumi`, its Automation API and the SDK are all resolved from the program's folder
// (`workDir`), so the program, the SDK and the engine's dynamic provider host share the one
// `@pulumi/pulumi` installed there, as in a user's program.
"use strict";
const path = require("node:path");
const { createRequire } = require("node:module");

function readStdin() {
  return new Promise((resolve) => {
    let text = "";
    process.stdin.on("data", (chunk) => (text += chunk));
    process.stdin.on("end", () => resolve(text));
  });
}

/** The Pulumi program a `ProgramSpec` describes: its orgs, and usage read through the SDK. */
function inlineProgram(sdk, spec) {
  return async () => {
    const outputs = {};
    const orgs = {};
    for (const [name, args] of Object.entries(spec.orgs)) {
      const ignoreChanges = spec.ignoreChanges?.[name];
      const org = new sdk.InstanceOrg(name, args, ignoreChanges ? { ignoreChanges } : undefined);
      orgs[name] = org;
      outputs[name] = { orgId: org.orgId, name: org.name };
    }
    if (spec.deviceCountsOf !== undefined) {
      const org = orgs[spec.deviceCountsOf];
      outputs.deviceCounts = sdk.getDeviceCountsOutput({
        instanceId: org.instanceId,
        orgId: org.orgId,
      });
    }
    return outputs;
  };
}

/** Outputs as plain values: `{ name: { value, secret } }` becomes `{ name: value }`. */
function plainOutputs(outputs) {
  return Object.fromEntries(Object.entries(outputs ?? {}).map(([k, v]) => [k, v.value]));
}

async function runOperation(stack, operation, engineOptions) {
  switch (operation.op) {
    case "config":
      await stack.setAllConfig(operation.values);
      return {};
    case "preview": {
      const result = await stack.preview(engineOptions);
      return { changeSummary: result.changeSummary };
    }
    case "up": {
      const result = await stack.up(engineOptions);
      return {
        resourceChanges: result.summary.resourceChanges,
        outputs: plainOutputs(result.outputs),
      };
    }
    case "refresh": {
      const result = await stack.refresh(engineOptions);
      return { resourceChanges: result.summary.resourceChanges };
    }
    case "destroy": {
      const result = await stack.destroy(engineOptions);
      return { resourceChanges: result.summary.resourceChanges };
    }
    case "export":
      return { deployment: (await stack.exportStack()).deployment };
    default:
      throw new Error(`driver: unknown operation ${operation.op}`);
  }
}

/** Stacks this process has selected, by CLI, folder and name: selected once, reused after. */
const stacks = new Map();

/** The stack of `request`, its workspace's program set to the request's. */
async function stackFor(request) {
  // As the program in workDir would: not `require.resolve(id, { paths })`, which resolves
  // `pulumi-losant` to this repository itself (package self-reference from this file's scope).
  const from = createRequire(path.join(request.workDir, "index.js"));
  const sdk = from(request.sdk);
  const program = inlineProgram(sdk, request.program);
  const key = JSON.stringify([request.cliRoot, request.workDir, request.stackName]);
  let stack = stacks.get(key);
  if (stack === undefined) {
    const automation = from("@pulumi/pulumi/automation");
    const pulumiCommand = await automation.PulumiCommand.get({ root: request.cliRoot });
    const args = { stackName: request.stackName, projectName: request.projectName, program };
    const options = { pulumiCommand, workDir: request.workDir, envVars: request.envVars };
    // Create first: a suite's stacks are new but for a restarted process's, and
    // createOrSelectStack tries `stack select` first, a failing `pulumi` run for every new one.
    // A stack that exists fails to init (already there, or locked by a killed run): select it.
    stack = await automation.LocalWorkspace.createStack(args, options).catch((createError) =>
      automation.LocalWorkspace.selectStack(args, options).catch(() => {
        throw createError;
      }),
    );
    stacks.set(key, stack);
  }
  stack.workspace.program = program;
  return stack;
}

/**
 * After an operation the Automation API reads what it returns from the CLI: after `up`, the
 * outputs twice (masked, then shown, to learn which are secret) and the history's last entry;
 * after `refresh` and `destroy`, that entry. Each read is a `pulumi` run of about half a second
 * of CPU, a third of all the CLI runs of the engine suites. Here the counts come from the
 * operation's own summary event, which the engine sends before it exits and which the history
 * entry is written from, and the outputs from one read with secrets shown (no test here asks
 * which output is secret).
 */
function readResultsCheaply(stack, summaryOf) {
  const workspace = stack.workspace;
  stack.info = async () => {
    const summary = summaryOf();
    return summary && { resourceChanges: summary.resourceChanges };
  };
  workspace.stackOutputs = async (stackName) => {
    const args = ["stack", "output", "--json", "--show-secrets", "--stack", stackName];
    const outputs = JSON.parse((await workspace.runPulumiCmd(args)).stdout);
    return Object.fromEntries(
      Object.entries(outputs).map(([key, value]) => [key, { value, secret: false }]),
    );
  };
}

/** Makes `env` this process's whole environment. */
function useEnvironment(env) {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  Object.assign(process.env, env);
}

/** Runs one request: its outcome, never a rejection once the stack is selected. */
async function handle(request) {
  if (request.env) useEnvironment(request.env);
  const stack = await stackFor(request);
  let log = "";
  let summary;
  readResultsCheaply(stack, () => summary);
  const engineOptions = {
    onOutput: (text) => (log += text),
    onError: (text) => (log += text),
    onEvent: (event) => {
      if (event.summaryEvent) summary = event.summaryEvent;
    },
  };
  try {
    return { result: await runOperation(stack, request.operation, engineOptions), log };
  } catch (err) {
    return { log, error: String((err && err.message) || err) };
  }
}

/** `--serve`: a request per stdin line, an outcome per fd 3 line, one at a time, in order. */
function serve() {
  const out = require("node:fs").createWriteStream(null, { fd: 3 });
  const lines = require("node:readline").createInterface({ input: process.stdin });
  let queue = Promise.resolve();
  lines.on("line", (line) => {
    queue = queue.then(async () => {
      // `fatal`: the operation never ran (the stack could not be selected, say); the caller
      // rejects, as it does when a one-operation process exits non-zero.
      const outcome = await handle(JSON.parse(line)).catch((err) => ({
        log: "",
        fatal: String((err && err.stack) || err),
      }));
      out.write(`${JSON.stringify(outcome)}\n`);
    });
  });
  lines.on("close", () => queue.then(() => out.end()));
}

if (process.argv.includes("--serve")) {
  serve();
} else {
  readStdin()
    .then((text) => handle(JSON.parse(text)))
    .then(
      (outcome) => process.stdout.write(`${JSON.stringify(outcome)}\n`),
      (err) => {
        process.stderr.write(`${(err && err.stack) || err}\n`);
        process.exitCode = 1;
      },
    );
}
