// Serializes the InstanceOrg provider the way `pulumi.dynamic.Resource` does and prints the
// text. Runs in its own process, as a Pulumi program would, from the directory whose
// node_modules should resolve `@pulumi/pulumi` and the provider's dependencies.
//
// usage: node serialize.js <module exporting instanceOrgProvider>
// Before serializing it configures the provider with the token in SERIALIZE_CONFIG_TOKEN and
// runs a check, so the test proves that settings read by configure() and validators compiled
// by check() never reach the serialized text.
"use strict";
const path = require("node:path");
const { createRequire } = require("node:module");

// Resolved as a program in the working folder would: `require.resolve(name, { paths })` from
// this file would first try this repository's own package name (a self-reference) and load
// the source tree where the installed package was meant.
const programRequire = createRequire(path.join(process.cwd(), "program.js"));
const { runtime } = programRequire("@pulumi/pulumi");
const { instanceOrgProvider } = programRequire(process.argv[2]);

async function main() {
  const token = process.env.SERIALIZE_CONFIG_TOKEN;
  await instanceOrgProvider.configure({
    config: { get: (key) => (key === "losant:apiToken" ? token : undefined), require: () => token },
  });
  // A check in this process compiles the schema validators: they must stay out of the text.
  await instanceOrgProvider.check({}, { instanceId: "5f0c1a2b3c4d5e6f7a8b9c0d", name: "x" });
  const serialized = await runtime.serializeFunction(() => instanceOrgProvider, {
    allowSecrets: true,
  });
  process.stdout.write(serialized.text);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
