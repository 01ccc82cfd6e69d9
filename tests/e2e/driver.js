// Runs one Automation API operation on an inline Pulumi program in a process of its own and
// prints its outcome as one JSON line on stdout. tests/e2e/engine.ts starts it (one process per
// operation) with the request on stdin: see `EngineStack.drive` there.
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

async function main() {
  const request = JSON.parse(await readStdin());
  // As the program in workDir would: not `require.resolve(id, { paths })`, which resolves
  // `pulumi-losant` to this repository itself (package self-reference from this file's scope).
  const from = createRequire(path.join(request.workDir, "index.js"));
  const { LocalWorkspace, PulumiCommand } = from("@pulumi/pulumi/automation");
  const sdk = from(request.sdk);

  const pulumiCommand = await PulumiCommand.get({ root: request.cliRoot });
  const stack = await LocalWorkspace.createOrSelectStack(
    {
      stackName: request.stackName,
      projectName: request.projectName,
      program: inlineProgram(sdk, request.program),
    },
    { pulumiCommand, workDir: request.workDir, envVars: request.envVars },
  );

  let log = "";
  const engineOptions = { onOutput: (text) => (log += text), onError: (text) => (log += text) };
  try {
    return { result: await runOperation(stack, request.operation, engineOptions), log };
  } catch (err) {
    return { log, error: String((err && err.message) || err) };
  }
}

main().then(
  (outcome) => process.stdout.write(`${JSON.stringify(outcome)}\n`),
  (err) => {
    process.stderr.write(`${(err && err.stack) || err}\n`);
    process.exitCode = 1;
  },
);
