// @ts-check
"use strict";
/**
 * Body of the `pulumi-resource-pulumi-nodejs` launcher: runs the dynamic provider host of the
 * `@pulumi/pulumi` that the program in the current working directory uses.
 *
 * The engine starts the plugin in the program's directory (the Automation API workspace's
 * `workDir`), so `@pulumi/pulumi` is resolved from `process.cwd()`, the way the SDK's own
 * launcher does with `./node_modules/@pulumi/pulumi/cmd/dynamic-provider`, but walking up
 * through parent `node_modules` folders as Node does.
 *
 * The provider host reads its arguments from `process.argv.slice(2)`; `argv[1]` is set to
 * the resolved module so it sees exactly what `node <dynamic-provider> <args...>` gives it.
 */

const MODULE = "@pulumi/pulumi/cmd/dynamic-provider";

let entry;
try {
  entry = require.resolve(MODULE, { paths: [process.cwd()] });
} catch (err) {
  const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
  process.stderr.write(
    `pulumi-resource-pulumi-nodejs: cannot resolve ${MODULE} from ${process.cwd()}: ` +
      `${message}\n` +
      "The dynamic provider runs in the Pulumi program's working directory (the Automation " +
      "API workspace's workDir): install @pulumi/pulumi there or in a parent folder " +
      "(npm install @pulumi/pulumi), or point workDir at the project that has it.\n",
  );
  process.exit(1);
}

process.argv[1] = entry;
require(entry);
