// Loads a serialized provider the way the engine's dynamic provider host does
// (`require-from-string`, then `.handler()`, then `configure`) in a fresh process, runs
// create, diff, read, update and delete against the API in HOST_API_URL with HOST_API_TOKEN,
// and prints one JSON line of what happened. The serialized text comes on stdin.
"use strict";
const requireFromString = require(
  require.resolve("require-from-string", {
    paths: [require.resolve("@pulumi/pulumi", { paths: [process.cwd()] })],
  }),
);

function readStdin() {
  return new Promise((resolve) => {
    let text = "";
    process.stdin.on("data", (chunk) => (text += chunk));
    process.stdin.on("end", () => resolve(text));
  });
}

/** Whether ajv, the schema validator, is loaded in this process yet. */
function validatorLoaded() {
  return Object.keys(require.cache).some((file) => /[\\/]node_modules[\\/]ajv[\\/]/.test(file));
}

function describeError(err) {
  const { name, type, status, apiMessage, message } = err;
  return { name, type, status, apiMessage, message };
}

async function main() {
  const provider = requireFromString(await readStdin()).handler();
  const configure = (url) => {
    const settings = { "losant:apiToken": process.env.HOST_API_TOKEN, "losant:apiUrl": url };
    return provider.configure({
      config: { get: (key) => settings[key], require: (key) => settings[key] },
    });
  };
  await configure(process.env.HOST_API_URL);

  const inputs = {
    instanceId: process.env.HOST_INSTANCE_ID,
    name: "serialized",
    limits: { device: 4 },
  };
  const created = await provider.create(inputs);
  const diffAfterCreate = await provider.diff(created.id, created.outs, inputs);
  const read = await provider.read(created.id, created.outs);
  const updated = await provider.update(created.id, read.props, {
    ...inputs,
    description: "updated",
  });
  await provider.delete(created.id, updated.outs);
  // 404s must still be recognised once errors have gone through the serializer.
  const readAfterDelete = await provider.read(created.id, updated.outs);
  const deleteAgain = await provider.delete(created.id, updated.outs).then(() => "ok");

  // The transport fingerprint: the same failure must be classified as in the source process.
  await configure(process.env.HOST_REFUSED_URL);
  const refused = await provider.read(created.id, updated.outs).then(
    () => null,
    (err) => describeError(err),
  );
  const validatorBeforeCheck = validatorLoaded();
  const check = await provider.check({}, { ...inputs, limits: { dataTTL: 3600 } });
  const validatorAfterCheck = validatorLoaded();
  process.stdout.write(
    JSON.stringify({
      created,
      diffAfterCreate,
      read,
      updated,
      readAfterDelete,
      deleteAgain,
      refused,
      check,
      validatorBeforeCheck,
      validatorAfterCheck,
    }) + "\n",
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
