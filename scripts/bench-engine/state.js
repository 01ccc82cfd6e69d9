// @ts-check
"use strict";
/**
 * What a stack's state weighs: the checkpoint file the engine rewrites after every step, the
 * exported resources, and the serialized provider text (`__provider`) each dynamic resource
 * carries in its inputs and again in its outputs.
 */

const { Buffer } = require("node:buffer");
const fs = require("node:fs");
const path = require("node:path");

/** Type tokens of dynamic resources start with this (`pulumi-nodejs:dynamic/losant:...`). */
const DYNAMIC_TYPE_PREFIX = "pulumi-nodejs:dynamic";

/**
 * @typedef {object} StateSize
 * @property {number} resources The dynamic resources in the stack.
 * @property {number} checkpointBytes Size of the checkpoint file in the backend.
 * @property {number} bytesPerResource One dynamic resource as exported, as JSON.
 * @property {number} providerBytesPerResource Its `__provider` text, one copy (inputs).
 * @property {boolean} providerInOutputs Whether the outputs carry a second copy.
 */

/**
 * The checkpoint file of `stack` in a file backend, whatever the backend's layout version.
 * @param {string} backendDir
 * @param {string} stack
 * @returns {string | undefined} its path, or undefined when there is none
 */
function checkpointFile(backendDir, stack) {
  const stacksDir = path.join(backendDir, ".pulumi", "stacks");
  if (!fs.existsSync(stacksDir)) return undefined;
  const names = new Set([`${stack}.json`, `${stack}.json.gz`]);
  /** @type {string[]} */
  const found = [];
  const walk = (/** @type {string} */ dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (names.has(entry.name)) found.push(full);
    }
  };
  walk(stacksDir);
  return found[0];
}

/** The plugin's org type. */
const PLUGIN_TYPE = "losant:index:InstanceOrg";

/**
 * Measures a stack from its `pulumi stack export` text and its checkpoint file.
 * @param {string} exported What `pulumi stack export` printed.
 * @param {string} backendDir
 * @param {string} stack
 * @returns {StateSize}
 * @throws {Error} when the export is not JSON or holds no dynamic resource
 */
function measureState(exported, backendDir, stack) {
  /** @type {{ deployment?: { resources?: Array<{ type: string, inputs?: Record<string, unknown>, outputs?: Record<string, unknown> }> } }} */
  const parsed = JSON.parse(exported);
  // The measured resources: the dynamic ones, or the plugin's orgs.
  const dynamic = (parsed.deployment?.resources ?? []).filter(
    (r) => r.type.startsWith(DYNAMIC_TYPE_PREFIX) || r.type === PLUGIN_TYPE,
  );
  if (dynamic.length === 0) throw new Error(`stack ${stack} holds no org resource`);
  const text = (/** @type {unknown} */ value) => (typeof value === "string" ? value.length : 0);
  const sum = (/** @type {(r: (typeof dynamic)[number]) => number} */ f) =>
    dynamic.reduce((total, r) => total + f(r), 0);
  const file = checkpointFile(backendDir, stack);
  return {
    resources: dynamic.length,
    checkpointBytes: file ? fs.statSync(file).size : 0,
    bytesPerResource: sum((r) => Buffer.byteLength(JSON.stringify(r))) / dynamic.length,
    providerBytesPerResource: sum((r) => text(r.inputs?.__provider)) / dynamic.length,
    providerInOutputs: dynamic.some((r) => text(r.outputs?.__provider) > 0),
  };
}

module.exports = { measureState };
