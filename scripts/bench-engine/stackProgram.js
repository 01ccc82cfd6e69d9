// @ts-check
// The Pulumi program of the engine benchmark, copied as `index.js` into a plain Pulumi project
// whose node_modules hold `pulumi-losant` (from its `npm pack` tarball) and `@pulumi/pulumi`.
// `BENCH_KIND=orgs` declares BENCH_COUNT InstanceOrgs; `BENCH_KIND=noop` declares as many
// dynamic resources with the same inputs whose provider does nothing: the engine's own cost
// for a stack of that shape, the floor the orgs are measured against; `BENCH_KIND=plugin`
// declares as many orgs of the `losant` provider plugin (losant:index:InstanceOrg).
"use strict";
const pulumi = require("@pulumi/pulumi");

/**
 * The inputs of resource `i`, the same for both kinds.
 * @param {string} instanceId
 * @param {number} i
 */
function declared(instanceId, i) {
  return {
    instanceId,
    name: `bench-${i}`,
    description: `engine benchmark org ${i}`,
    limits: { device: 100 + i, dataTTL: 2592000 },
    tags: [
      { key: "env", value: "bench" },
      { key: "n", value: String(i) },
    ],
    banner: { message: "hello", level: /** @type {const} */ ("info") },
  };
}

/**
 * Does nothing, as fast as the engine lets it: what a dynamic resource costs the engine.
 * Module-level, with the same steps as the org provider, so both stacks run the same engine
 * steps; its outputs are its inputs.
 * @type {pulumi.dynamic.ResourceProvider}
 */
const noopProvider = {
  async check(_olds, news) {
    return { inputs: news };
  },
  async diff() {
    return { changes: false };
  },
  async create(inputs) {
    return { id: inputs.name, outs: inputs };
  },
  async read(id, props) {
    return { id, props };
  },
  async update(_id, _olds, news) {
    return { outs: news };
  },
  async delete() {},
};

/** One no-op resource of the same type token shape as an InstanceOrg. */
class NoopOrg extends pulumi.dynamic.Resource {
  /**
   * @param {string} name
   * @param {Record<string, unknown>} args
   */
  constructor(name, args) {
    super(noopProvider, name, args, undefined, "losant", "NoopOrg");
  }
}

/** One org of the `losant` provider plugin. */
class PluginOrg extends pulumi.CustomResource {
  /**
   * @param {string} name
   * @param {Record<string, unknown>} args
   */
  constructor(name, args) {
    super("losant:index:InstanceOrg", name, args);
  }
}

const kind = process.env.BENCH_KIND;
const count = Number(process.env.BENCH_COUNT);
const instanceId = process.env.BENCH_INSTANCE_ID ?? "";
if (kind !== "orgs" && kind !== "noop" && kind !== "plugin") {
  throw new Error(`BENCH_KIND must be "orgs", "noop" or "plugin", not ${JSON.stringify(kind)}`);
}
if (!Number.isInteger(count) || count < 1) {
  throw new Error(`BENCH_COUNT must be a positive integer, not ${JSON.stringify(count)}`);
}
const { InstanceOrg } = kind === "orgs" ? require("pulumi-losant") : { InstanceOrg: undefined };
for (let i = 0; i < count; i++) {
  const args = declared(instanceId, i);
  if (InstanceOrg) new InstanceOrg(`org-${i}`, args);
  else if (kind === "plugin") new PluginOrg(`org-${i}`, args);
  else new NoopOrg(`org-${i}`, args);
}
